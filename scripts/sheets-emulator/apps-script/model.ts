/** The Apps Script half's records: script projects, installable triggers, executions, and the events handed to scripts. */

/** The parts of appsscript.json the emulator reads. */
export interface Manifest {
  timeZone?: string;
  /** Explicit scopes; when absent Apps Script detects them from the code (and never adds `openid`). */
  oauthScopes?: string[];
  [key: string]: unknown;
}

/**
 * Whether a trigger may reveal the editor's address (`e.user`, Session.getActiveUser): 'google' follows Google's rule
 * (same account, or both in one Workspace domain); 'always'/'never' stand for an owner inside or outside the editors'
 * Workspace domain (`POST /__emulator/scripts`'s `userVisibility`).
 */
export type UserVisibility = 'google' | 'always' | 'never';

/** One Apps Script project, standalone (owned by a user) or bound to a spreadsheet. */
export interface ScriptRecord {
  id: string;
  title: string;
  owner: string;
  /** People the project is shared with (standalone scripts; a bound script follows its container's editors). */
  editors: string[];
  source: string;
  manifest: Manifest;
  /** The container spreadsheet of a bound script. */
  boundTo?: string;
  /** The OAuth client of the script's Cloud project: the `aud` of its identity tokens. */
  clientId: string;
  projectNumber: string;
  /** ISO time. */
  createdAt: string;
  scriptProperties: Record<string, string>;
  /** User properties, per user address. */
  userProperties: Record<string, Record<string, string>>;
  /** Document properties of a bound script. */
  documentProperties: Record<string, string>;
  /** Scopes each user granted on the consent screen (a user without an entry never authorised the script). */
  consents: Record<string, string[]>;
  userVisibility: UserVisibility;
}

/** Kinds of installable trigger the emulator runs. */
export type TriggerEventType = 'ON_EDIT' | 'ON_CHANGE' | 'CLOCK';

/** One installable trigger: it runs `handler` as its creator. */
export interface TriggerRecord {
  uid: string;
  scriptId: string;
  creator: string;
  handler: string;
  source: 'SPREADSHEETS' | 'CLOCK';
  /** The spreadsheet of a spreadsheet trigger. */
  sourceId?: string;
  eventType: TriggerEventType;
  /** Interval of a repeating time-driven trigger. */
  everyMs?: number;
  /** Emulator time (ms) a time-driven trigger is next due; absent once a one-off trigger has run. */
  nextRunAt?: number;
  /** ISO time. */
  createdAt: string;
}

/** One UrlFetchApp call of an execution. */
export interface UrlFetchRecord {
  url: string;
  method: string;
  /** ISO time (emulator clock) the call was made. */
  at: string;
  /** HTTP status; 0 when nothing answered or the call was refused. */
  status: number;
  durationMs: number;
  error?: string;
}

/** Where an execution stands, as the Executions page shows it. */
export type ExecutionStatus = 'queued' | 'running' | 'completed' | 'failed' | 'timed out';

/** One execution, as `GET /__emulator/apps-script/executions` reports it. */
export interface ExecutionRecord {
  id: string;
  scriptId: string;
  function: string;
  /** The trigger that ran it; absent for a run from the editor. */
  trigger?: { uid: string; eventType: TriggerEventType };
  /** The effective user: the trigger's creator, or who pressed Run. */
  runAs: string;
  /** ISO time (emulator clock) it was queued. */
  queuedAt: string;
  /** ISO time (emulator clock) it started. */
  start?: string;
  /** Wall-clock duration, including the time spent waiting on UrlFetchApp. */
  durationMs?: number;
  status: ExecutionStatus;
  error?: string;
  urlFetch: UrlFetchRecord[];
  /** Logger.log and console output. */
  logs: string[];
  /** The function's return value, when it was JSON. */
  result?: unknown;
}

/** A spreadsheet as scripts see it. */
export interface SpreadsheetRef {
  id: string;
  name: string;
  url: string;
}

/** The range of an edit event. */
export interface RangeRef {
  sheetName: string;
  sheetId: number;
  /** A1 notation without the sheet name, as Range.getA1Notation(). */
  a1: string;
  /** One-based. */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** An event handed to a trigger's handler, as plain data (the sandbox builds Apps Script's objects from it). */
export type ScriptEvent =
  | {
      type: 'edit';
      triggerUid: string;
      /** The editor's address, or '' when it may not be revealed. */
      user: string;
      source: SpreadsheetRef;
      range: RangeRef;
      value?: string;
      oldValue?: string;
    }
  | { type: 'change'; triggerUid: string; user: string; source: SpreadsheetRef; changeType: string }
  | { type: 'clock'; triggerUid: string; fields: Record<string, number | string> };

/** What a UI edit or change tells the trigger machinery. */
export type SheetUiEvent =
  | {
      kind: 'edit';
      user: string;
      range: RangeRef;
      value?: string;
      oldValue?: string;
    }
  | { kind: 'change'; user: string; changeType: string };

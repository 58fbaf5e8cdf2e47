/** The seam between the emulator's parts: the HTTP shell and Drive (server, contract, drive/) and Sheets (sheets/). */
// Both halves code against these types. Add fields freely; never rename or remove one another part uses.
import type { sheets_v4 } from '@googleapis/sheets';

/** A caller identity, resolved from the bearer token (accounts/ and oauth/ fill the optional parts). */
export interface Identity {
  email: string;
  /** The token's OAuth scopes; absent for a person in Google's own UI, who may do anything their roles allow. */
  scopes?: string[];
  /** The app (OAuth client id, or a service account's own client id) the token was issued to. */
  appId?: string;
  /** Cloud project number of that app: developer metadata with PROJECT visibility belongs to one project. */
  projectNumber?: string;
  /** Set per call: the only scope granting this call is per-file (drive.file), so only the app's files are visible. */
  perFile?: boolean;
}

/** Drive's view of a file; a spreadsheet file also carries its Sheets model. */
export interface FileRecord {
  id: string;
  name: string;
  mimeType: string;
  /** RFC 3339, UTC. */
  createdTime: string;
  /** RFC 3339, UTC; bumped by every edit (see EmulatorContext.touch). */
  modifiedTime: string;
  /** Monotonic version, bumped by every edit, as Drive's `version` (a decimal string on the wire). */
  version: number;
  trashed: boolean;
  ownerEmail: string;
  /** Who made the last content or name edit (Drive's lastModifyingUser); absent on files saved before it existed. */
  lastModifyingEmail?: string;
  permissions: PermissionRecord[];
  parents: string[];
  /** The shared drive holding the file (then ownerEmail is '': the drive owns it); on the drive's root, its own id. */
  driveId?: string;
  /** Apps (OAuth client ids) that created the file or had it opened with them: what drive.file lets them see. */
  appIds?: string[];
  /** Present when mimeType is application/vnd.google-apps.spreadsheet. Owned by sheets/. */
  spreadsheet?: SpreadsheetModel;
}

/** One Drive permission. */
export interface PermissionRecord {
  id: string;
  type: 'user' | 'group' | 'domain' | 'anyone';
  role: 'owner' | 'organizer' | 'fileOrganizer' | 'writer' | 'commenter' | 'reader';
  emailAddress?: string;
  /** For type 'domain': the domain whose users get the role. */
  domain?: string;
  /** For 'domain'/'anyone': whether the file shows up in searches (false = "anyone with the link"). */
  allowFileDiscovery?: boolean;
}

/**
 * The Sheets half's model of one spreadsheet. Opaque to the Drive half except `title`
 * (Drive's `name` and the spreadsheet title stay in sync: see EmulatorContext.renameFile).
 */
export interface SpreadsheetModel {
  spreadsheetId: string;
  properties: sheets_v4.Schema$SpreadsheetProperties;
  /** Anything else the Sheets half keeps (grids, metadata, named ranges, ...). */
  [key: string]: unknown;
}

/** An error with Google's JSON body `{"error": {"code", "message", "status"}}`. */
export class GoogleApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
    readonly extra: {
      errors?: { message: string; domain: string; reason: string }[];
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = 'GoogleApiError';
  }

  /** The JSON body Google sends with this error. */
  toBody(): { error: { code: number; message: string; status: string; errors?: unknown[] } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        status: this.status,
        ...(this.extra.errors ? { errors: this.extra.errors } : {}),
      },
    };
  }
}

/** A Sheets request after routing: which discovery method it is and its decoded path parameters. */
export interface SheetsRoute {
  /** Discovery method id, e.g. "sheets.spreadsheets.values.get". */
  methodId: string;
  /** Decoded path parameters, e.g. { spreadsheetId, range }. */
  params: Record<string, string>;
}

/** What the Sheets half receives for one validated request. */
export interface SheetsCall extends SheetsRoute {
  /** Query parameters; repeated ones (ranges) as arrays. Already validated against discovery. */
  query: Record<string, string | string[]>;
  /** Parsed JSON body (already validated against discovery), or undefined. */
  body: unknown;
  caller: Identity;
}

/** Services the shell gives the Sheets half. */
export interface EmulatorContext {
  /** The file, or GoogleApiError 404 "Requested entity was not found." when missing or not visible to caller. */
  getSpreadsheetFile(spreadsheetId: string, caller: Identity): FileRecord;
  /** Throws GoogleApiError 403 "The caller does not have permission" unless caller may edit the file. */
  assertCanWrite(file: FileRecord, caller: Identity): void;
  /** Registers a new spreadsheet file owned by caller (spreadsheets.create). */
  createSpreadsheetFile(model: SpreadsheetModel, caller: Identity): FileRecord;
  /**
   * Records an edit: bumps modifiedTime/version, notifies watchers, schedules persistence. A changed
   * `spreadsheet.properties.title` is copied to Drive's `name` here (that is how a title edit renames the file).
   */
  touch(file: FileRecord): void;
  /** Current time (injectable for tests). */
  now(): Date;
}

/** The Sheets half's entry points, implemented in sheets/. */
export interface SheetsHandler {
  /**
   * Maps a raw (still percent-encoded) path under /v4/ and an HTTP method to a route, or null if unknown.
   * The shell passes the whole request path without the query string, e.g. `/v4/spreadsheets/abc/values/Sheet1%21A1:append`.
   */
  route(httpMethod: string, rawPath: string): SheetsRoute | null;
  /** Executes the call and returns the JSON response body (before response-schema filtering and `fields`). */
  handle(call: SheetsCall, ctx: EmulatorContext): unknown;
  /** A fresh model for a Drive-created spreadsheet (files.create with the spreadsheet mimeType). */
  newSpreadsheet(spreadsheetId: string, title: string): SpreadsheetModel;
  /** A deep copy for files.copy, under a new id and title. */
  copySpreadsheet(model: SpreadsheetModel, newId: string, title: string): SpreadsheetModel;
}

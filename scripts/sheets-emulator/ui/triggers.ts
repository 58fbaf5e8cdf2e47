/** What UI edits need from the trigger machinery (apps-script/), and the legacy per-spreadsheet trigger's types. */
import type { SheetEvent } from '@theodoi/apps-script/contract';
import type { SheetUiEvent } from '../apps-script/model.js';

/** What the coordinator's "Cài đặt kích hoạt" step leaves behind: where to POST and the shared secret. */
export interface InstalledTrigger {
  url: string;
  secret: string;
  /**
   * false: send `user: null`, as Apps Script does when it may not reveal the editor (an account outside the
   * script owner's Workspace domain). Default true.
   */
  revealUser?: boolean;
}

/** One POST of the legacy trigger's script, as `GET /__emulator/triggers` reports it. */
export interface TriggerDelivery {
  spreadsheetId: string;
  deliveryId: string;
  kind: SheetEvent['kind'];
  url: string;
  /** The event as sent (without the secret). */
  event: SheetEvent;
  /** ISO time the delivery was sent. */
  at: string;
  /** HTTP status of the answer; 0 when the receiver could not be reached (Apps Script's return value then). */
  status: number;
  /** Network error, when there was one. */
  error?: string;
}

/** What a UI edit or change set off: the executions of every installed trigger, and the legacy delivery id. */
export interface Fired {
  /** Execution ids (`GET /__emulator/apps-script/executions`). */
  executions: string[];
  /** The deliveryId the legacy trigger's script will send, when the spreadsheet has one. */
  deliveryId?: string;
}

/** The trigger machinery as the UI sees it. */
export interface SheetTriggers {
  /** Fires every installed trigger of the spreadsheet for what a person did in the UI; never blocks or fails. */
  fire(spreadsheetId: string, event: SheetUiEvent): Fired;
  /** Installs (or replaces) the legacy trigger of a spreadsheet. */
  install(spreadsheetId: string, trigger: InstalledTrigger): void;
  /** Removes the legacy trigger of a spreadsheet; false when there was none. */
  remove(spreadsheetId: string): boolean;
  /** The legacy trigger of a spreadsheet (url only: the secret stays inside). */
  describe(spreadsheetId: string): { url: string } | undefined;
  /** The legacy trigger's deliveries so far, oldest first. */
  deliveries(): TriggerDelivery[];
  /** Forgets the delivery log (triggers stay installed). */
  clearLog(): void;
  /** Resolves when no trigger execution is queued or running. */
  idle(): Promise<void>;
}

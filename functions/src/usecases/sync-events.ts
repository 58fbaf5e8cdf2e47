/**
 * Named events of the sync and the deadline check about a directive's spreadsheet (a tab recreated, access lost
 * or regained), for the logs: English, with ids and counts, never a title or a cell officers typed. The runtime's
 * logs (`logs.ts`) implement them.
 */
import type { AccessProblem } from '../sheets/api/google-error.js';

/** The events; the use cases call those they are given. */
export interface SyncEvents {
  reportTabRecreated(event: {
    directiveId: string;
    periodKey: string;
    sheetId: number;
    previousSheetId: number;
    refilledUnits: number;
  }): void;
  spreadsheetAccessLost(event: {
    directiveId: string;
    spreadsheetId: string;
    reason: AccessProblem;
    since: Date;
  }): void;
  spreadsheetAccessRestored(event: { directiveId: string; spreadsheetId: string; lostSince: Date }): void;
}

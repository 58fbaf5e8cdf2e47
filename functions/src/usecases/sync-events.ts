/**
 * Named events of the sync and the deadline check about a directive's spreadsheet (a tab recreated, access lost
 * or regained), for the logs: English, with ids and counts, never a title or a cell officers typed.
 */
import type { Logger } from '../logger.js';
import type { AccessProblem } from '../sheets/access-error.js';

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

/** The events written to `logger`, one named line each (to spread into the runtime's logs). */
export function syncEventLogs(logger: Logger): SyncEvents {
  return {
    reportTabRecreated: (event) => logger.warning('Report tab recreated', event),
    spreadsheetAccessLost: (event) =>
      logger.error('Spreadsheet access lost', { ...event, since: event.since.toISOString() }),
    spreadsheetAccessRestored: (event) =>
      logger.info('Spreadsheet access restored', { ...event, lostSince: event.lostSince.toISOString() }),
  };
}

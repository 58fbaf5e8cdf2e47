/** Every log event theodoi emits, one named function each (alphabetical per group), so messages are asserted in tests. */
import type { Logger } from './logger.js';
import type { RunEvents } from './usecases/run-events.js';
import type { SyncEvents } from './usecases/sync-events.js';

/** The named log events bound to one logger. */
export type Logs = ReturnType<typeof createLogs>;

/** Binds the named log events to `logger`. */
export function createLogs(logger: Logger) {
  // The sync's and the deadline check's events about a spreadsheet (use cases take them as `events`).
  const spreadsheetEvents: SyncEvents = {
    reportTabRecreated: (event) => logger.warning('Report tab recreated', event),
    spreadsheetAccessLost: (event) =>
      logger.error('Spreadsheet access lost', { ...event, since: event.since.toISOString() }),
    spreadsheetAccessRestored: (event) =>
      logger.info('Spreadsheet access restored', { ...event, lostSince: event.lostSince.toISOString() }),
  };
  // The runs' events: a sync asked for, the sweep, the deadline check, the dashboards, the reminders.
  const runEvents: RunEvents = {
    dashboardFailed: (organisationId, error) =>
      logger.error('Dashboard rebuild failed', { organisationId, error: describe(error) }),
    dashboardsRebuilt: (summary) => logger.info('Dashboards rebuilt', summary),
    deadlineCheckFailed: (directiveId, error) =>
      logger.error('Deadline check failed', { directiveId, error: describe(error) }),
    deadlinesChecked: (summary) => logger.info('Deadlines checked', summary),
    directiveSynced: (outcome) =>
      logger.info('Directive synced', {
        directiveId: outcome.directiveId,
        result: outcome.result,
        periodKey: outcome.periodKey,
        changedUnits: outcome.changedUnits,
        firestoreWrites: outcome.firestoreWrites,
        calls: outcome.calls,
        durationMs: outcome.durationMs,
      }),
    directiveSyncFailed: (directiveId, error) =>
      logger.error('Directive sync failed', { directiveId, error: describe(error) }),
    remindersSent: (sent, unchanged, noAddress, failed) =>
      failed > 0
        ? logger.warning('Reminders sent, some failed', { sent, unchanged, noAddress, failed })
        : logger.info('Reminders sent', { sent, unchanged, noAddress, failed }),
    sweepDone: (openDirectives, changedDirectives, driveCalls) =>
      logger.info('Sweep done', { openDirectives, changedDirectives, driveCalls }),
  };
  return {
    ...spreadsheetEvents,
    ...runEvents,
    configLoaded: (config: Record<string, unknown>) => logger.debug('Configuration loaded', { config }),
    firestoreUnavailable: (error: unknown, latencyMs: number) =>
      logger.warning('Firestore did not answer the health probe', { error: describe(error), latencyMs }),
    healthChecked: (firestoreOk: boolean, latencyMs: number) =>
      logger.info('Health checked', { firestoreOk, latencyMs }),
    requestFailed: (event: {
      function: string;
      status: number;
      code: string;
      reason?: string;
      error?: unknown;
    }) =>
      logger.error('Request failed', {
        function: event.function,
        status: event.status,
        code: event.code,
        ...(event.reason === undefined ? {} : { reason: event.reason }),
        ...(event.error === undefined ? {} : { error: describe(event.error) }),
      }),
    requestRefused: (event: { function: string; status: number; code: string; reason?: string }) =>
      logger.warning('Request refused', event),
    sheetTargetsListed: (event: { listed: number; openDirectives: number }) =>
      logger.info('Sheet targets listed', event),
    syncRequestDropped: (event: { eventId: string; directiveId?: string; code: string }) =>
      logger.warning('Sync request dropped', event),
    syncRequested: (event: { directiveId: string; trigger: string; messageId: string }) =>
      logger.info('Sync requested', event),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

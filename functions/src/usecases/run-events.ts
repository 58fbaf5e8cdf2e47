/**
 * Named events of the runs the functions start — a sync asked for, the sweep, the deadline check, the dashboards,
 * the reminders — for the logs: English, with ids and counts, never a title or a cell officers typed. The runtime's
 * logs (`logs.ts`) implement them.
 */

/** What a run's log says of one sync. */
export interface SyncedEvent {
  directiveId: string;
  result: string;
  periodKey?: string;
  changedUnits?: number;
  firestoreWrites?: number;
  calls?: unknown;
  durationMs?: number;
}

/** The events; the use cases call those they are given. */
export interface RunEvents {
  dashboardFailed(organisationId: string, error: unknown): void;
  dashboardsRebuilt(summary: { trigger: string; built: number; failed: number; sheetsWrites: number }): void;
  deadlineCheckFailed(directiveId: string, error: unknown): void;
  deadlinesChecked(summary: {
    trigger: string;
    directives: number;
    failed: number;
    reminders: number;
    openedTabs: number;
    sheetsWrites: number;
    firestoreWrites: number;
  }): void;
  directiveSynced(outcome: SyncedEvent): void;
  directiveSyncFailed(directiveId: string, error: unknown): void;
  remindersSent(sent: number, unchanged: number, noAddress: number, failed: number): void;
  sweepDone(openDirectives: number, changedDirectives: number, driveCalls: number): void;
}

/**
 * A sync asked for over HTTP: one directive by id (the coordinator, a script), or the scheduled sweep over the
 * directives whose spreadsheets changed when none is named; each logged by name.
 */
import type { RunEvents } from './run-events.js';
import { syncChangedRegisters, type RunRegisterSyncDeps } from './run-register-sync.js';
import { sweepDirectives, type SweepOutcome } from './sweep.js';
import { syncDirective, type SyncDeps, type SyncOutcome } from './sync-directive.js';
import type { WatchConfig } from './watch-directive.js';

/** What a requested sync needs: a sync's needs, the Drive channels to keep, and its named events. */
export type RunSyncDeps = SyncDeps & {
  watch?: WatchConfig;
  events: Pick<RunEvents, 'directiveSynced' | 'directiveSyncFailed' | 'sweepDone'> &
    RunRegisterSyncDeps['events'];
};

/** Which sync: one directive (one period's tab, or every tab), or the sweep. */
export interface RunSyncRequest {
  directiveId?: string;
  periodKey?: string;
  trigger: string;
  /** Who asked, when a verified identity did (the sheet trigger's caller). */
  by?: string;
}

/** Syncs `request.directiveId`, or sweeps the directives whose spreadsheets changed when none is named. */
export async function runSync(
  deps: RunSyncDeps,
  request: RunSyncRequest,
): Promise<SyncOutcome | SweepOutcome> {
  const { directiveId, periodKey, trigger, by } = request;
  if (!directiveId) {
    const { actingAccount } = deps;
    // The registers are synced too when theodoi knows its account (it may create directives from them).
    const registers = actingAccount
      ? (changed: ReadonlySet<string> | undefined) =>
          syncChangedRegisters({ ...deps, actingAccount }, changed)
      : undefined;
    const sweep = await sweepDirectives(
      deps,
      (id, error) => deps.events.directiveSyncFailed(id, error),
      registers,
    );
    deps.events.sweepDone(sweep.openDirectives, sweep.changedDirectives, sweep.driveCalls);
    return sweep;
  }
  try {
    const outcome = await syncDirective(deps, {
      directiveId,
      trigger,
      ...(periodKey ? { periodKey } : {}),
      ...(by ? { by } : {}),
    });
    deps.events.directiveSynced(outcome);
    return outcome;
  } catch (error) {
    deps.events.directiveSyncFailed(directiveId, error);
    throw error;
  }
}

/**
 * A register sync as the functions start it (the coordinator's edit through Pub/Sub, or the hourly dashboards'
 * fallback), logged by name.
 */
import type { Logs } from '../logs.js';
import { listDashboards } from '../store/organisations.js';
import {
  syncRegister,
  type RegisterSyncDeps,
  type RegisterSyncOutcome,
  type RegisterSyncRequest,
} from './sync-register.js';

/** What a logged register sync needs. */
export type RunRegisterSyncDeps = RegisterSyncDeps & {
  events: Pick<Logs, 'registerSynced' | 'registerSyncFailed'>;
};

/** Syncs one organisation's register and logs what it did, or that it failed (and rethrows). */
export async function runRegisterSync(
  deps: RunRegisterSyncDeps,
  request: RegisterSyncRequest,
): Promise<RegisterSyncOutcome> {
  try {
    const outcome = await syncRegister(deps, request);
    deps.events.registerSynced({
      organisationId: outcome.organisationId,
      trigger: request.trigger,
      rows: outcome.rows,
      created: outcome.created.length,
      closed: outcome.closed.length,
      extended: outcome.extended,
      sheetsWrites: outcome.calls.sheetsWrites,
    });
    return outcome;
  } catch (error) {
    deps.events.registerSyncFailed(request.organisationId, error);
    throw error;
  }
}

/**
 * The sweep's fallback for the registers (decision 010): syncs the register of each organisation whose dashboard
 * spreadsheet Drive's change feed lists (every dashboard on the first sweep, `changed` undefined), one after
 * another; one's failure is logged and the others go on. False when one failed, so the sweep keeps Drive's cursor
 * and sees the change again.
 */
export async function syncChangedRegisters(
  deps: RunRegisterSyncDeps,
  changed: ReadonlySet<string> | undefined,
): Promise<boolean> {
  let ok = true;
  for (const { organisationId, spreadsheetId } of await listDashboards(deps.db)) {
    if (changed && !changed.has(spreadsheetId)) continue;
    try {
      await runRegisterSync(deps, { organisationId, trigger: 'sweep' });
    } catch {
      ok = false;
    }
  }
  return ok;
}

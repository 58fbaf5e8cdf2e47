/**
 * A register sync as the functions start it (the coordinator's edit through Pub/Sub, or the hourly dashboards'
 * fallback), logged by name.
 */
import type { Logs } from '../logs.js';
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

/** Syncs the registers of `organisationIds` one after another; one's failure is logged and the others go on. */
export async function syncRegisters(
  deps: RunRegisterSyncDeps,
  organisationIds: readonly string[],
): Promise<{ synced: string[]; failed: string[] }> {
  const done = { synced: [] as string[], failed: [] as string[] };
  for (const organisationId of organisationIds) {
    try {
      await runRegisterSync(deps, { organisationId, trigger: 'schedule' });
      done.synced.push(organisationId);
    } catch {
      done.failed.push(organisationId);
    }
  }
  return done;
}

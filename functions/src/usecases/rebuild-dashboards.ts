/**
 * rebuildDashboards: the scheduled rewrite of every organisation's cross-directive dashboard. Run on its own
 * schedule and right after each deadline check. A dashboard whose content did not change apart from its time line
 * is not rewritten (0 Sheets calls); one organisation's failure is recorded and the others continue.
 */
import type { RequestBudget } from '../domain/pacing/request-window.js';
import { listOpenDirectives } from '../store/directives.js';
import { buildDashboard, type BuildDashboardDeps, type BuildDashboardResult } from './build-dashboard.js';
import { UserFacingError } from './errors.js';
import { createPacer, ONE_READ_ONE_WRITE } from './pace.js';
import type { RunEvents } from './run-events.js';

/** One organisation's part of a run. */
export interface DashboardRun {
  organisationId: string;
  spreadsheetUrl: string;
  created: boolean;
  /** Nothing but the time would have changed, so nothing was written. */
  unchanged: boolean;
  directives: number;
  calls: BuildDashboardResult['calls'];
}

/** What one rebuild did. */
export interface DashboardsOutcome {
  built: DashboardRun[];
  failed: { organisationId: string; error: string }[];
  /** How long the rebuild waited to stay under Sheets' per-minute quotas, in ms. */
  pacedMs?: number;
}

/** The organisations that have at least one open directive, sorted. */
export async function organisationsWithOpenDirectives(db: BuildDashboardDeps['db']): Promise<string[]> {
  const open = await listOpenDirectives(db);
  return [...new Set(open.map((d) => d.organisation))].sort();
}

/** Rewrites the dashboard of each of `organisationIds` (by default every organisation with an open directive). */
export async function rebuildDashboards(
  deps: BuildDashboardDeps,
  options: {
    organisationIds?: readonly string[];
    onError?: (organisationId: string, error: unknown) => void;
    /** Sheets requests a minute the rebuild allows itself (BATCH_BUDGET by default), or false not to pace. */
    budget?: RequestBudget | false;
  } = {},
): Promise<DashboardsOutcome> {
  const ids = options.organisationIds ?? (await organisationsWithOpenDirectives(deps.db));
  const outcome: DashboardsOutcome = { built: [], failed: [] };
  const pace = createPacer(deps.clock, options.budget);
  for (const organisationId of ids) {
    await pace.before(ONE_READ_ONE_WRITE);
    try {
      const result = await buildDashboard(deps, { organisationId, skipUnchanged: true });
      pace.after({ reads: result.calls.sheetsReads, writes: result.calls.sheetsWrites });
      outcome.built.push({
        organisationId,
        spreadsheetUrl: result.spreadsheetUrl,
        created: result.created,
        unchanged: result.unchanged,
        directives: result.model.directives.length,
        calls: result.calls,
      });
    } catch (error) {
      pace.after(ONE_READ_ONE_WRITE);
      options.onError?.(organisationId, error);
      outcome.failed.push({
        organisationId,
        error: error instanceof UserFacingError ? error.message : 'dashboard rebuild failed',
      });
    }
  }
  if (pace.waitedMs > 0) outcome.pacedMs = pace.waitedMs;
  return outcome;
}

/**
 * One logged rewrite, as Cloud Scheduler and the deadline check start it: the dashboards of `organisationIds`
 * (every organisation with an open directive when absent), each failure and the whole run logged by name.
 */
export async function runDashboards(
  deps: BuildDashboardDeps & { events: Pick<RunEvents, 'dashboardFailed' | 'dashboardsRebuilt'> },
  options: { trigger: string; organisationIds?: readonly string[] },
): Promise<DashboardsOutcome> {
  const outcome = await rebuildDashboards(deps, {
    ...(options.organisationIds ? { organisationIds: options.organisationIds } : {}),
    onError: (organisationId, error) => deps.events.dashboardFailed(organisationId, error),
  });
  deps.events.dashboardsRebuilt({
    trigger: options.trigger,
    built: outcome.built.length,
    failed: outcome.failed.length,
    sheetsWrites: outcome.built.reduce((n, b) => n + b.calls.sheetsWrites, 0),
  });
  return outcome;
}

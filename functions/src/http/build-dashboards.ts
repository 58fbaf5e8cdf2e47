/** The cross-directive dashboards for their entry points: Cloud Scheduler's HTTP call and the deadline check. */
import { z } from 'zod';
import { useCaseDeps } from '../runtime-deps.js';
import type { Runtime } from '../runtime.js';
import type { DashboardsOutcome } from '../usecases/rebuild-dashboards.js';
import type { HttpAnswer } from './answer.js';

const BodySchema = z.strictObject({ organisationId: z.string().min(1).optional() });

/** Rewrites the dashboards of `organisationIds` (every organisation with an open directive when absent); logs it. */
export async function runDashboards(
  rt: Runtime,
  options: { trigger: string; organisationIds?: readonly string[] },
): Promise<DashboardsOutcome> {
  const [deps, { rebuildDashboards }] = await Promise.all([
    useCaseDeps(rt),
    import('../usecases/rebuild-dashboards.js'),
  ]);
  const outcome = await rebuildDashboards(deps, {
    ...(options.organisationIds ? { organisationIds: options.organisationIds } : {}),
    onError: (organisationId, error) => rt.logs.dashboardFailed(organisationId, error),
  });
  rt.logs.dashboardsRebuilt({
    trigger: options.trigger,
    built: outcome.built.length,
    failed: outcome.failed.length,
    sheetsWrites: outcome.built.reduce((n, b) => n + b.calls.sheetsWrites, 0),
  });
  return outcome;
}

/**
 * Cloud Scheduler's call (HTTP with OIDC): body `{}` or `{organisationId}`. 200 with what was rebuilt; 500 when
 * some dashboard could not be, so the scheduler retries (a rewrite is idempotent).
 */
export async function handleBuildDashboards(rt: Runtime, body: unknown): Promise<HttpAnswer> {
  const parsed = BodySchema.safeParse(body ?? {});
  if (!parsed.success) return { status: 400, body: { error: 'expected {organisationId?: string}' } };
  const { organisationId } = parsed.data;
  const outcome = await runDashboards(rt, {
    trigger: 'http',
    ...(organisationId ? { organisationIds: [organisationId] } : {}),
  });
  return { status: outcome.failed.length > 0 ? 500 : 200, body: outcome };
}

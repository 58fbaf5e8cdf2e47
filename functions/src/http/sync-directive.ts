/** The `syncDirective` use case over HTTP: sync one directive by id, or run the sweep over changed ones. */
import { z } from 'zod';
import { useCaseDeps } from '../runtime-deps.js';
import type { Runtime } from '../runtime.js';
import { UserFacingError } from '../usecases/errors.js';
import type { HttpAnswer } from './answer.js';

const BodySchema = z.strictObject({
  directiveId: z.string().min(1).optional(),
  periodKey: z.string().optional(),
});

/** Syncs `directiveId`, or sweeps the directives whose spreadsheets changed when none is named (the schedule). */
export async function handleSyncRequest(rt: Runtime, body: unknown): Promise<HttpAnswer> {
  const parsed = BodySchema.safeParse(body ?? {});
  if (!parsed.success) return { status: 400, body: { error: 'expected {directiveId?, periodKey?}' } };
  const deps = await useCaseDeps(rt);
  const { directiveId, periodKey } = parsed.data;
  if (!directiveId) {
    const { sweepDirectives } = await import('../usecases/sweep.js');
    const sweep = await sweepDirectives(deps, (id, error) => rt.logs.directiveSyncFailed(id, error));
    rt.logs.sweepDone(sweep.openDirectives, sweep.changedDirectives, sweep.driveCalls);
    return { status: 200, body: sweep };
  }
  const { syncDirective } = await import('../usecases/sync-directive.js');
  try {
    const outcome = await syncDirective(deps, {
      directiveId,
      trigger: 'request',
      ...(periodKey ? { periodKey } : {}),
    });
    rt.logs.directiveSynced(outcome);
    return { status: 200, body: outcome };
  } catch (error) {
    rt.logs.directiveSyncFailed(directiveId, error);
    if (error instanceof UserFacingError) return { status: 422, body: { directiveId, error: error.message } };
    throw error;
  }
}

/** The `syncDirective` use case over HTTP: sync one directive by id, or sweep every open directive. */
import { z } from 'zod';
import type { Runtime } from '../runtime.js';
import type { SyncOutcome } from '../usecases/sync-directive.js';
import { UserFacingError } from '../usecases/errors.js';
import type { HttpAnswer } from './answer.js';

const BodySchema = z.strictObject({
  directiveId: z.string().min(1).optional(),
  periodKey: z.string().optional(),
});

/** Syncs `directiveId`, or every open directive when none is named (the scheduled sweep). */
export async function handleSyncRequest(rt: Runtime, body: unknown): Promise<HttpAnswer> {
  const parsed = BodySchema.safeParse(body ?? {});
  if (!parsed.success) return { status: 400, body: { error: 'expected {directiveId?, periodKey?}' } };
  const db = await rt.firestore();
  const [{ syncDirective }, { listOpenDirectives }] = await Promise.all([
    import('../usecases/sync-directive.js'),
    import('../store/directives.js'),
  ]);
  const deps = { db, clients: await rt.google(), clock: rt.clock, calendar: await rt.calendar() };
  const ids = parsed.data.directiveId
    ? [parsed.data.directiveId]
    : (await listOpenDirectives(db)).map((d) => d.id);
  const outcomes: (SyncOutcome | { directiveId: string; error: string })[] = [];
  for (const directiveId of ids) {
    try {
      const outcome = await syncDirective(deps, {
        directiveId,
        trigger: parsed.data.directiveId ? 'request' : 'sweep',
        ...(parsed.data.periodKey ? { periodKey: parsed.data.periodKey } : {}),
      });
      rt.logs.directiveSynced(outcome);
      outcomes.push(outcome);
    } catch (error) {
      // One directive's failure must not stop the sweep of the others.
      rt.logs.directiveSyncFailed(directiveId, error);
      outcomes.push({ directiveId, error: error instanceof UserFacingError ? error.message : 'sync failed' });
      if (parsed.data.directiveId)
        return { status: error instanceof UserFacingError ? 422 : 500, body: outcomes[0] };
    }
  }
  return { status: 200, body: { outcomes } };
}

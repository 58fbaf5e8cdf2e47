/** The `syncDirective` function: sync one directive by id, or run the sweep over changed ones (the schedule). */
import { z } from 'zod';
import { useCaseDeps } from '../runtime-deps.js';
import { runSync, type RunSyncRequest } from '../usecases/run-sync.js';
import { parseJsonInput, type Endpoint } from './endpoint.js';

const BodySchema = z.strictObject({
  directiveId: z.string().min(1).optional(),
  periodKey: z.string().optional(),
});

/** POST `{}` (the sweep) or `{directiveId, periodKey?}`; a coordinator's mistake (no such directive) is 422. */
export const endpoint: Endpoint<RunSyncRequest> = {
  name: 'syncDirective',
  methods: ['POST'],
  maxBodyBytes: 4096,
  parse: (call) => {
    const parsed = parseJsonInput(call.rawBody, BodySchema, '{directiveId?, periodKey?}');
    if (!parsed.ok) return parsed;
    const { directiveId, periodKey } = parsed.input;
    const request: RunSyncRequest = { trigger: directiveId ? 'request' : 'sweep' };
    if (directiveId) request.directiveId = directiveId;
    if (periodKey) request.periodKey = periodKey;
    return { ok: true, input: request };
  },
  run: async (rt, request) => ({ status: 200, body: await runSync(await useCaseDeps(rt), request) }),
};

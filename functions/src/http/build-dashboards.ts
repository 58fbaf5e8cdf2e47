/** The `buildDashboards` function: Cloud Scheduler's hourly call rewrites the cross-directive dashboards. */
import { z } from 'zod';
import { useCaseDeps } from '../runtime-deps.js';
import { runDashboards } from '../usecases/rebuild-dashboards.js';
import { parseJsonInput, type Endpoint } from './endpoint.js';

const BodySchema = z.strictObject({ organisationId: z.string().min(1).optional() });

/**
 * POST `{}` or `{organisationId}`: 200 with what was rebuilt; 500 with it when some dashboard could not be, so the
 * scheduler retries (a rewrite is idempotent).
 */
export const endpoint: Endpoint<{ organisationId?: string }> = {
  name: 'buildDashboards',
  methods: ['POST'],
  maxBodyBytes: 4096,
  parse: (call) => parseJsonInput(call.rawBody, BodySchema, '{organisationId?: string}'),
  run: async (rt, { organisationId }) => {
    const outcome = await runDashboards(await useCaseDeps(rt), {
      trigger: 'http',
      ...(organisationId ? { organisationIds: [organisationId] } : {}),
    });
    if (outcome.failed.length > 0) return { status: 500, body: outcome, code: 'incomplete' };
    return { status: 200, body: outcome };
  },
};

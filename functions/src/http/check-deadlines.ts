/** The `checkDeadlines` function: Cloud Scheduler's HTTP call (OIDC, checked by the platform) runs the deadline check. */
import { z } from 'zod';
import { useCaseDeps } from '../runtime-deps.js';
import type { Runtime } from '../runtime.js';
import { retryableFailures, runDeadlineCheck, type DeadlineRun } from '../usecases/run-deadline-check.js';
import type { HttpAnswer } from './answer.js';
import { parseJsonInput, type Endpoint } from './endpoint.js';
import { statusForCode } from './error-answer.js';

const BodySchema = z.strictObject({ mail: z.boolean().optional() });

/** POST `{}` or `{mail: false}`. */
export const endpoint: Endpoint<{ mail?: boolean }> = {
  name: 'checkDeadlines',
  methods: ['POST'],
  maxBodyBytes: 4096,
  parse: (call) => parseJsonInput(call.rawBody, BodySchema, '{mail?: boolean}'),
  run: (rt, input) => checkAndAnswer(rt, { trigger: 'http', ...input }),
};

/**
 * Runs the check and answers with the run: 200, or — when some directive could not be checked for a reason a retry
 * may cure — 429 for Google's quota, 503 for what was unavailable, 500 otherwise, so the caller retries (flags, cells
 * and reminders are idempotent).
 */
export async function checkAndAnswer(
  rt: Runtime,
  options: { trigger: string; mail?: boolean },
): Promise<HttpAnswer> {
  const run = await runDeadlineCheck(await useCaseDeps(rt), options);
  const status = runStatus(run);
  return status === 200 ? { status, body: run } : { status, body: run, code: 'incomplete' };
}

/** 200 when nothing a retry may cure failed; else 500 if anything failed for an unknown reason, 429, then 503. */
function runStatus(run: DeadlineRun): number {
  const statuses = new Set(retryableFailures(run.check).map((f) => statusForCode(f.code)));
  if (statuses.size === 0) return 200;
  if (statuses.has(500)) return 500;
  return statuses.has(429) ? 429 : 503;
}

/**
 * Registers theodoi's Cloud Functions with the Functions Framework: each one is the edge (http/edge.ts) over its
 * endpoint (http/<name>.ts), imported on its first call. Wiring only.
 */
import { http } from '@google-cloud/functions-framework';
import { httpEdge } from './http/edge.js';
import { ENDPOINTS } from './http/endpoints.js';
import { replaceFrameworkBodyParsers } from './http/framework-body.js';
import { createRuntime, type Runtime } from './runtime.js';

/** The names of every HTTP function this module registers (the deploy and `theodoi serve` use this list). */
export const FUNCTION_NAMES = [
  'health',
  'sheetEvent',
  'sheetTargets',
  'driveNotification',
  'syncDirective',
  'checkDeadlines',
  'buildDashboards',
] as const;
/** One of the registered function names. */
export type FunctionName = (typeof FUNCTION_NAMES)[number];
/**
 * The functions deployed with an event trigger (Pub/Sub through Eventarc), not served to callers over HTTP. They
 * take the CloudEvent through the same edge, so a failed run is answered in JSON with a status Pub/Sub retries on.
 */
export const EVENT_FUNCTION_NAMES = ['checkDeadlinesEvent', 'syncDirectiveEvent'] as const;

let runtime: Runtime | undefined;
// The runtime is built on first invocation, not at import, so a bad environment fails a request
// with a logged reason instead of crashing the instance at cold start.
// eslint-disable-next-line no-restricted-properties -- the one place the process environment enters
const getRuntime = (): Runtime => (runtime ??= createRuntime(process.env));

// `functions-framework` loads its server before this module: its body parsers are replaced before it builds one.
replaceFrameworkBodyParsers();

for (const name of [...FUNCTION_NAMES, ...EVENT_FUNCTION_NAMES]) {
  http(name, httpEdge(name, ENDPOINTS[name], getRuntime));
}

/** Registers theodoi's Cloud Functions with the Functions Framework; each entry point stays thin. */
import {
  cloudEvent,
  http,
  type CloudEvent,
  type Request,
  type Response,
} from '@google-cloud/functions-framework';
import { checkHealth } from './health.js';
import type { HttpAnswer } from './http/answer.js';
import { createRuntime, type Runtime } from './runtime.js';
import { probeFirestore } from './store/firestore.js';
import { packageVersion } from './version.js';

/** The names of every HTTP function this module registers (the deploy and `theodoi serve` use this list). */
export const FUNCTION_NAMES = [
  'health',
  'sheetEvent',
  'driveNotification',
  'syncDirective',
  'checkDeadlines',
  'buildDashboards',
] as const;
/** One of the registered function names. */
export type FunctionName = (typeof FUNCTION_NAMES)[number];
/** The names of the CloudEvent functions (Pub/Sub); deployed with an event trigger, not served over HTTP. */
export const EVENT_FUNCTION_NAMES = ['checkDeadlinesEvent'] as const;

let runtime: Runtime | undefined;
// The runtime is built on first invocation, not at import, so a bad environment fails a request
// with a logged reason instead of crashing the instance at cold start.
// eslint-disable-next-line no-restricted-properties -- the one place the process environment enters
const getRuntime = (): Runtime => (runtime ??= createRuntime(process.env));

const send = (res: Response, answer: HttpAnswer) => res.status(answer.status).json(answer.body);

http('health', async (_req: Request, res: Response) => {
  const rt = getRuntime();
  const report = await checkHealth({
    version: packageVersion(),
    revision: rt.config.revision,
    clock: rt.clock,
    logs: rt.logs,
    probeFirestore: async () => probeFirestore(await rt.firestore()),
  });
  res.status(report.status === 'ok' ? 200 : 503).json(report);
});

http('sheetEvent', async (req: Request, res: Response) => {
  if (req.method !== 'POST') return void send(res, { status: 405, body: { error: 'POST only' } });
  const { handleSheetEvent } = await import('./http/sheet-event.js');
  send(res, await handleSheetEvent(getRuntime(), { rawBody: req.rawBody, header: (name) => req.get(name) }));
});

http('driveNotification', async (req: Request, res: Response) => {
  if (req.method !== 'POST') return void send(res, { status: 405, body: { error: 'POST only' } });
  const { handleDriveNotification } = await import('./http/drive-notification.js');
  send(
    res,
    await handleDriveNotification(getRuntime(), { rawBody: req.rawBody, header: (name) => req.get(name) }),
  );
});

http('syncDirective', async (req: Request, res: Response) => {
  if (req.method !== 'POST') return void send(res, { status: 405, body: { error: 'POST only' } });
  const { handleSyncRequest } = await import('./http/sync-directive.js');
  send(res, await handleSyncRequest(getRuntime(), req.body));
});

http('checkDeadlines', async (req: Request, res: Response) => {
  if (req.method !== 'POST') return void send(res, { status: 405, body: { error: 'POST only' } });
  const { handleCheckDeadlines } = await import('./http/check-deadlines.js');
  send(res, await handleCheckDeadlines(getRuntime(), req.body));
});

http('buildDashboards', async (req: Request, res: Response) => {
  if (req.method !== 'POST') return void send(res, { status: 405, body: { error: 'POST only' } });
  const { handleBuildDashboards } = await import('./http/build-dashboards.js');
  send(res, await handleBuildDashboards(getRuntime(), req.body));
});

cloudEvent('checkDeadlinesEvent', async (event: CloudEvent<unknown>) => {
  const { handleCheckDeadlinesEvent } = await import('./http/check-deadlines.js');
  await handleCheckDeadlinesEvent(getRuntime(), event);
});

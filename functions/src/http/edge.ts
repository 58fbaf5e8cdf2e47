/**
 * The one edge every HTTP function goes through: the method, the body's size (before anything parses it), the
 * endpoint's parse, its use case, and one table from error to status (http/error-answer.ts). Whatever happens,
 * the caller gets a JSON answer and a refused or failed call one named log line; nothing reaches the Functions
 * Framework's crash handler, which would answer a bare 500 with the error's text.
 */
import type { Request, Response } from '@google-cloud/functions-framework';
import { createLogger } from '../logger.js';
import { createLogs, type Logs } from '../logs.js';
import type { Runtime } from '../runtime.js';
import { errorAnswer, type HttpAnswer } from './answer.js';
import type { Endpoint, IncomingCall } from './endpoint.js';
import { answerForError } from './error-answer.js';
import { bodyRefusalOf } from './framework-body.js';

/** Answers one call to `endpoint`; never throws. `getRuntime` may throw (a bad environment): that is a 500 too. */
export async function answerCall<I>(
  endpoint: Endpoint<I>,
  getRuntime: () => Runtime,
  call: IncomingCall,
): Promise<HttpAnswer> {
  let logs: Pick<Logs, 'requestRefused' | 'requestFailed'> | undefined;
  try {
    const answer = await checkedAnswer(endpoint, getRuntime, call, (rt) => (logs = rt.logs));
    logAnswer(logs ?? fallbackLogs(), endpoint.name, answer);
    return answer;
  } catch (error) {
    const answer = answerForError(error);
    logAnswer(logs ?? fallbackLogs(), endpoint.name, answer, error);
    return answer;
  }
}

async function checkedAnswer<I>(
  endpoint: Endpoint<I>,
  getRuntime: () => Runtime,
  call: IncomingCall,
  started: (rt: Runtime) => void,
): Promise<HttpAnswer> {
  // The runtime first (config and logs, no I/O): a bad environment fails every call, logged, with a 500.
  const rt = getRuntime();
  started(rt);
  if (!endpoint.methods.includes(call.method)) {
    const answer = errorAnswer(405, 'method-not-allowed', `${endpoint.methods.join(' or ')} only`);
    return { ...answer, headers: { allow: endpoint.methods.join(', ') } };
  }
  const size = call.rawBody?.length ?? 0;
  if (call.bodyRefusal === 'too-large' || size > endpoint.maxBodyBytes) {
    return errorAnswer(413, 'too-large', `the body is larger than ${endpoint.maxBodyBytes} bytes`);
  }
  if (call.bodyRefusal === 'unreadable')
    return errorAnswer(400, 'unreadable-body', 'the body could not be read');
  const parsed = await endpoint.parse(call, rt);
  if (!parsed.ok) return parsed.answer;
  return endpoint.run(rt, parsed.input);
}

function logAnswer(
  logs: Pick<Logs, 'requestRefused' | 'requestFailed'>,
  name: string,
  answer: HttpAnswer,
  error?: unknown,
): void {
  if (answer.status < 400) return;
  const bodyCode = (answer.body as { code?: unknown } | null)?.code;
  const code = answer.code ?? (typeof bodyCode === 'string' ? bodyCode : 'unknown');
  const event = {
    function: name,
    status: answer.status,
    code,
    ...(answer.reason ? { reason: answer.reason } : {}),
  };
  if (answer.status < 500) logs.requestRefused(event);
  else logs.requestFailed({ ...event, ...(error === undefined ? {} : { error }) });
}

let fallback: Logs | undefined;
/** Logs for a call that failed before the runtime existed (a bad environment): the default level, stdout. */
function fallbackLogs(): Logs {
  return (fallback ??= createLogs(createLogger()));
}

/**
 * The Functions Framework handler of the endpoint `load` imports (lazily, so cold start pays only for what a
 * function uses). The body comes from req.rawBody: the framework's parsers keep raw bytes (http/framework-body.ts).
 */
export function httpEdge(
  name: string,
  load: () => Promise<Endpoint<unknown>>,
  getRuntime: () => Runtime,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const call: IncomingCall = {
      method: req.method,
      rawBody: req.rawBody,
      header: (name) => req.get(name),
    };
    const refusal = bodyRefusalOf(req);
    if (refusal) call.bodyRefusal = refusal;
    const answer = await load().then(
      (endpoint) => answerCall(endpoint, getRuntime, call),
      (error: unknown) => answerCall(unloadable(name, error), getRuntime, call),
    );
    if (res.headersSent) return;
    if (answer.headers) res.set(answer.headers);
    res.status(answer.status).json(answer.body);
  };
}

/** An endpoint whose module failed to load: every call fails with that error, through the same table and log. */
function unloadable(name: string, error: unknown): Endpoint<unknown> {
  return {
    name,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    maxBodyBytes: Number.POSITIVE_INFINITY,
    parse: () => {
      throw error;
    },
    run: () => {
      throw error;
    },
  };
}

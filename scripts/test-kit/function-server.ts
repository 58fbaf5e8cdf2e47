// Serves Cloud Functions on a free loopback port, as the Functions Framework does: one registered function with the
// process environment pointed at a test world (the functions read it on their first invocation), or several
// functions at /<name>, bound to a world's own runtime (its clock, its emulators), each answer observed.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { http } from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { httpEdge } from '@theodoi/functions/http/edge';
import { ENDPOINTS, type EndpointName } from '@theodoi/functions/http/endpoints';
import { replaceFrameworkBodyParsers } from '@theodoi/functions/http/framework-body';
import type { Runtime } from '@theodoi/functions/runtime';
import '@theodoi/functions/index';

/** A function listening locally. */
export interface FunctionServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The framework's server for function `name`, its body parsers replaced as `functions-framework` has them in
 * production (there the framework's server is loaded before theodoi's entry; here it may not be).
 */
export function functionTestServer(name: string): ReturnType<typeof getTestServer> {
  if (!replaceFrameworkBodyParsers())
    throw new Error("the Functions Framework's server module is not loaded");
  return getTestServer(name);
}

/** Sets `env` in the process, then serves function `name`. */
export async function serveFunction(name: string, env: Record<string, string>): Promise<FunctionServer> {
  Object.assign(process.env, env);
  const server = functionTestServer(name);
  return listen(server);
}

/** One answer of a served function, as its caller received it. */
export interface ServedAnswer {
  function: string;
  status: number;
  /** The JSON body (undefined when it was not JSON). */
  body: unknown;
  /** From the request's arrival to the answer's last byte: our processing, the network aside. */
  ms: number;
}

/** Several functions served at /<name>. */
export interface FunctionsServer extends FunctionServer {
  /** The URL of function `name`. */
  urlOf(name: EndpointName): string;
}

let served = 0;

/**
 * Serves `names` at /<name> through the Functions Framework, each the production edge and endpoint bound to
 * `runtime` (registered under a name of its own, so several worlds can serve in one process); `observe` hears
 * every answer.
 */
export async function serveRuntimeFunctions(
  runtime: Runtime,
  names: readonly EndpointName[],
  observe: (answer: ServedAnswer) => void = () => undefined,
): Promise<FunctionsServer> {
  served += 1;
  const apps = new Map<string, ReturnType<typeof functionTestServer>>(
    names.map((name) => {
      const registered = `${name}-world${served}`;
      http(
        registered,
        httpEdge(name, ENDPOINTS[name], () => runtime),
      );
      return [`/${name}`, functionTestServer(registered)] as const;
    }),
  );
  const server = createServer((req, res) => {
    const [path = '/'] = (req.url ?? '/').split('?');
    const app = apps.get(path);
    if (!app) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"no such function"}');
      return;
    }
    watchAnswer(req, res, path.slice(1), observe);
    req.url = '/';
    app.emit('request', req, res);
  });
  const listening = await listen(server);
  return { ...listening, urlOf: (name) => `${listening.url}${name}` };
}

/** Tells `observe` the status, JSON body and processing time of the answer `res` will send. */
function watchAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  observe: (answer: ServedAnswer) => void,
): void {
  const started = performance.now();
  const chunks: Buffer[] = [];
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    const [chunk] = args;
    if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) chunks.push(Buffer.from(chunk));
    return end(...args);
  }) as typeof res.end;
  res.once('finish', () => {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = undefined;
    }
    observe({ function: name, status: res.statusCode, body, ms: performance.now() - started });
  });
  req.once('error', () => undefined);
}

async function listen(server: ReturnType<typeof createServer>): Promise<FunctionServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

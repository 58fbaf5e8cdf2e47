// Serves one registered Cloud Function on a free loopback port, as the Functions Framework does, with
// the process environment pointed at a test world (the functions read it on their first invocation).
import type { AddressInfo } from 'node:net';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import '@theodoi/functions/index';

/** A function listening locally. */
export interface FunctionServer {
  url: string;
  close(): Promise<void>;
}

/** Sets `env` in the process, then serves function `name`. */
export async function serveFunction(name: string, env: Record<string, string>): Promise<FunctionServer> {
  Object.assign(process.env, env);
  const server = getTestServer(name);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

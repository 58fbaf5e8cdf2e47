// Serves one registered Cloud Function on a free loopback port, as the Functions Framework does, with
// the process environment pointed at a test world (the functions read it on their first invocation).
import type { AddressInfo } from 'node:net';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { replaceFrameworkBodyParsers } from '@theodoi/functions/http/framework-body';
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

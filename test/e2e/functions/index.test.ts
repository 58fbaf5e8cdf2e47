// The functions as production runs them: the Functions Framework's own binary loads its server, then theodoi's
// entry, which replaces the framework's body parsers before the server is built. Malformed JSON, a wrong method and
// an oversized body get theodoi's JSON answers, and the event function is served by the same edge even where the
// platform declares it a CloudEvent function (FUNCTION_SIGNATURE_TYPE=cloudevent, as Cloud Run functions sets it).
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@theodoi/test-kit/emulators/free-port';
import { jsonBody, OVERSIZED_BODY, send } from '../../support/json-answer.js';

const require = createRequire(import.meta.url);
// The package's `bin`, main.js, beside its main entry (its exports do not list it).
const FRAMEWORK = join(dirname(require.resolve('@google-cloud/functions-framework')), 'main.js');
const ENTRY = new URL('../../../functions/src/index.ts', import.meta.url).pathname;

/** Starts `functions-framework --target=<name>` on a free port and waits until it serves. */
async function frameworkServing(
  target: string,
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', FRAMEWORK, `--target=${target}`, `--source=${ENTRY}`],
    {
      env: { ...process.env, PORT: String(port), NODE_ENV: 'production', LOG_LEVEL: 'error', ...env },
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 200; i++) {
    const up = await send(url, { method: 'OPTIONS' }).then(
      () => true,
      () => false,
    );
    if (up) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`functions-framework did not serve ${target}`);
}

describe('the functions under the Functions Framework binary', () => {
  const children: ChildProcess[] = [];
  let sync = '';
  let event = '';
  beforeAll(async () => {
    const served = await Promise.all([
      frameworkServing('syncDirective'),
      frameworkServing('checkDeadlinesEvent', { FUNCTION_SIGNATURE_TYPE: 'cloudevent' }),
    ]);
    children.push(...served.map((s) => s.child));
    [sync, event] = served.map((s) => s.url) as [string, string];
  }, 60_000);
  afterAll(() => children.forEach((c) => c.kill()));

  it('answers malformed JSON, a wrong method and an oversized body with JSON, not the framework’s HTML page', async () => {
    const json = { 'content-type': 'application/json' };
    expect(jsonBody(await send(sync, { headers: json, body: '{"directiveId": ' }), 400)).toEqual({
      error: 'the body is not JSON',
      code: 'malformed-json',
    });
    expect(jsonBody(await send(sync, { method: 'GET' }), 405)).toMatchObject({ code: 'method-not-allowed' });
    expect(jsonBody(await send(sync, { headers: json, body: OVERSIZED_BODY }), 413)).toMatchObject({
      code: 'too-large',
    });
  });

  it('serves the event function through the same edge, whatever signature type the platform declares', async () => {
    expect(jsonBody(await send(event, { method: 'GET' }), 405)).toMatchObject({ code: 'method-not-allowed' });
    const notAnEvent = { headers: { 'content-type': 'application/json' }, body: '{"hello": ' };
    expect(jsonBody(await send(event, notAnEvent), 400)).toMatchObject({ code: 'malformed-json' });
  });
});

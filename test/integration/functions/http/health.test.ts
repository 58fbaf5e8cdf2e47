// The health function, served by the Functions Framework: 200 with the version and a Firestore that answers; any
// other method, an oversized body or a malformed one is answered in JSON, never with the framework's HTML page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFunction, type FunctionServer } from '@theodoi/test-kit/function-server';
import { jsonBody, OVERSIZED_BODY, send } from '../../../support/json-answer.js';

describe('health', () => {
  let fn: FunctionServer;
  beforeAll(async () => {
    fn = await serveFunction('health', { GOOGLE_CLOUD_PROJECT: 'theodoi-it-health' });
  });
  afterAll(() => fn?.close());

  it('answers 200 with the package version and a Firestore that answers', async () => {
    const body = jsonBody(await send(fn.url, { method: 'GET' }), 200);
    expect(body).toMatchObject({ status: 'ok', message: 'theodoi đang hoạt động', version: '0.1.0' });
    expect(body.firestore).toMatchObject({ ok: true });
  });

  it('refuses a POST with 405 naming GET, and a body over 1 KiB with 413, in JSON', async () => {
    const post = await send(fn.url, { method: 'POST', body: '{}' });
    expect(jsonBody(post, 405)).toEqual({ error: 'GET or HEAD only', code: 'method-not-allowed' });
    const large = { method: 'GET', headers: { 'content-type': 'application/json' } };
    expect(
      jsonBody(await send(fn.url, { ...large, body: JSON.stringify({ x: 'x'.repeat(2000) }) }), 413),
    ).toEqual({
      error: 'the body is larger than 1024 bytes',
      code: 'too-large',
    });
    expect(jsonBody(await send(fn.url, { ...large, body: OVERSIZED_BODY }), 413)).toMatchObject({
      code: 'too-large',
    });
  });

  it('ignores a malformed JSON body, which the framework would have answered with its HTML page', async () => {
    const answer = await send(fn.url, {
      method: 'GET',
      headers: { 'content-type': 'application/json' },
      body: '{"probe": ',
    });
    expect(jsonBody(answer, 200)).toMatchObject({ status: 'ok' });
  });
});

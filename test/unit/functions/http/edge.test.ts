// The one edge: a wrong method is 405, a body over the function's limit 413 before anything parses it, malformed
// JSON 400, a failing use case the status of its error class; every answer is JSON and every refusal or failure one
// named log line, without the officer's words.
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '@theodoi/functions/config';
import { answerCall } from '@theodoi/functions/http/edge';
import { parseJsonInput, type Endpoint, type IncomingCall } from '@theodoi/functions/http/endpoint';
import type { Runtime } from '@theodoi/functions/runtime';
import { GoogleApiError } from '@theodoi/functions/sheets/api/google-error';
import { StoreUnavailableError } from '@theodoi/functions/store/deadline';
import { UserFacingError } from '@theodoi/functions/usecases/errors';
import { loggingRuntime } from '../../../support/logging-runtime.js';

/** A POST endpoint taking `{name}`, whose use case does what `outcome` says. */
const endpoint = (outcome: () => Promise<unknown>): Endpoint<{ name: string }> => ({
  name: 'probe',
  methods: ['POST'],
  maxBodyBytes: 64,
  parse: (call) => parseJsonInput(call.rawBody, z.strictObject({ name: z.string() }), '{name: string}'),
  run: async () => ({ status: 200, body: await outcome() }),
});
const call = (body: string, overrides: Partial<IncomingCall> = {}): IncomingCall => ({
  method: 'POST',
  rawBody: Buffer.from(body),
  header: () => undefined,
  ...overrides,
});
const events = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('answerCall', () => {
  const refusals = [
    { name: 'a GET', call: call('', { method: 'GET' }), status: 405, code: 'method-not-allowed' },
    {
      name: 'a body over the limit',
      call: call(JSON.stringify({ name: 'x'.repeat(100) })),
      status: 413,
      code: 'too-large',
    },
    {
      name: 'a body the reader gave up on',
      call: call('', { bodyRefusal: 'too-large' }),
      status: 413,
      code: 'too-large',
    },
    {
      name: 'a broken body',
      call: call('', { bodyRefusal: 'unreadable' }),
      status: 400,
      code: 'unreadable-body',
    },
    { name: 'malformed JSON', call: call('{"name": '), status: 400, code: 'malformed-json' },
    { name: 'JSON of another shape', call: call('{"other": 1}'), status: 400, code: 'invalid-body' },
  ];
  refusals.forEach((tc) =>
    it(`refuses ${tc.name} with ${tc.status} '${tc.code}' before the use case runs, and logs it by name`, async () => {
      const lines: string[] = [];
      let ran = false;
      const answer = await answerCall(
        endpoint(() => ((ran = true), Promise.resolve({}))),
        () => loggingRuntime(lines),
        tc.call,
      );
      expect(answer).toMatchObject({ status: tc.status, body: { code: tc.code } });
      expect(ran).toBe(false);
      expect(events(lines).at(-1)).toMatchObject({
        severity: 'WARNING',
        message: 'Request refused',
        function: 'probe',
        status: tc.status,
        code: tc.code,
      });
    }),
  );

  it('checks the size before anything parses the body: a large malformed body is 413, never parsed', async () => {
    let parsed = false;
    const probe: Endpoint<{ name: string }> = {
      ...endpoint(() => Promise.resolve({})),
      parse: (c) => ((parsed = true), endpoint(() => Promise.resolve({})).parse(c, loggingRuntime([]))),
    };
    const answer = await answerCall(
      probe,
      () => loggingRuntime([]),
      call(`{"name": "${'x'.repeat(5_000_000)}`),
    );
    expect(answer).toMatchObject({ status: 413, body: { code: 'too-large' } });
    expect(parsed).toBe(false);
  });

  it('names the allowed methods on a 405', async () => {
    const answer = await answerCall(
      endpoint(() => Promise.resolve({})),
      () => loggingRuntime([]),
      call('', { method: 'PUT' }),
    );
    expect(answer).toEqual({
      status: 405,
      body: { error: 'POST only', code: 'method-not-allowed' },
      headers: { allow: 'POST' },
    });
  });

  const failures = [
    {
      name: "an officer's own mistake",
      error: new UserFacingError('Không có công văn "x" trong hệ thống.', 'unknown-directive'),
      status: 422,
      body: { error: 'Không có công văn "x" trong hệ thống.', code: 'unknown-directive' },
    },
    {
      name: 'a Firestore that does not answer',
      error: new StoreUnavailableError('Firestore did not answer within 30000 ms while storing'),
      status: 503,
      body: { code: 'store-unavailable' },
    },
    {
      name: "Google's quota",
      error: new GoogleApiError('quota', 'Quota exceeded', 429, undefined, undefined, { cause: null }),
      status: 429,
      body: { code: 'quota' },
    },
    {
      name: 'Google unavailable',
      error: new GoogleApiError('unavailable', 'Backend Error', 503, undefined, undefined, { cause: null }),
      status: 503,
      body: { code: 'unavailable' },
    },
    {
      name: 'Google not answering',
      error: new GoogleApiError('no-answer', 'aborted', undefined, undefined, undefined, { cause: null }),
      status: 503,
      body: { code: 'no-answer' },
    },
    {
      name: 'a request Google refused',
      error: new GoogleApiError('invalid', 'Invalid requests[3]', 400, undefined, undefined, { cause: null }),
      status: 500,
      body: { error: 'internal error', code: 'internal' },
    },
    {
      name: 'a bug',
      error: new TypeError(`Cannot read properties of undefined at ${process.cwd()}/functions/src/x.ts:12:3`),
      status: 500,
      body: { error: 'internal error', code: 'internal' },
    },
  ];
  failures.forEach((tc) =>
    it(`answers ${tc.name} with ${tc.status} and a body that shows nothing of the machine`, async () => {
      const lines: string[] = [];
      const answer = await answerCall(
        endpoint(() => Promise.reject(tc.error)),
        () => loggingRuntime(lines),
        call('{"name":"a"}'),
      );
      expect(answer.status).toBe(tc.status);
      expect(answer.body).toMatchObject(tc.body);
      expect(JSON.stringify(answer.body)).not.toContain(process.cwd());
      expect(JSON.stringify(answer.body)).not.toMatch(/\n\s+at /);
      const [event] = events(lines);
      expect(event).toMatchObject({ function: 'probe', status: tc.status });
      // The log names the failure; an officer's own words (a 422's message) never reach it.
      if (tc.status >= 500)
        expect(event).toMatchObject({ message: 'Request failed', error: expect.any(String) as string });
      else expect(JSON.stringify(event)).not.toContain('Không có công văn');
    }),
  );

  it('answers 500 when the runtime cannot be built (a bad environment), logging why', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk).trim());
      return true;
    });
    try {
      const answer = await answerCall(
        endpoint(() => Promise.resolve({})),
        () => loadConfig({ THEODOI_SCRIPT_CLIENT_ID: 'not-a-client-id' }) as unknown as Runtime,
        call('{"name":"a"}'),
      );
      expect(answer).toEqual({ status: 500, body: { error: 'internal error', code: 'internal' } });
    } finally {
      spy.mockRestore();
    }
    expect(events(lines)).toMatchObject([
      {
        message: 'Request failed',
        function: 'probe',
        status: 500,
        error: expect.stringContaining('THEODOI_SCRIPT_CLIENT_ID must be the OAuth client id') as string,
      },
    ]);
  });

  it('answers what the use case says when it succeeds, and logs nothing itself', async () => {
    const lines: string[] = [];
    const answer = await answerCall(
      endpoint(() => Promise.resolve({ done: true })),
      () => loggingRuntime(lines),
      call('{"name":"a"}'),
    );
    expect(answer).toEqual({ status: 200, body: { done: true } });
    expect(lines).toEqual([]);
  });
});

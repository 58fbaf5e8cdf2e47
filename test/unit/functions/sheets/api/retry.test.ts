// withRetry: repeats 429/500/503 as Retry-After or backoff says, and nothing else.
import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '@theodoi/functions/sheets/api/google-error';
import { withRetry } from '@theodoi/functions/sheets/api/retry';

const fail = (status: number, retryAfter?: string) =>
  Object.assign(new Error(`HTTP ${status}`), {
    status,
    response: { status, headers: retryAfter ? { 'retry-after': retryAfter } : {} },
  });

function flaky(errors: Error[]) {
  let calls = 0;
  return {
    call: () => {
      calls += 1;
      const error = errors.shift();
      return error ? Promise.reject(error) : Promise.resolve('ok');
    },
    calls: () => calls,
  };
}

describe('withRetry', () => {
  it('retries a 429 after the Retry-After wait, then backs off with jitter', async () => {
    const waits: number[] = [];
    const f = flaky([fail(429, '7'), fail(503), fail(500)]);
    const result = await withRetry(f.call, {
      retries: 4,
      baseMs: 100,
      maxWaitMs: 60_000,
      sleep: (ms) => (waits.push(ms), Promise.resolve()),
      random: () => 0.5,
    });
    expect(result).toBe('ok');
    expect(f.calls()).toBe(4);
    expect(waits).toEqual([7000, 100, 200]);
  });

  const notRetried = [400, 401, 403, 404];
  notRetried.forEach((status) =>
    it(`does not repeat a ${status}`, async () => {
      const f = flaky([fail(status)]);
      await expect(
        withRetry(f.call, { retries: 3, baseMs: 1, maxWaitMs: 1, sleep: () => Promise.resolve() }),
      ).rejects.toMatchObject({ status });
      expect(f.calls()).toBe(1);
    }),
  );

  it('gives up after the last retry with the last error', async () => {
    const f = flaky([fail(503), fail(503), fail(503)]);
    await expect(
      withRetry(f.call, { retries: 2, baseMs: 1, maxWaitMs: 1, sleep: () => Promise.resolve() }),
    ).rejects.toMatchObject({ status: 503 });
    expect(f.calls()).toBe(3);
  });

  it('caps a long Retry-After and reads an HTTP date', () => {
    expect(retryAfterMs(fail(429, 'Thu, 01 Jan 2026 00:00:10 GMT'), Date.parse('2026-01-01T00:00:00Z'))).toBe(
      10_000,
    );
    expect(retryAfterMs(fail(429))).toBeUndefined();
  });
});

// The health function when its use case fails: Firestore does not answer (nothing listens where it should be), so
// it answers 503, in JSON and in Vietnamese, within the probe's 3 s, with nothing of the machine in the body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@theodoi/test-kit/emulators/free-port';
import { serveFunction, type FunctionServer } from '@theodoi/test-kit/function-server';
import { jsonBody, send } from '../../../support/json-answer.js';

describe('health, Firestore silent', () => {
  let fn: FunctionServer;
  const saved = { ...process.env };
  beforeAll(async () => {
    fn = await serveFunction('health', {
      GOOGLE_CLOUD_PROJECT: 'theodoi-it-health-down',
      FIRESTORE_EMULATOR_HOST: `127.0.0.1:${await freePort()}`,
    });
  });
  afterAll(async () => {
    process.env = saved;
    await fn?.close();
  });

  it('answers 503 degraded, in Vietnamese', async () => {
    const started = performance.now();
    const body = jsonBody(await send(fn.url, { method: 'GET' }), 503);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(body).toMatchObject({
      status: 'degraded',
      message: 'theodoi đang hoạt động nhưng không kết nối được Firestore',
      firestore: { ok: false },
    });
  });
});

// The syncDirective function, served by the Functions Framework: a directive synced by id, a coordinator's mistake
// answered 422 in Vietnamese, a Google that cannot answer 503 so the caller retries, and a wrong method, an
// oversized or malformed body each refused in JSON, never with a stack trace or a path of this machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFunction, type FunctionServer } from '@theodoi/test-kit/function-server';
import { startWorld, type World } from '@theodoi/test-kit/world';
import { expectUnavailable, jsonBody, OVERSIZED_BODY, send } from '../../../support/json-answer.js';

const NAME = 'sync-entry';

describe('syncDirective entry point', () => {
  let world: World;
  let fn: FunctionServer;
  const saved = { ...process.env };
  const post = (body: unknown) =>
    send(fn.url, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    world = await startWorld(NAME);
    fn = await serveFunction('syncDirective', {
      GOOGLE_CLOUD_PROJECT: `theodoi-it-${NAME}`,
      SHEETS_EMULATOR_URL: world.emulator.url,
      THEODOI_GOOGLE_GRANT: world.env.THEODOI_GOOGLE_GRANT!,
    });
  });
  afterAll(async () => {
    process.env = saved;
    world?.emulator.clearFaults();
    await fn?.close();
    await world?.close();
  });

  it('syncs the directive named in the body', async () => {
    const body = jsonBody(await post({ directiveId: world.spec.id }), 200);
    expect(body).toMatchObject({ directiveId: world.spec.id, result: 'synced' });
  });

  it('refuses a GET, a body over 4 KiB or over the reader’s ceiling, malformed JSON and another shape', async () => {
    expect(jsonBody(await send(fn.url, { method: 'GET' }), 405)).toMatchObject({
      code: 'method-not-allowed',
    });
    const big = JSON.stringify({ directiveId: 'x'.repeat(5000) });
    expect(jsonBody(await send(fn.url, { body: big }), 413)).toMatchObject({ code: 'too-large' });
    expect(jsonBody(await send(fn.url, { body: OVERSIZED_BODY }), 413)).toMatchObject({ code: 'too-large' });
    const malformed = send(fn.url, {
      headers: { 'content-type': 'application/json' },
      body: '{"directiveId": ',
    });
    expect(jsonBody(await malformed, 400)).toEqual({ error: 'the body is not JSON', code: 'malformed-json' });
    expect(jsonBody(await post({ directiveId: 1 }), 400)).toEqual({
      error: 'expected {directiveId?, periodKey?}',
      code: 'invalid-body',
    });
  });

  it("answers a directive that does not exist with 422 and the coordinator's message", async () => {
    expect(jsonBody(await post({ directiveId: 'khong-co' }), 422)).toEqual({
      error: 'Không có công văn "khong-co" trong hệ thống.',
      code: 'unknown-directive',
    });
  });

  it('answers 503 when Sheets stays unavailable through every retry, and the next call syncs', async () => {
    await expectUnavailable(world.emulator, () => post({ directiveId: world.spec.id }));
    expect(jsonBody(await post({ directiveId: world.spec.id }), 200)).toMatchObject({ result: 'synced' });
  });
});

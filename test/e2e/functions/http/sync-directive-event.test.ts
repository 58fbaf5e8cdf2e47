// syncDirectiveEvent: a sync request from the sync topic, as Pub/Sub pushes it (or as a CloudEvent through Eventarc),
// runs the directive's sync; a sync that may succeed later is answered 503 so Pub/Sub redelivers it — shown through
// the Pub/Sub emulator itself — and a request that never can is acknowledged and logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_VERSION } from '@theodoi/apps-script/contract';
import { serveRuntimeFunctions, type FunctionsServer } from '@theodoi/test-kit/function-server';
import { startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';
import { cchcRowWith } from '../../../fixtures/cchc-rows.js';
import { bearer, googleToken } from '../../../support/id-tokens.js';
import { expectUnavailable, jsonBody, OVERSIZED_BODY, send } from '../../../support/json-answer.js';

const TAB = 'Quý I/2024';
const data = (request: unknown) => Buffer.from(JSON.stringify(request)).toString('base64');

describe('syncDirectiveEvent', () => {
  let world: World;
  let served: FunctionsServer;
  let url = '';
  const request = () => ({
    directiveId: world.spec.id,
    trigger: 'sheet:edit',
    sheetName: TAB,
    by: thapMuoi.coordinator.email,
  });
  const push = (body: unknown, messageId = 'm-1') =>
    send(url, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        message: { data: data(body), messageId, publishTime: new Date().toISOString() },
        subscription: 'projects/theodoi-it-sync-event/subscriptions/theodoi-sync-requests-push',
      }),
    });

  beforeAll(async () => {
    world = await startWorld('sync-event', undefined, { sheetTriggers: true });
    served = await serveRuntimeFunctions(world.runtime, ['syncDirectiveEvent']);
    url = served.urlOf('syncDirectiveEvent');
  });
  afterAll(async () => {
    await served?.close();
    await world?.close();
  });

  it('runs the sync of a request pushed by Pub/Sub, naming the message in its answer', async () => {
    expect(jsonBody(await push(request(), 'push-1'), 200)).toMatchObject({
      eventId: 'push-1',
      directiveId: world.spec.id,
      result: 'synced',
    });
  });

  it('takes the same request as a CloudEvent, in binary and in structured mode', async () => {
    const published = {
      message: { data: data(request()), messageId: 'ce-1' },
      subscription: 'projects/p/subscriptions/s',
    };
    const binary = await send(url, {
      headers: {
        'content-type': 'application/json',
        'ce-id': 'ce-1',
        'ce-specversion': '1.0',
        'ce-source': '//pubsub.googleapis.com/projects/theodoi/topics/theodoi-sync-requests',
        'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished',
      },
      body: JSON.stringify(published),
    });
    expect(jsonBody(binary, 200)).toMatchObject({ eventId: 'ce-1', result: 'synced' });
    const structured = await send(url, {
      headers: { 'content-type': 'application/cloudevents+json' },
      body: JSON.stringify({
        specversion: '1.0',
        id: 'ce-2',
        source: '//pubsub.googleapis.com/projects/theodoi/topics/theodoi-sync-requests',
        type: 'google.cloud.pubsub.topic.v1.messagePublished',
        data: published,
      }),
    });
    expect(jsonBody(structured, 200)).toMatchObject({ eventId: 'ce-2', result: 'synced' });
  });

  it('acknowledges, without syncing, a message that is no sync request and a directive no longer registered', async () => {
    world.emulator.resetCounters();
    expect(jsonBody(await push({ hello: 'world' }, 'junk'), 200)).toEqual({
      eventId: 'junk',
      dropped: 'not-a-sync-request',
    });
    expect(jsonBody(await push({ ...request(), directiveId: 'khong-co' }, 'gone'), 200)).toEqual({
      eventId: 'gone',
      dropped: 'unknown-directive',
    });
    expect(world.emulator.counters().total).toBe(0);
  });

  it('answers what is no event, a wrong method and an oversized body in JSON', async () => {
    expect(
      jsonBody(await send(url, { headers: { 'content-type': 'application/json' }, body: '{"a": 1}' }), 400),
    ).toMatchObject({
      code: 'not-an-event',
    });
    expect(jsonBody(await send(url, { body: '{"message": ' }), 400)).toMatchObject({
      code: 'malformed-json',
    });
    expect(jsonBody(await send(url, { method: 'GET' }), 405)).toMatchObject({ code: 'method-not-allowed' });
    expect(jsonBody(await send(url, { body: OVERSIZED_BODY }), 413)).toMatchObject({ code: 'too-large' });
  });

  it('answers 503 when Google stays unavailable through the sync, so Pub/Sub redelivers', async () => {
    await expectUnavailable(world.emulator, () => push(request(), 'unavailable'));
  });

  it('is redelivered by Pub/Sub after a failed sync, and the edit reaches the row then', async () => {
    const triggers = world.triggers!;
    const row = 5 + thapMuoi.units.findIndex((u) => u.code === '30052');
    await world
      .officer(thapMuoi.units.find((u) => u.code === '30052')!.editors[0]!)
      .spreadsheets.values.update({
        spreadsheetId: world.directive.spreadsheetId,
        range: `'${TAB}'!C${row}`,
        valueInputOption: 'USER_ENTERED',
        requestBody: { values: [cchcRowWith(2, 80)] },
      });
    // The first delivery's one read fails through every retry; Pub/Sub then delivers the same message again.
    world.emulator.addFault({
      status: 503,
      count: 5,
      methods: ['sheets.spreadsheets.getByDataFilter'],
      retryAfterSeconds: 0,
    });
    const token = await googleToken(world.emulator, triggers.clientId, thapMuoi.coordinator.email);
    const before = triggers.answers().length;
    const res = await fetch(`${triggers.url}/sheetEvent`, {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({
        v: CONTRACT_VERSION,
        spreadsheetId: world.directive.spreadsheetId,
        kind: 'edit',
        sheetName: TAB,
      }),
    });
    const { messageId } = (await res.json()) as { messageId: string };
    expect(res.status).toBe(202);
    await triggers.settled(60_000);
    world.emulator.clearFaults();
    const deliveries = triggers
      .answers()
      .slice(before)
      .filter((a) => a.function === 'syncDirectiveEvent');
    // The first delivery failed (no event id in an error's body), the redelivery of the same message synced.
    expect(deliveries.map((a) => [a.status, (a.body as { eventId?: string }).eventId])).toEqual([
      [503, undefined],
      [200, messageId],
    ]);
    const status = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: world.directive.spreadsheetId,
      range: `'${TAB}'!X${row}`,
    });
    expect(status.data.values?.[0]?.[0]).toBe('✔ Đã tiếp nhận');
  }, 90_000);
});

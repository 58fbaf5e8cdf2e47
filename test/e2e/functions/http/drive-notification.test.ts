// Drive push notifications: the emulator notifies the driveNotification function of an edit, which syncs; each
// channel has a random token of its own, stored with it: a notification with any other token is refused before any
// write, and a repeated one is ignored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWatch } from '@theodoi/functions/usecases/watch-directive';
import { getDirective } from '@theodoi/functions/store/directives';
import { serveFunction, type FunctionServer } from '@theodoi/test-kit/function-server';
import { startWorld, type World } from '@theodoi/test-kit/world';
import { expectUnavailable, jsonBody, OVERSIZED_BODY, send } from '../../../support/json-answer.js';

const TAB = "'Quý I/2024'";

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('driveNotification', () => {
  let world: World;
  let fn: FunctionServer;
  let url = '';

  beforeAll(async () => {
    world = await startWorld('drive', new Date().toISOString());
    fn = await serveFunction('driveNotification', {
      GOOGLE_CLOUD_PROJECT: 'theodoi-it-drive',
      SHEETS_EMULATOR_URL: world.emulator.url,
      THEODOI_GOOGLE_GRANT: world.env.THEODOI_GOOGLE_GRANT!,
    });
    url = fn.url;
  });
  afterAll(async () => {
    await fn?.close();
    await world?.close();
  });

  it('syncs the directive when Drive reports an edit on its spreadsheet', async () => {
    const directive = (await getDirective(world.db, world.spec.id))!;
    const { watch, renewed } = await ensureWatch(world.deps, directive, { address: url });
    expect(renewed).toBe(true);
    expect(Buffer.from(watch.token, 'base64url')).toHaveLength(32);
    expect((await getDirective(world.db, world.spec.id))?.watch).toEqual(watch);

    await world.clients.sheets.spreadsheets.values.update({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!C5`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['4']] },
    });
    const status = await until(async () => {
      const res = await world.clients.sheets.spreadsheets.values.get({
        spreadsheetId: world.directive.spreadsheetId,
        range: `${TAB}!X5`,
      });
      const text = res.data.values?.[0]?.[0] as string | undefined;
      return text?.startsWith('…') ? text : undefined;
    });
    expect(status).toMatch(/^… Chưa đủ \(\d+ mục\) — xem ghi chú$/);
  });

  it("refuses a notification without the channel's own token, calling Google for nothing and writing nothing", async () => {
    const directive = (await getDirective(world.db, world.spec.id))!;
    await world.another('drive-other');
    const other = await ensureWatch(world.deps, (await getDirective(world.db, 'drive-other'))!, {
      address: url,
    });
    world.emulator.resetCounters();
    const events = (await world.db.collection('events').count().get()).data().count;
    for (const token of ['forged', other.watch.token, directive.watch!.token!.slice(1), undefined]) {
      const headers: Record<string, string> = {
        'X-Goog-Channel-ID': directive.watch!.channelId,
        'X-Goog-Resource-State': 'update',
        'X-Goog-Message-Number': '99',
      };
      if (token !== undefined) headers['X-Goog-Channel-Token'] = token;
      const res = await fetch(url, { method: 'POST', headers });
      expect(res.status, String(token)).toBe(401);
    }
    expect(world.emulator.counters().total).toBe(0);
    expect((await world.db.collection('events').count().get()).data().count).toBe(events);
  });

  it('ignores a repeated message number, handling it once', async () => {
    // The earlier edit's notifications (and the one theodoi's own status write causes) are all delivered and
    // their syncs done, so this notification is not coalesced into a sync still running.
    await world.emulator.notificationsIdle();
    const directive = (await getDirective(world.db, world.spec.id))!;
    const channelId = directive.watch!.channelId;
    const notify = () =>
      fetch(url, {
        method: 'POST',
        headers: {
          'X-Goog-Channel-ID': channelId,
          'X-Goog-Channel-Token': directive.watch!.token!,
          'X-Goog-Resource-State': 'update',
          'X-Goog-Message-Number': '424242',
        },
      });
    // Nothing changed since theodoi's last write: the first is handled by one files.get, reading no sheet.
    world.emulator.resetCounters();
    expect(await (await notify()).json()).toEqual({ ignored: 'own write' });
    expect(world.emulator.counters().methods).toEqual({ 'drive.files.get': 1 });
    world.emulator.resetCounters();
    const again = await notify();
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ignored: 'duplicate' });
    expect(world.emulator.counters().total).toBe(0);
  });

  it('answers a crafted message number 400 without internals, writing and reading nothing', async () => {
    const directive = (await getDirective(world.db, world.spec.id))!;
    const channelId = directive.watch!.channelId;
    const events = async () => (await world.db.collection('events').count().get()).data().count;
    const before = await events();
    world.emulator.resetCounters();
    for (const crafted of ['../../directives/x', '7/8', 'x'.repeat(2_000)]) {
      const answer = await send(url, {
        headers: {
          'X-Goog-Channel-ID': channelId,
          'X-Goog-Channel-Token': directive.watch!.token!,
          'X-Goog-Resource-State': 'update',
          'X-Goog-Message-Number': crafted,
        },
      });
      expect(jsonBody(answer, 400)).toEqual({ error: 'bad message number', code: 'bad-message-number' });
    }
    expect(await events()).toBe(before);
    expect(world.emulator.counters().total).toBe(0);
  });

  it('takes notifications out of order: an older one, of a version theodoi has seen, reads and changes nothing', async () => {
    await world.emulator.notificationsIdle();
    const directive = (await getDirective(world.db, world.spec.id))!;
    const channelId = directive.watch!.channelId;
    const notify = async (n: number) =>
      (await (
        await fetch(url, {
          method: 'POST',
          headers: {
            'X-Goog-Channel-ID': channelId,
            'X-Goog-Channel-Token': directive.watch!.token!,
            'X-Goog-Resource-State': 'update',
            'X-Goog-Message-Number': String(n),
          },
        })
      ).json()) as { result?: string; changedUnits?: number; ignored?: string };
    await world.clients.sheets.spreadsheets.values.update({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!C6`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['7']] },
    });
    await world.emulator.notificationsIdle();
    // Drive's own notification of that edit has been handled (its sync recorded the version it left); a late 502
    // and then an even older 501 arrive: the spreadsheet is at that version, so neither reads the sheet.
    world.emulator.resetCounters();
    expect(await notify(502)).toEqual({ ignored: 'own write' });
    expect(await notify(501)).toEqual({ ignored: 'own write' });
    expect(world.emulator.counters().methods).toEqual({ 'drive.files.get': 2 });
    const versions = await world.db
      .collection(`directives/${world.spec.id}/reports/2024-Q1~NV/versions`)
      .get();
    expect(versions.size).toBe(1);
  });

  it('answers a wrong method, an oversized body and a malformed one in JSON, and a sync Google fails with 503', async () => {
    await world.emulator.notificationsIdle();
    const directive = (await getDirective(world.db, world.spec.id))!;
    const channelId = directive.watch!.channelId;
    const headers = (n: number) => ({
      'content-type': 'application/json',
      'X-Goog-Channel-ID': channelId,
      'X-Goog-Channel-Token': directive.watch!.token!,
      'X-Goog-Resource-State': 'update',
      'X-Goog-Message-Number': String(n),
    });
    expect(jsonBody(await send(url, { method: 'GET', headers: headers(700) }), 405)).toMatchObject({
      code: 'method-not-allowed',
    });
    expect(jsonBody(await send(url, { headers: headers(701), body: OVERSIZED_BODY }), 413)).toMatchObject({
      code: 'too-large',
    });
    // Drive sends no body: whatever comes is not parsed, so malformed JSON changes nothing (and nothing changed).
    expect(jsonBody(await send(url, { headers: headers(702), body: '{"x": ' }), 200)).toEqual({
      ignored: 'own write',
    });
    // Drive cannot say the version either: the notification is taken as a change, and the sync's read fails.
    world.emulator.addFault({ status: 503, count: 10, methods: ['drive.files.get'], retryAfterSeconds: 0 });
    await expectUnavailable(world.emulator, () => send(url, { headers: headers(703) }));
  });

  it('renews a channel opened before channels had tokens of their own, though far from expiring', async () => {
    const directive = (await getDirective(world.db, world.spec.id))!;
    const { token: _token, ...untokened } = directive.watch!;
    const { renewed, watch } = await ensureWatch(
      { ...world.deps, clock: { now: () => new Date() } },
      { ...directive, watch: untokened },
      { address: url },
    );
    expect(renewed).toBe(true);
    expect(watch.token).toBeTruthy();
  });

  it('renews a channel about to expire: opens the new one, then stops the old one', async () => {
    const directive = (await getDirective(world.db, world.spec.id))!;
    const expiring = { ...directive, watch: { ...directive.watch!, expiration: Date.now() + 60_000 } };
    world.emulator.resetCounters();
    const { watch, renewed } = await ensureWatch(
      { ...world.deps, clock: { now: () => new Date() } },
      expiring,
      { address: url },
    );
    expect(renewed).toBe(true);
    expect(watch.channelId).not.toBe(directive.watch!.channelId);
    expect(watch.token).not.toBe(directive.watch!.token);
    expect(world.emulator.counters().methods).toEqual({ 'drive.files.watch': 1, 'drive.channels.stop': 1 });
  });
});

// Drive push notifications: files.watch, changes.watch and channels.stop, observed by a local receiver.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PUSH_BATCH_MS, start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import type { Clients } from '@theodoi/test-kit/clients';
import { fakeSheets } from '../../../support/fake-sheets.js';
import { failure } from '../../../support/google-error.js';
import { listenForHooks } from '../../../support/hook-listener.js';
import type { HookListener } from '../../../support/hook-listener.js';

const SHEET = 'application/vnd.google-apps.spreadsheet';
const HOUR = 3_600_000;

let server: EmulatorServer;
let sa: Clients;
let hooks: HookListener;
let clock: number;
let id: string;

beforeAll(async () => {
  clock = Date.parse('2026-11-28T08:00:00.000Z');
  server = await start({
    accounts: 'lenient',
    sheets: fakeSheets,
    now: () => new Date(clock),
    notifications: { retryBaseMs: 10, timeoutMs: 500, batchMs: 0 },
  });
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  server.wipe();
  hooks = await listenForHooks();
  sa = clientsFor(server, undefined, { retry: false });
  id = (await sa.drive.files.create({ requestBody: { name: 'Theo dõi', mimeType: SHEET } })).data.id ?? '';
});
afterEach(async () => {
  await server.notificationsIdle();
  await hooks.close();
});

async function edit(): Promise<void> {
  await sa.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [] } });
}

describe('files.watch', () => {
  it('answers with a Channel and sends sync first, then update with X-Goog-Changed on an edit', async () => {
    const res = await sa.drive.files.watch({
      fileId: id,
      requestBody: { id: 'kenh-1', type: 'web_hook', address: hooks.url, token: 'bi-mat-123' },
    });
    expect(res.data).toEqual({
      kind: 'api#channel',
      id: 'kenh-1',
      resourceId: expect.any(String) as string,
      resourceUri: `${server.url}/drive/v3/files/${id}?alt=json`,
      token: 'bi-mat-123',
      expiration: String(clock + HOUR),
    });
    await server.notificationsIdle();
    await edit();
    await server.notificationsIdle();
    expect(hooks.states()).toEqual(['sync', 'update']);
    const [sync, update] = hooks.received;
    expect(sync?.headers).toMatchObject({
      'x-goog-channel-id': 'kenh-1',
      'x-goog-channel-token': 'bi-mat-123',
      'x-goog-channel-expiration': new Date(clock + HOUR).toUTCString(),
      'x-goog-message-number': '1',
      'x-goog-resource-id': res.data.resourceId,
      'x-goog-resource-uri': res.data.resourceUri,
      'x-goog-resource-state': 'sync',
    });
    expect(sync?.body).toBe('');
    expect(update?.headers['x-goog-changed']).toBe('content');
    expect(Number(update?.headers['x-goog-message-number'])).toBeGreaterThan(1);
  });

  it('sends update for a rename, trash and untrash, and remove on delete', async () => {
    await sa.drive.files.watch({
      fileId: id,
      requestBody: { id: 'kenh-2', type: 'web_hook', address: hooks.url },
    });
    await sa.drive.files.update({ fileId: id, requestBody: { name: 'Tên mới' } });
    await sa.drive.files.update({ fileId: id, requestBody: { trashed: true } });
    await sa.drive.files.update({ fileId: id, requestBody: { trashed: false } });
    await sa.drive.files.delete({ fileId: id });
    await server.notificationsIdle();
    expect(hooks.states()).toEqual(['sync', 'update', 'trash', 'untrash', 'remove']);
    expect(hooks.received[1]?.headers['x-goog-changed']).toBe('properties');
    expect(hooks.received[0]?.headers['x-goog-channel-token']).toBeUndefined();
    const numbers = hooks.received.map((r) => Number(r.headers['x-goog-message-number']));
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
  });

  it('clamps the expiration to one day and refuses one in the past', async () => {
    const res = await sa.drive.files.watch({
      fileId: id,
      requestBody: {
        id: 'kenh-3',
        type: 'web_hook',
        address: hooks.url,
        expiration: String(clock + 30 * 24 * HOUR),
      },
    });
    expect(res.data.expiration).toBe(String(clock + 24 * HOUR));
    const seen = await failure(
      sa.drive.files.watch({
        fileId: id,
        requestBody: { id: 'kenh-4', type: 'web_hook', address: hooks.url, expiration: String(clock - 1) },
      }),
    );
    expect(seen.status).toBe(400);
  });

  it('sends nothing once the channel has expired', async () => {
    await sa.drive.files.watch({
      fileId: id,
      requestBody: { id: 'kenh-5', type: 'web_hook', address: hooks.url, expiration: String(clock + 60_000) },
    });
    await server.notificationsIdle();
    clock += 61_000;
    await edit();
    await server.notificationsIdle();
    expect(hooks.states()).toEqual(['sync']);
  });

  it('refuses a duplicate channel id, a bad type and an unknown file', async () => {
    await sa.drive.files.watch({
      fileId: id,
      requestBody: { id: 'kenh-6', type: 'web_hook', address: hooks.url },
    });
    const dup = await failure(
      sa.drive.files.watch({
        fileId: id,
        requestBody: { id: 'kenh-6', type: 'web_hook', address: hooks.url },
      }),
    );
    expect([dup.status, dup.message]).toEqual([400, 'Channel id kenh-6 not unique']);
    const type = await failure(
      sa.drive.files.watch({ fileId: id, requestBody: { id: 'k7', type: 'email', address: hooks.url } }),
    );
    expect(type.status).toBe(400);
    const missing = await failure(
      sa.drive.files.watch({
        fileId: 'nope',
        requestBody: { id: 'k8', type: 'web_hook', address: hooks.url },
      }),
    );
    expect(missing.status).toBe(404);
  });
});

describe('channels.stop', () => {
  it('stops notifications; stopping an unknown channel is 404', async () => {
    const ch = await sa.drive.files.watch({
      fileId: id,
      requestBody: { id: 'kenh-9', type: 'web_hook', address: hooks.url },
    });
    await server.notificationsIdle();
    const res = await sa.drive.channels.stop({
      requestBody: { id: 'kenh-9', resourceId: ch.data.resourceId ?? '' },
    });
    expect(res.status).toBe(204);
    await edit();
    await server.notificationsIdle();
    expect(hooks.states()).toEqual(['sync']);
    const seen = await failure(
      sa.drive.channels.stop({ requestBody: { id: 'kenh-9', resourceId: ch.data.resourceId ?? '' } }),
    );
    expect([seen.status, seen.message]).toEqual([404, "Channel 'kenh-9' not found for project '1234567890'"]);
  });
});

describe('notification addresses', () => {
  it('refuses an http address off this machine with Google’s 400, and takes https or loopback http', async () => {
    const address = 'http://theodoi.example.vn/drive-notification';
    const seen = await failure(
      sa.drive.files.watch({ fileId: id, requestBody: { id: 'http-ngoai', type: 'web_hook', address } }),
    );
    expect([seen.status, seen.message]).toEqual([400, `WebHook callback must be HTTPS: ${address}`]);
    expect(seen.data).toMatchObject({
      error: { errors: [{ reason: 'push.webhookUrlNotHttps', location: 'address' }] },
    });
    const https = await sa.drive.files.watch({
      fileId: id,
      requestBody: { id: 'https', type: 'web_hook', address: 'https://127.0.0.1:9/drive-notification' },
    });
    expect(https.data.id).toBe('https');
    await sa.drive.channels.stop({ requestBody: { id: 'https', resourceId: https.data.resourceId ?? '' } });
    for (const local of [hooks.url, hooks.url.replace('127.0.0.1', 'localhost')]) {
      const ok = await sa.drive.files.watch({
        fileId: id,
        requestBody: {
          id: `loopback-${local.length}-${local.includes('localhost')}`,
          type: 'web_hook',
          address: local,
        },
      });
      expect(ok.status).toBe(200);
    }
  });
});

describe('changes.watch', () => {
  it('sends sync, then change for edits to files in the watcher’s feed, honouring a one-week cap', async () => {
    const token = (await sa.drive.changes.getStartPageToken({})).data.startPageToken ?? '';
    const res = await sa.drive.changes.watch({
      pageToken: token,
      requestBody: {
        id: 'thay-doi',
        type: 'web_hook',
        address: hooks.url,
        expiration: String(clock + 30 * 24 * HOUR),
      },
    });
    expect(res.data.expiration).toBe(String(clock + 7 * 24 * HOUR));
    expect(res.data.resourceUri).toBe(`${server.url}/drive/v3/changes?alt=json&pageToken=${token}`);
    await server.notificationsIdle();
    await edit();
    const other = clientsFor(server, 'nguoi.khac@example.com', { retry: false });
    await other.drive.files.create({ requestBody: { name: 'Không liên quan', mimeType: SHEET } });
    await server.notificationsIdle();
    expect(hooks.states()).toEqual(['sync', 'change']);
    expect(hooks.received[1]?.headers['x-goog-channel-id']).toBe('thay-doi');
  });
});

describe('delivery', () => {
  it('is logged, retried on 503, and never holds up the API call', async () => {
    hooks.answers.push(200, 503, 200);
    await sa.drive.files.watch({
      fileId: id,
      requestBody: { id: 'kenh-10', type: 'web_hook', address: hooks.url },
    });
    await edit();
    const log = (await (await fetch(`${server.url}/__emulator/notifications?idle=true`)).json()) as {
      deliveries: {
        channelId: string;
        resourceState: string;
        status: number;
        attempts: number;
        ok: boolean;
      }[];
    };
    expect(log.deliveries.map((d) => [d.resourceState, d.status, d.attempts, d.ok])).toEqual([
      ['sync', 200, 1, true],
      ['update', 200, 2, true],
    ]);
  });

  it('records a receiver that is down without failing the request', async () => {
    await hooks.close();
    const res = await sa.drive.files.watch({
      fileId: id,
      requestBody: { id: 'kenh-11', type: 'web_hook', address: hooks.url },
    });
    expect(res.status).toBe(200);
    await server.notificationsIdle();
    const last = server.deliveries().at(-1);
    expect(last).toMatchObject({ channelId: 'kenh-11', ok: false, attempts: 4 });
    expect(last?.error).toBeTypeOf('string');
    hooks = await listenForHooks();
  });
});

describe('coalescing of a spreadsheet’s edit notifications', () => {
  it('holds edits back for Google’s ~3 minutes by default (only the sync message goes at once)', async () => {
    expect(PUSH_BATCH_MS).toBe(180_000);
    const google = await start({ sheets: fakeSheets });
    const receiver = await listenForHooks();
    try {
      // A person owns the spreadsheet (strict accounts: a service account cannot).
      const c = clientsFor(google, 'dieu.phoi.thapmuoi@gmail.com', { retry: false });
      const fileId =
        (await c.drive.files.create({ requestBody: { name: 'Mặc định', mimeType: SHEET } })).data.id ?? '';
      await c.drive.files.watch({
        fileId,
        requestBody: { id: 'mac-dinh', type: 'web_hook', address: receiver.url },
      });
      await c.sheets.spreadsheets.batchUpdate({ spreadsheetId: fileId, requestBody: { requests: [] } });
      await expect.poll(() => receiver.states()).toEqual(['sync']);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(receiver.states()).toEqual(['sync']);
    } finally {
      await google.stop();
      await receiver.close();
    }
  });

  it('merges a burst of edits into one update, as Google batches Sheets edits', async () => {
    const batched = await start({ accounts: 'lenient', sheets: fakeSheets, notifications: { batchMs: 100 } });
    const receiver = await listenForHooks();
    try {
      const c = clientsFor(batched, undefined, { retry: false });
      const fileId =
        (await c.drive.files.create({ requestBody: { name: 'Gộp', mimeType: SHEET } })).data.id ?? '';
      await c.drive.files.watch({
        fileId,
        requestBody: { id: 'gop', type: 'web_hook', address: receiver.url },
      });
      for (let i = 0; i < 3; i += 1)
        await c.sheets.spreadsheets.batchUpdate({ spreadsheetId: fileId, requestBody: { requests: [] } });
      await c.drive.files.update({ fileId, requestBody: { name: 'Gộp 2' } });
      await batched.notificationsIdle();
      expect(receiver.states()).toEqual(['sync', 'update']);
      expect(receiver.received[1]?.headers['x-goog-changed']).toBe('content,properties');
    } finally {
      await batched.stop();
      await receiver.close();
    }
  });
});

describe('watching a folder', () => {
  it('sends update with X-Goog-Changed children when a file is added to it or moved out', async () => {
    const folder =
      (
        await sa.drive.files.create({
          requestBody: { name: 'Thư mục', mimeType: 'application/vnd.google-apps.folder' },
        })
      ).data.id ?? '';
    await sa.drive.files.watch({
      fileId: folder,
      requestBody: { id: 'thu-muc', type: 'web_hook', address: hooks.url },
    });
    const child =
      (await sa.drive.files.create({ requestBody: { name: 'Con', parents: [folder] } })).data.id ?? '';
    await sa.drive.files.update({ fileId: child, removeParents: folder, addParents: 'root' });
    await server.notificationsIdle();
    expect(
      hooks.received.map((r) => [r.headers['x-goog-resource-state'], r.headers['x-goog-changed']]),
    ).toEqual([
      ['sync', undefined],
      ['update', 'children'],
      ['update', 'children'],
    ]);
  });
});

// The /__emulator admin endpoints: tokens, counters, reset, wipe, health, files, notifications, errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drive } from '@googleapis/drive';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import { fakeSheets } from '../../../support/fake-sheets.js';
import { failure } from '../../../support/google-error.js';

let server: EmulatorServer;

beforeAll(async () => {
  server = await start({ accounts: 'lenient', sheets: fakeSheets });
});
afterAll(async () => {
  await server.stop();
});

async function admin<T>(method: string, path: string): Promise<T> {
  const res = await fetch(`${server.url}/__emulator/${path}`, { method });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('GET /__emulator/token', () => {
  it('mints a bearer token for an e-mail that the clients can use', async () => {
    const minted = await admin<{ email: string; token: string }>('GET', 'token?email=Can.Bo@xa-myquy.gov.vn');
    expect(minted.email).toBe('can.bo@xa-myquy.gov.vn');
    const d = drive({
      version: 'v3',
      rootUrl: `${server.url}/`,
      headers: { Authorization: `Bearer ${minted.token}` },
    });
    const created = await d.files.create({
      requestBody: { name: 'x', mimeType: 'application/vnd.google-apps.folder' },
    });
    const got = await d.files.get({ fileId: created.data.id ?? '', fields: 'owners(emailAddress)' });
    expect(got.data.owners).toEqual([{ emailAddress: 'can.bo@xa-myquy.gov.vn' }]);
  });

  it('defaults to the service account and refuses a non-address', async () => {
    const minted = await admin<{ email: string }>('POST', 'token');
    expect(minted.email).toBe('theodoi@theodoi-local.iam.gserviceaccount.com');
    expect((await fetch(`${server.url}/__emulator/token?email=nobody`)).status).toBe(400);
  });
});

describe('counters, reset and wipe', () => {
  it('count 1 read + 1 write for a read-then-write flow, and reset to zero', async () => {
    const c = clientsFor(server);
    const id =
      (
        await c.drive.files.create({
          requestBody: { name: 's', mimeType: 'application/vnd.google-apps.spreadsheet' },
        })
      ).data.id ?? '';
    await admin('POST', 'reset');
    await c.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' });
    await c.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [] } });
    const counters = await admin<{ total: number; methods: Record<string, number> }>('GET', 'counters');
    expect(counters).toEqual({
      total: 2,
      methods: { 'sheets.spreadsheets.values.get': 1, 'sheets.spreadsheets.batchUpdate': 1 },
      errors: {},
    });
    await admin('POST', 'reset');
    expect(await admin('GET', 'counters')).toEqual({ total: 0, methods: {}, errors: {} });
  });

  it('wipe removes every file but keeps tokens working', async () => {
    const c = clientsFor(server, undefined, { retry: false });
    const id = (await c.drive.files.create({ requestBody: { name: 'gone' } })).data.id ?? '';
    const files = await admin<{ files: { id: string }[] }>('GET', 'files');
    expect(files.files.map((f) => f.id)).toContain(id);
    await admin('POST', 'wipe');
    expect((await failure(c.drive.files.get({ fileId: id }))).status).toBe(404);
    expect((await admin<{ files: unknown[] }>('GET', 'files')).files).toEqual([]);
  });
});

describe('other endpoints', () => {
  it('health, notifications, errors; unknown endpoints are 404', async () => {
    expect(await admin('GET', 'health')).toEqual({
      ok: true,
      url: server.url,
      serviceAccountEmail: 'theodoi@theodoi-local.iam.gserviceaccount.com',
    });
    expect(await admin('GET', 'notifications?idle=true')).toEqual({ deliveries: [] });
    expect(await admin('DELETE', 'notifications')).toEqual({ ok: true });
    expect(await admin('GET', 'errors')).toEqual({ errors: [] });
    expect((await fetch(`${server.url}/__emulator/nothing`)).status).toBe(404);
  });
});

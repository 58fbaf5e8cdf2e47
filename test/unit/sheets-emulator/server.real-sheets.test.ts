// The shell with the real Sheets half: Sheets edits show up in Drive (version, modifiedTime, changes, push),
// spreadsheets.create registers a Drive file, titles and names stay in step, readers cannot write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { listenForHooks } from '../../support/hook-listener.js';
import type { HookListener } from '../../support/hook-listener.js';
import { clientsFor } from '@theodoi/test-kit/clients';
import type { Clients } from '@theodoi/test-kit/clients';
import { failure } from '../../support/google-error.js';

let server: EmulatorServer;
let hooks: HookListener;
let sa: Clients;

beforeAll(async () => {
  server = await start({ accounts: 'lenient', notifications: { batchMs: 0 } });
  hooks = await listenForHooks();
  sa = clientsFor(server, undefined, { retry: false });
});
afterAll(async () => {
  await server.stop();
  await hooks.close();
});

describe('Sheets edits seen from Drive', () => {
  it('a values.update bumps version and modifiedTime, appends a change and notifies a file watcher', async () => {
    const id =
      (
        await sa.drive.files.create({
          requestBody: { name: 'Tiến độ', mimeType: 'application/vnd.google-apps.spreadsheet' },
        })
      ).data.id ?? '';
    const before = await sa.drive.files.get({ fileId: id, fields: 'version,modifiedTime' });
    const token = (await sa.drive.changes.getStartPageToken({})).data.startPageToken ?? '';
    await sa.drive.files.watch({
      fileId: id,
      requestBody: { id: 'w-real', type: 'web_hook', address: hooks.url },
    });
    server.resetCounters();

    const read = await sa.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1:C3' });
    expect(read.data.values).toBeUndefined();
    await sa.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1:B1',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['Xã Mỹ Quý', '1,5']] },
    });
    expect(server.counters().methods).toEqual({
      'sheets.spreadsheets.values.get': 1,
      'sheets.spreadsheets.values.update': 1,
    });

    const after = await sa.drive.files.get({ fileId: id, fields: 'version,modifiedTime' });
    expect(Number(after.data.version)).toBeGreaterThan(Number(before.data.version));
    expect(Date.parse(after.data.modifiedTime ?? '')).toBeGreaterThan(
      Date.parse(before.data.modifiedTime ?? ''),
    );
    const changes = await sa.drive.changes.list({ pageToken: token });
    expect(changes.data.changes?.map((c) => c.fileId)).toEqual([id]);
    await server.notificationsIdle();
    expect(hooks.states()).toEqual(['sync', 'update']);
    expect(hooks.received[1]?.headers['x-goog-changed']).toBe('content');
  });

  it('spreadsheets.create makes a Drive file owned by the caller, and a title change renames it', async () => {
    const officer = clientsFor(server, 'can.bo@xa-myquy.gov.vn', { retry: false });
    const created = await officer.sheets.spreadsheets.create({
      requestBody: { properties: { title: 'Báo cáo tuần' } },
    });
    const id = created.data.spreadsheetId ?? '';
    const file = await officer.drive.files.get({ fileId: id, fields: 'name,mimeType,ownedByMe' });
    expect(file.data).toEqual({
      name: 'Báo cáo tuần',
      mimeType: 'application/vnd.google-apps.spreadsheet',
      ownedByMe: true,
    });
    await officer.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          { updateSpreadsheetProperties: { properties: { title: 'Báo cáo tháng' }, fields: 'title' } },
        ],
      },
    });
    expect((await officer.drive.files.get({ fileId: id })).data.name).toBe('Báo cáo tháng');
    await officer.drive.files.update({ fileId: id, requestBody: { name: 'Báo cáo quý' } });
    const title = await officer.sheets.spreadsheets.get({ spreadsheetId: id, fields: 'properties.title' });
    expect(title.data).toEqual({ properties: { title: 'Báo cáo quý' } });
    expect((await failure(sa.sheets.spreadsheets.get({ spreadsheetId: id }))).status).toBe(403);
  });

  it('refuses writes from a reader with 403 and keeps the cells', async () => {
    const id =
      (
        await sa.drive.files.create({
          requestBody: { name: 'Khoá', mimeType: 'application/vnd.google-apps.spreadsheet' },
        })
      ).data.id ?? '';
    await sa.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'user', role: 'reader', emailAddress: 'lanh.dao@thapmuoi.gov.vn' },
    });
    const reader = clientsFor(server, 'lanh.dao@thapmuoi.gov.vn', { retry: false });
    const seen = await failure(
      reader.sheets.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'A1',
        valueInputOption: 'RAW',
        requestBody: { values: [['x']] },
      }),
    );
    expect([seen.status, seen.message]).toEqual([403, 'The caller does not have permission']);
    const cells = await reader.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' });
    expect(cells.data.values).toBeUndefined();
  });
});

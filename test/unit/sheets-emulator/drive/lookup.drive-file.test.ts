// drive.file: a token whose only Drive/Sheets scope is drive.file reaches only the files its app created or
// had opened with it (the Picker); a file shared through the Share dialog is not one of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import type { Clients } from '@theodoi/test-kit/clients';
import { failure } from '../../../support/google-error.js';
import { installedApp } from '../../../support/oauth-flow.js';

const AUTH = 'https://www.googleapis.com/auth/';
const PERSON = 'chu.tich.xa@gmail.com';
const SA = 'theodoi@theodoi-local.iam.gserviceaccount.com';
const SHEET = 'application/vnd.google-apps.spreadsheet';
const APP = installedApp('theodoi-desktop', '555000111');

let server: EmulatorServer;
let full: Clients;
let app: Clients;
let appFile = '';
let otherFile = '';

beforeAll(async () => {
  server = await start();
  server.registerClient(APP);
  full = clientsFor(server, PERSON, { retry: false });
  app = clientsFor(server, PERSON, { retry: false, clientId: APP.clientId, scopes: [`${AUTH}drive.file`] });
  appFile =
    (await app.drive.files.create({ requestBody: { name: 'Của ứng dụng', mimeType: SHEET } })).data.id ?? '';
  otherFile =
    (await full.drive.files.create({ requestBody: { name: 'Của người', mimeType: SHEET } })).data.id ?? '';
});
afterAll(async () => {
  await server.stop();
});

describe('a drive.file token', () => {
  it('reaches the file its app created, in Drive and Sheets alike', async () => {
    expect((await app.drive.files.get({ fileId: appFile })).data.name).toBe('Của ứng dụng');
    expect((await app.sheets.spreadsheets.get({ spreadsheetId: appFile })).data.properties?.title).toBe(
      'Của ứng dụng',
    );
    const listed = await app.drive.files.list({ fields: 'files(id)' });
    expect(listed.data.files).toEqual([{ id: appFile }]);
  });

  it('answers for any other file of the same person as Google does: Drive 404, Sheets 403', async () => {
    const drive = await failure(app.drive.files.get({ fileId: otherFile }));
    expect(drive.status).toBe(404);
    expect(drive.message).toBe(`File not found: ${otherFile}.`);
    const sheets = await failure(
      app.sheets.spreadsheets.values.get({ spreadsheetId: otherFile, range: 'A1' }),
    );
    expect(sheets.status).toBe(403);
    expect(sheets.data).toEqual({
      error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' },
    });
  });

  it('reaches that file once it is opened with the app (the Picker, POST /__emulator/picker)', async () => {
    const res = await fetch(`${server.url}/__emulator/picker`, {
      method: 'POST',
      body: JSON.stringify({ fileId: otherFile, clientId: APP.clientId }),
    });
    expect(res.status).toBe(200);
    expect((await app.drive.files.get({ fileId: otherFile })).data.id).toBe(otherFile);
    expect((await app.sheets.spreadsheets.get({ spreadsheetId: otherFile })).status).toBe(200);
  });
});

describe('a service account with spreadsheets + drive.file (theodoi’s scopes)', () => {
  it('edits in Sheets a spreadsheet shared with it, but Drive calls on it are not found', async () => {
    const shared =
      (await full.drive.files.create({ requestBody: { name: 'Chia sẻ', mimeType: SHEET } })).data.id ?? '';
    await full.drive.permissions.create({
      fileId: shared,
      sendNotificationEmail: false,
      requestBody: { type: 'user', role: 'writer', emailAddress: SA },
    });
    const sa = clientsFor(server, SA, { retry: false, scopes: [`${AUTH}spreadsheets`, `${AUTH}drive.file`] });
    const write = await sa.sheets.spreadsheets.values.update({
      spreadsheetId: shared,
      range: 'A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['được']] },
    });
    expect(write.data.updatedCells).toBe(1);
    expect((await failure(sa.drive.files.get({ fileId: shared }))).status).toBe(404);
    expect((await failure(sa.drive.permissions.list({ fileId: shared }))).status).toBe(404);
    const start = await full.drive.changes.getStartPageToken({});
    await full.sheets.spreadsheets.values.update({
      spreadsheetId: shared,
      range: 'B1',
      valueInputOption: 'RAW',
      requestBody: { values: [['sửa']] },
    });
    const changes = await sa.drive.changes.list({ pageToken: start.data.startPageToken ?? '' });
    expect(changes.data.changes).toEqual([]);
    const everything = clientsFor(server, SA, { retry: false });
    const seenWithDrive = await everything.drive.changes.list({ pageToken: start.data.startPageToken ?? '' });
    expect(seenWithDrive.data.changes?.map((c) => c.fileId)).toEqual([shared]);
  });
});

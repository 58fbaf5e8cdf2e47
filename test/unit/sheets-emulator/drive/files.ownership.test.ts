// A service account owns no Drive file: creating or copying one into a My Drive (its own, or a folder shared
// with it) answers Drive's 403 storageQuotaExceeded, while a person owns what they create.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import type { Clients } from '@theodoi/test-kit/clients';
import { failure } from '../../../support/google-error.js';

const SA = 'theodoi@theodoi-local.iam.gserviceaccount.com';
const PERSON = 'van.phong.ubnd@gmail.com';
const SHEET = 'application/vnd.google-apps.spreadsheet';
const MESSAGE =
  'Service Accounts do not have storage quota. Leverage shared drives (https://developers.google.com/workspace/drive/api/guides/about-shareddrives), or use OAuth delegation (http://support.google.com/a/answer/7281227) instead.';
const QUOTA_BODY = {
  error: {
    code: 403,
    message: MESSAGE,
    errors: [{ message: MESSAGE, domain: 'usageLimits', reason: 'storageQuotaExceeded' }],
  },
};

let server: EmulatorServer;
let sa: Clients;
let person: Clients;
let folderId = '';
let sheetId = '';

beforeAll(async () => {
  server = await start();
  sa = clientsFor(server, SA, { retry: false });
  person = clientsFor(server, PERSON, { retry: false });
  const folder = await person.drive.files.create({
    requestBody: { name: 'Chỉ thị', mimeType: 'application/vnd.google-apps.folder' },
  });
  folderId = folder.data.id ?? '';
  const sheet = await person.drive.files.create({
    requestBody: { name: 'Mẫu', mimeType: SHEET, parents: [folderId] },
  });
  sheetId = sheet.data.id ?? '';
  await person.drive.permissions.create({
    fileId: folderId,
    sendNotificationEmail: false,
    requestBody: { type: 'user', role: 'writer', emailAddress: SA },
  });
});
afterAll(async () => {
  await server.stop();
});

describe('a service account', () => {
  it('cannot create a spreadsheet in its own My Drive', async () => {
    const seen = await failure(sa.drive.files.create({ requestBody: { name: 'Tiến độ', mimeType: SHEET } }));
    expect(seen.status).toBe(403);
    expect(seen.data).toEqual(QUOTA_BODY);
  });

  it('cannot create one either in a folder a person shared with it as writer', async () => {
    const seen = await failure(
      sa.drive.files.create({ requestBody: { name: 'Tiến độ', mimeType: SHEET, parents: [folderId] } }),
    );
    expect(seen.data).toEqual(QUOTA_BODY);
  });

  it('cannot copy a file it can read (the copy would be its own)', async () => {
    const seen = await failure(sa.drive.files.copy({ fileId: sheetId, requestBody: { name: 'Bản sao' } }));
    expect(seen.data).toEqual(QUOTA_BODY);
  });

  it('still edits the shared spreadsheet a person owns', async () => {
    const res = await sa.sheets.spreadsheets.values.update({
      spreadsheetId: sheetId,
      range: 'A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['ok']] },
    });
    expect(res.data.updatedCells).toBe(1);
  });
});

describe('a person', () => {
  it('owns the spreadsheet they create, and its copy', async () => {
    const made = await person.drive.files.create({
      requestBody: { name: 'Của tôi', mimeType: SHEET },
      fields: 'id,owners(emailAddress),ownedByMe',
    });
    expect(made.data.owners).toEqual([{ emailAddress: PERSON }]);
    expect(made.data.ownedByMe).toBe(true);
    const copied = await person.drive.files.copy({
      fileId: made.data.id ?? '',
      fields: 'owners(emailAddress)',
    });
    expect(copied.data.owners).toEqual([{ emailAddress: PERSON }]);
  });
});

// Drive's file `version` as the emulator keeps it: one step per change to the file (a Sheets write, a share), none
// for a write Sheets refused, the same in files.get and in changes.list: what tells theodoi's own writes apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor, type Clients } from '@theodoi/test-kit/clients';
import { failure } from '../../../support/google-error.js';

const OWNER = 'chu.so.huu@gmail.com';
const OFFICER = 'can.bo.xa@gmail.com';

let server: EmulatorServer;
let owner: Clients;
let id = '';

const version = async () =>
  Number((await owner.drive.files.get({ fileId: id, fields: 'version' })).data.version);

beforeAll(async () => {
  server = await start();
  owner = clientsFor(server, OWNER, { retry: false });
  id = (await owner.sheets.spreadsheets.create({ requestBody: {} })).data.spreadsheetId ?? '';
});
afterAll(async () => server?.stop());

describe('file version', () => {
  it('moves by one for each write to the content, by anyone, and for a share', async () => {
    const start = await version();
    await owner.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [{ updateSpreadsheetProperties: { properties: { locale: 'vi_VN' }, fields: 'locale' } }],
      },
    });
    expect(await version()).toBe(start + 1);
    await owner.drive.permissions.create({
      fileId: id,
      sendNotificationEmail: false,
      requestBody: { type: 'user', role: 'writer', emailAddress: OFFICER },
    });
    expect(await version()).toBe(start + 2);
    await clientsFor(server, OFFICER, { retry: false }).sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['5']] },
    });
    expect(await version()).toBe(start + 3);
  });

  it('does not move for a batchUpdate Sheets refused (it changed nothing)', async () => {
    const before = await version();
    const refused = await failure(
      owner.sheets.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ deleteSheet: { sheetId: 987654 } }] },
      }),
    );
    expect(refused.status).toBe(400);
    expect(await version()).toBe(before);
  });

  it('comes with each change in changes.list, as files.get gives it, with the last modifier', async () => {
    const token = (await owner.drive.changes.getStartPageToken({})).data.startPageToken!;
    await owner.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'B1',
      valueInputOption: 'RAW',
      requestBody: { values: [['x']] },
    });
    const listed = await owner.drive.changes.list({
      pageToken: token,
      fields:
        'nextPageToken,newStartPageToken,changes(fileId,file(version,lastModifyingUser(me,emailAddress)))',
    });
    expect(listed.data.changes).toEqual([
      {
        fileId: id,
        file: { version: String(await version()), lastModifyingUser: { me: true, emailAddress: OWNER } },
      },
    ]);
  });
});

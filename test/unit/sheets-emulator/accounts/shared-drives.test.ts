// Shared drives: made by a Workspace admin (admin endpoint), they own the files put in them, so a service
// account can create a spreadsheet there through Drive (supportsAllDrives) and then edit it through Sheets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import type { Clients } from '@theodoi/test-kit/clients';
import { failure } from '../../../support/google-error.js';

const SA = 'theodoi@theodoi-local.iam.gserviceaccount.com';
const MANAGER = 'quan.tri@ubnd-thapmuoi.vn';
const VIEWER = 'xem.thoi@gmail.com';
const STRANGER = 'nguoi.ngoai@gmail.com';
const SHEET = 'application/vnd.google-apps.spreadsheet';

let server: EmulatorServer;
let sa: Clients;
let manager: Clients;
let viewer: Clients;
let stranger: Clients;
let driveId = '';
let sheetId = '';

beforeAll(async () => {
  server = await start({ googleAccounts: [{ email: MANAGER, kind: 'workspace' }] });
  const res = await fetch(`${server.url}/__emulator/shared-drives`, {
    method: 'POST',
    body: JSON.stringify({
      name: 'UBND Tháp Mười',
      members: [
        { email: MANAGER, role: 'organizer' },
        { email: SA, role: 'fileOrganizer' },
        { email: VIEWER, role: 'reader' },
      ],
    }),
  });
  driveId = ((await res.json()) as { id: string }).id;
  sa = clientsFor(server, SA, { retry: false });
  manager = clientsFor(server, MANAGER, { retry: false });
  viewer = clientsFor(server, VIEWER, { retry: false });
  stranger = clientsFor(server, STRANGER, { retry: false });
});
afterAll(async () => {
  await server.stop();
});

describe('the admin endpoint', () => {
  it('refuses a member that is no Google account', async () => {
    const res = await fetch(`${server.url}/__emulator/shared-drives`, {
      method: 'POST',
      body: JSON.stringify({ name: 'X', members: [{ email: 'can.bo@thapmuoi.gov.vn', role: 'writer' }] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'members[].email: can.bo@thapmuoi.gov.vn is not a Google account',
    );
  });
});

describe('drives.get and drives.list', () => {
  it('show the drive to its members', async () => {
    const listed = await sa.drive.drives.list({});
    expect(listed.data).toEqual({
      kind: 'drive#driveList',
      drives: [{ kind: 'drive#drive', id: driveId, name: 'UBND Tháp Mười' }],
    });
    const got = await manager.drive.drives.get({ driveId, fields: 'id,name,capabilities(canManageMembers)' });
    expect(got.data).toEqual({
      id: driveId,
      name: 'UBND Tháp Mười',
      capabilities: { canManageMembers: true },
    });
  });

  it('answer Drive’s 404 "Shared drive not found" to anyone else', async () => {
    expect((await stranger.drive.drives.list({})).data.drives).toEqual([]);
    const seen = await failure(stranger.drive.drives.get({ driveId }));
    expect(seen.status).toBe(404);
    expect(seen.data).toEqual({
      error: {
        code: 404,
        message: `Shared drive not found: ${driveId}`,
        errors: [
          {
            message: `Shared drive not found: ${driveId}`,
            domain: 'global',
            reason: 'notFound',
            location: 'driveId',
            locationType: 'parameter',
          },
        ],
      },
    });
  });
});

describe('a service account creating a spreadsheet in the shared drive', () => {
  it('does not find the drive without supportsAllDrives, as on Google', async () => {
    const seen = await failure(
      sa.drive.files.create({ requestBody: { name: 'Tiến độ', mimeType: SHEET, parents: [driveId] } }),
    );
    expect(seen.status).toBe(404);
    expect((seen.data as { error: { message: string } }).error.message).toBe(`File not found: ${driveId}.`);
  });

  it('creates it with supportsAllDrives: owned by the drive (driveId, no owners)', async () => {
    const made = await sa.drive.files.create({
      supportsAllDrives: true,
      requestBody: { name: 'Tiến độ', mimeType: SHEET, parents: [driveId] },
      fields: 'id,driveId,owners,parents,ownedByMe',
    });
    sheetId = made.data.id ?? '';
    expect(made.data).toEqual({ id: sheetId, driveId, parents: [driveId], ownedByMe: false });
  });

  it('then edits it through Sheets (batchUpdate and values)', async () => {
    await sa.sheets.spreadsheets.batchUpdate({
      spreadsheetId: sheetId,
      requestBody: { requests: [{ addSheet: { properties: { title: 'Báo cáo' } } }] },
    });
    const res = await sa.sheets.spreadsheets.values.update({
      spreadsheetId: sheetId,
      range: 'Báo cáo!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['Đơn vị']] },
    });
    expect(res.data.updatedRange).toBe("'Báo cáo'!A1");
  });

  it('lets a reader member read it but not write it', async () => {
    const read = await viewer.sheets.spreadsheets.values.get({ spreadsheetId: sheetId, range: 'Báo cáo!A1' });
    expect(read.data.values).toEqual([['Đơn vị']]);
    const seen = await failure(
      viewer.sheets.spreadsheets.values.update({
        spreadsheetId: sheetId,
        range: 'Báo cáo!A1',
        valueInputOption: 'RAW',
        requestBody: { values: [['x']] },
      }),
    );
    expect(seen.status).toBe(403);
    expect(await failure(stranger.sheets.spreadsheets.get({ spreadsheetId: sheetId }))).toMatchObject({
      status: 403,
    });
  });
});

describe('files.list and changes.list over shared drives', () => {
  it('leave shared-drive items out unless the app asks for them and supports them', async () => {
    const plain = await sa.drive.files.list({ q: `name = 'Tiến độ'` });
    expect(plain.data.files).toEqual([]);
    const inDrive = await sa.drive.files.list({
      corpora: 'drive',
      driveId,
      includeItemsFromAllDrives: true,
      supportsAllDrives: true,
      fields: 'files(id,driveId)',
    });
    expect(inDrive.data.files).toEqual([{ id: sheetId, driveId }]);
    const all = await sa.drive.files.list({
      corpora: 'allDrives',
      includeItemsFromAllDrives: true,
      supportsAllDrives: true,
    });
    expect(all.data.files?.map((f) => f.id)).toEqual([sheetId]);
  });

  it('refuse a driveId without corpora=drive, and corpora=drive without a driveId, in Drive’s words', async () => {
    const noDrive = await failure(
      sa.drive.files.list({ corpora: 'drive', includeItemsFromAllDrives: true, supportsAllDrives: true }),
    );
    expect(noDrive.status).toBe(400);
    expect(noDrive.message).toBe(
      'The driveId parameter must be specified if and only if corpora is set to drive.',
    );
    const noInclude = await failure(sa.drive.files.list({ corpora: 'drive', driveId }));
    expect(noInclude.message).toBe(
      'The includeItemsFromAllDrives parameter must be set to true when driveId is set.',
    );
    const notMember = await failure(
      stranger.drive.files.list({
        corpora: 'drive',
        driveId,
        includeItemsFromAllDrives: true,
        supportsAllDrives: true,
      }),
    );
    expect(notMember.status).toBe(404);
  });

  it('report an edit in the drive’s change feed', async () => {
    const start = await sa.drive.changes.getStartPageToken({ driveId, supportsAllDrives: true });
    await sa.sheets.spreadsheets.values.update({
      spreadsheetId: sheetId,
      range: 'Báo cáo!B1',
      valueInputOption: 'RAW',
      requestBody: { values: [['Kỳ']] },
    });
    const changes = await manager.drive.changes.list({
      pageToken: start.data.startPageToken ?? '',
      driveId,
      includeItemsFromAllDrives: true,
      supportsAllDrives: true,
    });
    expect(changes.data.changes?.map((c) => c.fileId)).toEqual([sheetId]);
  });
});

describe('roles on the drive’s items', () => {
  it('lets neither a reader trash an item nor a reader share it', async () => {
    const trash = await failure(
      viewer.drive.files.update({ fileId: sheetId, supportsAllDrives: true, requestBody: { trashed: true } }),
    );
    expect(trash.status).toBe(403);
    const share = await failure(
      viewer.drive.permissions.create({
        fileId: sheetId,
        supportsAllDrives: true,
        sendNotificationEmail: false,
        requestBody: { type: 'user', role: 'reader', emailAddress: STRANGER },
      }),
    );
    expect(share.status).toBe(403);
  });

  it('refuses to remove a member’s inherited access from an item', async () => {
    const perms = await manager.drive.permissions.list({
      fileId: sheetId,
      supportsAllDrives: true,
      fields: 'permissions(id,emailAddress,role)',
    });
    const viewerPermission = perms.data.permissions?.find((p) => p.emailAddress === VIEWER);
    expect(viewerPermission?.role).toBe('reader');
    const seen = await failure(
      manager.drive.permissions.delete({
        fileId: sheetId,
        permissionId: viewerPermission?.id ?? '',
        supportsAllDrives: true,
      }),
    );
    expect(seen.status).toBe(403);
    expect(seen.message).toBe('Cannot update or delete an inherited permission on a shared drive item.');
  });

  it('lets an organizer delete an item', async () => {
    await manager.drive.files.delete({ fileId: sheetId, supportsAllDrives: true });
    const gone = await failure(manager.drive.files.get({ fileId: sheetId, supportsAllDrives: true }));
    expect(gone.status).toBe(404);
  });
});

// Drive permissions and what they mean for Sheets and Drive access, through the googleapis clients.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import type { Clients } from '@theodoi/test-kit/clients';
import { fakeSheets } from '../../../support/fake-sheets.js';
import { failure } from '../../../support/google-error.js';

const OFFICER = 'can.bo@xa-myquy.gov.vn';
const VIEWER = 'lanh.dao@thapmuoi.gov.vn';

let server: EmulatorServer;
let sa: Clients;
let officer: Clients;
let viewer: Clients;
let id: string;

beforeAll(async () => {
  server = await start({ accounts: 'lenient', sheets: fakeSheets });
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  server.wipe();
  sa = clientsFor(server, undefined, { retry: false });
  officer = clientsFor(server, OFFICER, { retry: false });
  viewer = clientsFor(server, VIEWER, { retry: false });
  const res = await sa.drive.files.create({
    requestBody: { name: 'Tiến độ', mimeType: 'application/vnd.google-apps.spreadsheet' },
  });
  id = res.data.id ?? '';
});

describe('a file nobody shared', () => {
  it('is hidden from Drive (404) and forbidden to Sheets (403)', async () => {
    const drive = await failure(officer.drive.files.get({ fileId: id }));
    expect(drive.status).toBe(404);
    const sheets = await failure(officer.sheets.spreadsheets.get({ spreadsheetId: id }));
    expect(sheets.status).toBe(403);
    expect(sheets.data).toEqual({
      error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' },
    });
  });

  it('is 400 FAILED_PRECONDITION to Sheets when the id is an Excel file in Drive', async () => {
    const xlsx = await sa.drive.files.create({
      requestBody: {
        name: 'cu.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    });
    const seen = await failure(sa.sheets.spreadsheets.get({ spreadsheetId: xlsx.data.id ?? '' }));
    expect(seen.data).toEqual({
      error: {
        code: 400,
        message:
          'This operation is not supported for this document. The document must not be an Office file.',
        status: 'FAILED_PRECONDITION',
      },
    });
  });

  it('is 404 "Requested entity was not found." to Sheets when the id does not exist', async () => {
    const seen = await failure(sa.sheets.spreadsheets.get({ spreadsheetId: 'no-such-sheet' }));
    expect(seen.data).toEqual({
      error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' },
    });
  });
});

describe('permissions.create', () => {
  it('lets a writer edit and a reader only read', async () => {
    const w = await sa.drive.permissions.create({
      fileId: id,
      sendNotificationEmail: false,
      requestBody: { type: 'user', role: 'writer', emailAddress: OFFICER },
    });
    expect(w.data).toEqual({
      kind: 'drive#permission',
      id: expect.any(String) as string,
      type: 'user',
      role: 'writer',
    });
    await sa.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'user', role: 'reader', emailAddress: VIEWER },
    });

    await officer.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [] } });
    const read = await viewer.sheets.spreadsheets.get({ spreadsheetId: id });
    expect(read.data.spreadsheetId).toBe(id);
    const write = await failure(
      viewer.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [] } }),
    );
    expect([write.status, write.message]).toEqual([403, 'The caller does not have permission']);

    const rename = await failure(viewer.drive.files.update({ fileId: id, requestBody: { name: 'x' } }));
    expect(rename.status).toBe(403);
    expect(rename.data).toMatchObject({
      error: {
        message: 'The user does not have sufficient permissions for this file.',
        errors: [{ reason: 'insufficientFilePermissions' }],
      },
    });
  });

  it('shows the shared file in the grantee’s list', async () => {
    await sa.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'user', role: 'reader', emailAddress: VIEWER },
    });
    const list = await viewer.drive.files.list({ fields: 'files(id,ownedByMe)' });
    expect(list.data.files).toEqual([{ id, ownedByMe: false }]);
  });

  it('lets anyone with the link read without listing the file', async () => {
    await sa.drive.permissions.create({ fileId: id, requestBody: { type: 'anyone', role: 'reader' } });
    expect((await viewer.drive.files.get({ fileId: id })).data.id).toBe(id);
    expect((await viewer.drive.files.list({})).data.files).toEqual([]);
  });

  it('lets a domain read', async () => {
    await sa.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'domain', role: 'reader', domain: 'xa-myquy.gov.vn' },
    });
    expect((await officer.sheets.spreadsheets.get({ spreadsheetId: id })).status).toBe(200);
    expect((await failure(viewer.sheets.spreadsheets.get({ spreadsheetId: id }))).status).toBe(403);
  });

  it('refuses sharing by a reader, a missing role, and owner without transferOwnership', async () => {
    await sa.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'user', role: 'reader', emailAddress: VIEWER },
    });
    expect(
      (
        await failure(
          viewer.drive.permissions.create({ fileId: id, requestBody: { type: 'anyone', role: 'reader' } }),
        )
      ).status,
    ).toBe(403);
    const noRole = await failure(
      sa.drive.permissions.create({ fileId: id, requestBody: { type: 'user', emailAddress: OFFICER } }),
    );
    expect([noRole.status, noRole.message]).toEqual([400, 'The permission role field is required.']);
    const owner = await failure(
      sa.drive.permissions.create({
        fileId: id,
        requestBody: { type: 'user', role: 'owner', emailAddress: OFFICER },
      }),
    );
    expect(owner.status).toBe(403);
  });

  it('transfers ownership when asked to', async () => {
    await sa.drive.permissions.create({
      fileId: id,
      transferOwnership: true,
      requestBody: { type: 'user', role: 'owner', emailAddress: OFFICER },
    });
    const got = await officer.drive.files.get({ fileId: id, fields: 'ownedByMe,owners(emailAddress)' });
    expect(got.data).toEqual({ ownedByMe: true, owners: [{ emailAddress: OFFICER }] });
    const seen = await failure(sa.drive.files.delete({ fileId: id }));
    expect(seen.status).toBe(403);
  });
});

describe('permissions.list, get and delete', () => {
  it('lists the owner and the grantees, gets one, deletes one', async () => {
    const w = await sa.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'user', role: 'writer', emailAddress: OFFICER },
    });
    const list = await sa.drive.permissions.list({ fileId: id });
    expect(list.data.permissions?.map((p) => [p.role, p.emailAddress])).toEqual([
      ['owner', 'theodoi@theodoi-local.iam.gserviceaccount.com'],
      ['writer', OFFICER],
    ]);
    const got = await sa.drive.permissions.get({
      fileId: id,
      permissionId: w.data.id ?? '',
      fields: 'id,role,emailAddress',
    });
    expect(got.data).toEqual({ id: w.data.id, role: 'writer', emailAddress: OFFICER });
    const del = await sa.drive.permissions.delete({ fileId: id, permissionId: w.data.id ?? '' });
    expect(del.status).toBe(204);
    expect((await failure(officer.drive.files.get({ fileId: id }))).status).toBe(404);
    const gone = await failure(sa.drive.permissions.get({ fileId: id, permissionId: w.data.id ?? '' }));
    expect([gone.status, gone.message]).toEqual([404, `Permission not found: ${w.data.id ?? ''}.`]);
  });

  it('pages the list', async () => {
    await sa.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'user', role: 'writer', emailAddress: OFFICER },
    });
    await sa.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'user', role: 'reader', emailAddress: VIEWER },
    });
    const first = await sa.drive.permissions.list({ fileId: id, pageSize: 2 });
    expect(first.data.permissions).toHaveLength(2);
    const second = await sa.drive.permissions.list({
      fileId: id,
      pageSize: 2,
      pageToken: first.data.nextPageToken ?? '',
    });
    expect(second.data.permissions?.map((p) => p.emailAddress)).toEqual([VIEWER]);
    expect(second.data.nextPageToken).toBeUndefined();
  });

  it('keeps the owner and hides the list from readers', async () => {
    await sa.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'user', role: 'reader', emailAddress: VIEWER },
    });
    const list = await sa.drive.permissions.list({ fileId: id });
    const ownerId = list.data.permissions?.[0]?.id ?? '';
    expect((await failure(sa.drive.permissions.delete({ fileId: id, permissionId: ownerId }))).status).toBe(
      403,
    );
    expect((await failure(viewer.drive.permissions.list({ fileId: id }))).status).toBe(403);
  });
});

describe('sharing a folder', () => {
  it('shares what is inside it, as Drive does: read, list, edit through Sheets and see changes', async () => {
    const folder =
      (
        await sa.drive.files.create({
          requestBody: { name: 'Chỉ thị', mimeType: 'application/vnd.google-apps.folder' },
        })
      ).data.id ?? '';
    await sa.drive.files.update({ fileId: id, addParents: folder, removeParents: 'root' });
    expect((await failure(officer.drive.files.get({ fileId: id }))).status).toBe(404);
    const token = (await officer.drive.changes.getStartPageToken({})).data.startPageToken ?? '';
    await sa.drive.permissions.create({
      fileId: folder,
      requestBody: { type: 'user', role: 'writer', emailAddress: OFFICER },
    });
    expect((await officer.drive.files.get({ fileId: id })).data.id).toBe(id);
    const listed = await officer.drive.files.list({ q: `'${folder}' in parents` });
    expect(listed.data.files?.map((f) => f.id)).toEqual([id]);
    await officer.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [] } });
    const changes = await officer.drive.changes.list({ pageToken: token });
    expect(changes.data.changes?.map((c) => c.fileId)).toEqual([folder, id]);
  });
});

describe('lastModifyingUser', () => {
  it('names whoever last edited the content through Sheets or renamed it through Drive', async () => {
    await sa.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'user', role: 'writer', emailAddress: OFFICER },
    });
    const fields = 'lastModifyingUser(emailAddress,me),modifiedByMe';
    expect((await sa.drive.files.get({ fileId: id, fields })).data).toEqual({
      lastModifyingUser: { emailAddress: 'theodoi@theodoi-local.iam.gserviceaccount.com', me: true },
      modifiedByMe: true,
    });
    await officer.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [] } });
    expect((await sa.drive.files.get({ fileId: id, fields })).data).toEqual({
      lastModifyingUser: { emailAddress: OFFICER, me: false },
      modifiedByMe: false,
    });
    await sa.drive.files.update({ fileId: id, requestBody: { name: 'Đổi tên' } });
    const byOfficer = await officer.drive.files.list({ q: "name = 'Đổi tên'", fields: `files(${fields})` });
    expect(byOfficer.data.files).toEqual([
      {
        lastModifyingUser: { emailAddress: 'theodoi@theodoi-local.iam.gserviceaccount.com', me: false },
        modifiedByMe: false,
      },
    ]);
  });
});

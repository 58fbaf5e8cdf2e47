// Drive files.create/get/list/update/copy/delete through the googleapis Drive client.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import type { Clients } from '@theodoi/test-kit/clients';
import { fakeSheets } from '../../../support/fake-sheets.js';
import { failure } from '../../../support/google-error.js';

const SHEET = 'application/vnd.google-apps.spreadsheet';
const FOLDER = 'application/vnd.google-apps.folder';

let server: EmulatorServer;
let sa: Clients;
let clock: number;

beforeAll(async () => {
  clock = Date.parse('2026-11-28T08:00:00.000Z');
  server = await start({ accounts: 'lenient', sheets: fakeSheets, now: () => new Date(clock) });
});
afterAll(async () => {
  await server.stop();
});
beforeEach(() => {
  server.wipe();
  sa = clientsFor(server, undefined, { retry: false });
});

async function create(name: string, mimeType = SHEET, parents?: string[]): Promise<string> {
  const res = await sa.drive.files.create({
    requestBody: { name, mimeType, ...(parents ? { parents } : {}) },
  });
  clock += 1000;
  return res.data.id ?? '';
}

describe('files.create and files.get', () => {
  it('creates a spreadsheet whose Sheets title is the Drive name', async () => {
    const id = await create('Kế hoạch tuyên truyền');
    const got = await sa.sheets.spreadsheets.get({ spreadsheetId: id });
    expect(got.data.properties?.title).toBe('Kế hoạch tuyên truyền');
  });

  it('returns only kind, id, name and mimeType by default', async () => {
    const id = await create('A');
    const got = await sa.drive.files.get({ fileId: id });
    expect(got.data).toEqual({ kind: 'drive#file', id, name: 'A', mimeType: SHEET });
  });

  it('returns the asked-for fields: times, version as a string, owners, parents, webViewLink', async () => {
    const folder = await create('Thư mục', FOLDER);
    const createdAt = new Date(clock).toISOString();
    const id = await create('B', SHEET, [folder]);
    const got = await sa.drive.files.get({
      fileId: id,
      fields: 'id,createdTime,modifiedTime,version,owners(emailAddress,me),trashed,parents,webViewLink',
    });
    expect(got.data).toEqual({
      id,
      createdTime: createdAt,
      modifiedTime: createdAt,
      version: '1',
      owners: [{ emailAddress: 'theodoi@theodoi-local.iam.gserviceaccount.com', me: true }],
      trashed: false,
      parents: [folder],
      webViewLink: `https://docs.google.com/spreadsheets/d/${id}/edit?usp=drivesdk`,
    });
  });

  it('puts files without parents in My Drive, reachable as root', async () => {
    const id = await create('C');
    const root = await sa.drive.files.get({ fileId: 'root', fields: 'id,name,mimeType' });
    expect(root.data).toMatchObject({ name: 'My Drive', mimeType: FOLDER });
    const file = await sa.drive.files.get({ fileId: id, fields: 'parents' });
    expect(file.data.parents).toEqual([root.data.id]);
  });

  it('answers 404 "File not found" with Drive’s errors[] for an unknown id', async () => {
    const seen = await failure(sa.drive.files.get({ fileId: 'nope' }));
    expect(seen.status).toBe(404);
    expect(seen.data).toEqual({
      error: {
        code: 404,
        message: 'File not found: nope.',
        errors: [
          {
            message: 'File not found: nope.',
            domain: 'global',
            reason: 'notFound',
            location: 'fileId',
            locationType: 'parameter',
          },
        ],
      },
    });
  });

  it('refuses a second parent', async () => {
    const a = await create('a', FOLDER);
    const b = await create('b', FOLDER);
    const seen = await failure(sa.drive.files.create({ requestBody: { name: 'x', parents: [a, b] } }));
    expect(seen.status).toBe(403);
  });
});

describe('files.list', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await create('Chỉ thị 2026', FOLDER);
    await create('Báo cáo xã Mỹ Quý', SHEET, [folder]);
    await create('Báo cáo thị trấn', SHEET, [folder]);
    await create('Kế hoạch', SHEET);
    await create('ghi chú.txt', 'text/plain');
  });

  const names = (files: { name?: string | null }[] | undefined) => (files ?? []).map((f) => f.name);

  it('finds files by exact name, by name prefix (contains) and by mimeType', async () => {
    let res = await sa.drive.files.list({ q: "name = 'Kế hoạch'" });
    expect(names(res.data.files)).toEqual(['Kế hoạch']);
    res = await sa.drive.files.list({
      q: "name contains 'Báo cáo' and mimeType = '" + SHEET + "'",
      orderBy: 'name',
    });
    expect(names(res.data.files)).toEqual(['Báo cáo thị trấn', 'Báo cáo xã Mỹ Quý']);
    res = await sa.drive.files.list({ q: "name contains 'Quý'" });
    expect(names(res.data.files)).toEqual(['Báo cáo xã Mỹ Quý']);
    res = await sa.drive.files.list({ q: "name contains 'cáo xã'" });
    expect(names(res.data.files)).toEqual(['Báo cáo xã Mỹ Quý']);
    res = await sa.drive.files.list({ q: "name contains 'áo'" });
    expect(names(res.data.files)).toEqual([]);
  });

  it('finds children of a folder, with or, not and parentheses', async () => {
    let res = await sa.drive.files.list({ q: `'${folder}' in parents`, orderBy: 'name desc' });
    expect(names(res.data.files)).toEqual(['Báo cáo xã Mỹ Quý', 'Báo cáo thị trấn']);
    res = await sa.drive.files.list({
      q: `('${folder}' in parents or name = 'Kế hoạch') and not name contains 'Báo cáo xã'`,
      orderBy: 'name',
    });
    expect(names(res.data.files)).toEqual(['Báo cáo thị trấn', 'Kế hoạch']);
    res = await sa.drive.files.list({
      q: "'root' in parents and mimeType != '" + FOLDER + "'",
      orderBy: 'name',
    });
    expect(names(res.data.files)).toEqual(['ghi chú.txt', 'Kế hoạch']);
  });

  it('filters on modifiedTime and trashed, newest first', async () => {
    const since = new Date(clock - 2500).toISOString();
    let res = await sa.drive.files.list({ q: `modifiedTime > '${since}'`, orderBy: 'modifiedTime desc' });
    expect(names(res.data.files)).toEqual(['ghi chú.txt', 'Kế hoạch']);
    const k = (await sa.drive.files.list({ q: "name = 'Kế hoạch'" })).data.files?.[0]?.id ?? '';
    await sa.drive.files.update({ fileId: k, requestBody: { trashed: true } });
    res = await sa.drive.files.list({ q: 'trashed = false', orderBy: 'name' });
    expect(names(res.data.files)).not.toContain('Kế hoạch');
    res = await sa.drive.files.list({ q: 'trashed = true' });
    expect(names(res.data.files)).toEqual(['Kế hoạch']);
  });

  it('pages with pageSize and pageToken until no nextPageToken is left', async () => {
    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const res = await sa.drive.files.list({
        pageSize: 2,
        orderBy: 'createdTime',
        ...(pageToken ? { pageToken } : {}),
        fields: 'nextPageToken,files(name)',
      });
      seen.push(...names(res.data.files).map(String));
      pageToken = res.data.nextPageToken ?? undefined;
      pages += 1;
    } while (pageToken);
    expect(pages).toBe(3);
    expect(seen).toEqual([
      'Chỉ thị 2026',
      'Báo cáo xã Mỹ Quý',
      'Báo cáo thị trấn',
      'Kế hoạch',
      'ghi chú.txt',
    ]);
  });

  it('refuses a malformed q, a bad orderBy, a foreign pageToken and an out-of-range pageSize', async () => {
    let seen = await failure(sa.drive.files.list({ q: "name = 'unterminated" }));
    expect([seen.status, seen.message]).toEqual([400, 'Invalid Value']);
    expect(seen.data).toMatchObject({
      error: { errors: [{ reason: 'invalid', location: 'q', locationType: 'parameter' }] },
    });
    seen = await failure(sa.drive.files.list({ q: "colour = 'red'" }));
    expect(seen.status).toBe(400);
    seen = await failure(sa.drive.files.list({ orderBy: 'size' }));
    expect([seen.status, seen.message]).toEqual([400, 'Invalid Value']);
    const first = await sa.drive.files.list({ pageSize: 1, q: "name contains 'Báo'" });
    seen = await failure(sa.drive.files.list({ pageSize: 1, pageToken: first.data.nextPageToken ?? '' }));
    expect(seen.status).toBe(400);
    seen = await failure(sa.drive.files.list({ pageSize: 1001 }));
    expect(seen.message).toBe("Invalid value '1001'. Values must be within the range: [1, 1000]");
  });

  it('answers 501 for query terms it does not evaluate', async () => {
    const seen = await failure(sa.drive.files.list({ q: "fullText contains 'x'" }));
    expect(seen.status).toBe(501);
  });

  it('lists only files the caller can see', async () => {
    const other = clientsFor(server, 'can.bo@xa-myquy.gov.vn', { retry: false });
    const res = await other.drive.files.list({});
    expect(res.data.files).toEqual([]);
  });
});

describe('files.update', () => {
  it('renames a spreadsheet and keeps its Sheets title in step, bumping version and modifiedTime', async () => {
    const id = await create('Cũ');
    const res = await sa.drive.files.update({
      fileId: id,
      requestBody: { name: 'Mới' },
      fields: 'name,version,modifiedTime',
    });
    expect(res.data).toEqual({ name: 'Mới', version: '2', modifiedTime: new Date(clock).toISOString() });
    const got = await sa.sheets.spreadsheets.get({ spreadsheetId: id });
    expect(got.data.properties?.title).toBe('Mới');
  });

  it('moves a file with addParents/removeParents and refuses parents in the body', async () => {
    const a = await create('a', FOLDER);
    const b = await create('b', FOLDER);
    const id = await create('f', SHEET, [a]);
    const res = await sa.drive.files.update({
      fileId: id,
      addParents: b,
      removeParents: a,
      fields: 'parents',
    });
    expect(res.data.parents).toEqual([b]);
    const seen = await failure(sa.drive.files.update({ fileId: id, requestBody: { parents: [a] } }));
    expect(seen.status).toBe(403);
    expect(seen.data).toMatchObject({ error: { errors: [{ reason: 'fieldNotWritable' }] } });
  });

  it('trashes and untrashes', async () => {
    const id = await create('t');
    let res = await sa.drive.files.update({ fileId: id, requestBody: { trashed: true }, fields: 'trashed' });
    expect(res.data.trashed).toBe(true);
    res = await sa.drive.files.update({ fileId: id, requestBody: { trashed: false }, fields: 'trashed' });
    expect(res.data.trashed).toBe(false);
  });

  it('follows Sheets edits: version and modifiedTime move on each batchUpdate', async () => {
    const id = await create('edited');
    const before = await sa.drive.files.get({ fileId: id, fields: 'version,modifiedTime' });
    clock += 5000;
    await sa.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [] } });
    const after = await sa.drive.files.get({ fileId: id, fields: 'version,modifiedTime' });
    expect(Number(after.data.version)).toBe(Number(before.data.version) + 1);
    expect(after.data.modifiedTime).toBe(new Date(clock).toISOString());
    const since = await sa.drive.files.list({ q: `modifiedTime > '${before.data.modifiedTime ?? ''}'` });
    expect(since.data.files?.map((f) => f.id)).toEqual([id]);
  });

  it('renames the Drive file when the Sheets title changes', async () => {
    const id = await create('before');
    await sa.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [{ updateSpreadsheetProperties: { properties: { title: 'after' }, fields: 'title' } }],
      },
    });
    expect((await sa.drive.files.get({ fileId: id })).data.name).toBe('after');
  });
});

describe('files.copy and files.delete', () => {
  it('copies a spreadsheet with its content under a new id and "Copy of" name, in the same folder', async () => {
    const folder = await create('f', FOLDER);
    const id = await create('Mẫu', SHEET, [folder]);
    await sa.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [] } });
    const copy = await sa.drive.files.copy({ fileId: id, fields: 'id,name,parents' });
    expect(copy.data.name).toBe('Copy of Mẫu');
    expect(copy.data.parents).toEqual([folder]);
    expect(copy.data.id).not.toBe(id);
    const values = await sa.sheets.spreadsheets.values.get({
      spreadsheetId: copy.data.id ?? '',
      range: 'A1',
    });
    expect(values.data.values).toEqual([['edited 1']]);
    const named = await sa.drive.files.copy({ fileId: id, requestBody: { name: 'Chỉ thị 07' } });
    expect(named.data.name).toBe('Chỉ thị 07');
    const title = await sa.sheets.spreadsheets.get({ spreadsheetId: named.data.id ?? '' });
    expect(title.data.properties?.title).toBe('Chỉ thị 07');
  });

  it('refuses to copy a folder', async () => {
    const folder = await create('f', FOLDER);
    const seen = await failure(sa.drive.files.copy({ fileId: folder }));
    expect(seen.status).toBe(403);
  });

  it('deletes for good: the file and its folder contents are gone', async () => {
    const folder = await create('f', FOLDER);
    const id = await create('x', SHEET, [folder]);
    const res = await sa.drive.files.delete({ fileId: folder });
    expect(res.status).toBe(204);
    expect((await failure(sa.drive.files.get({ fileId: id }))).status).toBe(404);
    expect((await failure(sa.sheets.spreadsheets.get({ spreadsheetId: id }))).status).toBe(404);
  });
});

describe('a bad fields mask on a write', () => {
  it('is refused before anything changes', async () => {
    const id = await create('giữ nguyên');
    const seen = await failure(
      sa.drive.files.update({ fileId: id, requestBody: { name: 'đổi' }, fields: 'colour' }),
    );
    expect(seen.status).toBe(400);
    expect((await sa.drive.files.get({ fileId: id })).data.name).toBe('giữ nguyên');
  });
});

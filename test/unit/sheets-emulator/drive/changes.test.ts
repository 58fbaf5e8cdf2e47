// Drive changes.getStartPageToken and changes.list through the googleapis Drive client.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import type { Clients } from '@theodoi/test-kit/clients';
import { fakeSheets } from '../../../support/fake-sheets.js';
import { failure } from '../../../support/google-error.js';

const SHEET = 'application/vnd.google-apps.spreadsheet';
const OFFICER = 'can.bo@xa-myquy.gov.vn';

let server: EmulatorServer;
let sa: Clients;
let officer: Clients;

beforeAll(async () => {
  server = await start({ accounts: 'lenient', sheets: fakeSheets });
});
afterAll(async () => {
  await server.stop();
});
beforeEach(() => {
  server.wipe();
  sa = clientsFor(server, undefined, { retry: false });
  officer = clientsFor(server, OFFICER, { retry: false });
});

async function startToken(c: Clients): Promise<string> {
  const res = await c.drive.changes.getStartPageToken({});
  expect(res.data.kind).toBe('drive#startPageToken');
  return res.data.startPageToken ?? '';
}

async function create(name: string): Promise<string> {
  return (await sa.drive.files.create({ requestBody: { name, mimeType: SHEET } })).data.id ?? '';
}

describe('changes.list', () => {
  it('reports each changed file once (its latest change) and ends with newStartPageToken', async () => {
    const token = await startToken(sa);
    const a = await create('A');
    const b = await create('B');
    await sa.sheets.spreadsheets.batchUpdate({ spreadsheetId: a, requestBody: { requests: [] } });
    const res = await sa.drive.changes.list({ pageToken: token });
    expect(res.data.kind).toBe('drive#changeList');
    expect(res.data.changes?.map((c) => [c.fileId, c.removed, c.file?.name])).toEqual([
      [b, false, 'B'],
      [a, false, 'A'],
    ]);
    expect(res.data.changes?.[0]).toMatchObject({
      kind: 'drive#change',
      changeType: 'file',
      time: expect.any(String) as string,
    });
    expect(res.data.nextPageToken).toBeUndefined();
    const next = res.data.newStartPageToken ?? '';
    expect(next).toBe(await startToken(sa));
    const quiet = await sa.drive.changes.list({ pageToken: next });
    expect(quiet.data.changes).toEqual([]);
    expect(quiet.data.newStartPageToken).toBe(next);
  });

  it('pages with nextPageToken, newStartPageToken only on the last page', async () => {
    const token = await startToken(sa);
    const ids = [await create('1'), await create('2'), await create('3')];
    const seen: string[] = [];
    let pageToken = token;
    let last: string | undefined;
    for (let i = 0; i < 10 && !last; i += 1) {
      const res = await sa.drive.changes.list({ pageToken, pageSize: 2 });
      seen.push(...(res.data.changes ?? []).map((c) => c.fileId ?? ''));
      if (res.data.nextPageToken) {
        expect(res.data.newStartPageToken).toBeUndefined();
        pageToken = res.data.nextPageToken;
      } else {
        last = res.data.newStartPageToken ?? undefined;
      }
    }
    expect(seen).toEqual(ids);
    expect(last).toBe(await startToken(sa));
  });

  it('shows trashed files as trashed and deleted files as removed (unless includeRemoved=false)', async () => {
    const a = await create('A');
    const b = await create('B');
    const token = await startToken(sa);
    await sa.drive.files.update({ fileId: a, requestBody: { trashed: true } });
    await sa.drive.files.delete({ fileId: b });
    const res = await sa.drive.changes.list({
      pageToken: token,
      fields: 'changes(fileId,removed,file(trashed))',
    });
    expect(res.data.changes).toEqual([
      { fileId: a, removed: false, file: { trashed: true } },
      { fileId: b, removed: true },
    ]);
    const kept = await sa.drive.changes.list({ pageToken: token, includeRemoved: false });
    expect(kept.data.changes?.map((c) => c.fileId)).toEqual([a]);
  });

  it('is per user: sharing adds the file to the grantee’s feed, unsharing removes it', async () => {
    const id = await create('Shared');
    const token = await startToken(officer);
    expect((await officer.drive.changes.list({ pageToken: token })).data.changes).toEqual([]);
    const p = await sa.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'user', role: 'writer', emailAddress: OFFICER },
    });
    let res = await officer.drive.changes.list({ pageToken: token });
    expect(res.data.changes?.map((c) => [c.fileId, c.removed])).toEqual([[id, false]]);
    const after = res.data.newStartPageToken ?? '';
    await sa.drive.permissions.delete({ fileId: id, permissionId: p.data.id ?? '' });
    res = await officer.drive.changes.list({ pageToken: after });
    expect(res.data.changes?.map((c) => [c.fileId, c.removed])).toEqual([[id, true]]);
  });

  it('refuses a page token it never issued', async () => {
    const seen = await failure(sa.drive.changes.list({ pageToken: '999999' }));
    expect([seen.status, seen.message]).toEqual([400, 'Invalid Value']);
    expect((await failure(sa.drive.changes.list({ pageToken: 'abc' }))).status).toBe(400);
  });
});

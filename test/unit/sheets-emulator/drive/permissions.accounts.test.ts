// Sharing with addresses that are no Google account: a silent share is Drive's 400 invalidSharingRequest; with the
// notification the address is invited, and gets access only once it becomes a Google account. E-mails are kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import type { Clients } from '@theodoi/test-kit/clients';
import { failure } from '../../../support/google-error.js';

const OWNER = 'chuyen.vien@gmail.com';
const GOV = 'can.bo@thapmuoi.gov.vn';
const OTHER_GOV = 'van.thu@thapmuoi.gov.vn';
const GMAIL = 'can.bo.xa@gmail.com';

let server: EmulatorServer;
let owner: Clients;
let id = '';

async function emails(): Promise<unknown[]> {
  return ((await (await fetch(`${server.url}/__emulator/emails`)).json()) as { emails: unknown[] }).emails;
}

async function register(email: string): Promise<unknown> {
  const res = await fetch(`${server.url}/__emulator/accounts`, {
    method: 'POST',
    body: JSON.stringify({ email, kind: 'workspace' }),
  });
  return res.json();
}

beforeAll(async () => {
  let t = Date.parse('2026-12-02T02:00:00.000Z');
  server = await start({ now: () => new Date((t += 1000)) });
  owner = clientsFor(server, OWNER, { retry: false });
  id =
    (await owner.sheets.spreadsheets.create({ requestBody: { properties: { title: 'Báo cáo CCHC' } } })).data
      .spreadsheetId ?? '';
});
afterAll(async () => {
  await server.stop();
});

describe('an address with no Google account', () => {
  it('cannot be shared with silently: 400 invalidSharingRequest with Drive’s message', async () => {
    const seen = await failure(
      owner.drive.permissions.create({
        fileId: id,
        sendNotificationEmail: false,
        requestBody: { type: 'user', role: 'writer', emailAddress: GOV },
      }),
    );
    const message = `Bad Request. User message: "You are trying to invite ${GOV}. Since there is no Google account associated with this email address, you must check the 'Notify people' box to invite this recipient."`;
    expect(seen.status).toBe(400);
    expect(seen.data).toEqual({
      error: { code: 400, message, errors: [{ message, domain: 'global', reason: 'invalidSharingRequest' }] },
    });
    expect(await emails()).toEqual([]);
  });

  it('is invited when notified: an e-mail goes out, the invitee is listed, but has no access yet', async () => {
    const made = await owner.drive.permissions.create({
      fileId: id,
      emailMessage: 'Kính gửi anh, mời cập nhật tiến độ.',
      requestBody: { type: 'user', role: 'writer', emailAddress: GOV },
      fields: 'type,role,emailAddress',
    });
    expect(made.data).toEqual({ type: 'user', role: 'writer', emailAddress: GOV });
    expect(await emails()).toEqual([
      {
        to: GOV,
        from: OWNER,
        fileId: id,
        fileName: 'Báo cáo CCHC',
        role: 'writer',
        message: 'Kính gửi anh, mời cập nhật tiến độ.',
        kind: 'invitation',
        at: expect.any(String) as string,
      },
    ]);
    const listed = await owner.drive.permissions.list({ fileId: id });
    expect(listed.data.permissions?.map((p) => p.emailAddress)).toEqual([OWNER, GOV]);
    expect(() => server.mintToken(GOV)).toThrow('is not a Google account');
  });

  it('gets the access once the address becomes a Google account', async () => {
    expect(await register(GOV)).toMatchObject({ filesGained: 1 });
    const officer = clientsFor(server, GOV, { retry: false });
    const res = await officer.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['Xã Mỹ Quý']] },
    });
    expect(res.data.updatedCells).toBe(1);
  });

  it('loses the invitation when the owner withdraws it before the address becomes an account', async () => {
    const made = await owner.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'user', role: 'reader', emailAddress: OTHER_GOV },
    });
    await owner.drive.permissions.delete({ fileId: id, permissionId: made.data.id ?? '' });
    expect(await register(OTHER_GOV)).toMatchObject({ filesGained: 0 });
    const late = clientsFor(server, OTHER_GOV, { retry: false });
    expect((await failure(late.sheets.spreadsheets.get({ spreadsheetId: id }))).status).toBe(403);
  });
});

describe('a Google account', () => {
  it('is shared with at once; the notification e-mail is recorded unless turned off', async () => {
    const before = (await emails()).length;
    await owner.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'user', role: 'commenter', emailAddress: GMAIL },
    });
    const after = await emails();
    expect(after.slice(before)).toEqual([
      expect.objectContaining({ to: GMAIL, from: OWNER, fileId: id, role: 'commenter', kind: 'share' }),
    ]);
    await owner.drive.permissions.create({
      fileId: id,
      sendNotificationEmail: false,
      requestBody: { type: 'user', role: 'reader', emailAddress: 'im.lang@gmail.com' },
    });
    expect((await emails()).length).toBe(after.length);
    const reader = clientsFor(server, GMAIL, { retry: false });
    expect((await reader.sheets.spreadsheets.get({ spreadsheetId: id })).status).toBe(200);
  });
});

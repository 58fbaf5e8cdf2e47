// Who may hold a token on the strict emulator, what a minted token carries, and how long it lives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import { failure } from '../../../support/google-error.js';

const GOV = 'can.bo@thapmuoi.gov.vn';
const GMAIL = 'can.bo.thapmuoi@gmail.com';
const SA = 'theodoi@theodoi-local.iam.gserviceaccount.com';

let server: EmulatorServer;
let clock = Date.parse('2026-12-01T01:00:00.000Z');

beforeAll(async () => {
  server = await start({ now: () => new Date(clock) });
});
afterAll(async () => {
  await server.stop();
});

describe('principals', () => {
  it('gives a token to any @gmail.com address and to the service account', async () => {
    const person = clientsFor(server, GMAIL, { retry: false });
    const created = await person.sheets.spreadsheets.create({
      requestBody: { properties: { title: 'Cá nhân' } },
    });
    expect(created.data.spreadsheetId).toBeTruthy();
    const sa = clientsFor(server, SA, { retry: false });
    expect((await sa.drive.files.list({})).status).toBe(200);
  });

  it('refuses a token to an address that is no Google account, from code and from the admin endpoint', async () => {
    expect(() => server.mintToken(GOV)).toThrow(`${GOV} is not a Google account`);
    const res = await fetch(`${server.url}/__emulator/token?email=${encodeURIComponent(GOV)}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toContain(`${GOV} is not a Google account: it cannot sign in or hold a token`);
  });

  it('gives one once the address is registered as a Workspace account, which GET /__emulator/accounts lists', async () => {
    const res = await fetch(`${server.url}/__emulator/accounts`, {
      method: 'POST',
      body: JSON.stringify({ email: 'Lanh.Dao@ThapMuoi.gov.vn', kind: 'workspace' }),
    });
    expect(res.status).toBe(200);
    const token = server.mintToken('lanh.dao@thapmuoi.gov.vn');
    expect(token).toMatch(/^ya29\./);
    const listed = await (await fetch(`${server.url}/__emulator/accounts`)).json();
    expect(listed).toEqual({
      mode: 'strict',
      accounts: [{ email: 'lanh.dao@thapmuoi.gov.vn', kind: 'workspace', domain: 'thapmuoi.gov.vn' }],
    });
  });

  it('refuses a malformed registration with a message naming the field', async () => {
    const res = await fetch(`${server.url}/__emulator/accounts`, {
      method: 'POST',
      body: JSON.stringify({ email: GOV, kind: 'admin' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      "kind: 'consumer' or 'workspace'",
    );
  });

  it('does not let an address that is no Google account type into the Sheets UI', async () => {
    const owner = clientsFor(server, GMAIL, { retry: false });
    const created = await owner.sheets.spreadsheets.create({ requestBody: {} });
    const id = created.data.spreadsheetId ?? '';
    const res = await fetch(`${server.url}/__emulator/spreadsheets/${id}/ui-edit`, {
      method: 'POST',
      body: JSON.stringify({ email: GOV, range: 'A1', values: [['x']] }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      `${GOV} is not a Google account: it cannot sign in to Google Sheets.`,
    );
  });
});

describe('token lifetime', () => {
  it('answers Google’s 401 on Sheets and Drive once an hour of the emulator clock has passed', async () => {
    const person = clientsFor(server, GMAIL, { retry: false });
    expect((await person.drive.files.list({})).status).toBe(200);
    clock += 3_600_000;
    const sheets = await failure(person.sheets.spreadsheets.get({ spreadsheetId: 'any' }));
    expect(sheets.status).toBe(401);
    expect(sheets.data).toEqual({
      error: {
        code: 401,
        message:
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
        status: 'UNAUTHENTICATED',
      },
    });
    const drive = await failure(person.drive.files.list({}));
    expect(drive.status).toBe(401);
    expect(drive.data).toMatchObject({
      error: {
        code: 401,
        errors: [
          {
            message: 'Invalid Credentials',
            domain: 'global',
            reason: 'authError',
            location: 'Authorization',
          },
        ],
        status: 'UNAUTHENTICATED',
      },
    });
  });

  it('never expires a token minted by a lenient emulator (kept for tests of other features)', async () => {
    let t = Date.parse('2026-12-01T01:00:00.000Z');
    const lenient = await start({ accounts: 'lenient', now: () => new Date(t) });
    try {
      const anyone = clientsFor(lenient, GOV, { retry: false });
      t += 30 * 24 * 3_600_000;
      expect((await anyone.drive.files.list({})).status).toBe(200);
    } finally {
      await lenient.stop();
    }
  });
});

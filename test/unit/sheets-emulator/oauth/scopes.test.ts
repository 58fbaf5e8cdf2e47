// Every Sheets and Drive method accepts the scopes its discovery entry lists; a token with none of them gets
// Google's 403 (Sheets without errors[], Drive with them) and a WWW-Authenticate naming the scopes that would do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import { failure, header } from '../../../support/google-error.js';

const AUTH = 'https://www.googleapis.com/auth/';
const PERSON = 'chuyen.vien.noivu@gmail.com';

let server: EmulatorServer;
let id = '';

beforeAll(async () => {
  server = await start();
  const owner = clientsFor(server, PERSON, { retry: false });
  id = (await owner.sheets.spreadsheets.create({ requestBody: {} })).data.spreadsheetId ?? '';
});
afterAll(async () => {
  await server.stop();
});

const scoped = (...scopes: string[]) =>
  clientsFor(server, PERSON, { retry: false, scopes: scopes.map((s) => AUTH + s) });

function sheetsScopeError() {
  return {
    error: {
      code: 403,
      message: 'Request had insufficient authentication scopes.',
      status: 'PERMISSION_DENIED',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
          domain: 'googleapis.com',
          metadata: { service: 'sheets.googleapis.com' },
        },
      ],
    },
  };
}

describe('insufficient scopes', () => {
  it('refuses a Sheets write to a read-only token with Google’s body', async () => {
    const seen = await failure(
      scoped('spreadsheets.readonly').sheets.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'A1',
        valueInputOption: 'RAW',
        requestBody: { values: [['x']] },
      }),
    );
    expect(seen.status).toBe(403);
    expect(seen.message).toBe('Request had insufficient authentication scopes.');
    expect(seen.data).toEqual(sheetsScopeError());
    expect(header(seen, 'www-authenticate')).toBe(
      `Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="${AUTH}drive ${AUTH}drive.file ${AUTH}spreadsheets"`,
    );
  });

  it('lets the same read-only token read', async () => {
    const res = await scoped('spreadsheets.readonly').sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'A1',
    });
    expect(res.status).toBe(200);
  });

  it('refuses Drive to a Sheets-only token, with Drive’s errors[] reason insufficientPermissions', async () => {
    const seen = await failure(scoped('spreadsheets').drive.files.list({}));
    expect(seen.status).toBe(403);
    expect(seen.data).toEqual({
      error: {
        code: 403,
        message: 'Request had insufficient authentication scopes.',
        errors: [{ message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' }],
        status: 'PERMISSION_DENIED',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
            domain: 'googleapis.com',
            metadata: { service: 'drive.googleapis.com' },
          },
        ],
      },
    });
  });

  it('refuses Sheets to a cloud-platform token (what a function’s default credentials carry)', async () => {
    const seen = await failure(scoped('cloud-platform').sheets.spreadsheets.get({ spreadsheetId: id }));
    expect(seen.data).toEqual(sheetsScopeError());
  });

  it('refuses drives.list to a drive.file token: that method wants the whole of Drive', async () => {
    const seen = await failure(scoped('drive.file').drive.drives.list({}));
    expect(seen.status).toBe(403);
    expect((seen.data as { error: { errors: { reason: string }[] } }).error.errors[0]?.reason).toBe(
      'insufficientPermissions',
    );
  });
});

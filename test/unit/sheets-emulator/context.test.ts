// spreadsheets.create always puts the new file in the caller's My Drive: as a service account Sheets refuses it
// with Google's 403; a person gets a spreadsheet they own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import { failure } from '../../support/google-error.js';

let server: EmulatorServer;

beforeAll(async () => {
  server = await start();
});
afterAll(async () => {
  await server.stop();
});

describe('spreadsheets.create', () => {
  it('answers a service account 403 "The user\'s Drive storage quota has been exceeded."', async () => {
    const sa = clientsFor(server, 'theodoi@theodoi-local.iam.gserviceaccount.com', { retry: false });
    const seen = await failure(
      sa.sheets.spreadsheets.create({ requestBody: { properties: { title: 'CCHC' } } }),
    );
    expect(seen.status).toBe(403);
    expect(seen.data).toEqual({
      error: {
        code: 403,
        message: "The user's Drive storage quota has been exceeded.",
        status: 'PERMISSION_DENIED',
      },
    });
    const files = (await (await fetch(`${server.url}/__emulator/files`)).json()) as { files: unknown[] };
    expect(files.files).toEqual([]);
  });

  it('creates the spreadsheet in a person’s My Drive, owned by them', async () => {
    const person = clientsFor(server, 'nguoi.lap@gmail.com', { retry: false });
    const made = await person.sheets.spreadsheets.create({ requestBody: { properties: { title: 'CCHC' } } });
    const file = await person.drive.files.get({
      fileId: made.data.spreadsheetId ?? '',
      fields: 'owners(emailAddress),parents',
    });
    expect(file.data.owners).toEqual([{ emailAddress: 'nguoi.lap@gmail.com' }]);
    const root = await person.drive.files.get({ fileId: 'root', fields: 'id' });
    expect(file.data.parents).toEqual([root.data.id]);
  });
});

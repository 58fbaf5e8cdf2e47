// The emulator starts, serves Drive and Sheets through the real googleapis clients, and stops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '../../../scripts/sheets-emulator/server.js';
import type { EmulatorServer } from '../../../scripts/sheets-emulator/server.js';
import { clientsFor } from '../client.js';
import { fakeSheets } from './fake-sheets.js';

let server: EmulatorServer;

beforeAll(async () => {
  server = await start({ sheets: fakeSheets });
});
afterAll(async () => {
  await server.stop();
});

describe('a fresh emulator', () => {
  it('creates a spreadsheet through Drive and reads it through Sheets', async () => {
    const { drive, sheets } = clientsFor(server);
    const created = await drive.files.create({
      requestBody: { name: 'Báo cáo tiến độ', mimeType: 'application/vnd.google-apps.spreadsheet' },
    });
    expect(created.data).toEqual({
      kind: 'drive#file',
      id: expect.any(String) as string,
      name: 'Báo cáo tiến độ',
      mimeType: 'application/vnd.google-apps.spreadsheet',
    });
    const got = await sheets.spreadsheets.get({ spreadsheetId: created.data.id ?? '' });
    expect(got.data.properties?.title).toBe('Báo cáo tiến độ');
    expect(got.data).not.toHaveProperty('internalOnly');
    expect(server.counters().methods).toMatchObject({
      'drive.files.create': 1,
      'sheets.spreadsheets.get': 1,
    });
  });
});

// The emulator starts, serves Drive and Sheets through the real googleapis clients, and stops; it finds its contract.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceDir } from '@theodoi/sheets-emulator/contract/discovery';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import { fakeSheets } from '../../support/fake-sheets.js';

let server: EmulatorServer;

beforeAll(async () => {
  server = await start({ accounts: 'lenient', sheets: fakeSheets });
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

describe('the discovery documents', () => {
  it('are found through THEODOI_REFERENCE_DIR, else beside the repository', () => {
    expect(referenceDir({ THEODOI_REFERENCE_DIR: '/srv/ci/shared/reference' })).toBe(
      '/srv/ci/shared/reference',
    );
    expect(referenceDir({})).toBe(
      resolve(fileURLToPath(new URL('../../../..', import.meta.url)), 'shared', 'reference'),
    );
  });

  it('missing, stop the start with a message that says where to put them', async () => {
    await expect(start({ sheets: fakeSheets, referenceDir: '/nonexistent/reference' })).rejects.toThrow(
      /discovery document \/nonexistent\/reference\/sheets-v4-discovery\.json is missing.*THEODOI_REFERENCE_DIR/,
    );
  });
});

// Google's Sheets quotas (60 reads and 60 writes per minute per user, 300 per project) when switched on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import type { Clients } from '@theodoi/test-kit/clients';
import { fakeSheets } from '../../support/fake-sheets.js';
import { failure } from '../../support/google-error.js';

let server: EmulatorServer;
let clock: number;
let spreadsheetId: string;
const users: Clients[] = [];

beforeAll(async () => {
  clock = Date.parse('2026-11-28T08:00:00.000Z');
  server = await start({
    accounts: 'lenient',
    sheets: fakeSheets,
    quotas: 'google',
    now: () => new Date(clock),
  });
  const sa = clientsFor(server, undefined, { retry: false });
  spreadsheetId =
    (
      await sa.drive.files.create({
        requestBody: { name: 'Q', mimeType: 'application/vnd.google-apps.spreadsheet' },
      })
    ).data.id ?? '';
  await sa.drive.permissions.create({
    fileId: spreadsheetId,
    requestBody: { type: 'anyone', role: 'writer' },
  });
  users.push(sa);
  for (let i = 1; i < 7; i += 1) users.push(clientsFor(server, `user${i}@example.com`, { retry: false }));
});
afterAll(async () => {
  await server.stop();
});

async function reads(c: Clients, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) await c.sheets.spreadsheets.get({ spreadsheetId });
}

describe('with quotas: google', () => {
  it('allows 60 reads per user per minute, then answers Google’s per-user 429; writes have their own bucket', async () => {
    const [sa] = users;
    if (!sa) throw new Error('no clients');
    await reads(sa, 60);
    const seen = await failure(sa.sheets.spreadsheets.get({ spreadsheetId }));
    expect(seen.status).toBe(429);
    expect(seen.message).toBe(
      "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service " +
        "'sheets.googleapis.com' for consumer 'project_number:1234567890'.",
    );
    expect(seen.data).toMatchObject({
      error: {
        details: [{ metadata: { quota_limit: 'ReadRequestsPerMinutePerUser', quota_limit_value: '60' } }],
      },
    });
    expect(
      (await sa.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests: [] } })).status,
    ).toBe(200);
    expect((await sa.drive.files.get({ fileId: spreadsheetId })).status).toBe(200);
  });

  it('caps the project at 300 reads per minute across users', async () => {
    for (const u of users.slice(1, 5)) await reads(u, 60);
    const sixth = users[5];
    if (!sixth) throw new Error('no clients');
    const seen = await failure(sixth.sheets.spreadsheets.get({ spreadsheetId }));
    expect(seen.message).toBe(
      "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute' of service " +
        "'sheets.googleapis.com' for consumer 'project_number:1234567890'.",
    );
  });

  it('refills the buckets the next minute', async () => {
    clock += 60_000;
    const [sa] = users;
    if (!sa) throw new Error('no clients');
    expect((await sa.sheets.spreadsheets.get({ spreadsheetId })).status).toBe(200);
  });

  it('counts writes per user too', async () => {
    const u = users[6];
    if (!u) throw new Error('no clients');
    for (let i = 0; i < 60; i += 1)
      await u.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests: [] } });
    const seen = await failure(
      u.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests: [] } }),
    );
    expect(seen.message).toMatch(
      /^Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user'/,
    );
  });
});

describe('without quotas (the default)', () => {
  it('lets a user read more than 60 times a minute', async () => {
    const free = await start({ accounts: 'lenient', sheets: fakeSheets, now: () => new Date(clock) });
    try {
      const c = clientsFor(free, undefined, { retry: false });
      const id =
        (
          await c.drive.files.create({
            requestBody: { name: 'F', mimeType: 'application/vnd.google-apps.spreadsheet' },
          })
        ).data.id ?? '';
      for (let i = 0; i < 65; i += 1) await c.sheets.spreadsheets.get({ spreadsheetId: id });
      expect(free.counters().methods['sheets.spreadsheets.get']).toBe(65);
    } finally {
      await free.stop();
    }
  });
});

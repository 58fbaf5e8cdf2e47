// Protected ranges as Sheets enforces them on the protections themselves: an editor of the spreadsheet who is not
// one of a range's editors cannot remove it, change it or widen it; the owner and the range's editors can.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { sheets_v4 } from '@googleapis/sheets';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import { failure } from '../../../support/google-error.js';

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
const OWNER = 'chu.so.huu@gmail.com';
const ALICE = 'alice.xa@gmail.com';
const BOB = 'bob.xa@gmail.com';

let server: EmulatorServer;
let id = '';
let aliceRange = 0;
let warning = 0;

const as = (email: string) => clientsFor(server, email, { retry: false }).sheets;
const run = (email: string, requests: sheets_v4.Schema$Request[]) =>
  as(email).spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } });
const protections = async () =>
  (
    await as(OWNER).spreadsheets.get({
      spreadsheetId: id,
      fields: 'sheets(protectedRanges(protectedRangeId,range))',
    })
  ).data.sheets?.[0]?.protectedRanges ?? [];

beforeAll(async () => {
  server = await start();
  const owner = clientsFor(server, OWNER, { retry: false });
  id = (await owner.sheets.spreadsheets.create({ requestBody: {} })).data.spreadsheetId ?? '';
  for (const email of [ALICE, BOB]) {
    await owner.drive.permissions.create({
      fileId: id,
      sendNotificationEmail: false,
      requestBody: { type: 'user', role: 'writer', emailAddress: email },
    });
  }
  const res = await run(OWNER, [
    {
      addProtectedRange: {
        protectedRange: {
          range: { sheetId: 0, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 3 },
          editors: { users: [ALICE] },
        },
      },
    },
    {
      addProtectedRange: {
        protectedRange: { range: { sheetId: 0, startRowIndex: 5, endRowIndex: 6 }, warningOnly: true },
      },
    },
  ]);
  aliceRange = res.data.replies?.[0]?.addProtectedRange?.protectedRange?.protectedRangeId ?? 0;
  warning = res.data.replies?.[1]?.addProtectedRange?.protectedRange?.protectedRangeId ?? 0;
});
afterAll(async () => {
  await server.stop();
});

describe('an editor who is not one of the range’s editors', () => {
  it('cannot remove it', async () => {
    const seen = await failure(run(BOB, [{ deleteProtectedRange: { protectedRangeId: aliceRange } }]));
    expect(seen.status).toBe(400);
    expect(seen.data).toEqual({
      error: {
        code: 400,
        message: `Invalid requests[0].deleteProtectedRange: ${PROTECTED}`,
        status: 'INVALID_ARGUMENT',
      },
    });
  });

  it('cannot widen it (nor anything else in the same batch is applied)', async () => {
    const seen = await failure(
      run(BOB, [
        { addSheet: { properties: { title: 'Bob' } } },
        {
          updateProtectedRange: {
            protectedRange: {
              protectedRangeId: aliceRange,
              range: { sheetId: 0, startRowIndex: 0, endRowIndex: 10 },
            },
            fields: 'range',
          },
        },
      ]),
    );
    expect(seen.message).toBe(`Invalid requests[1].updateProtectedRange: ${PROTECTED}`);
    const titles = (await as(OWNER).spreadsheets.get({ spreadsheetId: id })).data.sheets?.map(
      (s) => s.properties?.title,
    );
    expect(titles).toEqual(['Sheet1']);
  });

  it('cannot remove a warning-only protection either (the stricter reading)', async () => {
    const seen = await failure(run(BOB, [{ deleteProtectedRange: { protectedRangeId: warning } }]));
    expect(seen.message).toBe(`Invalid requests[0].deleteProtectedRange: ${PROTECTED}`);
  });
});

describe('the range’s editor and the owner', () => {
  it('let the range’s editor widen it', async () => {
    await run(ALICE, [
      {
        updateProtectedRange: {
          protectedRange: {
            protectedRangeId: aliceRange,
            range: { sheetId: 0, startRowIndex: 1, endRowIndex: 3 },
          },
          fields: 'range',
        },
      },
    ]);
    const found = (await protections()).find((p) => p.protectedRangeId === aliceRange);
    // Google leaves a range's sheetId of 0 out of its replies (proto3 JSON; contract/presence.ts).
    expect(found?.range).toEqual({ startRowIndex: 1, endRowIndex: 3 });
  });

  it('let the owner remove both', async () => {
    await run(OWNER, [
      { deleteProtectedRange: { protectedRangeId: aliceRange } },
      { deleteProtectedRange: { protectedRangeId: warning } },
    ]);
    expect(await protections()).toEqual([]);
  });
});

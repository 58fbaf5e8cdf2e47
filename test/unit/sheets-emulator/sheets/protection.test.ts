// Protected ranges as Google enforces them on API writes: per identity, warning-only, unprotected ranges,
// the owner always allowed, and whichever write path (values or batchUpdate) touches the cells.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor } from '@theodoi/test-kit/clients';
import {
  createSpreadsheet,
  startHarness,
  stopHarness,
  type Harness,
} from '../../../support/sheets-harness.js';

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
const ALICE = 'alice@thapmuoi.example.vn';
const BOB = 'bob@thapmuoi.example.vn';

describe('protected ranges', () => {
  let h: Harness;
  let id = '';
  const as = (email: string) => clientsFor(h.server, email, { retry: false }).sheets;
  const put = (email: string, range: string, value: string) =>
    as(email).spreadsheets.values.update({
      spreadsheetId: id,
      range,
      valueInputOption: 'RAW',
      requestBody: { values: [[value]] },
    });

  beforeAll(async () => {
    h = await startHarness();
    id = await createSpreadsheet(h.sheets, { properties: { title: 'Bảo vệ' } });
    for (const email of [ALICE, BOB]) {
      await h.drive.permissions.create({
        fileId: id,
        requestBody: { type: 'user', role: 'writer', emailAddress: email },
      });
    }
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          // Row 2 is Alice's; row 3 is Bob's; C1 only warns; the whole of column E is locked except E5.
          {
            addProtectedRange: {
              protectedRange: {
                range: {
                  sheetId: 0,
                  startRowIndex: 1,
                  endRowIndex: 2,
                  startColumnIndex: 0,
                  endColumnIndex: 3,
                },
                editors: { users: [ALICE] },
              },
            },
          },
          {
            addProtectedRange: {
              protectedRange: {
                range: {
                  sheetId: 0,
                  startRowIndex: 2,
                  endRowIndex: 3,
                  startColumnIndex: 0,
                  endColumnIndex: 3,
                },
                editors: { users: [BOB] },
              },
            },
          },
          {
            addProtectedRange: {
              protectedRange: {
                range: {
                  sheetId: 0,
                  startRowIndex: 0,
                  endRowIndex: 1,
                  startColumnIndex: 2,
                  endColumnIndex: 3,
                },
                warningOnly: true,
              },
            },
          },
          {
            addProtectedRange: {
              protectedRange: {
                range: { sheetId: 0, startColumnIndex: 4, endColumnIndex: 5 },
                unprotectedRanges: [
                  { sheetId: 0, startRowIndex: 4, endRowIndex: 5, startColumnIndex: 4, endColumnIndex: 5 },
                ],
              },
            },
          },
        ],
      },
    });
  });
  afterAll(async () => stopHarness(h));

  it('lets each editor write their own range and refuses the other with Google’s message', async () => {
    await put(ALICE, 'Sheet1!B2', 'của Alice');
    await expect(put(BOB, 'Sheet1!B2', 'không được')).rejects.toMatchObject({
      status: 400,
      message: PROTECTED,
    });
    await put(BOB, 'Sheet1!B3', 'của Bob');
    const got = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!B2:B3' });
    expect(got.data.values).toEqual([['của Alice'], ['của Bob']]);
  });

  it('refuses a write that only partly touches a protected range, changing nothing', async () => {
    await expect(
      as(ALICE).spreadsheets.values.update({
        spreadsheetId: id,
        range: 'Sheet1!A2:A3',
        valueInputOption: 'RAW',
        requestBody: { values: [['a'], ['b']] },
      }),
    ).rejects.toMatchObject({ status: 400, message: PROTECTED });
    const got = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A2:A3' });
    expect(got.data.values).toBeUndefined();
  });

  it('does not stop API writes to a warning-only range, nor to an unprotected hole', async () => {
    await put(BOB, 'Sheet1!C1', 'cảnh báo thôi');
    await put(BOB, 'Sheet1!E5', 'được');
    await expect(put(BOB, 'Sheet1!E6', 'không')).rejects.toMatchObject({ status: 400, message: PROTECTED });
  });

  it('refuses formatting through batchUpdate too, and always lets the owner write', async () => {
    await expect(
      as(BOB).spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            {
              repeatCell: {
                range: {
                  sheetId: 0,
                  startRowIndex: 1,
                  endRowIndex: 2,
                  startColumnIndex: 0,
                  endColumnIndex: 1,
                },
                cell: { userEnteredFormat: { textFormat: { bold: true } } },
                fields: 'userEnteredFormat.textFormat.bold',
              },
            },
          ],
        },
      }),
    ).rejects.toMatchObject({ status: 400, message: PROTECTED });
    await put(h.email, 'Sheet1!B2', 'chủ sở hữu');
    const got = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!B2' });
    expect(got.data.values).toEqual([['chủ sở hữu']]);
  });
});

// Field masks take `/` between names as well as `.`, in request masks (`fields` of updateSheetProperties,
// repeatCell, …) and in the `fields=` query mask, as Google's do.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../support/sheets-harness.js';
import { createSpreadsheet, failure, startHarness, stopHarness } from '../../../../support/sheets-harness.js';

let h: Harness;
let id: string;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await stopHarness(h);
});
beforeEach(async () => {
  id = await createSpreadsheet(h.sheets, { properties: { title: 'Mặt nạ' } });
});

const batch = (requests: object[]) =>
  h.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } });

describe('request masks with /', () => {
  it('resizes a sheet through gridProperties/rowCount,gridProperties/columnCount (a mask recorded from a client Google accepts)', async () => {
    await batch([
      {
        updateSheetProperties: {
          properties: { sheetId: 0, gridProperties: { rowCount: 4, columnCount: 4 } },
          fields: 'gridProperties/rowCount,gridProperties/columnCount',
        },
      },
    ]);
    const got = await h.sheets.spreadsheets.get({
      spreadsheetId: id,
      fields: 'sheets/properties/gridProperties',
    });
    expect(got.data).toEqual({
      sheets: [{ properties: { gridProperties: { rowCount: 4, columnCount: 4 } } }],
    });
  });

  it('formats cells through userEnteredFormat/textFormat/bold, also inside a group', async () => {
    await batch([
      {
        repeatCell: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 2 },
          cell: { userEnteredFormat: { textFormat: { bold: true }, backgroundColor: { red: 1 } } },
          fields: 'userEnteredFormat/textFormat/bold',
        },
      },
      {
        repeatCell: {
          range: { sheetId: 0, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 1 },
          cell: { userEnteredFormat: { textFormat: { italic: true }, backgroundColor: { red: 1 } } },
          fields: 'userEnteredFormat(textFormat/italic,backgroundColor)',
        },
      },
    ]);
    const got = await h.sheets.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['A1:A2'],
      fields: 'sheets/data/rowData/values/userEnteredFormat',
    });
    expect(got.data.sheets?.[0]?.data?.[0]?.rowData).toEqual([
      { values: [{ userEnteredFormat: { textFormat: { bold: true } } }] },
      { values: [{ userEnteredFormat: { textFormat: { italic: true }, backgroundColor: { red: 1 } } }] },
    ]);
  });

  it('still refuses a name the request does not have', async () => {
    const seen = await failure(
      batch([
        { updateSheetProperties: { properties: { sheetId: 0 }, fields: 'gridProperties/rowCount,colour' } },
      ]),
    );
    expect(seen.status).toBe(400);
    expect(seen.message).toMatch(/^Invalid requests\[0\]\.updateSheetProperties: Invalid field mask/);
  });
});

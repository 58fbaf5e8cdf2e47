// Reply serialisation as the googleapis client receives it: Sheets replies are proto3 JSON (a field at its
// default value is left out unless the proto tracks its presence), Drive replies keep what was asked for.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../../support/sheets-harness.js';
import { createSpreadsheet, startHarness, stopHarness } from '../../../support/sheets-harness.js';

let h: Harness;
let id: string;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await stopHarness(h);
});
beforeEach(async () => {
  id = await createSpreadsheet(h.sheets, { properties: { title: 'Hình dạng trả lời' } });
});

const batch = async (requests: object[]) =>
  (await h.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } })).data;

describe('Sheets replies leave proto3 defaults out', () => {
  it('keeps the first sheet’s sheetId 0 and index 0, and leaves out hidden: false and frozenRowCount: 0', async () => {
    await batch([
      {
        updateSheetProperties: {
          properties: { sheetId: 0, hidden: false, gridProperties: { frozenRowCount: 0 } },
          fields: 'hidden,gridProperties.frozenRowCount',
        },
      },
    ]);
    const got = await h.sheets.spreadsheets.get({ spreadsheetId: id, fields: 'sheets.properties' });
    expect(got.data).toEqual({
      sheets: [
        {
          properties: {
            sheetId: 0,
            title: 'Sheet1',
            index: 0,
            sheetType: 'GRID',
            gridProperties: { rowCount: 1000, columnCount: 26 },
          },
        },
      ],
    });
    // a mask that asks only for defaults gets the message, empty, as Google sends it
    const hidden = await h.sheets.spreadsheets.get({ spreadsheetId: id, fields: 'sheets.properties.hidden' });
    expect(hidden.data).toEqual({ sheets: [{ properties: {} }] });
  });

  it('replies to addSheet with the properties Google sends (index 0 kept, rightToLeft: false left out)', async () => {
    const res = await batch([
      { addSheet: { properties: { title: 'Đầu', index: 0, rightToLeft: false, hidden: false } } },
    ]);
    expect(res.replies).toEqual([
      {
        addSheet: {
          properties: {
            sheetId: expect.any(Number) as number,
            title: 'Đầu',
            index: 0,
            sheetType: 'GRID',
            gridProperties: { rowCount: 1000, columnCount: 26 },
          },
        },
      },
    ]);
  });

  it('leaves sheetId 0 out of a GridRange but keeps its start indexes, and drops warningOnly: false and empty lists', async () => {
    const range = { sheetId: 0, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2 };
    const res = await batch([
      {
        addProtectedRange: {
          protectedRange: { range, warningOnly: false, editors: { users: [], groups: [] } },
        },
      },
      { addNamedRange: { namedRange: { name: 'DauBang', range } } },
    ]);
    const echoed = { startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2 };
    expect(res.replies?.[0]).toEqual({
      addProtectedRange: {
        protectedRange: { protectedRangeId: expect.any(Number) as number, range: echoed, editors: {} },
      },
    });
    expect(res.replies?.[1]?.addNamedRange?.namedRange?.range).toEqual(echoed);
  });

  it('keeps oneof members at their default: a 0 and a false cell value, a sheetId 0 metadata location', async () => {
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1:B1',
      valueInputOption: 'RAW',
      requestBody: { values: [[0, false]] },
    });
    await batch([
      {
        repeatCell: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 },
          cell: { userEnteredFormat: { textFormat: { bold: false } } },
          fields: 'userEnteredFormat.textFormat.bold',
        },
      },
      {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: 'theodoi.tab',
            metadataValue: '',
            location: { sheetId: 0 },
            visibility: 'DOCUMENT',
          },
        },
      },
    ]);
    const got = await h.sheets.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['A1:B1'],
      fields:
        'sheets(data.rowData.values(userEnteredValue,effectiveValue,userEnteredFormat),developerMetadata)',
    });
    const sheet = got.data.sheets?.[0];
    expect(sheet?.data?.[0]?.rowData?.[0]?.values).toEqual([
      {
        userEnteredValue: { numberValue: 0 },
        effectiveValue: { numberValue: 0 },
        userEnteredFormat: { textFormat: { bold: false } },
      },
      { userEnteredValue: { boolValue: false }, effectiveValue: { boolValue: false } },
    ]);
    // metadataValue "" is a default: left out; the location's sheetId 0 is a oneof member: kept
    expect(sheet?.developerMetadata).toEqual([
      {
        metadataId: expect.any(Number) as number,
        metadataKey: 'theodoi.tab',
        location: { locationType: 'SHEET', sheetId: 0 },
        visibility: 'DOCUMENT',
      },
    ]);
  });

  it('answers an empty write and an empty read without zero counts or empty lists', async () => {
    const wrote = await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'C3',
      valueInputOption: 'RAW',
      requestBody: { values: [] },
    });
    expect(wrote.data).toEqual({ spreadsheetId: id, updatedRange: 'Sheet1!C3' });
    const read = await h.sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['C3:D4'] });
    expect(read.data).toEqual({
      spreadsheetId: id,
      valueRanges: [{ range: 'Sheet1!C3:D4', majorDimension: 'ROWS' }],
    });
    const cleared = await h.sheets.spreadsheets.values.batchClear({ spreadsheetId: id, requestBody: {} });
    expect(cleared.data).toEqual({ spreadsheetId: id });
  });
});

describe('Drive replies keep what was asked for', () => {
  it('sends trashed: false and an empty files list, as Drive v3 does', async () => {
    const file = await h.drive.files.get({ fileId: id, fields: 'trashed,starred' });
    expect(file.data).toEqual({ trashed: false, starred: false });
    const none = await h.drive.files.list({ q: "name = 'không có'" });
    expect(none.data).toEqual({ kind: 'drive#fileList', incompleteSearch: false, files: [] });
  });
});

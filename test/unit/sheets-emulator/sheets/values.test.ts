// values.get/batchGet/update/batchUpdate/append/clear/batchClear through the googleapis client.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../../support/sheets-harness.js';
import { createSpreadsheet, failure, startHarness, stopHarness } from '../../../support/sheets-harness.js';

let h: Harness;
let id: string;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await stopHarness(h);
});
beforeEach(async () => {
  id = await createSpreadsheet(h.sheets, { properties: { title: 'Giá trị' } });
});

async function put(range: string, values: unknown[][], valueInputOption = 'RAW'): Promise<void> {
  await h.sheets.spreadsheets.values.update({
    spreadsheetId: id,
    range,
    valueInputOption,
    requestBody: { values },
  });
}

describe('values.update then values.get', () => {
  it('writes a block and reports what it updated', async () => {
    const res = await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1:D5',
      valueInputOption: 'RAW',
      requestBody: { values: [['a', 1, true], [], ['x', null, 'z']] },
    });
    expect(res.data).toEqual({
      spreadsheetId: id,
      updatedRange: 'Sheet1!A1:C3',
      updatedRows: 2,
      updatedColumns: 3,
      updatedCells: 5,
    });
    const got = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1:D5' });
    expect(got.data).toEqual({
      range: 'Sheet1!A1:D5',
      majorDimension: 'ROWS',
      values: [['a', '1', 'TRUE'], [], ['x', '', 'z']],
    });
  });

  it('returns typed values with UNFORMATTED_VALUE and columns with majorDimension COLUMNS', async () => {
    await put('A1', [
      [1, 2],
      [3, 4],
    ]);
    const rows = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'A1:B2',
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(rows.data.values).toEqual([
      [1, 2],
      [3, 4],
    ]);
    const cols = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'A1:B2',
      valueRenderOption: 'UNFORMATTED_VALUE',
      majorDimension: 'COLUMNS',
    });
    expect(cols.data).toEqual({
      range: 'Sheet1!A1:B2',
      majorDimension: 'COLUMNS',
      values: [
        [1, 3],
        [2, 4],
      ],
    });
  });

  it('writes columns when the body says majorDimension COLUMNS', async () => {
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'B2',
      valueInputOption: 'RAW',
      requestBody: { majorDimension: 'COLUMNS', values: [['a', 'b'], ['c']] },
    });
    const got = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1:C3' });
    expect(got.data.values).toEqual([[], ['', 'a', 'c'], ['', 'b']]);
  });

  it('answers an empty range without a values key', async () => {
    const got = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!C3:D4' });
    expect(got.data).toEqual({ range: 'Sheet1!C3:D4', majorDimension: 'ROWS' });
  });

  it('trims trailing empty cells and rows, keeps interior blanks', async () => {
    await put('A1', [['a', '', 'c', ''], ['', ''], ['d']]);
    const got = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1' });
    expect(got.data).toEqual({
      range: 'Sheet1!A1:Z1000',
      majorDimension: 'ROWS',
      values: [['a', '', 'c'], [], ['d']],
    });
  });

  it("refuses data outside a bounded requested range with Google's message", async () => {
    const e = await failure(put('Sheet1!A1:B2', [[1], [2], [3]]));
    expect(e.status).toBe(400);
    expect(e.message).toBe('Requested writing within range [Sheet1!A1:B2], but tried writing to row [3]');
    const c = await failure(put('Sheet1!A1:B2', [[1, 2, 3]]));
    expect(c.message).toBe('Requested writing within range [Sheet1!A1:B2], but tried writing to column [C]');
  });

  it('grows the grid when data starting inside it runs past the last row', async () => {
    await put('Sheet1!A999', [[1], [2], [3]]);
    const meta = await h.sheets.spreadsheets.get({ spreadsheetId: id });
    expect(meta.data.sheets?.[0]?.properties?.gridProperties).toEqual({ rowCount: 1001, columnCount: 26 });
  });

  it('refuses a write starting outside the grid', async () => {
    const e = await failure(put('Sheet1!A1001', [[1]]));
    expect(e.status).toBe(400);
    expect(e.message).toBe('Range (Sheet1!A1001) exceeds grid limits. Max rows: 1000, max columns: 26');
  });

  it('requires valueInputOption', async () => {
    const e = await failure(
      h.sheets.spreadsheets.values.update({ spreadsheetId: id, range: 'A1', requestBody: { values: [[1]] } }),
    );
    expect(e.status).toBe(400);
    expect(e.message).toBe("'valueInputOption' is required but not specified");
  });

  it('returns the written values with includeValuesInResponse', async () => {
    const res = await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1:B2',
      valueInputOption: 'USER_ENTERED',
      includeValuesInResponse: true,
      responseValueRenderOption: 'UNFORMATTED_VALUE',
      requestBody: { values: [['1', '=A1*2']] },
    });
    expect(res.data.updatedData).toEqual({ range: 'Sheet1!A1:B2', majorDimension: 'ROWS', values: [[1, 2]] });
  });
});

describe('values.batchGet and values.batchUpdate', () => {
  it('reads several ranges in request order', async () => {
    await put('A1', [
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const res = await h.sheets.spreadsheets.values.batchGet({
      spreadsheetId: id,
      ranges: ['B1:B2', 'A2', "'Sheet1'!Z9"],
    });
    expect(res.data).toEqual({
      spreadsheetId: id,
      valueRanges: [
        { range: 'Sheet1!B1:B2', majorDimension: 'ROWS', values: [['b'], ['d']] },
        { range: 'Sheet1!A2', majorDimension: 'ROWS', values: [['c']] },
        { range: 'Sheet1!Z9', majorDimension: 'ROWS' },
      ],
    });
  });

  it('fails whole when one range is bad', async () => {
    const e = await failure(
      h.sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['A1', 'Nope!A1'] }),
    );
    expect(e.status).toBe(400);
    expect(e.message).toBe('Unable to parse range: Nope!A1');
  });

  it('writes several ranges and totals the counts; nothing is written when one range fails', async () => {
    const res = await h.sheets.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        valueInputOption: 'RAW',
        data: [
          { range: 'A1', values: [[1, 2]] },
          { range: 'C3:C4', values: [['x'], ['y']] },
        ],
      },
    });
    expect(res.data).toMatchObject({
      spreadsheetId: id,
      totalUpdatedRows: 3,
      totalUpdatedColumns: 3,
      totalUpdatedCells: 4,
      totalUpdatedSheets: 1,
    });
    expect(res.data.responses?.map((r) => r.updatedRange)).toEqual(['Sheet1!A1:B1', 'Sheet1!C3:C4']);
    await failure(
      h.sheets.spreadsheets.values.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          valueInputOption: 'RAW',
          data: [
            { range: 'A1', values: [['changed']] },
            { range: 'Nope!A1', values: [[1]] },
          ],
        },
      }),
    );
    const got = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' });
    expect(got.data.values).toEqual([['1']]);
  });
});

describe('counts in write replies, as Google counts them', () => {
  it('counts a written "" as a cell, and a row or column once however many ranges wrote in it', async () => {
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ addSheet: { properties: { title: 'Hai' } } }] },
    });
    const res = await h.sheets.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        valueInputOption: 'RAW',
        data: [
          { range: "'Sheet1'!A1:D1", values: [['A1', 'B1', '', 'D1']] },
          { range: "'Sheet1'!A4:D4", values: [['A4', 'B4', '', 'D4']] },
        ],
      },
    });
    // recorded from Google: 4 columns in all, not 4 + 4
    expect(res.data).toEqual({
      spreadsheetId: id,
      totalUpdatedRows: 2,
      totalUpdatedColumns: 4,
      totalUpdatedCells: 8,
      totalUpdatedSheets: 1,
      responses: [
        {
          spreadsheetId: id,
          updatedRange: 'Sheet1!A1:D1',
          updatedRows: 1,
          updatedColumns: 4,
          updatedCells: 4,
        },
        {
          spreadsheetId: id,
          updatedRange: 'Sheet1!A4:D4',
          updatedRows: 1,
          updatedColumns: 4,
          updatedCells: 4,
        },
      ],
    });
    const two = await h.sheets.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        valueInputOption: 'RAW',
        data: [
          { range: 'Sheet1!A1', values: [['x']] },
          { range: 'Hai!A1', values: [['y']] },
        ],
      },
    });
    expect(two.data).toMatchObject({
      totalUpdatedRows: 2,
      totalUpdatedColumns: 2,
      totalUpdatedCells: 2,
      totalUpdatedSheets: 2,
    });
  });

  it('skips nulls but reports the whole block as the updated range', async () => {
    const res = await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1:D6',
      valueInputOption: 'RAW',
      requestBody: {
        values: [['góc trên', null, null, null], [], [], [], [], [null, null, null, 'góc dưới']],
      },
    });
    expect(res.data).toEqual({
      spreadsheetId: id,
      updatedRange: 'Sheet1!A1:D6',
      updatedRows: 2,
      updatedColumns: 2,
      updatedCells: 2,
    });
  });
});

describe('values.append', () => {
  it('appends after the table found in the range and reports tableRange', async () => {
    await put('A1', [
      ['Mã', 'Tên'],
      ['U1', 'Một'],
      ['U2', 'Hai'],
    ]);
    const res = await h.sheets.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['U3', 'Ba']] },
    });
    expect(res.data).toEqual({
      spreadsheetId: id,
      tableRange: 'Sheet1!A1:B3',
      updates: {
        spreadsheetId: id,
        updatedRange: 'Sheet1!A4:B4',
        updatedRows: 1,
        updatedColumns: 2,
        updatedCells: 2,
      },
    });
  });

  it('writes at the range start when no table is found (no tableRange)', async () => {
    const res = await h.sheets.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'Sheet1!B2:C',
      valueInputOption: 'RAW',
      requestBody: { values: [['x']] },
    });
    expect(res.data.tableRange).toBeUndefined();
    expect(res.data.updates?.updatedRange).toBe('Sheet1!B2');
  });

  it('INSERT_ROWS inserts rows and shifts what was below; OVERWRITE does not', async () => {
    await put('A1', [['h'], ['r1'], [], ['below']]);
    await h.sheets.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'A1',
      valueInputOption: 'RAW',
      insertDataOption: 'INSERT_ROWS',
      requestBody: { values: [['new']] },
    });
    const got = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1:A6' });
    expect(got.data.values).toEqual([['h'], ['r1'], ['new'], [], ['below']]);
    const meta = await h.sheets.spreadsheets.get({ spreadsheetId: id });
    expect(meta.data.sheets?.[0]?.properties?.gridProperties?.rowCount).toBe(1001);
    await h.sheets.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'A1',
      valueInputOption: 'RAW',
      insertDataOption: 'OVERWRITE',
      requestBody: { values: [['over']] },
    });
    const after = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1:A6' });
    expect(after.data.values).toEqual([['h'], ['r1'], ['new'], ['over'], ['below']]);
  });

  it('grows the sheet when appending past the last row', async () => {
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateSheetProperties: {
              properties: { sheetId: 0, gridProperties: { rowCount: 2 } },
              fields: 'gridProperties.rowCount',
            },
          },
        ],
      },
    });
    await put('A1', [['a'], ['b']]);
    const res = await h.sheets.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'A:A',
      valueInputOption: 'RAW',
      requestBody: { values: [['c'], ['d']] },
    });
    expect(res.data.updates?.updatedRange).toBe('Sheet1!A3:A4');
    const got = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A:A' });
    expect(got.data).toEqual({
      range: 'Sheet1!A1:A4',
      majorDimension: 'ROWS',
      values: [['a'], ['b'], ['c'], ['d']],
    });
  });
});

describe('values.clear and batchClear', () => {
  it('clears values but keeps formats, and echoes the clamped range', async () => {
    await put('A1', [
      ['a', 'b'],
      ['c', 'd'],
    ]);
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            repeatCell: {
              range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 },
              cell: { userEnteredFormat: { textFormat: { bold: true } } },
              fields: 'userEnteredFormat.textFormat.bold',
            },
          },
        ],
      },
    });
    const res = await h.sheets.spreadsheets.values.clear({ spreadsheetId: id, range: 'A1:AZ1' });
    expect(res.data).toEqual({ spreadsheetId: id, clearedRange: 'Sheet1!A1:Z1' });
    const got = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1:B2' });
    expect(got.data.values).toEqual([[], ['c', 'd']]);
    const grid = await h.sheets.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['A1'],
      includeGridData: true,
    });
    expect(grid.data.sheets?.[0]?.data?.[0]?.rowData?.[0]?.values?.[0]?.userEnteredFormat).toEqual({
      textFormat: { bold: true },
    });
    const b = await h.sheets.spreadsheets.values.batchClear({
      spreadsheetId: id,
      requestBody: { ranges: ['A2', 'B:B'] },
    });
    expect(b.data).toEqual({ spreadsheetId: id, clearedRanges: ['Sheet1!A2', 'Sheet1!B1:B1000'] });
    const none = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1:B2' });
    expect(none.data.values).toBeUndefined();
  });
});

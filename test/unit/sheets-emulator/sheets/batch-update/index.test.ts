// spreadsheets.batchUpdate through the client: every supported request kind, replies, atomicity, 501s and limits.
import type { sheets_v4 } from '@googleapis/sheets';
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
  id = await createSpreadsheet(h.sheets, { properties: { title: 'Lô' } });
});

async function batch(
  requests: sheets_v4.Schema$Request[],
  extra: Partial<sheets_v4.Schema$BatchUpdateSpreadsheetRequest> = {},
) {
  return (await h.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests, ...extra } }))
    .data;
}
async function values(
  range: string,
  valueRenderOption = 'FORMATTED_VALUE',
): Promise<unknown[][] | undefined> {
  return (
    (await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range, valueRenderOption })).data.values ??
    undefined
  );
}
async function put(range: string, vals: unknown[][]): Promise<void> {
  await h.sheets.spreadsheets.values.update({
    spreadsheetId: id,
    range,
    valueInputOption: 'USER_ENTERED',
    requestBody: { values: vals },
  });
}
async function spreadsheet(params: Partial<sheets_v4.Params$Resource$Spreadsheets$Get> = {}) {
  return (await h.sheets.spreadsheets.get({ spreadsheetId: id, ...params })).data;
}
const grid = (r0: number, r1: number, c0: number, c1: number, sheetId = 0) => ({
  sheetId,
  startRowIndex: r0,
  endRowIndex: r1,
  startColumnIndex: c0,
  endColumnIndex: c1,
});
/** A GridRange on sheet 0 as Google echoes it: proto3 leaves `sheetId: 0` out, the start indexes stay. */
const echoed = (r0: number, r1: number, c0: number, c1: number) => ({
  startRowIndex: r0,
  endRowIndex: r1,
  startColumnIndex: c0,
  endColumnIndex: c1,
});

describe('replies and atomicity', () => {
  it('aligns replies with requests ({} for requests without a reply) and can include the spreadsheet', async () => {
    const res = await batch(
      [
        { updateSpreadsheetProperties: { properties: { title: 'Mới' }, fields: 'title' } },
        { addSheet: { properties: { title: 'Hai', index: 0 } } },
        { appendDimension: { sheetId: 0, dimension: 'ROWS', length: 5 } },
      ],
      { includeSpreadsheetInResponse: true, responseRanges: ['Hai!A1'], responseIncludeGridData: true },
    );
    expect(res.replies).toEqual([
      {},
      {
        addSheet: {
          properties: {
            sheetId: expect.any(Number) as number,
            title: 'Hai',
            index: 0,
            sheetType: 'GRID',
            gridProperties: { rowCount: 1000, columnCount: 26 },
          },
        },
      },
      {},
    ]);
    expect(res.updatedSpreadsheet?.properties?.title).toBe('Mới');
    expect(res.updatedSpreadsheet?.sheets?.map((s) => s.properties?.title)).toEqual(['Hai']);
    expect(res.updatedSpreadsheet?.sheets?.[0]?.data?.[0]?.rowMetadata).toEqual([{ pixelSize: 21 }]);
    const file = await h.drive.files.get({ fileId: id, fields: 'name' });
    expect(file.data.name).toBe('Mới');
  });

  it('applies nothing when a later request fails, with the request index and kind in the message', async () => {
    await put('A1', [['giữ']]);
    const e = await failure(
      batch([
        {
          updateCells: {
            start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
            rows: [{ values: [{ userEnteredValue: { stringValue: 'mất' } }] }],
            fields: 'userEnteredValue',
          },
        },
        { addSheet: { properties: { title: 'Sheet1' } } },
      ]),
    );
    expect(e.status).toBe(400);
    expect(e.message).toBe(
      'Invalid requests[1].addSheet: A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
    expect(await values('A1')).toEqual([['giữ']]);
  });

  it('answers 501 for a request kind the emulator does not implement, applying nothing', async () => {
    const e = await failure(
      batch([
        { addSheet: { properties: { title: 'X' } } },
        { addBanding: { bandedRange: { range: { sheetId: 0 } } } },
      ]),
    );
    expect(e.status).toBe(501);
    expect(e.message).toBe(
      'The Sheets emulator does not implement the batchUpdate request "addBanding" (requests[1]).',
    );
    expect((await spreadsheet()).sheets?.length).toBe(1);
    const option = await failure(
      batch([
        {
          copyPaste: {
            source: grid(0, 1, 0, 1),
            destination: grid(1, 2, 0, 1),
            pasteType: 'PASTE_CONDITIONAL_FORMATTING',
          },
        },
      ]),
    );
    expect(option.status).toBe(501);
    expect(option.message).toBe(
      'The Sheets emulator does not implement copyPaste with pasteType PASTE_CONDITIONAL_FORMATTING. (requests[0].copyPaste)',
    );
  });

  it('refuses an empty request list and a request with no kind', async () => {
    expect((await failure(batch([]))).status).toBe(400);
    expect((await failure(batch([{}]))).message).toBe('Invalid requests[0]: No request set.');
  });
});

describe('sheets and spreadsheet properties', () => {
  it('adds, duplicates, renames, moves and deletes sheets', async () => {
    await put('A1', [['gốc']]);
    const dup = await batch([{ duplicateSheet: { sourceSheetId: 0, newSheetId: 77 } }]);
    expect(dup.replies?.[0]?.duplicateSheet?.properties).toMatchObject({
      sheetId: 77,
      title: 'Copy of Sheet1',
      index: 1,
    });
    expect(await values("'Copy of Sheet1'!A1")).toEqual([['gốc']]);
    await batch([
      {
        updateSheetProperties: {
          properties: { sheetId: 77, title: 'Bản sao', index: 0 },
          fields: 'title,index',
        },
      },
      {
        updateSheetProperties: {
          properties: { sheetId: 0, gridProperties: { frozenRowCount: 1 } },
          fields: 'gridProperties.frozenRowCount',
        },
      },
    ]);
    const s = await spreadsheet();
    expect(s.sheets?.map((x) => x.properties)).toEqual([
      {
        sheetId: 77,
        title: 'Bản sao',
        index: 0,
        sheetType: 'GRID',
        gridProperties: { rowCount: 1000, columnCount: 26 },
      },
      {
        sheetId: 0,
        title: 'Sheet1',
        index: 1,
        sheetType: 'GRID',
        gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: 1 },
      },
    ]);
    await batch([{ deleteSheet: { sheetId: 77 } }]);
    const e = await failure(batch([{ deleteSheet: { sheetId: 0 } }]));
    expect(e.message).toBe("Invalid requests[0].deleteSheet: You can't remove all the sheets in a document.");
    const g = await failure(batch([{ deleteSheet: { sheetId: 5 } }]));
    expect(g.message).toBe('Invalid requests[0].deleteSheet: No grid with id: 5');
  });

  it('honours the fields mask of updateSpreadsheetProperties and requires one', async () => {
    await batch([
      {
        updateSpreadsheetProperties: {
          properties: { title: 'không đổi', locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' },
          fields: 'locale,timeZone',
        },
      },
    ]);
    expect((await spreadsheet()).properties).toMatchObject({
      title: 'Lô',
      locale: 'vi_VN',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    const e = await failure(batch([{ updateSpreadsheetProperties: { properties: { title: 'x' } } }]));
    expect(e.message).toBe(
      "Invalid requests[0].updateSpreadsheetProperties: At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)",
    );
    const bad = await failure(
      batch([{ updateSpreadsheetProperties: { properties: { timeZone: 'Mars/Base' }, fields: 'timeZone' } }]),
    );
    expect(bad.status).toBe(400);
  });

  it('shrinking the grid with updateSheetProperties drops the cut cells', async () => {
    await put('A1', [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    await batch([
      {
        updateSheetProperties: {
          properties: { sheetId: 0, gridProperties: { rowCount: 1, columnCount: 2 } },
          fields: 'gridProperties.rowCount,gridProperties.columnCount',
        },
      },
    ]);
    expect(await values('Sheet1')).toEqual([['a', 'b']]);
  });
});

describe('dimensions', () => {
  beforeEach(async () => {
    await put('A1', [
      ['a1', 'b1', 'c1'],
      ['a2', 'b2', 'c2'],
      ['a3', 'b3', 'c3'],
    ]);
  });

  it('inserts, deletes, moves and appends rows and columns', async () => {
    await batch([
      {
        insertDimension: {
          range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 2 },
          inheritFromBefore: true,
        },
      },
      { deleteDimension: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 } } },
      {
        moveDimension: {
          source: { sheetId: 0, dimension: 'ROWS', startIndex: 3, endIndex: 4 },
          destinationIndex: 0,
        },
      },
      { appendDimension: { sheetId: 0, dimension: 'COLUMNS', length: 3 } },
    ]);
    expect(await values('A1:C4')).toEqual([['b3', 'c3'], ['b1', 'c1'], [], ['b2', 'c2']]);
    expect((await spreadsheet()).sheets?.[0]?.properties?.gridProperties).toEqual({
      rowCount: 1001,
      columnCount: 28,
    });
  });

  it("refuses deleting rows that don't exist or all of them, with Google's messages", async () => {
    const e = await failure(
      batch([
        { deleteDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 999, endIndex: 1001 } } },
      ]),
    );
    expect(e.message).toBe(
      "Invalid requests[0].deleteDimension: Cannot delete a row that doesn't exist. Tried to delete row index 1000 but there are only 1000 rows.",
    );
    const all = await failure(
      batch([
        { deleteDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 0, endIndex: 1000 } } },
      ]),
    );
    expect(all.message).toBe(
      "Invalid requests[0].deleteDimension: You can't delete all the rows on the sheet.",
    );
  });

  it('updates dimension properties with a mask and auto-resizes columns', async () => {
    await batch([
      {
        updateDimensionProperties: {
          range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 },
          properties: { pixelSize: 250, hiddenByUser: true },
          fields: 'pixelSize',
        },
      },
      {
        updateDimensionProperties: {
          range: { sheetId: 0, dimension: 'ROWS', startIndex: 2, endIndex: 3 },
          properties: { hiddenByUser: true },
          fields: 'hiddenByUser',
        },
      },
      {
        autoResizeDimensions: {
          dimensions: { sheetId: 0, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 },
        },
      },
    ]);
    const g = (await spreadsheet({ ranges: ['A1:B3'], includeGridData: true })).sheets?.[0]?.data?.[0];
    expect(g?.columnMetadata).toEqual([{ pixelSize: 250 }, { pixelSize: 24 }]);
    expect(g?.rowMetadata).toEqual([
      { pixelSize: 21 },
      { pixelSize: 21 },
      { pixelSize: 21, hiddenByUser: true },
    ]);
  });

  it('insertRange and deleteRange shift cells', async () => {
    await batch([{ insertRange: { range: grid(0, 1, 1, 2), shiftDimension: 'ROWS' } }]);
    expect(await values('A1:C4')).toEqual([
      ['a1', '', 'c1'],
      ['a2', 'b1', 'c2'],
      ['a3', 'b2', 'c3'],
      ['', 'b3'],
    ]);
    await batch([{ deleteRange: { range: grid(0, 1, 0, 1), shiftDimension: 'COLUMNS' } }]);
    expect(await values('A1:C1')).toEqual([['', 'c1']]);
  });

  it('sorts a range by several columns, blanks last', async () => {
    await put('A1', [
      ['k', 'n'],
      ['b', 2],
      ['a', 3],
      ['', 1],
      ['b', 1],
      [10, 0],
    ]);
    await batch([
      {
        sortRange: {
          range: grid(1, 6, 0, 2),
          sortSpecs: [
            { dimensionIndex: 0, sortOrder: 'ASCENDING' },
            { dimensionIndex: 1, sortOrder: 'DESCENDING' },
          ],
        },
      },
    ]);
    expect(await values('A1:B6')).toEqual([
      ['k', 'n'],
      ['10', '0'],
      ['a', '3'],
      ['b', '2'],
      ['b', '1'],
      ['', '1'],
    ]);
  });

  it('sortRange keeps formulas pointing at their own row', async () => {
    await put('A1', [
      [3, '=A1*10'],
      [1, '=A2*10'],
      [2, '=A3*10'],
    ]);
    await batch([
      { sortRange: { range: grid(0, 3, 0, 2), sortSpecs: [{ dimensionIndex: 0, sortOrder: 'ASCENDING' }] } },
    ]);
    expect(await values('B1:B3', 'FORMULA')).toEqual([['=A1*10'], ['=A2*10'], ['=A3*10']]);
    expect(await values('A1:B3', 'UNFORMATTED_VALUE')).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
  });
});

describe('cells', () => {
  it('repeatCell writes through a mask and shifts relative formula references', async () => {
    await put('A1', [[1], [2], [3]]);
    await batch([
      {
        repeatCell: {
          range: grid(0, 3, 1, 2),
          cell: { userEnteredValue: { formulaValue: '=A1*10+$A$1' } },
          fields: 'userEnteredValue',
        },
      },
    ]);
    expect(await values('B1:B3', 'FORMULA')).toEqual([['=A1*10+$A$1'], ['=A2*10+$A$1'], ['=A3*10+$A$1']]);
    expect(await values('B1:B3', 'UNFORMATTED_VALUE')).toEqual([[11], [21], [31]]);
  });

  it("takes Sheets' grouped masks, userEnteredFormat(backgroundColor,textFormat.bold), and refuses broken ones", async () => {
    const format = {
      backgroundColor: { red: 1, green: 0.9, blue: 0.8 },
      textFormat: { bold: true, italic: true },
      horizontalAlignment: 'CENTER',
    };
    const cell = { userEnteredFormat: format, note: 'không ghi' };
    await batch([
      {
        repeatCell: {
          range: grid(0, 1, 0, 1),
          cell,
          fields: 'userEnteredFormat(backgroundColor,textFormat.bold)',
        },
      },
      {
        repeatCell: {
          range: grid(0, 1, 1, 2),
          cell,
          fields: 'userEnteredFormat.backgroundColor,userEnteredFormat.textFormat.bold',
        },
      },
    ]);
    const got = await h.sheets.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['A1:B1'],
      fields: 'sheets.data.rowData.values(userEnteredFormat,note)',
    });
    const [grouped, dotted] = got.data.sheets?.[0]?.data?.[0]?.rowData?.[0]?.values ?? [];
    expect(grouped).toEqual(dotted);
    expect(grouped?.userEnteredFormat?.textFormat).toEqual({ bold: true });
    expect(grouped?.userEnteredFormat?.horizontalAlignment).toBeUndefined();
    expect(grouped?.note).toBeUndefined();
    for (const fields of ['userEnteredFormat(backgroundColor', 'userEnteredFormat()', '(note)']) {
      const e = await failure(batch([{ repeatCell: { range: grid(0, 1, 0, 1), cell, fields } }]));
      expect(e.status, fields).toBe(400);
    }
  });

  it('updateCells writes rows from a start or within a range (clearing what the rows do not cover)', async () => {
    await put('A1', [
      ['x', 'y'],
      ['z', 'w'],
    ]);
    await batch([
      {
        updateCells: {
          range: grid(0, 2, 0, 2),
          rows: [{ values: [{ userEnteredValue: { numberValue: 5 }, note: 'ghi chú' }] }],
          fields: 'userEnteredValue,note',
        },
      },
      {
        updateCells: {
          start: { sheetId: 0, rowIndex: 3, columnIndex: 2 },
          rows: [{ values: [{ userEnteredValue: { boolValue: true } }] }],
          fields: '*',
        },
      },
    ]);
    expect(await values('A1:C4', 'UNFORMATTED_VALUE')).toEqual([[5], [], [], ['', '', true]]);
    const cell = (await spreadsheet({ ranges: ['A1'], includeGridData: true })).sheets?.[0]?.data?.[0]
      ?.rowData?.[0]?.values?.[0];
    expect(cell).toEqual({
      userEnteredValue: { numberValue: 5 },
      effectiveValue: { numberValue: 5 },
      formattedValue: '5',
      note: 'ghi chú',
    });
    const e = await failure(
      batch([
        {
          updateCells: {
            start: { sheetId: 0, rowIndex: 0, columnIndex: 26 },
            rows: [{ values: [{}] }],
            fields: 'note',
          },
        },
      ]),
    );
    expect(e.message).toBe(
      'Invalid requests[0].updateCells: GridCoordinate.columnIndex[26] is after last column in grid[25]',
    );
    const noFields = await failure(
      batch([{ updateCells: { start: { sheetId: 0 }, rows: [{ values: [{}] }] } }]),
    );
    expect(noFields.message).toBe(
      "Invalid requests[0].updateCells: At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)",
    );
  });

  it('stores borders, data validation, merges and conditional formats', async () => {
    const red = { style: 'SOLID', color: { red: 1 } };
    await batch([
      { updateBorders: { range: grid(0, 2, 0, 2), top: red, innerVertical: red } },
      {
        setDataValidation: {
          range: grid(0, 3, 3, 4),
          rule: {
            condition: {
              type: 'ONE_OF_LIST',
              values: [{ userEnteredValue: 'Xong' }, { userEnteredValue: 'Chưa' }],
            },
            strict: true,
          },
        },
      },
      { mergeCells: { range: grid(5, 7, 0, 2), mergeType: 'MERGE_ALL' } },
      { mergeCells: { range: grid(8, 10, 0, 2), mergeType: 'MERGE_COLUMNS' } },
      {
        addConditionalFormatRule: {
          rule: {
            ranges: [grid(0, 10, 2, 3)],
            booleanRule: {
              condition: { type: 'NUMBER_GREATER', values: [{ userEnteredValue: '5' }] },
              format: { textFormat: { bold: true } },
            },
          },
          index: 0,
        },
      },
    ]);
    const s = (await spreadsheet({ ranges: ['A1:D2'], includeGridData: true })).sheets?.[0];
    const rows = s?.data?.[0]?.rowData;
    expect(rows?.[0]?.values?.[0]?.userEnteredFormat?.borders).toEqual({ top: red, right: red });
    expect(rows?.[0]?.values?.[1]?.userEnteredFormat?.borders).toEqual({ top: red, left: red });
    expect(rows?.[1]?.values?.[0]?.userEnteredFormat?.borders).toEqual({ right: red });
    expect(rows?.[0]?.values?.[3]?.dataValidation?.condition?.type).toBe('ONE_OF_LIST');
    expect(s?.merges).toEqual([echoed(5, 7, 0, 2), echoed(8, 10, 0, 1), echoed(8, 10, 1, 2)]);
    expect(s?.conditionalFormats?.[0]?.ranges).toEqual([echoed(0, 10, 2, 3)]);
    const partial = await failure(batch([{ unmergeCells: { range: grid(5, 6, 0, 2) } }]));
    expect(partial.message).toBe(
      'Invalid requests[0].unmergeCells: You must select all cells in a merged range to merge or unmerge them.',
    );
    await batch([
      { unmergeCells: { range: grid(0, 20, 0, 5) } },
      { setDataValidation: { range: grid(0, 3, 3, 4) } },
    ]);
    const after = (await spreadsheet({ ranges: ['D1'], includeGridData: true })).sheets?.[0];
    expect(after?.merges).toBeUndefined();
    expect(after?.data?.[0]?.rowData).toBeUndefined();
  });

  it('mergeCells keeps only the top-left value', async () => {
    await put('A1', [['giữ', 'mất']]);
    await batch([{ mergeCells: { range: grid(0, 1, 0, 2), mergeType: 'MERGE_ALL' } }]);
    expect(await values('A1:B1')).toEqual([['giữ']]);
  });

  it('refuses a GridRange past the grid', async () => {
    const e = await failure(
      batch([{ repeatCell: { range: grid(0, 1001, 0, 1), cell: { note: 'x' }, fields: 'note' } }]),
    );
    expect(e.message).toBe(
      'Invalid requests[0].repeatCell: Range (Sheet1!A1:A1001) exceeds grid limits. Max rows: 1000, max columns: 26',
    );
  });
});

describe('named ranges, charts, protected ranges', () => {
  it('adds and deletes a named range; rows inserted inside it widen it', async () => {
    const res = await batch([{ addNamedRange: { namedRange: { name: 'DonVi', range: grid(0, 3, 0, 1) } } }]);
    const nr = res.replies?.[0]?.addNamedRange?.namedRange;
    expect(nr).toEqual({
      namedRangeId: expect.any(String) as string,
      name: 'DonVi',
      range: echoed(0, 3, 0, 1),
    });
    await batch([
      { insertDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 3 } } },
    ]);
    expect((await spreadsheet()).namedRanges).toEqual([{ ...nr, range: echoed(0, 5, 0, 1) }]);
    const dup = await failure(
      batch([{ addNamedRange: { namedRange: { name: 'donvi', range: grid(0, 1, 0, 1) } } }]),
    );
    expect(dup.status).toBe(400);
    const bad = await failure(
      batch([{ addNamedRange: { namedRange: { name: 'A1', range: grid(0, 1, 0, 1) } } }]),
    );
    expect(bad.status).toBe(400);
    await batch([{ deleteNamedRange: { namedRangeId: nr?.namedRangeId ?? '' } }]);
    expect((await spreadsheet()).namedRanges).toBeUndefined();
  });

  it('stores a chart and a protected range and returns them from get', async () => {
    const res = await batch([
      {
        addChart: {
          chart: {
            spec: { title: 'Tiến độ', basicChart: { chartType: 'COLUMN' } },
            position: { overlayPosition: { anchorCell: { sheetId: 0, rowIndex: 2, columnIndex: 4 } } },
          },
        },
      },
      {
        addProtectedRange: {
          protectedRange: { range: grid(0, 1, 0, 26), description: 'Tiêu đề', warningOnly: false },
        },
      },
    ]);
    const chartId = res.replies?.[0]?.addChart?.chart?.chartId;
    expect(chartId).toEqual(expect.any(Number));
    const prId = res.replies?.[1]?.addProtectedRange?.protectedRange?.protectedRangeId;
    const s = (await spreadsheet()).sheets?.[0];
    expect(s?.charts?.[0]).toMatchObject({ chartId, spec: { title: 'Tiến độ' } });
    expect(s?.protectedRanges).toEqual([
      // `warningOnly: false` is a proto3 default: Google leaves it out (sent or not)
      { protectedRangeId: prId, range: echoed(0, 1, 0, 26), description: 'Tiêu đề' },
    ]);
  });
});

describe('limits', () => {
  it('refuses growing past 10 million cells', async () => {
    const e = await failure(batch([{ appendDimension: { sheetId: 0, dimension: 'ROWS', length: 400_000 } }]));
    expect(e.message).toBe(
      'Invalid requests[0].appendDimension: This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });

  it('refuses more than 50,000 characters in a cell', async () => {
    const e = await failure(put('A1', [['x'.repeat(50_001)]]));
    expect(e.status).toBe(400);
    expect(e.message).toBe('Your input contains more than the maximum of 50000 characters in a single cell.');
    await put('A1', [['x'.repeat(50_000)]]);
    expect(String((await values('A1'))?.[0]?.[0]).length).toBe(50_000);
  });
});

describe('copy, cut, append, find/replace, trim, filters, protected range updates', () => {
  it('copyPaste tiles the source and shifts relative references; PASTE_VALUES pastes computed values', async () => {
    await put('A1', [[1, '=A1*2']]);
    await batch([
      { copyPaste: { source: grid(0, 1, 0, 2), destination: grid(1, 3, 0, 2), pasteType: 'PASTE_NORMAL' } },
      { copyPaste: { source: grid(0, 1, 1, 2), destination: grid(0, 1, 3, 4), pasteType: 'PASTE_VALUES' } },
      {
        copyPaste: {
          source: grid(0, 1, 0, 2),
          destination: grid(5, 6, 0, 1),
          pasteType: 'PASTE_VALUES',
          pasteOrientation: 'TRANSPOSE',
        },
      },
    ]);
    expect(await values('A1:D3', 'FORMULA')).toEqual([
      [1, '=A1*2', '', 2],
      [1, '=A2*2'],
      [1, '=A3*2'],
    ]);
    expect(await values('A6:A7', 'FORMULA')).toEqual([[1], [2]]);
  });

  it('cutPaste moves cells and empties the source', async () => {
    await put('A1', [['a', 'b']]);
    await batch([
      { cutPaste: { source: grid(0, 1, 0, 2), destination: { sheetId: 0, rowIndex: 4, columnIndex: 2 } } },
    ]);
    expect(await values('A1:D5')).toEqual([[], [], [], [], ['', '', 'a', 'b']]);
  });

  it('appendCells writes after the last row with data', async () => {
    await put('A1', [['h'], ['r']]);
    await batch([
      {
        appendCells: {
          sheetId: 0,
          rows: [{ values: [{ userEnteredValue: { stringValue: 'mới' } }] }],
          fields: 'userEnteredValue',
        },
      },
    ]);
    expect(await values('A1:A4')).toEqual([['h'], ['r'], ['mới']]);
  });

  it('findReplace counts what it changed; trimWhitespace collapses spaces', async () => {
    await put('A1', [['Xã An Bình', '=CONCAT("Xã", "X")', ' thừa   khoảng  trắng ']]);
    const res = await batch([
      { findReplace: { find: 'xã', replacement: 'Phường', allSheets: true, includeFormulas: true } },
      { trimWhitespace: { range: grid(0, 1, 0, 3) } },
    ]);
    expect(res.replies).toEqual([
      {
        findReplace: {
          valuesChanged: 1,
          formulasChanged: 1,
          rowsChanged: 1,
          sheetsChanged: 1,
          occurrencesChanged: 2,
        },
      },
      { trimWhitespace: { cellsChangedCount: 1 } },
    ]);
    expect(await values('A1:C1', 'FORMULA')).toEqual([
      ['Phường An Bình', '=CONCAT("Phường", "X")', 'thừa khoảng trắng'],
    ]);
  });

  it('stores and clears a basic filter; updates a protected range through a mask', async () => {
    const res = await batch([
      {
        setBasicFilter: {
          filter: { range: grid(0, 10, 0, 3), sortSpecs: [{ dimensionIndex: 0, sortOrder: 'ASCENDING' }] },
        },
      },
      {
        addProtectedRange: {
          protectedRange: {
            range: grid(0, 1, 0, 3),
            description: 'cũ',
            editors: { users: ['a@example.com'] },
          },
        },
      },
    ]);
    const prId = res.replies?.[1]?.addProtectedRange?.protectedRange?.protectedRangeId ?? 0;
    await batch([
      {
        updateProtectedRange: {
          protectedRange: { protectedRangeId: prId, description: 'mới' },
          fields: 'description',
        },
      },
    ]);
    let s = (await spreadsheet()).sheets?.[0];
    expect(s?.basicFilter?.range).toEqual(echoed(0, 10, 0, 3));
    expect(s?.protectedRanges).toEqual([
      {
        protectedRangeId: prId,
        range: echoed(0, 1, 0, 3),
        description: 'mới',
        editors: { users: ['a@example.com'] },
      },
    ]);
    await batch([{ clearBasicFilter: { sheetId: 0 } }, { deleteProtectedRange: { protectedRangeId: prId } }]);
    s = (await spreadsheet()).sheets?.[0];
    expect(s?.basicFilter).toBeUndefined();
    expect(s?.protectedRanges).toBeUndefined();
  });
});

describe('chart and conditional format updates', () => {
  it('updates a chart spec, deletes the chart; moves and replaces conditional format rules', async () => {
    const rule = (n: string) => ({
      ranges: [grid(0, 5, 0, 1)],
      booleanRule: {
        condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: n }] },
        format: { textFormat: { bold: true } },
      },
    });
    const res = await batch([
      {
        addChart: {
          chart: { spec: { title: 'cũ' }, position: { overlayPosition: { anchorCell: { sheetId: 0 } } } },
        },
      },
      { addConditionalFormatRule: { rule: rule('a'), index: 0 } },
      { addConditionalFormatRule: { rule: rule('b'), index: 1 } },
    ]);
    const chartId = res.replies?.[0]?.addChart?.chart?.chartId ?? 0;
    const upd = await batch([
      { updateChartSpec: { chartId, spec: { title: 'mới' } } },
      { updateConditionalFormatRule: { sheetId: 0, index: 0, newIndex: 1 } },
      { updateConditionalFormatRule: { sheetId: 0, index: 0, rule: rule('c') } },
    ]);
    const moved = upd.replies?.[1]?.updateConditionalFormatRule;
    expect(moved).toMatchObject({ newIndex: 1 });
    expect(moved?.oldIndex).toBeUndefined(); // 0, a proto3 default, is not sent
    let s = (await spreadsheet()).sheets?.[0];
    expect(s?.charts?.[0]?.spec).toEqual({ title: 'mới' });
    expect(
      s?.conditionalFormats?.map((r) => r.booleanRule?.condition?.values?.[0]?.userEnteredValue),
    ).toEqual(['c', 'a']);
    await batch([
      { deleteEmbeddedObject: { objectId: chartId } },
      { deleteConditionalFormatRule: { sheetId: 0, index: 0 } },
    ]);
    s = (await spreadsheet()).sheets?.[0];
    expect(s?.charts).toBeUndefined();
    expect(s?.conditionalFormats?.length).toBe(1);
  });
});

describe('deleteDuplicates and randomizeRange', () => {
  it('removes later rows equal (ignoring case) in the comparison columns and reports how many', async () => {
    await put('A1', [
      ['Mã', 'Tên'],
      ['U1', 'a'],
      ['u1', 'b'],
      ['U2', 'c'],
      ['U1', 'd'],
    ]);
    const res = await batch([
      {
        deleteDuplicates: {
          range: grid(1, 5, 0, 2),
          comparisonColumns: [{ sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 }],
        },
      },
    ]);
    expect(res.replies).toEqual([{ deleteDuplicates: { duplicatesRemovedCount: 2 } }]);
    expect(await values('A1:B5')).toEqual([
      ['Mã', 'Tên'],
      ['U1', 'a'],
      ['U2', 'c'],
    ]);
  });

  it('shuffles rows without losing any', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => [`r${i}`, i]);
    await put('A1', rows);
    await batch([{ randomizeRange: { range: grid(0, 20, 0, 2) } }]);
    const got = (await values('A1:B20')) ?? [];
    expect(got.map((r) => String(r[0])).sort()).toEqual(rows.map((r) => String(r[0])).sort());
    expect(got.every((r) => r[0] === `r${String(r[1])}`)).toBe(true);
  });
});

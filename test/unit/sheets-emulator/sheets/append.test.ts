// values.append finds its table as Google does. Each case replays a sequence recorded against Google (the
// gspread test cassettes, README "Reply shapes"): rows or columns inserted inside a table, a row with a gap.
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
  id = await createSpreadsheet(h.sheets, { properties: { title: 'Nối dòng' } });
});

const grid = (rows: number, cols: number, tag: string) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => `${tag}${r * cols + c + 1}`));

async function put(range: string, values: unknown[][]): Promise<void> {
  await h.sheets.spreadsheets.values.update({
    spreadsheetId: id,
    range,
    valueInputOption: 'RAW',
    requestBody: { values },
  });
}

async function insert(dimension: 'ROWS' | 'COLUMNS', startIndex: number, endIndex: number): Promise<void> {
  await h.sheets.spreadsheets.batchUpdate({
    spreadsheetId: id,
    requestBody: {
      requests: [
        {
          insertDimension: {
            range: { sheetId: 0, dimension, startIndex, endIndex },
            inheritFromBefore: false,
          },
        },
      ],
    },
  });
}

async function append(range: string, values: unknown[][], majorDimension = 'ROWS') {
  return (
    await h.sheets.spreadsheets.values.append({
      spreadsheetId: id,
      range,
      valueInputOption: 'RAW',
      requestBody: { majorDimension, values },
    })
  ).data;
}

describe('a single-cell range', () => {
  it('on a row inserted inside a table finds no table and writes there', async () => {
    await put('A1:D6', grid(6, 4, 'v'));
    await insert('ROWS', 1, 2);
    const res = await append("'Sheet1'!A2", [grid(1, 8, 'n')[0]!]);
    expect(res.tableRange).toBeUndefined();
    expect(res.updates).toMatchObject({ updatedRange: 'Sheet1!A2:H2', updatedRows: 1, updatedCells: 8 });
    await insert('ROWS', 0, 1);
    const top = await append("'Sheet1'!A1", [grid(1, 8, 't')[0]!]);
    expect(top.tableRange).toBeUndefined();
    expect(top.updates?.updatedRange).toBe('Sheet1!A1:H1');
    const rows = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1:A4' });
    expect(rows.data.values).toEqual([['t1'], ['v1'], ['n1'], ['v5']]);
  });

  it('on columns inserted inside a table finds no table and writes there', async () => {
    await put('A1:D6', grid(6, 4, 'v'));
    await insert('COLUMNS', 1, 3);
    const res = await append("'Sheet1'!B1", grid(2, 4, 'c'), 'COLUMNS');
    expect(res.tableRange).toBeUndefined();
    expect(res.updates).toMatchObject({ updatedRange: 'Sheet1!B1:C4', updatedColumns: 2, updatedCells: 8 });
  });

  it('holding a value appends under the data region around it, which a gap in the row ends', async () => {
    await append('Sheet1', [['một', '', 'ba']]);
    const res = await append("'Sheet1'!A1", [['một', '', 'ba']]);
    expect(res.tableRange).toBe('Sheet1!A1');
    expect(res.updates?.updatedRange).toBe('Sheet1!A2:C2');
  });
});

describe('a larger range', () => {
  it('appends under the region around its last value, so a row with a gap moves the next append right', async () => {
    const first = await append('Sheet1', [['một', '', 'ba']]);
    expect(first.tableRange).toBeUndefined();
    expect(first.updates?.updatedRange).toBe('Sheet1!A1:C1');
    const second = await append('Sheet1', [['một', '', 'ba']]);
    expect(second.tableRange).toBe('Sheet1!C1');
    expect(second.updates?.updatedRange).toBe('Sheet1!C2:E2');
  });

  it('grows the table row by row when nothing is missing', async () => {
    const ranges: (string | null | undefined)[] = [];
    for (let i = 0; i < 4; i++) ranges.push((await append('Sheet1', [grid(1, 10, `r${i}-`)[0]!])).tableRange);
    expect(ranges).toEqual([undefined, 'Sheet1!A1:J1', 'Sheet1!A1:J2', 'Sheet1!A1:J3']);
  });

  it('appends after the last block when an empty row splits the data', async () => {
    await put('A1:C5', [['h1', 'h2', 'h3'], ['a', 'b', 'c'], [], ['d', 'e', 'f'], ['g', 'h', 'i']]);
    const res = await append('A:C', [['x', 'y', 'z']]);
    expect(res.tableRange).toBe('Sheet1!A4:C5');
    expect(res.updates?.updatedRange).toBe('Sheet1!A6:C6');
  });
});

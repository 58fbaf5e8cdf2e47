// Formulas: stored as typed, a small evaluated set, Google's error values, recomputation when inputs change.
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
  id = await createSpreadsheet(h.sheets, {
    sheets: [{ properties: { title: 'Sheet1' } }, { properties: { title: 'Dữ liệu' } }],
  });
  await h.sheets.spreadsheets.values.batchUpdate({
    spreadsheetId: id,
    requestBody: {
      valueInputOption: 'USER_ENTERED',
      data: [
        { range: 'Sheet1!A1', values: [[1], [2], [3], ['x'], ['']] },
        { range: "'Dữ liệu'!A1", values: [[10, 20]] },
      ],
    },
  });
});

async function evalFormulas(
  formulas: string[],
): Promise<{ formula: unknown[]; value: unknown[]; formatted: unknown[] }> {
  await h.sheets.spreadsheets.values.update({
    spreadsheetId: id,
    range: 'C1',
    valueInputOption: 'USER_ENTERED',
    requestBody: { values: formulas.map((f) => [f]) },
  });
  const range = `C1:C${formulas.length}`;
  const get = async (valueRenderOption: string) =>
    ((
      await h.sheets.spreadsheets.values.get({
        spreadsheetId: id,
        range,
        valueRenderOption,
        majorDimension: 'COLUMNS',
      })
    ).data.values?.[0] ?? []) as unknown[];
  return {
    formula: await get('FORMULA'),
    value: await get('UNFORMATTED_VALUE'),
    formatted: await get('FORMATTED_VALUE'),
  };
}

describe('evaluation', () => {
  it('computes arithmetic with precedence, comparisons, concatenation and the supported functions', async () => {
    const formulas = [
      '=1+2*3^2',
      '=(1+2)*3',
      '=-A2+10%',
      '=A1&"-"&A2',
      '=A1<A2',
      '=A3>=3',
      '=SUM(A1:A5)',
      '=COUNT(A1:A5)',
      '=COUNTA(A1:A5)',
      '=AVERAGE(A1:A3)',
      '=MIN(A1:A3, 0)',
      '=MAX(A1:A3)',
      '=IF(A1>0, "dương", "âm")',
      "='Dữ liệu'!A1+'Dữ liệu'!B1",
      "=SUM('Dữ liệu'!A:B)",
      '=sum(A1;A2)',
    ];
    const r = await evalFormulas(formulas);
    expect(r.formula).toEqual(formulas);
    expect(r.value).toEqual([19, 9, -1.9, '1-2', true, true, 6, 3, 4, 2, 0, 3, 'dương', 30, 30, 3]);
  });

  it('gives Google error values: #DIV/0!, #VALUE!, #REF!, #NAME? (IMPORTXML is not evaluated)', async () => {
    const r = await evalFormulas([
      '=1/0',
      '=A4+1',
      '=Nope!A1',
      '=IMPORTXML("http://x", "//a")',
      '=NOSUCHNAME',
      '=C6',
      '=C6+1',
      '=1+',
    ]);
    expect(r.value).toEqual(['#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NAME?', '#REF!', '#REF!', '#ERROR!']);
    expect(r.formatted).toEqual(r.value);
    const grid = await h.sheets.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['C1:C4'],
      includeGridData: true,
    });
    const cells = grid.data.sheets?.[0]?.data?.[0]?.rowData?.map((row) => row.values?.[0]?.effectiveValue);
    expect(cells).toEqual([
      { errorValue: { type: 'DIVIDE_BY_ZERO', message: 'Function DIVIDE parameter 2 cannot be zero.' } },
      {
        errorValue: {
          type: 'VALUE',
          message:
            "Function ADD parameter 1 expects number values. But 'x' is a text and cannot be coerced to a number.",
        },
      },
      { errorValue: { type: 'REF', message: "Unresolved sheet name 'Nope'." } },
      { errorValue: { type: 'NAME', message: "Unknown function: 'IMPORTXML'." } },
    ]);
  });

  it('recomputes when inputs change', async () => {
    await evalFormulas(['=SUM(A1:A3)*2']);
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1',
      valueInputOption: 'RAW',
      requestBody: { values: [[100]] },
    });
    const got = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'C1',
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(got.data.values).toEqual([[210]]);
  });

  it('shows a formula result with the number format of the cell it comes from', async () => {
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'B1',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['3/1/2016']] },
    });
    const r = await evalFormulas(['=B1+1']);
    expect(r.formatted).toEqual(['3/2/2016']);
    expect(r.value).toEqual([42431]);
  });

  it('rewrites references when rows are inserted or deleted', async () => {
    await evalFormulas(['=SUM(A1:A3)', '=A3']);
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          { insertDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 2 } } },
          { deleteDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 3, endIndex: 4 } } },
        ],
      },
    });
    const f = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'C1:C3',
      valueRenderOption: 'FORMULA',
    });
    expect(f.data.values).toEqual([['=SUM(A1:A3)'], [], ['=#REF!']]);
    const v = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'C1',
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(v.data.values).toEqual([[3]]);
  });

  it('takes references along when columns are moved', async () => {
    await evalFormulas(['=A1*10']);
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            moveDimension: {
              source: { sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 },
              destinationIndex: 4,
            },
          },
        ],
      },
    });
    const f = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'B1:D1',
      valueRenderOption: 'FORMULA',
    });
    expect(f.data.values).toEqual([['=D1*10', '', 1]]);
    const v = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'B1',
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(v.data.values).toEqual([[10]]);
  });

  it('follows a renamed sheet in references to it', async () => {
    await evalFormulas(["='Dữ liệu'!A1*2", '=dữ liệu!B1']);
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateSheetProperties: {
              properties: { sheetId: (await sheetIdOf('Dữ liệu')) ?? -1, title: 'Nguon' },
              fields: 'title',
            },
          },
        ],
      },
    });
    const f = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'C1:C2',
      valueRenderOption: 'FORMULA',
    });
    expect(f.data.values).toEqual([['=Nguon!A1*2'], ['=dữ liệu!B1']]);
    const v = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'C1:C2',
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(v.data.values).toEqual([[20], ['#ERROR!']]);
  });
});

async function sheetIdOf(title: string): Promise<number | null | undefined> {
  const s = await h.sheets.spreadsheets.get({ spreadsheetId: id });
  return s.data.sheets?.find((x) => x.properties?.title === title)?.properties?.sheetId;
}

describe('long chains', () => {
  it('evaluates a 3,000-row running total read top-down, and a total above it', async () => {
    const n = 3000;
    const rows = Array.from({ length: n }, (_, i) => [1, i === 0 ? '=A1' : `=B${i}+A${i + 1}`]);
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ appendDimension: { sheetId: 0, dimension: 'ROWS', length: n } }] },
    });
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: rows },
    });
    const got = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: `B${n - 1}:B${n}`,
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(got.data.values).toEqual([[n - 1], [n]]);
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'D1',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [[`=B${n}*2+SUM(B1:B${n})`]] },
    });
    const total = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'D1',
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(total.data.values).toEqual([[2 * n + (n * (n + 1)) / 2]]);
  });
});

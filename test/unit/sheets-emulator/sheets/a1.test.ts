// A1 and R1C1 notation as the googleapis client sends it: sheet names, quoting, named ranges, clamping, errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../support/sheets-harness.js';
import { createSpreadsheet, failure, startHarness, stopHarness } from '../../../support/sheets-harness.js';

let h: Harness;
let id: string;

beforeAll(async () => {
  h = await startHarness();
  id = await createSpreadsheet(h.sheets, {
    properties: { title: 'Phạm vi' },
    sheets: [
      { properties: { title: 'Sheet1' } },
      { properties: { title: "Jon's Data", gridProperties: { rowCount: 50, columnCount: 5 } } },
      { properties: { title: 'Trang tính 1' } },
      { properties: { title: 'A1' } },
    ],
  });
  await h.sheets.spreadsheets.values.batchUpdate({
    spreadsheetId: id,
    requestBody: {
      valueInputOption: 'RAW',
      data: [
        {
          range: 'Sheet1!A1',
          values: [
            ['s1', 'b1'],
            ['a2', 'b2'],
          ],
        },
        { range: "'Jon''s Data'!A1", values: [['jon']] },
        { range: "'Trang tính 1'!B2", values: [['việt']] },
        { range: "'A1'!A1", values: [['sheet named A1']] },
      ],
    },
  });
});
afterAll(async () => {
  await stopHarness(h);
});

async function echo(range: string): Promise<string | null | undefined> {
  return (await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range })).data.range;
}

describe('canonical ranges echoed back', () => {
  const cases: [string, string][] = [
    ['Sheet1', 'Sheet1!A1:Z1000'],
    ['Sheet1!A:A', 'Sheet1!A1:A1000'],
    ['Sheet1!1:2', 'Sheet1!A1:Z2'],
    ['Sheet1!A5:A', 'Sheet1!A5:A1000'],
    ['A2:C', 'Sheet1!A2:C1000'],
    ['A1:B2', 'Sheet1!A1:B2'],
    ['B2:A1', 'Sheet1!A1:B2'],
    ['Sheet1!A1:A1', 'Sheet1!A1'],
    ['Sheet1!A1:AA5', 'Sheet1!A1:Z5'],
    ['sheet1!a1:b2', 'Sheet1!A1:B2'],
    ["'Jon''s Data'!A1:D5", "'Jon''s Data'!A1:D5"],
    ["'Jon''s Data'", "'Jon''s Data'!A1:E50"],
    ["'Trang tính 1'!B2", "'Trang tính 1'!B2"],
    ["'A1'", "'A1'!A1:Z1000"],
    ['A1', 'Sheet1!A1'],
    ['R1C1:R2C2', 'Sheet1!A1:B2'],
    ['Sheet1!R2C3', 'Sheet1!C2'],
    ['R[1]C[1]', 'Sheet1!B2'],
    ['Sheet1!$A$1:$B$2', 'Sheet1!A1:B2'],
  ];
  cases.forEach(([sent, canonical]) => {
    it(`${sent} → ${canonical}`, async () => {
      expect(await echo(sent)).toBe(canonical);
    });
  });

  it("reads the sheet named A1 only when quoted ('A1')", async () => {
    const quoted = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: "'A1'!A1" });
    expect(quoted.data.values).toEqual([['sheet named A1']]);
    const cell = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' });
    expect(cell.data.values).toEqual([['s1']]);
  });

  it('reads a Vietnamese sheet name percent-encoded by the client', async () => {
    const got = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: "'Trang tính 1'!A1:B2" });
    expect(got.data.values).toEqual([[], ['', 'việt']]);
  });
});

describe('unparsable ranges', () => {
  const bad = [
    'Nope!A1',
    'Sheet 1',
    'A1:',
    "'all prompts'!A1:[5",
    'A1:R2C2',
    'R0C1',
    'Sheet1!A1:B2:C3',
    "'Unclosed!A1",
  ];
  bad.forEach((range) => {
    it(`${range} → 400 Unable to parse range`, async () => {
      const e = await failure(h.sheets.spreadsheets.values.get({ spreadsheetId: id, range }));
      expect(e.status).toBe(400);
      expect(e.message).toBe(`Unable to parse range: ${range}`);
      expect(e.data).toEqual({
        error: { code: 400, message: `Unable to parse range: ${range}`, status: 'INVALID_ARGUMENT' },
      });
    });
  });

  it('a start outside the grid → exceeds grid limits', async () => {
    const e = await failure(
      h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: "'Jon''s Data'!F1" }),
    );
    expect(e.message).toBe("Range ('Jon''s Data'!F1) exceeds grid limits. Max rows: 50, max columns: 5");
    const r = await failure(
      h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1001:B1002' }),
    );
    expect(r.message).toBe('Range (Sheet1!A1001:B1002) exceeds grid limits. Max rows: 1000, max columns: 26');
  });

  it('an unknown spreadsheet → 404', async () => {
    const e = await failure(h.sheets.spreadsheets.values.get({ spreadsheetId: 'nope', range: 'A1' }));
    expect(e.status).toBe(404);
    expect(e.message).toBe('Requested entity was not found.');
  });
});

describe('named ranges', () => {
  it('resolves a named range, which wins over a sheet of the same name', async () => {
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            addNamedRange: {
              namedRange: {
                name: 'Sheet1',
                range: {
                  sheetId: 0,
                  startRowIndex: 1,
                  endRowIndex: 2,
                  startColumnIndex: 0,
                  endColumnIndex: 2,
                },
              },
            },
          },
          {
            addNamedRange: {
              namedRange: {
                name: 'Dau',
                range: {
                  sheetId: 0,
                  startRowIndex: 0,
                  endRowIndex: 1,
                  startColumnIndex: 0,
                  endColumnIndex: 1,
                },
              },
            },
          },
        ],
      },
    });
    const named = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1' });
    expect(named.data).toEqual({ range: 'Sheet1!A2:B2', majorDimension: 'ROWS', values: [['a2', 'b2']] });
    const dau = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Dau' });
    expect(dau.data.values).toEqual([['s1']]);
  });
});

describe('the first visible sheet', () => {
  it('a bare A1 range reads the first sheet that is not hidden', async () => {
    const other = await createSpreadsheet(h.sheets, {
      sheets: [{ properties: { title: 'Ẩn', hidden: true } }, { properties: { title: 'Hiện' } }],
    });
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: other,
      range: 'Hiện!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['thấy']] },
    });
    const got = await h.sheets.spreadsheets.values.get({ spreadsheetId: other, range: 'A1' });
    expect(got.data).toEqual({ range: "'Hiện'!A1", majorDimension: 'ROWS', values: [['thấy']] });
  });
});

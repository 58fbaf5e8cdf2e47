// USER_ENTERED parsing in the spreadsheet's locale (vi_VN, en_US) and rendering with number formats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../support/sheets-harness.js';
import { createSpreadsheet, startHarness, stopHarness } from '../../../support/sheets-harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await stopHarness(h);
});

type Row = {
  typed: string;
  unformatted: unknown;
  formatted: string;
  format?: { type: string; pattern: string };
};

async function roundTrip(locale: string, typed: string[]): Promise<Row[]> {
  const id = await createSpreadsheet(h.sheets, {
    properties: { title: locale, locale, timeZone: 'Asia/Ho_Chi_Minh' },
  });
  await h.sheets.spreadsheets.values.update({
    spreadsheetId: id,
    range: 'A1',
    valueInputOption: 'USER_ENTERED',
    requestBody: { values: typed.map((t) => [t]) },
  });
  const range = `A1:A${typed.length}`;
  const [u, f, grid] = await Promise.all([
    h.sheets.spreadsheets.values.get({ spreadsheetId: id, range, valueRenderOption: 'UNFORMATTED_VALUE' }),
    h.sheets.spreadsheets.values.get({ spreadsheetId: id, range }),
    h.sheets.spreadsheets.get({ spreadsheetId: id, ranges: [range], includeGridData: true }),
  ]);
  const cells = grid.data.sheets?.[0]?.data?.[0]?.rowData ?? [];
  return typed.map((t, i) => {
    const nf = cells[i]?.values?.[0]?.userEnteredFormat?.numberFormat;
    return {
      typed: t,
      unformatted: u.data.values?.[i]?.[0] as unknown,
      formatted: String(f.data.values?.[i]?.[0]),
      ...(nf ? { format: { type: nf.type ?? '', pattern: nf.pattern ?? '' } } : {}),
    };
  });
}

describe('vi_VN', () => {
  it('parses numbers with "." grouping and "," decimals, dd/MM/yyyy dates, percentages, booleans, text', async () => {
    const rows = await roundTrip('vi_VN', [
      '1.234,5',
      '1,5',
      '1.200',
      '42',
      '15/03/2024',
      '75%',
      'TRUE',
      "'0123",
      '5 buổi',
      '1.5',
      '31/02/2024',
    ]);
    expect(rows).toEqual([
      {
        typed: '1.234,5',
        unformatted: 1234.5,
        formatted: '1.234,5',
        format: { type: 'NUMBER', pattern: '#,##0.0' },
      },
      { typed: '1,5', unformatted: 1.5, formatted: '1,5' },
      { typed: '1.200', unformatted: 1200, formatted: '1.200', format: { type: 'NUMBER', pattern: '#,##0' } },
      { typed: '42', unformatted: 42, formatted: '42' },
      {
        typed: '15/03/2024',
        unformatted: 45366,
        formatted: '15/03/2024',
        format: { type: 'DATE', pattern: 'dd/MM/yyyy' },
      },
      { typed: '75%', unformatted: 0.75, formatted: '75%', format: { type: 'PERCENT', pattern: '0%' } },
      { typed: 'TRUE', unformatted: true, formatted: 'TRUE' },
      { typed: "'0123", unformatted: '0123', formatted: '0123' },
      { typed: '5 buổi', unformatted: '5 buổi', formatted: '5 buổi' },
      { typed: '1.5', unformatted: '1.5', formatted: '1.5' },
      { typed: '31/02/2024', unformatted: '31/02/2024', formatted: '31/02/2024' },
    ]);
  });

  it('renders a date with FORMATTED_STRING and a serial with SERIAL_NUMBER', async () => {
    const id = await createSpreadsheet(h.sheets, { properties: { locale: 'vi_VN' } });
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['01/01/1900', '15/03/2024 14:30:00', '1234567,891']] },
    });
    const s = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'A1:C1',
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(s.data.values?.[0]?.[0]).toBe(2);
    expect(s.data.values?.[0]?.[1]).toBeCloseTo(45366 + 14.5 / 24, 9);
    const f = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'A1:C1',
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'FORMATTED_STRING',
    });
    expect(f.data.values).toEqual([['01/01/1900', '15/03/2024 14:30:00', 1234567.891]]);
  });

  it('renders number formats set with repeatCell in the locale', async () => {
    const id = await createSpreadsheet(h.sheets, { properties: { locale: 'vi_VN' } });
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1',
      valueInputOption: 'RAW',
      requestBody: { values: [[1234567.891, 0.1234, 1500000]] },
    });
    const fmt = (col: number, type: string, pattern: string) => ({
      repeatCell: {
        range: {
          sheetId: 0,
          startRowIndex: 0,
          endRowIndex: 1,
          startColumnIndex: col,
          endColumnIndex: col + 1,
        },
        cell: { userEnteredFormat: { numberFormat: { type, pattern } } },
        fields: 'userEnteredFormat.numberFormat',
      },
    });
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [fmt(0, 'NUMBER', '#,##0.00'), fmt(1, 'PERCENT', '0.0%'), fmt(2, 'CURRENCY', '#,##0 [$₫]')],
      },
    });
    const got = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1:C1' });
    expect(got.data.values).toEqual([['1.234.567,89', '12,3%', '1.500.000 ₫']]);
  });
});

describe('en_US', () => {
  it('parses "," grouping, M/d/yyyy dates, currency; "1,5" stays text', async () => {
    const rows = await roundTrip('en_US', [
      '1,234.5',
      '1,5',
      '3/1/2016',
      '$20.50',
      '12.5%',
      '2024-03-15',
      '1e3',
      'false',
      '=1+2',
    ]);
    expect(rows).toEqual([
      {
        typed: '1,234.5',
        unformatted: 1234.5,
        formatted: '1,234.5',
        format: { type: 'NUMBER', pattern: '#,##0.0' },
      },
      { typed: '1,5', unformatted: '1,5', formatted: '1,5' },
      {
        typed: '3/1/2016',
        unformatted: 42430,
        formatted: '3/1/2016',
        format: { type: 'DATE', pattern: 'M/d/yyyy' },
      },
      {
        typed: '$20.50',
        unformatted: 20.5,
        formatted: '$20.50',
        format: { type: 'CURRENCY', pattern: '"$"#,##0.00' },
      },
      {
        typed: '12.5%',
        unformatted: 0.125,
        formatted: '12.50%',
        format: { type: 'PERCENT', pattern: '0.00%' },
      },
      {
        typed: '2024-03-15',
        unformatted: 45366,
        formatted: '2024-03-15',
        format: { type: 'DATE', pattern: 'yyyy-MM-dd' },
      },
      {
        typed: '1e3',
        unformatted: 1000,
        formatted: '1.00E+03',
        format: { type: 'SCIENTIFIC', pattern: '0.00E+00' },
      },
      { typed: 'false', unformatted: false, formatted: 'FALSE' },
      { typed: '=1+2', unformatted: 3, formatted: '3' },
    ]);
  });

  it('RAW stores text as typed, even formulas and numbers in text', async () => {
    const id = await createSpreadsheet(h.sheets);
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['=1+2', '1,234', "'x", 'TRUE']] },
    });
    const got = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'A1:D1',
      valueRenderOption: 'FORMULA',
    });
    expect(got.data.values).toEqual([['=1+2', '1,234', "'x", 'TRUE']]);
  });

  it('changing the locale changes how numbers render', async () => {
    const id = await createSpreadsheet(h.sheets);
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1',
      valueInputOption: 'RAW',
      requestBody: { values: [[1234.5]] },
    });
    expect((await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' })).data.values).toEqual([
      ['1234.5'],
    ]);
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [{ updateSpreadsheetProperties: { properties: { locale: 'vi_VN' }, fields: 'locale' } }],
      },
    });
    expect((await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' })).data.values).toEqual([
      ['1234,5'],
    ]);
  });

  it('keeps typed text in a cell formatted as plain text', async () => {
    const id = await createSpreadsheet(h.sheets, { properties: { locale: 'vi_VN' } });
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            repeatCell: {
              range: { sheetId: 0, startColumnIndex: 0, endColumnIndex: 1 },
              cell: { userEnteredFormat: { numberFormat: { type: 'TEXT' } } },
              fields: 'userEnteredFormat.numberFormat',
            },
          },
        ],
      },
    });
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1',
      valueInputOption: 'USER_ENTERED',
      requestBody: {
        values: [
          ['0123', '0123'],
          ['15/03/2024', '15/03/2024'],
        ],
      },
    });
    const got = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'A1:B2',
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(got.data.values).toEqual([
      ['0123', 123],
      ['15/03/2024', 45366],
    ]);
  });
});

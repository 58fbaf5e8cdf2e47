// The .xlsx export read back with exceljs: values, number formats, fills, fonts, merges, frozen panes, widths,
// notes and list validation.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSpreadsheet,
  startHarness,
  stopHarness,
  type Harness,
} from '../../../support/sheets-harness.js';

describe('.xlsx export', () => {
  let h: Harness;
  let id = '';
  let wb: ExcelJS.Workbook;
  let res: Response;

  beforeAll(async () => {
    h = await startHarness();
    id = await createSpreadsheet(h.sheets, {
      properties: { title: 'Báo cáo Quý I/2024', locale: 'vi_VN' },
      sheets: [
        { properties: { title: 'Báo cáo', sheetId: 1, gridProperties: { frozenRowCount: 1 } } },
        { properties: { title: 'Ẩn', sheetId: 2, hidden: true } },
      ],
    });
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'Báo cáo'!A1:D3",
      valueInputOption: 'USER_ENTERED',
      requestBody: {
        values: [
          ['Đơn vị', 'Số hội nghị', 'Ngày báo cáo', 'Đúng hạn?'],
          ['Mỹ Hòa', '1.234,5', '15/03/2024', 'Có'],
          ['Tổng', '=SUM(B2:B2)', '', ''],
        ],
      },
    });
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            repeatCell: {
              range: { sheetId: 1, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 4 },
              cell: {
                userEnteredFormat: {
                  backgroundColor: { red: 0.85, green: 0.85, blue: 0.85 },
                  textFormat: { bold: true, foregroundColor: { red: 1 } },
                },
              },
              fields: 'userEnteredFormat.backgroundColor,userEnteredFormat.textFormat',
            },
          },
          {
            updateBorders: {
              range: { sheetId: 1, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 1 },
              bottom: { style: 'SOLID_MEDIUM', color: { blue: 1 } },
            },
          },
          {
            mergeCells: {
              range: { sheetId: 1, startRowIndex: 2, endRowIndex: 3, startColumnIndex: 2, endColumnIndex: 4 },
              mergeType: 'MERGE_ALL',
            },
          },
          {
            updateCells: {
              range: { sheetId: 1, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 },
              rows: [{ values: [{ note: 'Số buổi, không ghi chữ' }] }],
              fields: 'note',
            },
          },
          {
            setDataValidation: {
              range: { sheetId: 1, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 3, endColumnIndex: 4 },
              rule: {
                condition: {
                  type: 'ONE_OF_LIST',
                  values: [{ userEnteredValue: 'Có' }, { userEnteredValue: 'Không' }],
                },
                strict: true,
                showCustomUi: true,
              },
            },
          },
          {
            updateDimensionProperties: {
              range: { sheetId: 1, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 },
              properties: { pixelSize: 215 },
              fields: 'pixelSize',
            },
          },
        ],
      },
    });
    res = await fetch(`${h.server.url}/__emulator/spreadsheets/${id}.xlsx`);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.clone().arrayBuffer());
  });
  afterAll(async () => stopHarness(h));

  it('is served as an .xlsx attachment', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Báo cáo Quý I/2024.xlsx')}`,
    );
  });

  it('keeps every sheet, hidden ones hidden', () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Báo cáo', 'visible'],
      ['Ẩn', 'hidden'],
    ]);
  });

  it('keeps values, number formats and formulas with their results', () => {
    const ws = wb.getWorksheet('Báo cáo')!;
    expect(ws.getCell('A2').value).toBe('Mỹ Hòa');
    expect(ws.getCell('B2').value).toBe(1234.5);
    expect(ws.getCell('B2').numFmt).toBe('#,##0.0');
    expect(ws.getCell('C2').value).toBeInstanceOf(Date);
    expect((ws.getCell('C2').value as Date).toISOString()).toBe('2024-03-15T00:00:00.000Z');
    expect(ws.getCell('C2').numFmt.toLowerCase()).toBe('dd/mm/yyyy');
    expect(ws.getCell('B3').value).toEqual({ formula: 'SUM(B2:B2)', result: 1234.5 });
  });

  it('keeps fills, fonts, borders, merges, the frozen header, widths, notes and list validation', () => {
    const ws = wb.getWorksheet('Báo cáo')!;
    expect(ws.getCell('A1').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFD9D9D9' },
    });
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FFFF0000' } });
    expect(ws.getCell('A2').border).toEqual({ bottom: { style: 'medium', color: { argb: 'FF0000FF' } } });
    expect(ws.getCell('D3').isMerged).toBe(true);
    expect(ws.getCell('D3').master.address).toBe('C3');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 0 });
    expect(ws.getColumn(1).width).toBeCloseTo(30, 0);
    const note = ws.getCell('B1').note;
    const text = typeof note === 'string' ? note : note.texts?.map((t) => t.text).join('');
    expect(text).toBe('Số buổi, không ghi chữ');
    expect(ws.getCell('D2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Có,Không"'],
      showErrorMessage: true,
    });
  });

  it('answers 404 for an unknown spreadsheet', async () => {
    expect((await fetch(`${h.server.url}/__emulator/spreadsheets/khong-co-dau.xlsx`)).status).toBe(404);
    expect(await h.server.xlsx('khong-co-dau')).toBeUndefined();
  });
});

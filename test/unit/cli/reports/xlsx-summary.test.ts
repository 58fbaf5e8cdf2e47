// The summary workbook: written to an .xlsx buffer, read back with exceljs — header merged, KPIs, the unit table
// with typed numbers, dates and Vietnamese-ready formats, officers' text as plain strings, totals, chase list.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSummaryModel } from '@theodoi/functions/domain/summary/index';
import { XLSX_FORMATS, summaryWorkbook, xlsxPositions } from '@theodoi/cli/reports/xlsx-summary';
import { broken, input, units, valid } from '../../../support/summary-fixtures.js';

const INJECTION = '=IMPORTXML("http://x","//a")';
const model = buildSummaryModel(
  input('2024-03-20T02:00:00Z', {
    NV: valid('2024-03-11T02:00:00Z', {
      hoi_nghi: 3,
      tham_du: 1_200,
      ty_le: 0.5,
      trang_thai: 'Đang thực hiện',
      kinh_phi: 1_500_000,
      nguoi: INJECTION,
      ngay: '2024-03-10',
    }),
    TP: broken(1, { at: '2024-03-11T03:00:00Z', values: { hoi_nghi: 2, tham_du: 940, ty_le: 1 } }),
    '30049': valid('2024-03-20T01:00:00Z', {
      hoi_nghi: 1,
      tham_du: 35,
      kinh_phi: 250_000,
      mo_hinh: 'Mô hình A',
    }),
  }),
);
const pos = xlsxPositions(model);

describe('the summary workbook (.xlsx)', () => {
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    const buffer = await summaryWorkbook(model).xlsx.writeBuffer();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer);
    sheet = book.getWorksheet('Tổng hợp')!;
  });

  it('has the header lines merged across the table and frozen above the unit table', () => {
    expect(sheet.getCell('A1').value).toBe(model.header.title);
    expect(sheet.getCell('A4').value).toBe('Cập nhật lúc 09:00 ngày 20/03/2024');
    const last = sheet.getColumn(pos.columnCount).letter;
    expect(sheet.model.merges).toEqual(expect.arrayContaining([`A1:${last}1`, `A2:${last}2`]));
    // Merged: the last cell of the title row is part of A1's merge.
    expect(sheet.getCell(`${last}1`).isMerged).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: pos.tableHeader });
    expect(sheet.getColumn(3).width).toBe(30);
  });

  it('has the KPIs as numbers, the share as a percentage', () => {
    expect(sheet.getRow(pos.kpiHeader + 1).values).toEqual([undefined, 4, 3, 0.75, 2, 1, 1, 1, 1]);
    expect(sheet.getCell(pos.kpiHeader + 1, 3).numFmt).toBe(XLSX_FORMATS.percent);
  });

  it('lists every unit with typed figures under Vietnamese-ready number formats', () => {
    expect(sheet.getRow(pos.tableHeader).values).toEqual([
      undefined,
      'STT',
      'Nhóm đơn vị',
      'Đơn vị',
      'Tình hình báo cáo',
      'Ngày báo cáo',
      ...model.figures.map((f) => f.header),
    ]);
    const names = units.map((_, i) => sheet.getCell(pos.unitRows[i]!, 3).value);
    expect(names).toEqual(units.map((u) => u.name));
    const nv = sheet.getRow(pos.firstUnitRow);
    expect(nv.getCell(4).value).toBe('Đã báo cáo đúng hạn');
    expect(nv.getCell(5).value).toEqual(new Date(Date.UTC(2024, 2, 11)));
    expect(nv.getCell(5).numFmt).toBe('dd/mm/yyyy');
    expect([6, 7, 8, 11].map((c) => nv.getCell(c).value)).toEqual([3, 1_200, 0.5, 1_500_000]);
    expect([6, 7, 8, 11].map((c) => nv.getCell(c).numFmt)).toEqual(['#,##0', '#,##0', '0.0%', '#,##0']);
    // The officer's formula-looking text is a plain string cell, not a formula.
    expect(nv.getCell(12).value).toBe(INJECTION);
    expect(nv.getCell(12).type).toBe(ExcelJS.ValueType.String);
    expect(nv.getCell(13).value).toEqual(new Date(Date.UTC(2024, 2, 10)));
    expect(nv.getCell(13).numFmt).toBe('dd/mm/yyyy');
  });

  it('has the totals row by each rule, merged over the fixed columns', () => {
    const totals = sheet.getRow(pos.totalsRow);
    expect(totals.getCell(1).value).toBe('Tổng cộng');
    expect(sheet.model.merges).toContain(`A${pos.totalsRow}:E${pos.totalsRow}`);
    expect([6, 7, 8, 9, 10, 11].map((c) => totals.getCell(c).value)).toEqual([
      6,
      2_175,
      0.75,
      1,
      'Mô hình A',
      1_750_000,
    ]);
    expect(totals.getCell(7).numFmt).toBe('#,##0');
  });

  it('closes each khối with its subtotal: its reported count and its figures by each rule', () => {
    // Phòng Nội vụ and Phòng Tư pháp, then the two xã.
    expect(pos.subtotalRows).toEqual([pos.firstUnitRow + 2, pos.firstUnitRow + 5]);
    const [banNganh, xa] = pos.subtotalRows.map((r) => sheet.getRow(r));
    expect(banNganh!.getCell(1).value).toBe('Cộng: Các ban, ngành thuộc UBND huyện');
    expect(sheet.model.merges).toContain(`A${pos.subtotalRows[0]}:C${pos.subtotalRows[0]}`);
    expect(banNganh!.getCell(4).value).toBe('Đã báo cáo 2/2');
    expect([6, 7, 8, 11].map((c) => banNganh!.getCell(c).value)).toEqual([5, 2_140, 0.75, 1_500_000]);
    expect(banNganh!.getCell(8).numFmt).toBe('0.0%');
    expect(xa!.getCell(1).value).toBe('Cộng: UBND các xã, thị trấn');
    expect(xa!.getCell(4).value).toBe('Đã báo cáo 1/2');
    expect([6, 7, 10, 11].map((c) => xa!.getCell(c).value)).toEqual([1, 35, 'Mô hình A', 250_000]);
  });

  it('lists the units to chase and ends with the draft paragraph', () => {
    expect(sheet.getCell(pos.chaseHeading, 1).value).toBe('ĐƠN VỊ CẦN ĐÔN ĐỐC (2)');
    expect(sheet.getCell(pos.chaseHeading + 2, 2).value).toBe('UBND xã Mỹ Hòa');
    expect(sheet.getCell(pos.chaseHeading + 2, 5).value).toBe('0277 3835 255');
    expect(sheet.getCell(pos.chaseHeading + 3, 2).value).toBe('Phòng Tư pháp');
    expect(sheet.getCell(pos.paragraph, 1).value).toBe(model.paragraph);
  });
});

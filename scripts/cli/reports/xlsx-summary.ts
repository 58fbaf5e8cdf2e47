/** summaryWorkbook: the Tổng hợp of one period as an .xlsx (exceljs), values only, Vietnamese formats; pure. */
import ExcelJS from 'exceljs';
import { isNumericType } from '@theodoi/sheets-schema/template-format';
import { toVietnamDateTime, type IsoDate } from '@theodoi/functions/domain/calendar/iso-date';
import type { FigureColumn, FigureTotal, SummaryModel } from '@theodoi/functions/domain/summary/model';
import { officialReport, summary as msg } from '@theodoi/functions/messages.vi';
import { tableRows } from '@theodoi/functions/sheets/layout/summary-tab';

/** Excel number formats; a vi-VN Excel or LibreOffice shows them with "." for thousands and "," for decimals. */
export const XLSX_FORMATS = {
  integer: '#,##0',
  decimal: '#,##0.##',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
} as const;

const HEADER_FILL = 'FFD9E2F3';
const TOTAL_FILL = 'FFF2F2F2';
const SUBTOTAL_FILL = 'FFF7F7ED';
const STATUS_FILLS: Record<string, string> = {
  'chua-den-han': 'FFE6E6E6',
  'sap-den-han': 'FFFFEDB3',
  'dung-han': 'FFCCEBCC',
  'tre-han': 'FFFCD6A8',
  'qua-han': 'FFF09999',
  'co-loi': 'FFFACCDB',
};
const FIXED_COLUMNS = [
  { header: msg.columns.stt, width: 6 },
  { header: msg.columns.group, width: 26 },
  { header: msg.columns.unit, width: 30 },
  { header: msg.columns.status, width: 34 },
  { header: msg.columns.reportedOn, width: 13 },
] as const;

/** Where the blocks of the sheet are (1-based rows), for readers and tests. */
export interface XlsxPositions {
  kpiHeader: number;
  tableHeader: number;
  firstUnitRow: number;
  /** The row of each of `model.rows`, in order. */
  unitRows: number[];
  /** The subtotal row of each of `model.groups`; none when the table has one group. */
  subtotalRows: number[];
  totalsRow: number;
  chaseHeading: number;
  paragraph: number;
  columnCount: number;
}

/** The positions of every block for a model. */
export function xlsxPositions(model: SummaryModel): XlsxPositions {
  const tableHeader = 9;
  const { unitRows, subtotalRows, end: totalsRow } = tableRows(model, tableHeader + 1);
  const chaseHeading = totalsRow + 2;
  const chaseEnd = chaseHeading + 1 + (model.chase.length ? 1 + model.chase.length : 1);
  return {
    kpiHeader: 6,
    tableHeader,
    firstUnitRow: tableHeader + 1,
    unitRows,
    subtotalRows,
    totalsRow,
    chaseHeading,
    paragraph: chaseEnd + 2,
    columnCount: Math.max(8, FIXED_COLUMNS.length + model.figures.length),
  };
}

/** The Excel number format of a key figure column (or of its total, by the total's rule). */
export function xlsxFigureFormat(column: Pick<FigureColumn, 'type'>, rule?: FigureTotal['rule']): string {
  if (rule === 'count') return XLSX_FORMATS.integer;
  if (column.type === 'percent') return XLSX_FORMATS.percent;
  if (column.type === 'decimal' || rule === 'average') return XLSX_FORMATS.decimal;
  return XLSX_FORMATS.integer;
}

/** A Vietnam day as a date Excel stores without a time-zone shift (exceljs writes Dates as UTC serials). */
export function excelDate(day: IsoDate): Date {
  const d = toVietnamDateTime(day);
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

/** Thin borders on every side of a cell. */
export const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
};
/** A solid fill of colour `argb`. */
export const fill = (argb: string): ExcelJS.Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb },
});

function styleHeader(row: ExcelJS.Row, count: number): void {
  for (let c = 1; c <= count; c += 1) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.fill = fill(HEADER_FILL);
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = thin;
  }
}

/**
 * The workbook of one period's summary: the header lines (merged across the table), the KPIs, the per-unit table
 * with numbers and dates as typed values under Vietnamese formats, the "Tổng cộng" row, the units to chase and the
 * draft paragraph. Everything officers typed is a plain string cell (never a formula). Header frozen.
 */
export function summaryWorkbook(model: SummaryModel): ExcelJS.Workbook {
  const pos = xlsxPositions(model);
  const book = new ExcelJS.Workbook();
  book.creator = 'theodoi';
  book.created = model.generatedAt;
  const sheet = book.addWorksheet(officialReport.xlsx.sheet, {
    views: [{ state: 'frozen', ySplit: pos.tableHeader, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = Array.from({ length: pos.columnCount }, (_, i) => ({
    width: FIXED_COLUMNS[i]?.width ?? 16,
  }));
  const lastColumn = sheet.getColumn(pos.columnCount).letter;
  const mergedLine = (row: number, value: string, font: Partial<ExcelJS.Font>, height?: number) => {
    sheet.mergeCells(`A${row}:${lastColumn}${row}`);
    const cell = sheet.getCell(`A${row}`);
    cell.value = value;
    cell.font = font;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (height) sheet.getRow(row).height = height;
  };
  const { header } = model;
  mergedLine(1, header.title, { bold: true, size: 14 }, 24);
  mergedLine(2, header.directiveLine, {}, 32);
  mergedLine(3, header.periodLine, {});
  mergedLine(4, header.updatedLine, { italic: true });

  const k = model.kpis;
  const kpiHeader = sheet.getRow(pos.kpiHeader);
  kpiHeader.values = [msg.statusTotal, ...officialReport.xlsx.kpiHeader];
  styleHeader(kpiHeader, 8);
  const kpiValues = sheet.getRow(pos.kpiHeader + 1);
  kpiValues.values = [
    k.total,
    k.reported,
    k.reportedShare,
    k.onTime,
    k.late,
    k.notReported,
    k.overdue,
    k.withErrors,
  ];
  for (let c = 1; c <= 8; c += 1) {
    const cell = kpiValues.getCell(c);
    cell.numFmt = c === 3 ? XLSX_FORMATS.percent : XLSX_FORMATS.integer;
    cell.alignment = { horizontal: 'center' };
    cell.border = thin;
  }

  const tableHeader = sheet.getRow(pos.tableHeader);
  tableHeader.values = [...FIXED_COLUMNS.map((c) => c.header), ...model.figures.map((f) => f.header)];
  styleHeader(tableHeader, FIXED_COLUMNS.length + model.figures.length);
  tableHeader.height = 45;
  const firstFigure = FIXED_COLUMNS.length + 1;
  model.rows.forEach((unit, i) => {
    const row = sheet.getRow(pos.unitRows[i]!);
    row.getCell(1).value = unit.stt;
    row.getCell(2).value = unit.groupName;
    row.getCell(3).value = unit.unitName;
    row.getCell(4).value = unit.statusText;
    row.getCell(4).fill = fill(STATUS_FILLS[unit.status.code] ?? TOTAL_FILL);
    if (unit.reportedOn) {
      row.getCell(5).value = excelDate(unit.reportedOn);
      row.getCell(5).numFmt = XLSX_FORMATS.date;
    }
    model.figures.forEach((f, j) => {
      const cell = row.getCell(firstFigure + j);
      const value = unit.figures[j] ?? null;
      if (value === null) return;
      if (typeof value === 'number' && isNumericType(f.type)) {
        cell.value = value;
        cell.numFmt = xlsxFigureFormat(f);
      } else if (typeof value === 'string' && f.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        cell.value = excelDate(value);
        cell.numFmt = XLSX_FORMATS.date;
      } else {
        // Officers' text stays a string cell: exceljs writes formulas only from { formula } values.
        cell.value = typeof value === 'boolean' ? (value ? 'Có' : 'Không') : String(value);
      }
    });
    for (let c = 1; c <= FIXED_COLUMNS.length + model.figures.length; c += 1) {
      row.getCell(c).border = thin;
      row.getCell(c).alignment = {
        wrapText: true,
        vertical: 'middle',
        ...(c === 1 ? { horizontal: 'center' } : {}),
      };
    }
  });

  const totalsLine = (
    rowNumber: number,
    labelSpan: number,
    labels: readonly string[],
    totals: readonly (FigureTotal | undefined)[],
    background: string,
  ) => {
    const row = sheet.getRow(rowNumber);
    sheet.mergeCells(rowNumber, 1, rowNumber, labelSpan);
    labels.forEach((label, i) => {
      if (label) row.getCell(i === 0 ? 1 : labelSpan + i).value = label;
    });
    row.getCell(1).alignment = { horizontal: labelSpan === FIXED_COLUMNS.length ? 'center' : 'left' };
    model.figures.forEach((f, j) => {
      const total = totals[j];
      const cell = row.getCell(firstFigure + j);
      if (!total || total.value === null) return;
      cell.value = total.value;
      if (typeof total.value === 'number') cell.numFmt = xlsxFigureFormat(f, total.rule);
      else cell.alignment = { wrapText: true, vertical: 'top' };
    });
    for (let c = 1; c <= FIXED_COLUMNS.length + model.figures.length; c += 1) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      cell.fill = fill(background);
      cell.border = thin;
    }
  };
  // Each khối's subtotal: its name over STT, khối and unit, its reported count under the status.
  model.groups.forEach((group, g) => {
    const rowNumber = pos.subtotalRows[g];
    if (rowNumber === undefined) return;
    totalsLine(
      rowNumber,
      3,
      [msg.subtotalRow(group.name), msg.groupReported(group.kpis.reported, group.kpis.total)],
      group.totals,
      SUBTOTAL_FILL,
    );
  });
  totalsLine(pos.totalsRow, FIXED_COLUMNS.length, [msg.totalRow], model.totals, TOTAL_FILL);

  mergedLine(pos.chaseHeading, msg.chaseHeading(model.chase.length), { bold: true });
  if (model.chase.length === 0) {
    mergedLine(pos.chaseHeading + 1, msg.chaseNone, { italic: true });
  } else {
    const chaseHeader = sheet.getRow(pos.chaseHeading + 1);
    chaseHeader.values = [...officialReport.xlsx.chaseColumns];
    styleHeader(chaseHeader, officialReport.xlsx.chaseColumns.length);
    model.chase.forEach((item, i) => {
      const row = sheet.getRow(pos.chaseHeading + 2 + i);
      row.values = [
        i + 1,
        item.unitName,
        item.statusText,
        item.person ?? msg.noContact,
        item.phone ?? '',
        item.email ?? '',
      ];
      row.getCell(3).fill = fill(STATUS_FILLS[item.status.code] ?? TOTAL_FILL);
      for (let c = 1; c <= officialReport.xlsx.chaseColumns.length; c += 1) {
        row.getCell(c).border = thin;
        row.getCell(c).alignment = { wrapText: true, vertical: 'middle' };
      }
    });
  }

  mergedLine(pos.paragraph - 1, msg.paragraphHeading, { bold: true });
  mergedLine(pos.paragraph, model.paragraph, {}, Math.max(30, 15 * Math.ceil(model.paragraph.length / 140)));
  return book;
}

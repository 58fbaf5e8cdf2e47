/**
 * evaluationWorkbook: the evaluation as an .xlsx (exceljs): one line per unit grouped by khối with its tally, score,
 * grade and ranks; each line links to the unit's figures per directive, which link to the directives' spreadsheets.
 */
import ExcelJS from 'exceljs';
import type { EvaluationModel, EvaluationRow, Tally } from '@theodoi/functions/domain/evaluation/index';
import { evaluation as table } from '@theodoi/functions/messages.vi';
import { evaluationFiles as msg } from '../messages.vi.js';
import {
  cellValue,
  partHeading,
  partSpans,
  scoreText,
  EVALUATION_COLUMNS,
  type EvaluationColumn,
} from '@theodoi/functions/domain/evaluation/table';
import { asOfLine, evaluationNotes, evaluationTitle } from '@theodoi/functions/domain/evaluation/notes';
import { excelDate, fill, thin, XLSX_FORMATS } from './xlsx-summary.js';

const HEADER_FILL = 'FFD9E2F3';
const GROUP_FILL = 'FFEDEDED';
const TOTAL_FILL = 'FFF2F2F2';
const SCORE_FORMAT = '0.0#';
const WIDTHS: Partial<Record<EvaluationColumn['kind'], number>> = {
  stt: 6,
  unit: 30,
  score: 9,
  grade: 13,
  notes: 40,
  directives: 12,
};

/** Where the blocks of the main sheet are (1-based rows), for readers and tests. */
export interface EvaluationPositions {
  /** The two header rows: part headings, then column headers. */
  headerRows: [number, number];
  firstBodyRow: number;
  /** Each unit's row, by code. */
  unitRows: Map<string, number>;
  /** Each group's "Cộng" row, by group id. */
  groupTotalRows: Map<string, number>;
  totalRow: number;
  firstNoteRow: number;
}

/** The positions of every block for a model. */
export function evaluationPositions(model: EvaluationModel): EvaluationPositions {
  const headerRows: [number, number] = [5, 6];
  const unitRows = new Map<string, number>();
  const groupTotalRows = new Map<string, number>();
  let row = headerRows[1] + 1;
  for (const group of model.groups) {
    row += 1; // the group's heading
    for (const unit of group.rows) unitRows.set(unit.unitCode, row++);
    groupTotalRows.set(group.id, row++);
  }
  return {
    headerRows,
    firstBodyRow: headerRows[1] + 1,
    unitRows,
    groupTotalRows,
    totalRow: row,
    firstNoteRow: row + 2,
  };
}

/** The first row of each unit's block on the details sheet. */
function detailRows(model: EvaluationModel): Map<string, number> {
  const rows = new Map<string, number>();
  let next = 2;
  for (const unit of model.groups.flatMap((g) => g.rows)) {
    if (unit.byDirective.length === 0) continue;
    rows.set(unit.unitCode, next);
    next += unit.byDirective.length;
  }
  return rows;
}

const sheetRef = (title: string, row: number) => `#'${title}'!A${row}`;

function writeTotals(row: ExcelJS.Row, label: string, tally: Tally, average: number | null): void {
  row.getCell(2).value = label;
  EVALUATION_COLUMNS.forEach((col, i) => {
    const cell = row.getCell(i + 1);
    if (col.kind === 'count') cell.value = tally[col.key];
    if (col.kind === 'score' && average !== null) {
      cell.value = average;
      cell.numFmt = SCORE_FORMAT;
      cell.note = table.averageScore(scoreText(average));
    }
    cell.font = { bold: true };
    cell.fill = fill(TOTAL_FILL);
    cell.border = thin;
  });
}

function writeUnit(row: ExcelJS.Row, unit: EvaluationRow, detailRow: number | undefined): void {
  EVALUATION_COLUMNS.forEach((col, i) => {
    const cell = row.getCell(i + 1);
    const value = cellValue(col, unit);
    if (col.kind === 'directives' && value !== null && detailRow !== undefined)
      cell.value = { text: String(value), hyperlink: sheetRef(msg.sheets.details, detailRow) };
    else if (value !== null) cell.value = value;
    if (col.kind === 'score') cell.numFmt = SCORE_FORMAT;
    if (col.kind === 'count' || col.kind === 'rank' || col.kind === 'groupRank')
      cell.numFmt = XLSX_FORMATS.integer;
    cell.border = thin;
    cell.alignment = {
      vertical: 'middle',
      wrapText: true,
      ...(col.kind === 'unit' || col.kind === 'notes' ? {} : { horizontal: 'center' }),
    };
  });
  if (unit.score === null)
    row.getCell(EVALUATION_COLUMNS.findIndex((c) => c.kind === 'grade') + 1).font = { italic: true };
}

function unitsSheet(book: ExcelJS.Workbook, model: EvaluationModel): void {
  const pos = evaluationPositions(model);
  const details = detailRows(model);
  const sheet = book.addWorksheet(msg.sheets.units, {
    views: [{ state: 'frozen', ySplit: pos.headerRows[1], xSplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = EVALUATION_COLUMNS.map((col) => ({ width: WIDTHS[col.kind] ?? 11 }));
  const last = EVALUATION_COLUMNS.length;
  const line = (r: number, text: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(r, 1, r, last);
    const cell = sheet.getCell(r, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: 'center', wrapText: true };
  };
  line(1, evaluationTitle(model), { bold: true, size: 14 });
  line(2, table.subtitle(model.organisationName), { bold: true });
  line(3, asOfLine(model), { italic: true });

  const [top, bottom] = pos.headerRows;
  for (const { part, start, span } of partSpans(EVALUATION_COLUMNS)) {
    const heading = partHeading(part);
    if (heading === undefined) {
      sheet.mergeCells(top, start + 1, bottom, start + 1);
      sheet.getCell(top, start + 1).value = EVALUATION_COLUMNS[start]!.header;
    } else {
      sheet.mergeCells(top, start + 1, top, start + span);
      sheet.getCell(top, start + 1).value = heading;
      for (let i = start; i < start + span; i += 1)
        sheet.getCell(bottom, i + 1).value = EVALUATION_COLUMNS[i]!.header;
    }
  }
  for (const r of [top, bottom])
    for (let col = 1; col <= last; col += 1) {
      const cell = sheet.getCell(r, col);
      cell.font = { bold: true };
      cell.fill = fill(HEADER_FILL);
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      cell.border = thin;
    }
  sheet.getRow(bottom).height = 48;

  for (const group of model.groups) {
    const first = pos.unitRows.get(group.rows[0]!.unitCode)!;
    sheet.mergeCells(first - 1, 1, first - 1, last);
    const heading = sheet.getCell(first - 1, 1);
    heading.value = `${group.numeral}. ${group.name}`;
    heading.font = { bold: true };
    heading.fill = fill(GROUP_FILL);
    for (const unit of group.rows)
      writeUnit(sheet.getRow(pos.unitRows.get(unit.unitCode)!), unit, details.get(unit.unitCode));
    writeTotals(
      sheet.getRow(pos.groupTotalRows.get(group.id)!),
      table.groupTotal,
      group.tally,
      group.averageScore,
    );
  }
  writeTotals(sheet.getRow(pos.totalRow), table.total, model.totals, model.averageScore);

  sheet.getCell(pos.firstNoteRow, 1).value = table.notesHeading;
  sheet.getCell(pos.firstNoteRow, 1).font = { bold: true, italic: true };
  evaluationNotes(model).forEach((note, i) => line(pos.firstNoteRow + 1 + i, note, {}));
  for (let i = 0; i <= evaluationNotes(model).length; i += 1)
    sheet.getCell(pos.firstNoteRow + i, 1).alignment = {
      wrapText: true,
      horizontal: 'left',
      vertical: 'top',
    };
}

const DETAIL_COUNTS = [
  'reportsDue',
  'reportsOnTime',
  'reportsLate',
  'reportsLateWorkingDays',
  'reportsMissing',
  'tasksDue',
  'tasksOnTime',
  'tasksLate',
  'tasksOverdue',
  'corrected',
  'extended',
] as const;

function detailsSheet(book: ExcelJS.Workbook, model: EvaluationModel): void {
  const sheet = book.addWorksheet(msg.sheets.details, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const d = msg.detailColumns;
  sheet.columns = [
    { width: 30 },
    { width: 16 },
    { width: 48 },
    ...DETAIL_COUNTS.map(() => ({ width: 11 })),
    { width: 14 },
  ];
  const header = sheet.getRow(1);
  header.values = [
    table.columns.unit,
    d.directive,
    d.subject,
    ...DETAIL_COUNTS.map((k) => table.columns[k]),
    d.link,
  ];
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = fill(HEADER_FILL);
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = thin;
  });
  header.height = 48;
  const directives = new Map(model.directives.map((x) => [x.id, x]));
  const back = evaluationPositions(model).unitRows;
  let r = 2;
  for (const unit of model.groups.flatMap((g) => g.rows))
    for (const { directiveId, tally } of unit.byDirective) {
      const directive = directives.get(directiveId)!;
      const row = sheet.getRow(r++);
      row.getCell(1).value = {
        text: unit.unitName,
        hyperlink: sheetRef(msg.sheets.units, back.get(unit.unitCode)!),
      };
      row.getCell(2).value = directive.number ?? `${msg.noNumber} ${directive.id}`;
      row.getCell(3).value = directive.subject;
      DETAIL_COUNTS.forEach((k, i) => {
        row.getCell(4 + i).value = tally[k];
      });
      row.getCell(4 + DETAIL_COUNTS.length).value = { text: msg.open, hyperlink: directive.spreadsheetUrl };
      row.eachCell((cell) => {
        cell.border = thin;
        cell.alignment = { wrapText: true, vertical: 'middle' };
      });
    }
}

function directivesSheet(book: ExcelJS.Workbook, model: EvaluationModel): void {
  const sheet = book.addWorksheet(msg.sheets.directives, { views: [{ state: 'frozen', ySplit: 1 }] });
  const d = msg.detailColumns;
  sheet.columns = [{ width: 6 }, { width: 18 }, { width: 13 }, { width: 60 }, { width: 16 }, { width: 16 }];
  sheet.getRow(1).values = [table.columns.stt, d.directive, d.date, d.subject, d.status, d.link];
  sheet.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = fill(HEADER_FILL);
    cell.border = thin;
  });
  model.directives.forEach((directive, i) => {
    const row = sheet.getRow(2 + i);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = directive.number ?? msg.noNumber;
    if (directive.date) {
      row.getCell(3).value = excelDate(directive.date);
      row.getCell(3).numFmt = XLSX_FORMATS.date;
    }
    row.getCell(4).value = directive.subject;
    row.getCell(5).value = msg.directiveStatus[directive.status];
    row.getCell(6).value = { text: msg.open, hyperlink: directive.spreadsheetUrl };
    row.eachCell((cell) => {
      cell.border = thin;
      cell.alignment = { wrapText: true, vertical: 'middle' };
    });
  });
}

/**
 * The evaluation workbook: "Đánh giá đơn vị" (title, as-of line, two header rows under the parts "Chế độ báo cáo",
 * "Nhiệm vụ được giao", "Theo dõi, sửa lỗi", "Kết quả"; per khối a heading, its units and a "Cộng" row with the
 * group's average score; "Tổng cộng"; the notes), "Chi tiết theo văn bản" (each unit's figures per directive, linked
 * to the directive's spreadsheet; each unit's line on the first sheet links to its block) and "Văn bản".
 */
export function evaluationWorkbook(model: EvaluationModel): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'theodoi';
  book.created = model.generatedAt;
  unitsSheet(book, model);
  detailsSheet(book, model);
  directivesSheet(book, model);
  return book;
}

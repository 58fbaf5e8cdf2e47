/**
 * The official report's annex (Decree 30/2020 "Phụ lục"): the per-unit table on A4 landscape, khối by khối with a
 * subtotal under each, its columns sized to what they hold so that no date, amount or word breaks. Pure.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { vietnamTime } from '@theodoi/functions/domain/summary/header';
import type { FigureColumn, FigureTotal, SummaryModel } from '@theodoi/functions/domain/summary/model';
import { formatViDate } from '@theodoi/functions/domain/values/display';
import { romanNumeral } from '@theodoi/functions/domain/values/numerals';
import { officialReport as msg, summary as sum } from '@theodoi/functions/messages.vi';
import { hasSubtotals } from '@theodoi/functions/sheets/layout/summary-tab';
import { ANNEX_SECTION_PAGE, ANNEX_TEXT_WIDTH, REPORT_FONT } from './decree30-page.js';
import { figureCellText, totalCellText } from './figure-cells.js';
import { draftMonthYear, type ReportContext } from './report-context.js';
import { textWidth, widestWord } from './text-width.js';

/** Table font sizes tried in turn (half-points: 11 pt down to 8 pt) until every column's widest word fits. */
export const ANNEX_TABLE_SIZES = [22, 20, 18, 16] as const;
/** Left and right padding inside each cell, in twips. */
export const ANNEX_CELL_MARGIN = 60;
/** Room kept beyond a cell's measured text (twips): Word's rounding and the cell's borders. */
const SLACK = 40;
const HEADING_SIZE = 26;
/** A column header may wrap onto this many lines before its column asks for more room. */
const HEADER_LINES = 3;

/** One cell of the annex's table, before it is laid out. */
export interface AnnexCell {
  text: string;
  bold?: boolean;
  align: 'left' | 'center' | 'right';
  /** Columns the cell spans (1 when absent). */
  span?: number;
  shade?: boolean;
}

/** One row of the annex's table. */
export interface AnnexRow {
  cells: AnnexCell[];
  header?: boolean;
}

/** Money reads "1.500.000 đồng": kept on one line by a non-breaking space, so an amount never splits. */
function keepTogether(column: Pick<FigureColumn, 'type'>, text: string): string {
  return column.type === 'money' ? text.replace(/ /g, '\u00a0') : text;
}

function figureAlign(column: FigureColumn, rule?: FigureTotal['rule']): AnnexCell['align'] {
  if (rule === 'list') return 'left';
  return column.type === 'text' || column.type === 'longText' || column.type === 'enum' ? 'left' : 'right';
}

/** A subtotal or total line: its label over `labelSpan` columns, then the status count, then the figures. */
function totalsRow(
  model: SummaryModel,
  label: string,
  labelSpan: number,
  reported: string | null,
  totals: readonly FigureTotal[],
): AnnexRow {
  const cells: AnnexCell[] = [{ text: label, bold: true, align: 'left', span: labelSpan, shade: true }];
  if (reported !== null) {
    cells.push({ text: reported, bold: true, align: 'left', shade: true });
    cells.push({ text: '', align: 'center', shade: true });
  }
  model.figures.forEach((f, j) => {
    const total = totals[j];
    cells.push({
      text: keepTogether(f, totalCellText(f, total)),
      bold: true,
      align: figureAlign(f, total?.rule),
      shade: true,
    });
  });
  return { cells };
}

/** The annex's rows: the header, then per khối its heading, its units and its subtotal, then "Tổng cộng". */
export function annexRows(model: SummaryModel): AnnexRow[] {
  const c = sum.columns;
  const columnCount = 4 + model.figures.length;
  const header: AnnexRow = {
    header: true,
    cells: [c.stt, c.unit, c.status, c.reportedOn, ...model.figures.map((f) => f.header)].map((text) => ({
      text,
      bold: true,
      align: 'center',
    })),
  };
  const unitRow = (i: number): AnnexRow => {
    const row = model.rows[i]!;
    return {
      cells: [
        { text: String(row.stt), align: 'center' },
        { text: row.unitName, align: 'left' },
        { text: row.statusText, align: 'left' },
        { text: row.reportedOn ? formatViDate(row.reportedOn) : '', align: 'center' },
        ...model.figures.map((f, j) => ({
          text: keepTogether(f, figureCellText(f, row.figures[j] ?? null)),
          align: figureAlign(f),
        })),
      ],
    };
  };
  const grouped = hasSubtotals(model);
  const body = model.groups.flatMap((group, g) => {
    const units = Array.from({ length: group.rowCount }, (_, i) => unitRow(group.firstRow + i));
    if (!grouped) return units;
    return [
      {
        cells: [
          {
            text: msg.groupHeading(romanNumeral(g + 1), group.name),
            bold: true,
            align: 'left' as const,
            span: columnCount,
          },
        ],
      },
      ...units,
      totalsRow(
        model,
        msg.groupTotal,
        2,
        sum.groupReported(group.kpis.reported, group.kpis.total),
        group.totals,
      ),
    ];
  });
  return [header, ...body, totalsRow(model, sum.totalRow, 4, null, model.totals)];
}

/** Each cell's column range in a row, from the spans of the cells before it. */
function placed(row: AnnexRow): { cell: AnnexCell; start: number; span: number }[] {
  let start = 0;
  return row.cells.map((cell) => {
    const span = cell.span ?? 1;
    const at = { cell, start, span };
    start += span;
    return at;
  });
}

const room = (text: number) => text + 2 * ANNEX_CELL_MARGIN + SLACK;

/**
 * What each column must hold at `size`: `min`, its widest word (a column narrower than that breaks a word), and
 * `want`, its longest line. Cells spanning several columns ask their columns together, afterwards.
 */
function needs(rows: readonly AnnexRow[], columnCount: number, size: number) {
  const min = Array.from({ length: columnCount }, () => room(0));
  const want = [...min];
  for (const row of rows) {
    for (const { cell, start, span } of placed(row)) {
      if (span !== 1 || !cell.text) continue;
      min[start] = Math.max(min[start]!, room(widestWord(cell.text, size, cell.bold)));
      // A value would rather stand on one line; a header may take up to HEADER_LINES lines.
      const line = longestLine(cell.text, size, cell.bold);
      want[start] = Math.max(want[start]!, room(row.header ? Math.ceil(line / HEADER_LINES) : line));
    }
  }
  return { min, want };
}

function longestLine(text: string, size: number, bold?: boolean): number {
  return Math.max(0, ...text.split('\n').map((line) => textWidth(line, size, bold)));
}

/** Widens the columns under a spanning cell whose widest word would not fit them (the widest column takes it). */
function fitSpans(rows: readonly AnnexRow[], widths: number[], size: number): void {
  for (const row of rows) {
    for (const { cell, start, span } of placed(row)) {
      if (span === 1 || !cell.text) continue;
      const columns = widths.slice(start, start + span);
      const short = room(widestWord(cell.text, size, cell.bold)) - columns.reduce((a, b) => a + b, 0);
      if (short > 0) {
        const widest = start + columns.indexOf(Math.max(...columns));
        widths[widest] = widths[widest]! + short;
      }
    }
  }
}

/**
 * The columns' widths (twips) and the table's font size: the largest size at which every column holds its widest
 * word within `available`; the room left goes to the columns whose lines are longest, up to their longest line,
 * and what still remains is shared in proportion, so the table spans the page.
 */
export function annexColumnWidths(
  rows: readonly AnnexRow[],
  columnCount: number,
  available = ANNEX_TEXT_WIDTH,
): { widths: number[]; halfPoints: number } {
  let chosen: { widths: number[]; halfPoints: number } | undefined;
  for (const size of ANNEX_TABLE_SIZES) {
    const { min, want } = needs(rows, columnCount, size);
    const widths = [...min];
    fitSpans(rows, widths, size);
    chosen = { widths, halfPoints: size };
    const used = widths.reduce((a, b) => a + b, 0);
    if (used > available) continue;
    const wanted = want.map((w, i) => Math.max(0, w - widths[i]!));
    const totalWanted = wanted.reduce((a, b) => a + b, 0);
    const share = Math.min(1, totalWanted === 0 ? 0 : (available - used) / totalWanted);
    wanted.forEach((w, i) => (widths[i] = widths[i]! + Math.floor(w * share)));
    const left = available - widths.reduce((a, b) => a + b, 0);
    const sumNow = widths.reduce((a, b) => a + b, 0);
    widths.forEach((w, i) => (widths[i] = w + Math.floor((left * w) / sumNow)));
    return chosen;
  }
  // Even 8 pt cannot hold every word: keep the narrowest layout; Word will break what does not fit.
  return chosen!;
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID = { top: THIN, bottom: THIN, left: THIN, right: THIN } as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function tableCell(cell: AnnexCell, width: number, size: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: GRID,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: ANNEX_CELL_MARGIN, right: ANNEX_CELL_MARGIN },
    ...(cell.span && cell.span > 1 ? { columnSpan: cell.span } : {}),
    ...(cell.shade ? { shading: { fill: 'F2F2F2' } } : {}),
    children: [
      new Paragraph({
        alignment: ALIGN[cell.align],
        children: [
          new TextRun({ text: cell.text, font: REPORT_FONT, size, ...(cell.bold ? { bold: true } : {}) }),
        ],
      }),
    ],
  });
}

/** The annex's table, laid out by annexColumnWidths. */
export function annexTable(model: SummaryModel): Table {
  const rows = annexRows(model);
  const { widths, halfPoints } = annexColumnWidths(rows, 4 + model.figures.length);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      (row) =>
        new TableRow({
          ...(row.header ? { tableHeader: true } : { cantSplit: true }),
          children: placed(row).map(({ cell, start, span }) =>
            tableCell(
              cell,
              widths.slice(start, start + span).reduce((a, b) => a + b, 0),
              halfPoints,
            ),
          ),
        }),
    ),
  });
}

function centred(text: string, run: { bold?: boolean; italics?: boolean }, after = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after },
    children: [new TextRun({ text, font: REPORT_FONT, size: HEADING_SIZE, ...run })],
  });
}

/** The annex as a section of its own: A4 landscape, "Phụ lục", its title, what it is attached to, the table. */
export function annexSection(model: SummaryModel, ctx: ReportContext): ISectionOptions {
  const { month, year } = draftMonthYear(ctx.draftedAt);
  const at = vietnamTime(model.generatedAt);
  return {
    properties: ANNEX_SECTION_PAGE,
    children: [
      centred(msg.annex, { bold: true }),
      centred(msg.annexTitle(model.periodLabel), { bold: true }),
      centred(msg.annexAttached(ctx.issuer.symbol, ctx.issuer.name, month, year), { italics: true }),
      centred(
        msg.figuresAsOf(sum.asOf(at.toFormat('HH'), at.toFormat('mm'), at.toFormat('d/M/yyyy'))),
        { italics: true },
        120,
      ),
      annexTable(model),
    ],
  };
}

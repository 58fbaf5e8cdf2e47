/** The requests that rewrite the Tổng hợp tab from a summary model, all in one batchUpdate, values only. */
import type { sheets_v4 } from '@googleapis/sheets';
import { isNumericType } from '@theodoi/sheets-schema/template-format';
import { toVietnamDateTime, type IsoDate } from '../../domain/calendar/iso-date.js';
import { UNIT_STATUS_CODES, type UnitStatusCode } from '../../domain/status/index.js';
import {
  fitCell,
  figureText,
  type FigureColumn,
  type FigureTotal,
  type FigureValue,
} from '../../domain/summary/index.js';
import type { SummaryModel } from '../../domain/summary/model.js';
import { asInertText } from '../../domain/values/text.js';
import { deadlines, summary as msg } from '../../messages.vi.js';
import { resetTabRequests } from './reset-tab.js';

type Request = sheets_v4.Schema$Request;
type CellData = sheets_v4.Schema$CellData;
type Color = sheets_v4.Schema$Color;

/** The one chart of the Tổng hợp tab always has this id, so the next summary can delete and redraw it. */
export const SUMMARY_CHART_ID = 810_001;

/** Rows frozen at the top: title, directive, period and "Cập nhật lúc". */
export const SUMMARY_FROZEN_ROWS = 4;

/** The colour of each status on the summary (cells and chart bars). */
export const SUMMARY_STATUS_COLOURS: Record<UnitStatusCode, Color> = {
  'chua-den-han': { red: 0.9, green: 0.9, blue: 0.9 },
  'sap-den-han': { red: 1, green: 0.93, blue: 0.7 },
  'dung-han': { red: 0.8, green: 0.92, blue: 0.8 },
  'tre-han': { red: 0.99, green: 0.84, blue: 0.66 },
  'qua-han': { red: 0.94, green: 0.6, blue: 0.6 },
  'co-loi': { red: 0.98, green: 0.8, blue: 0.86 },
};

const HEADER_FILL: Color = { red: 0.85, green: 0.89, blue: 0.95 };
const TOTAL_FILL: Color = { red: 0.95, green: 0.95, blue: 0.95 };
const SUBTOTAL_FILL: Color = { red: 0.97, green: 0.97, blue: 0.93 };
const FIXED_WIDTHS = [50, 190, 240, 260, 110] as const;
const MIN_COLUMNS = 6;
const CHART_ROWS = 16;
const ROW_PX = 21;
const CHAR_PX = 7;

/** Where each block of the tab is, 0-based; tests and the lead's sync read the tab through these. */
export interface SummaryPositions {
  title: number;
  directive: number;
  period: number;
  updated: number;
  kpi: number;
  /** The "Tình hình báo cáo | Số đơn vị" block: header row, then one row per status, then the total. */
  statusHeader: number;
  unitsHeading: number;
  tableHeader: number;
  /** The table's first row below its header (a unit's row). */
  firstUnitRow: number;
  /** The row of each of `model.rows`, in order. */
  unitRows: number[];
  /** The subtotal row of each of `model.groups`, below its units; none when the table has one group. */
  subtotalRows: number[];
  totalsRow: number;
  chaseHeading: number;
  chaseHeader: number;
  paragraphHeading: number;
  paragraph: number;
  /** Grid size the tab is set to. */
  rowCount: number;
  columnCount: number;
  /** 0-based column of the first key figure in the units table. */
  firstFigureColumn: number;
}

/** Whether the table shows a subtotal per group: only when the units fall in more than one. */
export function hasSubtotals(model: Pick<SummaryModel, 'groups'>): boolean {
  return model.groups.length > 1;
}

/**
 * Where each unit's row and each group's subtotal row go from `first` down: a group's units, then its subtotal
 * (when the table has subtotals); `end` is the row after the last.
 */
export function tableRows(
  model: Pick<SummaryModel, 'groups'>,
  first: number,
): { unitRows: number[]; subtotalRows: number[]; end: number } {
  const unitRows: number[] = [];
  const subtotalRows: number[] = [];
  let row = first;
  for (const group of model.groups) {
    for (let i = 0; i < group.rowCount; i += 1) unitRows.push(row++);
    if (hasSubtotals(model)) subtotalRows.push(row++);
  }
  return { unitRows, subtotalRows, end: row };
}

/** The positions of every block for a model. */
export function summaryPositions(model: SummaryModel): SummaryPositions {
  const statusHeader = 6;
  const unitsHeading = statusHeader + CHART_ROWS + 1;
  const tableHeader = unitsHeading + 1;
  const firstUnitRow = tableHeader + 1;
  const { unitRows, subtotalRows, end: totalsRow } = tableRows(model, firstUnitRow);
  const chaseHeading = totalsRow + 2;
  const chaseHeader = chaseHeading + 1;
  const chaseRows = Math.max(1, model.chase.length);
  const paragraphHeading = chaseHeader + chaseRows + (model.chase.length ? 2 : 1);
  const paragraph = paragraphHeading + 1;
  return {
    title: 0,
    directive: 1,
    period: 2,
    updated: 3,
    kpi: 4,
    statusHeader,
    unitsHeading,
    tableHeader,
    firstUnitRow,
    unitRows,
    subtotalRows,
    totalsRow,
    chaseHeading,
    chaseHeader,
    paragraphHeading,
    paragraph,
    rowCount: paragraph + 1,
    columnCount: Math.max(MIN_COLUMNS, FIXED_WIDTHS.length + model.figures.length),
    firstFigureColumn: FIXED_WIDTHS.length,
  };
}

/** What the tab holds now that the rewrite must remove first. */
export interface SummaryTarget {
  sheetId: number;
  /** Ids of the charts on the tab now (spreadsheets.get: sheets.charts.chartId); each is deleted first. */
  existingChartIds: readonly number[];
}

const text = (value: string, format?: sheets_v4.Schema$CellFormat, note?: string): CellData => ({
  userEnteredValue: asInertText(fitCell(value)),
  ...(format ? { userEnteredFormat: format } : {}),
  ...(note ? { note } : {}),
});
const number = (value: number, format?: sheets_v4.Schema$CellFormat, note?: string): CellData => ({
  userEnteredValue: { numberValue: value },
  ...(format ? { userEnteredFormat: format } : {}),
  ...(note ? { note } : {}),
});
const blank = (format?: sheets_v4.Schema$CellFormat): CellData =>
  format ? { userEnteredFormat: format } : {};

const bold = (extra: sheets_v4.Schema$CellFormat = {}): sheets_v4.Schema$CellFormat => ({
  ...extra,
  textFormat: { bold: true, ...extra.textFormat },
});
const headerCell = (value: string): CellData =>
  text(
    value,
    bold({
      backgroundColor: HEADER_FILL,
      wrapStrategy: 'WRAP',
      verticalAlignment: 'MIDDLE',
      horizontalAlignment: 'CENTER',
    }),
  );
const statusFormat = (code: UnitStatusCode): sheets_v4.Schema$CellFormat => ({
  backgroundColor: SUMMARY_STATUS_COLOURS[code],
  wrapStrategy: 'WRAP',
  verticalAlignment: 'MIDDLE',
});

/** The number format of a key figure's cells; Sheets renders it with the spreadsheet's vi_VN separators. */
export function figureNumberFormat(column: Pick<FigureColumn, 'type'>, rule?: FigureTotal['rule']) {
  if (rule === 'count') return { type: 'NUMBER', pattern: '#,##0' };
  switch (column.type) {
    case 'integer':
      return rule === 'average'
        ? { type: 'NUMBER', pattern: '#,##0.##' }
        : { type: 'NUMBER', pattern: '#,##0' };
    case 'money':
      return { type: 'NUMBER', pattern: '#,##0' };
    case 'percent':
      return { type: 'PERCENT', pattern: '0%' };
    default:
      return { type: 'NUMBER', pattern: '#,##0.##' };
  }
}

function figureCell(column: FigureColumn, value: FigureValue): CellData {
  if (value === null) return blank();
  // Everything an officer typed goes in as a string value: never parsed, never a formula.
  if (typeof value === 'number' && isNumericType(column.type)) return number(value);
  return text(typeof value === 'number' ? String(value) : figureText(column, value));
}

function totalCell(column: FigureColumn, total: FigureTotal, fill: Color = TOTAL_FILL): CellData {
  const format = bold({ backgroundColor: fill, wrapStrategy: 'WRAP', verticalAlignment: 'TOP' });
  if (total.value === null) return blank(format);
  if (total.rule === 'list') return text(total.value, format, msg.totalNotes.list);
  return number(
    total.value,
    { ...format, numberFormat: figureNumberFormat(column, total.rule) },
    msg.totalNotes[total.rule],
  );
}

/** A Vietnam day as a Sheets date serial (days since 30/12/1899). */
export function dateSerial(day: IsoDate): number {
  const d = toVietnamDateTime(day);
  return Math.round((Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function rowsOf(model: SummaryModel, pos: SummaryPositions): sheets_v4.Schema$RowData[] {
  const rows: CellData[][] = Array.from({ length: pos.rowCount }, () => []);
  const put = (r: number, cells: CellData[]) => {
    rows[r] = cells;
  };
  put(pos.title, [text(model.header.title, bold({ textFormat: { bold: true, fontSize: 14 } }))]);
  put(pos.directive, [text(model.header.directiveLine, { wrapStrategy: 'WRAP', verticalAlignment: 'TOP' })]);
  put(pos.period, [text(model.header.periodLine)]);
  put(pos.updated, [text(model.header.updatedLine, { textFormat: { italic: true } })]);
  put(pos.kpi, [text(model.header.kpiLine, bold({ textFormat: { bold: true, fontSize: 11 } }))]);

  put(pos.statusHeader, [blank(), headerCell(msg.statusColumn), headerCell(msg.countColumn)]);
  UNIT_STATUS_CODES.forEach((code, i) =>
    put(pos.statusHeader + 1 + i, [
      blank(),
      text(deadlines.status[code], statusFormat(code)),
      number(model.kpis.byStatus[code], { numberFormat: { type: 'NUMBER', pattern: '#,##0' } }),
    ]),
  );
  put(pos.statusHeader + 1 + UNIT_STATUS_CODES.length, [
    blank(),
    text(msg.statusTotal, bold()),
    number(model.kpis.total, bold({ numberFormat: { type: 'NUMBER', pattern: '#,##0' } })),
  ]);

  put(pos.unitsHeading, [text(msg.unitsHeading, bold())]);
  const c = msg.columns;
  put(pos.tableHeader, [
    ...[c.stt, c.group, c.unit, c.status, c.reportedOn].map(headerCell),
    ...model.figures.map((f) => headerCell(f.header)),
  ]);
  // Unit rows carry values only (and their status colour); formats go on whole columns (blockFormats), which
  // keeps a 5,000-unit rewrite to a few megabytes.
  model.rows.forEach((row, i) =>
    put(pos.unitRows[i]!, [
      number(row.stt),
      text(row.groupName),
      text(row.unitName),
      text(row.statusText, { backgroundColor: SUMMARY_STATUS_COLOURS[row.status.code] }),
      row.reportedOn ? number(dateSerial(row.reportedOn)) : blank(),
      ...model.figures.map((f, j) => figureCell(f, row.figures[j] ?? null)),
    ]),
  );
  model.groups.forEach((group, g) => {
    const row = pos.subtotalRows[g];
    if (row === undefined) return;
    const fill = bold({ backgroundColor: SUBTOTAL_FILL, wrapStrategy: 'WRAP', verticalAlignment: 'MIDDLE' });
    put(row, [
      text(msg.subtotalRow(group.name), fill),
      blank(fill),
      blank(fill),
      text(msg.groupReported(group.kpis.reported, group.kpis.total), fill),
      blank(fill),
      ...model.figures.map((f, j) =>
        totalCell(f, group.totals[j] ?? { rule: 'none', value: null }, SUBTOTAL_FILL),
      ),
    ]);
  });
  put(pos.totalsRow, [
    text(msg.totalRow, bold({ backgroundColor: TOTAL_FILL, horizontalAlignment: 'CENTER' }), msg.figuresNote),
    ...Array.from({ length: FIXED_WIDTHS.length - 1 }, () => blank({ backgroundColor: TOTAL_FILL })),
    ...model.figures.map((f, j) => totalCell(f, model.totals[j] ?? { rule: 'none', value: null })),
  ]);

  put(pos.chaseHeading, [text(msg.chaseHeading(model.chase.length), bold())]);
  if (model.chase.length === 0) {
    put(pos.chaseHeader, [text(msg.chaseNone, { textFormat: { italic: true } })]);
  } else {
    put(pos.chaseHeader, [c.stt, c.group, c.unit, c.status, c.person, c.phone].map(headerCell));
    model.chase.forEach((item, i) =>
      put(pos.chaseHeader + 1 + i, [
        number(i + 1),
        text(item.groupName),
        text(item.unitName),
        text(item.statusText, { backgroundColor: SUMMARY_STATUS_COLOURS[item.status.code] }),
        text(item.person ?? msg.noContact),
        item.phone ? text(item.phone) : blank(),
      ]),
    );
  }

  put(pos.paragraphHeading, [text(msg.paragraphHeading, bold())]);
  put(pos.paragraph, [text(model.paragraph, { wrapStrategy: 'WRAP', verticalAlignment: 'TOP' })]);
  return rows.map((values) => ({ values }));
}

function columnWidths(pos: SummaryPositions, figureWidths: readonly number[]): number[] {
  return Array.from({ length: pos.columnCount }, (_, i) =>
    i < FIXED_WIDTHS.length ? FIXED_WIDTHS[i]! : (figureWidths[i - FIXED_WIDTHS.length] ?? 120),
  );
}

/** Merges the cells of rows [row, endRow) and columns [startColumn, endColumn) into one. */
export function merge(
  sheetId: number,
  row: number,
  endRow: number,
  startColumn: number,
  endColumn: number,
): Request {
  return {
    mergeCells: {
      range: {
        sheetId,
        startRowIndex: row,
        endRowIndex: endRow,
        startColumnIndex: startColumn,
        endColumnIndex: endColumn,
      },
      mergeType: 'MERGE_ALL',
    },
  };
}

function rowHeight(sheetId: number, row: number, pixelSize: number): Request {
  return {
    updateDimensionProperties: {
      range: { sheetId, dimension: 'ROWS', startIndex: row, endIndex: row + 1 },
      properties: { pixelSize },
      fields: 'pixelSize',
    },
  };
}

/** Rows of ROW_PX a wrapped text needs across `width` pixels. */
function linesFor(value: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width / CHAR_PX));
  return value.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

const FORMAT_FIELDS =
  'userEnteredFormat.numberFormat,userEnteredFormat.wrapStrategy,' +
  'userEnteredFormat.verticalAlignment,userEnteredFormat.horizontalAlignment';

/** Formats of the unit and chase blocks, one repeatCell per column (status colours stay on their cells). */
function blockFormats(model: SummaryModel, pos: SummaryPositions, sheetId: number): Request[] {
  const centred: sheets_v4.Schema$CellFormat = { horizontalAlignment: 'CENTER', verticalAlignment: 'MIDDLE' };
  const wrapped: sheets_v4.Schema$CellFormat = { wrapStrategy: 'WRAP', verticalAlignment: 'MIDDLE' };
  const block = (startRow: number, endRow: number, column: number, format: sheets_v4.Schema$CellFormat) =>
    endRow <= startRow
      ? []
      : [
          {
            repeatCell: {
              range: {
                sheetId,
                startRowIndex: startRow,
                endRowIndex: endRow,
                startColumnIndex: column,
                endColumnIndex: column + 1,
              },
              cell: { userEnteredFormat: format },
              fields: FORMAT_FIELDS,
            },
          },
        ];
  // Each group's unit rows as one block: the subtotal rows between them keep their own formats.
  const unitBlocks = model.groups.map((g) => {
    const start = pos.unitRows[g.firstRow];
    return start === undefined ? ([0, 0] as const) : ([start, start + g.rowCount] as const);
  });
  const chase = [pos.chaseHeader + 1, pos.chaseHeader + 1 + model.chase.length] as const;
  return [
    ...unitBlocks.flatMap((units) => [
      ...block(...units, 0, centred),
      ...block(...units, 1, wrapped),
      ...block(...units, 2, wrapped),
      ...block(...units, 3, wrapped),
      ...block(...units, 4, { ...centred, numberFormat: { type: 'DATE', pattern: 'dd/MM/yyyy' } }),
      ...model.figures.flatMap((f, j) =>
        block(
          ...units,
          pos.firstFigureColumn + j,
          isNumericType(f.type)
            ? { numberFormat: figureNumberFormat(f), verticalAlignment: 'MIDDLE' }
            : { wrapStrategy: 'WRAP', verticalAlignment: 'TOP' },
        ),
      ),
    ]),
    ...[0, 1, 2, 3, 4, 5].flatMap((column) => block(...chase, column, column === 0 ? centred : wrapped)),
  ];
}

const THIN: sheets_v4.Schema$Border = { style: 'SOLID', color: { red: 0.6, green: 0.6, blue: 0.6 } };

/** Thin borders around and inside a block of cells (the tables of the tab). */
function borders(
  sheetId: number,
  startRow: number,
  endRow: number,
  startColumn: number,
  endColumn: number,
): Request[] {
  if (endRow <= startRow) return [];
  return [
    {
      updateBorders: {
        range: {
          sheetId,
          startRowIndex: startRow,
          endRowIndex: endRow,
          startColumnIndex: startColumn,
          endColumnIndex: endColumn,
        },
        top: THIN,
        bottom: THIN,
        left: THIN,
        right: THIN,
        innerHorizontal: THIN,
        innerVertical: THIN,
      },
    },
  ];
}

function chartRequest(sheetId: number, pos: SummaryPositions, widths: readonly number[]): Request {
  const first = pos.statusHeader + 1;
  const range = (column: number): sheets_v4.Schema$ChartData => ({
    sourceRange: {
      sources: [
        {
          sheetId,
          startRowIndex: first,
          endRowIndex: first + UNIT_STATUS_CODES.length,
          startColumnIndex: column,
          endColumnIndex: column + 1,
        },
      ],
    },
  });
  const width = Math.min(620, Math.max(360, widths.slice(3).reduce((a, b) => a + b, 0) - 20));
  return {
    addChart: {
      chart: {
        chartId: SUMMARY_CHART_ID,
        spec: {
          title: msg.chartTitle,
          basicChart: {
            chartType: 'COLUMN',
            legendPosition: 'NO_LEGEND',
            headerCount: 0,
            axis: [
              { position: 'BOTTOM_AXIS', title: msg.statusColumn },
              { position: 'LEFT_AXIS', title: msg.countColumn },
            ],
            domains: [{ domain: range(1) }],
            series: [
              {
                series: range(2),
                targetAxis: 'LEFT_AXIS',
                styleOverrides: UNIT_STATUS_CODES.map((code, index) => ({
                  index,
                  colorStyle: { rgbColor: SUMMARY_STATUS_COLOURS[code] },
                })),
              },
            ],
          },
        },
        position: {
          overlayPosition: {
            anchorCell: { sheetId, rowIndex: pos.statusHeader, columnIndex: 3 },
            offsetXPixels: 12,
            offsetYPixels: 0,
            widthPixels: width,
            heightPixels: CHART_ROWS * ROW_PX - 6,
          },
        },
      },
    },
  };
}

/** Options of the rewrite. */
export interface SummaryRequestOptions {
  /** Pixel widths of the key-figure columns, in order (the template's widths); 120 px when absent. */
  figureWidths?: number[];
}

/**
 * The requests that rewrite the Tổng hợp tab in one batchUpdate: the previous charts deleted, the tab unmerged
 * and cleared (values, formats, notes), the grid sized and its top rows frozen, every cell written as a value
 * (stringValue / numberValue, never a formula), status cells coloured, merges, widths and heights, and one chart
 * (id SUMMARY_CHART_ID) of units by status. The tab's protected range is left as provisioning made it.
 */
export function summaryRequests(
  model: SummaryModel,
  target: SummaryTarget,
  options: SummaryRequestOptions = {},
): Request[] {
  const { sheetId } = target;
  const pos = summaryPositions(model);
  const widths = columnWidths(pos, options.figureWidths ?? []);
  const fullWidth = widths.reduce((a, b) => a + b, 0);
  const all = pos.columnCount;
  return [
    ...target.existingChartIds.map((objectId): Request => ({ deleteEmbeddedObject: { objectId } })),
    ...resetTabRequests(sheetId, {
      rowCount: pos.rowCount,
      columnCount: pos.columnCount,
      frozenRowCount: SUMMARY_FROZEN_ROWS,
      frozenColumnCount: 0,
      columnWidths: widths,
    }),
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: rowsOf(model, pos),
        fields: 'userEnteredValue,userEnteredFormat,note',
      },
    },
    ...blockFormats(model, pos, sheetId),
    ...borders(sheetId, pos.statusHeader, pos.statusHeader + 2 + UNIT_STATUS_CODES.length, 1, 3),
    ...borders(sheetId, pos.tableHeader, pos.totalsRow + 1, 0, all),
    ...(model.chase.length
      ? borders(sheetId, pos.chaseHeader, pos.chaseHeader + 1 + model.chase.length, 0, 6)
      : []),
    ...[pos.title, pos.directive, pos.period, pos.updated, pos.kpi].map((r) =>
      merge(sheetId, r, r + 1, 0, all),
    ),
    merge(sheetId, pos.unitsHeading, pos.unitsHeading + 1, 0, all),
    ...pos.subtotalRows.map((r) => merge(sheetId, r, r + 1, 0, 3)),
    merge(sheetId, pos.totalsRow, pos.totalsRow + 1, 0, pos.firstFigureColumn),
    merge(sheetId, pos.chaseHeading, pos.chaseHeading + 1, 0, all),
    ...(model.chase.length === 0 ? [merge(sheetId, pos.chaseHeader, pos.chaseHeader + 1, 0, all)] : []),
    merge(sheetId, pos.paragraphHeading, pos.paragraphHeading + 1, 0, all),
    merge(sheetId, pos.paragraph, pos.paragraph + 1, 0, all),
    // Heights: every row fitted to its content, then the merged rows Sheets cannot fit by itself.
    {
      autoResizeDimensions: {
        dimensions: { sheetId, dimension: 'ROWS', startIndex: 0, endIndex: pos.rowCount },
      },
    },
    rowHeight(sheetId, pos.title, 32),
    rowHeight(sheetId, pos.directive, ROW_PX * linesFor(model.header.directiveLine, fullWidth) + 6),
    rowHeight(sheetId, pos.paragraph, ROW_PX * linesFor(model.paragraph, fullWidth) + 12),
    chartRequest(sheetId, pos, widths),
  ];
}

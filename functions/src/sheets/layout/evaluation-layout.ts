/**
 * The "Đánh giá đơn vị" tab of the organisation's dashboard, as the requests of one batchUpdate: the units' table
 * grouped by khối (tally, score, grade, ranks, notes, each directive linked to its spreadsheet), the ranking, the
 * average by khối, the notes, and one chart of scores by unit (by khối when there are too many units to read).
 * Values only; the only line that changes with time alone is "Cập nhật lúc", so a dashboard fingerprint made with
 * `generatedAt` fixed stays the same while the figures do.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '../../clock.js';
import {
  cellValue,
  EVALUATION_COLUMNS,
  evaluationNotes,
  partHeading,
  partSpans,
  rankedRows,
  rubricNote,
  type EvaluationColumn,
  type EvaluationModel,
  type EvaluationRow,
  type Tally,
} from '../../domain/evaluation/index.js';
import { directiveLabel } from '../../domain/directive-label.js';
import { asInertText } from '../../domain/values/text.js';
import { evaluation as msg } from '../../messages.vi.js';
import { resetTabRequests } from './reset-tab.js';

type Request = sheets_v4.Schema$Request;
type CellData = sheets_v4.Schema$CellData;
type CellFormat = sheets_v4.Schema$CellFormat;

/** Sheet id of the "Đánh giá đơn vị" tab in the dashboard spreadsheet (the dashboard's own tabs are 0 and 1). */
export const EVALUATION_SHEET_ID = 3;
/** The tab's one chart always has this id, so the next rewrite can delete and redraw it. */
export const EVALUATION_CHART_ID = 810_003;
/** Beyond this many scored units, the chart shows the average by khối instead of one bar per unit. */
export const MAX_UNITS_IN_CHART = 40;

const ROW_PX = 21;
const HEADER_FILL = { red: 0.85, green: 0.89, blue: 0.95 };
const GROUP_FILL = { red: 0.93, green: 0.93, blue: 0.93 };
const TOTAL_FILL = { red: 0.95, green: 0.95, blue: 0.95 };
const BAR_COLOUR = { red: 0.27, green: 0.45, blue: 0.77 };
const WIDTHS: Partial<Record<EvaluationColumn['kind'], number>> = {
  stt: 45,
  unit: 220,
  score: 70,
  grade: 100,
  notes: 260,
  directives: 200,
};

/** The tab's properties, for the addSheet that creates it (index: its place among the dashboard's tabs). */
export function evaluationTabProperties(index = 2): sheets_v4.Schema$SheetProperties {
  return { sheetId: EVALUATION_SHEET_ID, title: msg.tab.title, index };
}

/** What the tab holds now that the rewrite must remove first. */
export interface EvaluationTarget {
  sheetId: number;
  /** Ids of the charts on the tab now; each is deleted first (none on a new tab). */
  existingChartIds: readonly number[];
}

/** Where each block of the tab is, 0-based. */
export interface EvaluationTabPositions {
  chartTop: number;
  chartRows: number;
  /** The two header rows of the units' table. */
  header: number;
  /** Each unit's row, by code. */
  unitRows: Map<string, number>;
  groupHeadingRows: Map<string, number>;
  groupTotalRows: Map<string, number>;
  totalRow: number;
  rankingHeading: number;
  groupsHeading: number;
  notesHeading: number;
  rowCount: number;
}

/** Whether the chart draws one bar per unit (else the average per khối). */
export function chartsUnits(model: EvaluationModel): boolean {
  return rankedRows(model).length <= MAX_UNITS_IN_CHART;
}

/** The notes under the tables: all but the rubric's, which stands under the title. */
function laterNotes(model: EvaluationModel): string[] {
  return evaluationNotes(model).slice(1);
}

function chartHeight(model: EvaluationModel): number {
  const bars = chartsUnits(model) ? rankedRows(model).length : model.groups.length;
  return Math.max(300, 60 + bars * 22);
}

/** The positions of every block for a model. */
export function evaluationTabPositions(model: EvaluationModel): EvaluationTabPositions {
  const chartTop = 5;
  const chartRows = Math.ceil(chartHeight(model) / ROW_PX) + 1;
  const header = chartTop + chartRows + 1;
  const unitRows = new Map<string, number>();
  const groupHeadingRows = new Map<string, number>();
  const groupTotalRows = new Map<string, number>();
  let row = header + 2;
  for (const group of model.groups) {
    groupHeadingRows.set(group.id, row++);
    for (const unit of group.rows) unitRows.set(unit.unitCode, row++);
    groupTotalRows.set(group.id, row++);
  }
  const totalRow = row;
  const rankingHeading = totalRow + 2;
  const groupsHeading = rankingHeading + 2 + Math.max(1, rankedRows(model).length) + 1;
  const notesHeading = groupsHeading + 2 + model.groups.length + 1;
  return {
    chartTop,
    chartRows,
    header,
    unitRows,
    groupHeadingRows,
    groupTotalRows,
    totalRow,
    rankingHeading,
    groupsHeading,
    notesHeading,
    rowCount: notesHeading + 1 + laterNotes(model).length,
  };
}

const text = (value: string, format?: CellFormat): CellData => ({
  userEnteredValue: asInertText(value),
  ...(format ? { userEnteredFormat: format } : {}),
});
const number = (value: number, format?: CellFormat): CellData => ({
  userEnteredValue: { numberValue: value },
  ...(format ? { userEnteredFormat: format } : {}),
});
const BOLD: CellFormat = { textFormat: { bold: true } };
const CENTRED: CellFormat = { horizontalAlignment: 'CENTER', verticalAlignment: 'MIDDLE' };
const SCORE: CellFormat = { ...CENTRED, numberFormat: { type: 'NUMBER', pattern: '0.0#' } };
const header = (value: string): CellData =>
  text(value, { ...CENTRED, backgroundColor: HEADER_FILL, textFormat: { bold: true }, wrapStrategy: 'WRAP' });

/** The directives behind a unit's figures, each its number linked to its spreadsheet. */
function directivesCell(unit: EvaluationRow, model: EvaluationModel): CellData {
  const directives = new Map(model.directives.map((d) => [d.id, d]));
  let value = '';
  const runs: sheets_v4.Schema$TextFormatRun[] = [];
  unit.byDirective.forEach(({ directiveId }, i) => {
    const directive = directives.get(directiveId);
    if (!directive) return;
    if (i > 0) {
      runs.push({ startIndex: value.length, format: {} });
      value += '; ';
    }
    runs.push({
      startIndex: value.length,
      format: { link: { uri: directive.spreadsheetUrl }, underline: true },
    });
    // A numbered directive by its number; a draft by "(chưa có số) ngày …": never by theodoi's id.
    value += directive.number ?? directiveLabel(directive);
  });
  if (value === '') return {};
  return {
    userEnteredValue: asInertText(value),
    textFormatRuns: runs,
    userEnteredFormat: { wrapStrategy: 'WRAP' },
  };
}

function unitCells(unit: EvaluationRow, model: EvaluationModel): CellData[] {
  return EVALUATION_COLUMNS.map((col) => {
    if (col.kind === 'directives') return directivesCell(unit, model);
    const value = cellValue(col, unit);
    if (value === null) return {};
    if (typeof value === 'number') return number(value, col.kind === 'score' ? SCORE : CENTRED);
    return text(value, {
      wrapStrategy: 'WRAP',
      verticalAlignment: 'MIDDLE',
      ...(col.kind === 'grade' ? { horizontalAlignment: 'CENTER' } : {}),
      ...(col.kind === 'grade' && unit.score === null ? { textFormat: { italic: true } } : {}),
    });
  });
}

function totalCells(label: string, tally: Tally, average: number | null): CellData[] {
  const format: CellFormat = { backgroundColor: TOTAL_FILL, textFormat: { bold: true } };
  return EVALUATION_COLUMNS.map((col) => {
    if (col.kind === 'unit') return text(label, format);
    if (col.kind === 'count') return number(tally[col.key], { ...format, ...CENTRED });
    if (col.kind === 'score' && average !== null) return number(average, { ...format, ...SCORE });
    return { userEnteredFormat: format };
  });
}

function headerCells(): [CellData[], CellData[]] {
  const top: CellData[] = [];
  const bottom: CellData[] = [];
  for (const { part, start, span } of partSpans(EVALUATION_COLUMNS)) {
    const heading = partHeading(part);
    for (let i = start; i < start + span; i += 1) {
      top.push(header(i === start ? (heading ?? EVALUATION_COLUMNS[i]!.header) : ''));
      bottom.push(header(heading === undefined ? '' : EVALUATION_COLUMNS[i]!.header));
    }
  }
  return [top, bottom];
}

function rowsOf(model: EvaluationModel, pos: EvaluationTabPositions): CellData[][] {
  const rows: CellData[][] = Array.from({ length: pos.rowCount }, () => []);
  const at = DateTime.fromJSDate(model.generatedAt, { zone: VIETNAM_ZONE });
  rows[0] = [text(msg.tab.heading(model.range.label), { textFormat: { bold: true, fontSize: 14 } })];
  rows[1] = [text(msg.subtitle(model.organisationName), BOLD)];
  rows[2] = [
    text(msg.tab.updatedLine(at.toFormat('HH:mm'), at.toFormat('dd/MM/yyyy')), {
      textFormat: { italic: true },
    }),
  ];
  rows[3] = [text(rubricNote(model.rubric), { wrapStrategy: 'WRAP', verticalAlignment: 'TOP' })];
  const [top, bottom] = headerCells();
  rows[pos.header] = top!;
  rows[pos.header + 1] = bottom!;
  for (const group of model.groups) {
    rows[pos.groupHeadingRows.get(group.id)!] = [
      text(`${group.numeral}. ${group.name}`, { textFormat: { bold: true }, backgroundColor: GROUP_FILL }),
    ];
    for (const unit of group.rows) rows[pos.unitRows.get(unit.unitCode)!] = unitCells(unit, model);
    rows[pos.groupTotalRows.get(group.id)!] = totalCells(msg.groupTotal, group.tally, group.averageScore);
  }
  rows[pos.totalRow] = totalCells(msg.total, model.totals, model.averageScore);

  const ranked = rankedRows(model);
  rows[pos.rankingHeading] = [text(msg.tab.rankingHeading, BOLD)];
  rows[pos.rankingHeading + 1] = [
    msg.columns.rank,
    msg.columns.unit,
    msg.tab.group,
    msg.columns.score,
    msg.columns.grade,
  ].map(header);
  if (ranked.length === 0)
    rows[pos.rankingHeading + 2] = [text(msg.tab.nothingScored, { textFormat: { italic: true } })];
  ranked.forEach((unit, i) => {
    rows[pos.rankingHeading + 2 + i] = [
      number(unit.rank!, CENTRED),
      text(unit.unitName),
      text(unit.groupName),
      number(unit.score!.total, SCORE),
      text(unit.grade ?? '', CENTRED),
    ];
  });
  rows[pos.groupsHeading] = [text(msg.tab.groupsHeading, BOLD)];
  rows[pos.groupsHeading + 1] = [msg.tab.group, msg.tab.units, msg.tab.chartByGroup].map(header);
  model.groups.forEach((group, i) => {
    rows[pos.groupsHeading + 2 + i] = [
      text(group.name),
      number(group.rows.filter((r) => r.score !== null).length, CENTRED),
      group.averageScore === null ? {} : number(group.averageScore, SCORE),
    ];
  });
  rows[pos.notesHeading] = [text(msg.notesHeading, { textFormat: { bold: true, italic: true } })];
  laterNotes(model).forEach((note, i) => {
    rows[pos.notesHeading + 1 + i] = [text(note, { wrapStrategy: 'WRAP', verticalAlignment: 'TOP' })];
  });
  return rows;
}

function range(sheetId: number, r0: number, r1: number, c0: number, c1: number): sheets_v4.Schema$GridRange {
  return { sheetId, startRowIndex: r0, endRowIndex: r1, startColumnIndex: c0, endColumnIndex: c1 };
}
const merge = (r: sheets_v4.Schema$GridRange): Request => ({
  mergeCells: { range: r, mergeType: 'MERGE_ALL' },
});
const THIN: sheets_v4.Schema$Border = { style: 'SOLID', color: { red: 0.6, green: 0.6, blue: 0.6 } };
const borders = (r: sheets_v4.Schema$GridRange): Request => ({
  updateBorders: {
    range: r,
    top: THIN,
    bottom: THIN,
    left: THIN,
    right: THIN,
    innerHorizontal: THIN,
    innerVertical: THIN,
  },
});

function chartRequest(
  model: EvaluationModel,
  pos: EvaluationTabPositions,
  sheetId: number,
  width: number,
): Request {
  const byUnit = chartsUnits(model);
  const first = byUnit ? pos.rankingHeading + 2 : pos.groupsHeading + 2;
  const count = byUnit ? rankedRows(model).length : model.groups.length;
  const source = (column: number): sheets_v4.Schema$ChartData => ({
    sourceRange: { sources: [range(sheetId, first, first + Math.max(1, count), column, column + 1)] },
  });
  return {
    addChart: {
      chart: {
        chartId: EVALUATION_CHART_ID,
        spec: {
          title: byUnit ? msg.tab.chartByUnit : msg.tab.chartByGroup,
          basicChart: {
            chartType: 'BAR',
            legendPosition: 'NO_LEGEND',
            headerCount: 0,
            axis: [
              { position: 'BOTTOM_AXIS', title: msg.columns.score },
              { position: 'LEFT_AXIS', title: byUnit ? msg.columns.unit : msg.tab.group },
            ],
            domains: [{ domain: source(byUnit ? 1 : 0) }],
            series: [
              {
                series: source(byUnit ? 3 : 2),
                targetAxis: 'BOTTOM_AXIS',
                colorStyle: { rgbColor: BAR_COLOUR },
              },
            ],
          },
        },
        position: {
          overlayPosition: {
            anchorCell: { sheetId, rowIndex: pos.chartTop, columnIndex: 1 },
            offsetXPixels: 0,
            offsetYPixels: 0,
            widthPixels: Math.min(900, Math.max(480, width - 60)),
            heightPixels: chartHeight(model),
          },
        },
      },
    },
  };
}

/**
 * The requests that rewrite the tab in one batchUpdate: earlier charts deleted, the tab unmerged, cleared and sized,
 * every cell written as a value (officers never type here; names and subjects still go in as strings, never formulas),
 * merges, borders, row heights, and the chart (id EVALUATION_CHART_ID). The tab must exist (evaluationTabProperties).
 */
export function evaluationRequests(model: EvaluationModel, target: EvaluationTarget): Request[] {
  const { sheetId } = target;
  const pos = evaluationTabPositions(model);
  const widths = EVALUATION_COLUMNS.map((col) => WIDTHS[col.kind] ?? 80);
  const all = EVALUATION_COLUMNS.length;
  const headerMerges = partSpans(EVALUATION_COLUMNS).map(({ part, start, span }) =>
    partHeading(part) === undefined
      ? merge(range(sheetId, pos.header, pos.header + 2, start, start + 1))
      : merge(range(sheetId, pos.header, pos.header + 1, start, start + span)),
  );
  const ranked = Math.max(1, rankedRows(model).length);
  return [
    ...target.existingChartIds.map((objectId): Request => ({ deleteEmbeddedObject: { objectId } })),
    ...resetTabRequests(sheetId, {
      rowCount: pos.rowCount,
      columnCount: all,
      frozenRowCount: 0,
      frozenColumnCount: 2,
      columnWidths: widths,
    }),
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: rowsOf(model, pos).map((values) => ({ values })),
        fields: 'userEnteredValue,userEnteredFormat,textFormatRuns',
      },
    },
    ...[0, 1, 2, 3].map((r) => merge(range(sheetId, r, r + 1, 0, all))),
    ...headerMerges,
    ...[...pos.groupHeadingRows.values()].map((r) => merge(range(sheetId, r, r + 1, 0, all))),
    ...[pos.rankingHeading, pos.groupsHeading, pos.notesHeading].map((r) =>
      merge(range(sheetId, r, r + 1, 0, all)),
    ),
    ...laterNotes(model).map((_, i) =>
      merge(range(sheetId, pos.notesHeading + 1 + i, pos.notesHeading + 2 + i, 0, all)),
    ),
    borders(range(sheetId, pos.header, pos.totalRow + 1, 0, all)),
    borders(range(sheetId, pos.rankingHeading + 1, pos.rankingHeading + 2 + ranked, 0, 5)),
    borders(range(sheetId, pos.groupsHeading + 1, pos.groupsHeading + 2 + model.groups.length, 0, 3)),
    {
      autoResizeDimensions: {
        dimensions: { sheetId, dimension: 'ROWS', startIndex: 0, endIndex: pos.rowCount },
      },
    },
    {
      updateDimensionProperties: {
        range: { sheetId, dimension: 'ROWS', startIndex: 3, endIndex: 4 },
        properties: { pixelSize: 3 * ROW_PX },
        fields: 'pixelSize',
      },
    },
    chartRequest(
      model,
      pos,
      sheetId,
      widths.reduce((a, b) => a + b, 0),
    ),
  ];
}

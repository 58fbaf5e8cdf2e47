/**
 * The Tổng hợp tab of a directive of tasks, rewritten whole in the sync's (or the check's) one batchUpdate: title,
 * the KPI line, a table by task (lead, deadline, each responsible unit's status), a table by unit (rows by status),
 * the overdue rows to chase, and the draft paragraph. Values only: officers' text never becomes a formula.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { TASK_STATUS_CODES } from '../../domain/tasks/task-status.js';
import type { TaskSummaryModel } from '../../domain/tasks/task-summary.js';
import { tasks as msg } from '../../messages.vi.js';
import { DEADLINE_COLOURS } from './deadline-cells.js';
import { resetTabRequests } from './reset-tab.js';
import { merge } from './summary-tab.js';

type Request = sheets_v4.Schema$Request;
type CellData = sheets_v4.Schema$CellData;

const WIDTHS = [50, 320, 200, 150, 420, 110, 110];
const HEADER_FILL = { red: 0.85, green: 0.89, blue: 0.95 };
const wrap = { wrapStrategy: 'WRAP', verticalAlignment: 'TOP' } as const;

const text = (value: string, format: sheets_v4.Schema$CellFormat = {}): CellData => ({
  userEnteredValue: { stringValue: value },
  userEnteredFormat: format,
});
const number = (value: number): CellData => ({ userEnteredValue: { numberValue: value } });
const header = (value: string): CellData =>
  text(value, { backgroundColor: HEADER_FILL, textFormat: { bold: true }, ...wrap });
const bold = (value: string, size = 11): CellData =>
  text(value, { textFormat: { bold: true, fontSize: size } });

/** The rows of the tab, top to bottom. */
function rowsOf(model: TaskSummaryModel): CellData[][] {
  const c = msg.summary.columns;
  const statuses = TASK_STATUS_CODES.map((code) => msg.status[code]);
  return [
    [bold(model.title, 14)],
    [text(model.directiveLine, wrap)],
    [text(model.updatedLine, { textFormat: { italic: true } })],
    [bold(model.kpiLine)],
    [],
    [bold(msg.summary.byTaskHeading)],
    [c.stt, c.task, c.lead, c.due, c.units].map(header),
    ...model.tasks.map((t) => [
      number(t.no),
      text(t.text, wrap),
      text(t.lead, wrap),
      text(t.due),
      text(t.units.map((u) => u.text).join('\n'), {
        ...wrap,
        backgroundColor:
          DEADLINE_COLOURS[t.units.some((u) => u.code === 'qua-han') ? 'qua-han' : t.units[0]!.code],
      }),
    ]),
    [],
    [bold(msg.summary.byUnitHeading)],
    [c.stt, c.unit, c.count, ...statuses].map(header),
    ...model.units.map((u, i) => [
      number(i + 1),
      text(u.unit, wrap),
      number(u.total),
      ...TASK_STATUS_CODES.map((code) => number(u.counts[code])),
    ]),
    [],
    [bold(msg.summary.chaseHeading(model.chase.length))],
    ...model.chase.map((line) => [text(line, { ...wrap, backgroundColor: DEADLINE_COLOURS['qua-han'] })]),
    [],
    [bold(msg.summary.paragraphHeading)],
    [text(model.paragraph, wrap)],
  ];
}

/** The requests that rewrite the Tổng hợp tab of a directive of tasks (no chart: a task table says more). */
export function taskSummaryRequests(model: TaskSummaryModel, sheetId: number): Request[] {
  const rows = rowsOf(model);
  const columnCount = Math.max(WIDTHS.length, 3 + TASK_STATUS_CODES.length);
  const widths = Array.from({ length: columnCount }, (_, i) => WIDTHS[i] ?? 110);
  const mergeRow = (row: number): Request => merge(sheetId, row, row + 1, 0, columnCount);
  const wide = rows.flatMap((cells, i) => (cells.length === 1 ? [i] : []));
  return [
    ...resetTabRequests(sheetId, {
      rowCount: rows.length,
      columnCount,
      frozenRowCount: 4,
      frozenColumnCount: 0,
      columnWidths: widths,
    }),
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: rows.map((values) => ({ values })),
        fields: 'userEnteredValue,userEnteredFormat,note',
      },
    },
    ...wide.map(mergeRow),
    {
      autoResizeDimensions: {
        dimensions: { sheetId, dimension: 'ROWS', startIndex: 0, endIndex: rows.length },
      },
    },
  ];
}

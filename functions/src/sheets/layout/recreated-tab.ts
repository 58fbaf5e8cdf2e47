/**
 * Plans the recreation of a report tab deleted by hand: the very tab a new period gets (layout, formats,
 * dropdowns, protections, developer metadata, through planPeriodTab), refilled with each unit's stored cells,
 * with a line above the header saying what happened; pure.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { StoredRow, UnitRow } from '../../domain/sync/report-rows.js';
import type { CellValue } from '../../domain/values/cell.js';
import { spreadsheetRecovery as msg } from '../../messages.vi.js';
import {
  nextReportSheetId,
  periodTabTitle,
  planPeriodTab,
  type NewTabInput,
  type NewTabPlan,
} from './period-tab.js';
import { HEADER_ROW } from './report-tab.js';

/** Everything a recreated tab is built from. */
export interface RecreateTabInput extends Omit<NewTabInput, 'existing' | 'title' | 'index'> {
  /** The report tabs recorded for the directive, by period key (the deleted one included). */
  recorded: Readonly<Record<string, { sheetId: number }>>;
  /** The tabs the spreadsheet has now. */
  present: readonly { sheetId: number; title: string }[];
  /** Each unit's raw cells as theodoi last stored them (and which held a formula), by unit code. */
  cells: ReadonlyMap<string, StoredRow>;
  /** The line written above the header, saying the tab was recreated. */
  noticeLine: string;
}

/** A planned recreation: the new tab's requests, and its rows as a sync reading it would find them. */
export interface RecreatedTabPlan extends NewTabPlan {
  rows: UnitRow[];
  /** Units whose stored cells are written back. */
  refilledUnits: number;
}

/** Plans the tab of `input.period` anew: a sheet id and title not in use, placed among the report tabs in period order. */
export function planRecreatedTab(input: RecreateTabInput): RecreatedTabPlan {
  const presentIds = new Set(input.present.map((t) => t.sheetId));
  let sheetId = nextReportSheetId(input.recorded);
  while (presentIds.has(sheetId)) sheetId += 1;
  const earlierTabs = Object.entries(input.recorded).filter(
    ([key, tab]) => key < input.period.key && presentIds.has(tab.sheetId),
  ).length;
  const plan = planPeriodTab(
    {
      ...input,
      existing: {},
      title: freeTitle(periodTabTitle(input.period, input.taskRows !== undefined), input.present),
      // After "Hướng dẫn" and the earlier periods' tabs; never past the end.
      index: Math.min(1 + earlierTabs, input.present.length),
    },
    sheetId,
  );
  const inputs = input.template.columns.map((c) => c.key);
  // The template's columns sit side by side (reportColumns), so one row of cells per unit refills them.
  const firstInput = plan.columnOf.get(inputs[0] ?? '') ?? 0;
  const rows: UnitRow[] = [];
  const refill: sheets_v4.Schema$Request[] = [];
  for (const [unitCode, rowIndex] of plan.rowOf) {
    const stored = input.cells.get(unitCode);
    const cells = nonBlank(stored?.cells ?? {});
    const formulas = stored?.formulas?.filter((key) => key in cells);
    rows.push({ rowIndex, unitCode, cells, statusText: '', ...(formulas?.length ? { formulas } : {}) });
    if (Object.keys(cells).length === 0) continue;
    refill.push({
      updateCells: {
        start: { sheetId, rowIndex, columnIndex: firstInput },
        rows: [{ values: inputs.map((key) => cellData(cells[key], formulas?.includes(key) ?? false)) }],
        fields: 'userEnteredValue',
      },
    });
  }
  const notice: sheets_v4.Schema$Request = {
    updateCells: {
      start: { sheetId, rowIndex: HEADER_ROW - 1, columnIndex: 0 },
      rows: [
        {
          values: [
            {
              userEnteredValue: { stringValue: input.noticeLine },
              userEnteredFormat: { textFormat: { italic: true, foregroundColor: { red: 0.6 } } },
            },
          ],
        },
      ],
      fields: 'userEnteredValue,userEnteredFormat',
    },
  };
  return { ...plan, requests: [...plan.requests, ...refill, notice], rows, refilledUnits: refill.length };
}

/** `title`, or "<title> (tạo lại)", "(tạo lại 2)" … when a tab has it (Sheets compares titles ignoring case). */
function freeTitle(title: string, present: readonly { title: string }[]): string {
  const taken = new Set(present.map((t) => t.title.toLocaleLowerCase('vi')));
  let candidate = title;
  for (let n = 1; taken.has(candidate.toLocaleLowerCase('vi')); n++) candidate = msg.recreatedTitle(title, n);
  return candidate;
}

function nonBlank(cells: Readonly<Record<string, CellValue>>): Record<string, CellValue> {
  return Object.fromEntries(
    Object.entries(cells).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  );
}

/**
 * A stored cell written back as the same type it was read as: text stays text (an officer's text that looks like a
 * formula is never entered as one), and a cell that held a formula gets that formula back, into its own cell only,
 * as the officer typed it (the sync still refuses it there).
 */
function cellData(value: CellValue, formula: boolean): sheets_v4.Schema$CellData {
  if (formula && typeof value === 'string') return { userEnteredValue: { formulaValue: value } };
  if (typeof value === 'number') return { userEnteredValue: { numberValue: value } };
  if (typeof value === 'boolean') return { userEnteredValue: { boolValue: value } };
  if (typeof value === 'string' && value !== '') return { userEnteredValue: { stringValue: value } };
  return {};
}

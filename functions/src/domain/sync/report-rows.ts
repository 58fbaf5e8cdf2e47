/**
 * Turns a report tab as read into one row per unit: each unit's row is the row its marker is on (whatever code
 * the row shows, wherever sorting moved it). Rows below or between that are no unit's are listed apart, never read
 * as reports; a unit's row whose code cell no longer shows its code is listed for repair.
 */
import type { CellValue } from '../values/cell.js';
import { unitOfRowKey } from '../tasks/task.js';
import type { ReportGrid } from './report-grid.js';

/** One column read from the sheet: its 0-based position and its cells from row 1 down (the deadline check's read). */
export interface ReadColumn {
  columnIndex: number;
  cells: readonly CellValue[];
}

/** One unit's row as read (or one task row, decision 007). */
export interface UnitRow {
  /** 0-based row index in the tab. */
  rowIndex: number;
  /** The row's key: the unit's code, or `<unitCode>~<taskId>` for a task row. */
  unitCode: string;
  /** Raw cells of the template's columns, by column key (absent = blank); a formula's cell holds its text. */
  cells: Record<string, CellValue>;
  /** What the status cell shows now. */
  statusText: string;
  /** Keys of the cells holding a formula. */
  formulas?: string[];
}

/** A unit's row as theodoi last stored it: its raw cells, and the keys of those that held a formula (their text). */
export interface StoredRow {
  cells: Record<string, CellValue>;
  formulas?: string[];
}

/** A row that is no unit's (added below the units' rows, or left by a copy), and what it holds. */
export interface OutsideRow {
  rowIndex: number;
  /** What its code cell shows ('' when blank). */
  code: string;
  /** Whether anything is typed in its code or input cells. */
  filled: boolean;
  statusText: string;
}

/** A unit's row whose code cell shows something else than the unit's code. */
export interface ChangedCode {
  rowIndex: number;
  unitCode: string;
  found: string;
}

/** The rows of a tab. */
export interface TabRows {
  rows: UnitRow[];
  outside: OutsideRow[];
  changedCodes: ChangedCode[];
}

/** Column keys of theodoi's code and status columns and of the template's inputs. */
export interface RowKeys {
  code: string;
  status: string;
  inputs: readonly string[];
}

/** The rows of `grid`, units' rows where `rowOf` says, from `firstRow` down. */
export function unitRows(
  grid: ReportGrid,
  layout: { columnOf: ReadonlyMap<string, number>; rowOf: ReadonlyMap<string, number> },
  keys: RowKeys,
  firstRow: number,
): TabRows {
  const codeColumn = layout.columnOf.get(keys.code);
  const statusColumn = layout.columnOf.get(keys.status);
  // Each input column's position, looked up once rather than once per row.
  const inputs = keys.inputs.flatMap((key) => {
    const column = layout.columnOf.get(key);
    return column === undefined ? [] : [{ key, column }];
  });
  const text = (row: number, column: number | undefined) => {
    const value = column === undefined ? undefined : grid.value(row, column);
    return value === undefined ? '' : String(value).trim();
  };
  const unitAt = new Map<number, string>([...layout.rowOf].map(([unit, row]) => [row, unit]));
  const rows: UnitRow[] = [];
  const outside: OutsideRow[] = [];
  const changedCodes: ChangedCode[] = [];
  for (let r = firstRow; r < grid.rowCount; r++) {
    const unitCode = unitAt.get(r);
    const code = text(r, codeColumn);
    const statusText = text(r, statusColumn);
    if (unitCode === undefined) {
      const filled = code !== '' || inputs.some(({ column }) => grid.value(r, column) !== undefined);
      if (filled || statusText !== '') outside.push({ rowIndex: r, code, filled, statusText });
      continue;
    }
    const cells: Record<string, CellValue> = {};
    let formulas: string[] | undefined;
    for (const { key, column } of inputs) {
      const value = grid.value(r, column);
      if (value === undefined) continue;
      cells[key] = value;
      if (grid.formula(r, column)) (formulas ??= []).push(key);
    }
    rows.push({ rowIndex: r, unitCode, cells, statusText, ...(formulas ? { formulas } : {}) });
    // A task row (`<unitCode>~<taskId>`) shows its unit's code.
    const shown = unitOfRowKey(unitCode);
    if (codeColumn !== undefined && code !== shown)
      changedCodes.push({ rowIndex: r, unitCode: shown, found: code });
  }
  return { rows, outside, changedCodes };
}

/** Turns the columns read from a report tab into one row per unit, found by unit code (rows may be sorted). */
import type { CellValue } from '../values/cell.js';

/** One column read from the sheet: its 0-based position and its cells from row 1 down. */
export interface ReadColumn {
  columnIndex: number;
  cells: readonly CellValue[];
}

/** One unit's row as read. */
export interface UnitRow {
  /** 0-based row index in the tab. */
  rowIndex: number;
  unitCode: string;
  /** Raw cells of the template's columns, by column key (absent = blank). */
  cells: Record<string, CellValue>;
  /** What the status cell shows now. */
  statusText: string;
}

/** What the rows of a tab hold: unit rows, plus rows whose code repeats an earlier row's. */
export interface ReportRows {
  rows: UnitRow[];
  duplicates: UnitRow[];
}

/** Builds unit rows from columns keyed by column key; `codeKey` and `statusKey` name theodoi's columns. */
export function reportRows(
  columns: ReadonlyMap<string, ReadColumn>,
  keys: { code: string; status: string; inputs: readonly string[] },
  firstRow: number,
): ReportRows {
  const code = columns.get(keys.code);
  if (!code) return { rows: [], duplicates: [] };
  const status = columns.get(keys.status);
  // Each input column's cells, looked up once rather than once per row.
  const inputs = keys.inputs.map((key) => ({ key, cells: columns.get(key)?.cells }));
  const seen = new Set<string>();
  const rows: UnitRow[] = [];
  const duplicates: UnitRow[] = [];
  for (let r = firstRow; r < code.cells.length; r++) {
    const raw = code.cells[r];
    const unitCode = raw === undefined || raw === null ? '' : String(raw).trim();
    if (unitCode === '') continue;
    const cells: Record<string, CellValue> = {};
    for (const { key, cells: column } of inputs) {
      const value = column?.[r];
      if (value !== undefined && value !== '') cells[key] = value;
    }
    const statusValue = status?.cells[r];
    const row: UnitRow = {
      rowIndex: r,
      unitCode,
      cells,
      statusText: statusValue == null ? '' : String(statusValue),
    };
    if (seen.has(unitCode)) duplicates.push(row);
    else {
      seen.add(unitCode);
      rows.push(row);
    }
  }
  return { rows, duplicates };
}

/** Plans one sync of one report tab: each unit's verdict, which reports changed, and which status cells to write. */
import { hash } from 'node:crypto';
import type { RowError, RowStatus, RowValidator } from '../validation/validate-row.js';
import type { CellValue, ParsedValue } from '../values/cell.js';
import { rawCellsHasher } from './raw-cells-hash.js';
import type { UnitRow } from './report-rows.js';

export { rawCellsHash } from './raw-cells-hash.js';

/** What the store knows of a unit's report, as far as planning needs. */
export interface StoredReportState {
  rawHash: string;
  status: RowStatus;
  version: number;
  /** The status cell text and note theodoi last wrote, hashed, to write again only when they change. */
  sheetHash: string | null;
  /** The errors of the stored verdict, reused while the cells do not change. */
  errors: RowError[];
  /** Columns theodoi marked soft red on the sheet. */
  marked: readonly string[];
}

/** One unit's report after this sync, ready to store. */
export interface ReportChange {
  unitCode: string;
  rowIndex: number;
  status: RowStatus;
  /** Exactly what the officer's cells held (nothing typed is lost). */
  cells: Record<string, CellValue>;
  values: Record<string, ParsedValue | null>;
  errors: RowError[];
  rawHash: string;
  version: number;
}

/** One row whose status cell must be (re)written. */
export interface StatusWrite {
  rowIndex: number;
  unitCode: string;
  status: RowStatus;
  errors: RowError[];
  /** Columns to mark soft red, and columns marked before that no longer hold a wrong value. */
  mark: string[];
  unmark: string[];
  /** Whether this row's report changed in this sync (then "Cập nhật lúc" is written too). */
  changed: boolean;
  sheetHash: string;
}

/** The plan of one sync. */
export interface SyncPlan {
  verdicts: Map<string, { status: RowStatus; errors: RowError[] }>;
  changes: ReportChange[];
  statusWrites: StatusWrite[];
  counts: Record<RowStatus, number>;
}

/**
 * Status writes for rows whose unit code repeats an earlier row's (a copied row): they are never stored,
 * and say where the unit's row is.
 */
export function duplicateWrites(
  duplicates: readonly UnitRow[],
  rows: readonly UnitRow[],
  statusText: (status: RowStatus, errors: RowError[]) => string,
  message: (code: string, firstRow: number) => string,
): StatusWrite[] {
  const firstRowOf = new Map(rows.map((r) => [r.unitCode, r.rowIndex + 1]));
  return duplicates.flatMap((row) => {
    const errors: RowError[] = [
      {
        column: '',
        code: 'duplicateUnit',
        message: message(row.unitCode, firstRowOf.get(row.unitCode) ?? 0),
      },
    ];
    const text = statusText('invalid', errors);
    if (row.statusText === text) return [];
    return [
      {
        rowIndex: row.rowIndex,
        unitCode: row.unitCode,
        status: 'invalid',
        errors,
        mark: [],
        unmark: [],
        changed: false,
        sheetHash: '',
      },
    ];
  });
}

/**
 * Validates every row, keeps the rows whose raw cells changed since the stored state as new versions,
 * and lists the status cells whose wording differs from what theodoi last wrote (or the sheet shows).
 */
export function planSync(
  rows: readonly UnitRow[],
  stored: ReadonlyMap<string, StoredReportState>,
  validator: RowValidator,
  statusText: (status: RowStatus, errors: RowError[]) => string,
): SyncPlan {
  const verdicts = new Map<string, { status: RowStatus; errors: RowError[] }>();
  const changes: ReportChange[] = [];
  const statusWrites: StatusWrite[] = [];
  const counts: Record<RowStatus, number> = { empty: 0, incomplete: 0, invalid: 0, valid: 0 };
  const rawCellsHash = rawCellsHasher();
  const statusHash = statusHasher();
  for (const row of rows) {
    const before = stored.get(row.unitCode);
    const rawHash = rawCellsHash(row.cells);
    if (before && before.rawHash === rawHash) {
      // Unchanged cells: the stored verdict stands, and the status cell needs a write only if it was altered.
      verdicts.set(row.unitCode, { status: before.status, errors: before.errors });
      counts[before.status] += 1;
      const text = statusText(before.status, before.errors);
      if (before.sheetHash !== null && row.statusText === text) continue;
      const sheetHash = statusHash(text, before.errors);
      if (before.sheetHash === sheetHash && row.statusText === text) continue;
      const offending = offendingColumns(before.errors);
      statusWrites.push({
        rowIndex: row.rowIndex,
        unitCode: row.unitCode,
        status: before.status,
        errors: before.errors,
        mark: offending,
        unmark: before.marked.filter((c) => !offending.includes(c)),
        changed: false,
        sheetHash,
      });
      continue;
    }
    const verdict = validator.validate(row.cells);
    verdicts.set(row.unitCode, { status: verdict.status, errors: verdict.errors });
    counts[verdict.status] += 1;
    // An empty row that never held anything is not a report; once a unit typed something, clearing it is a version.
    const changed = before ? true : verdict.status !== 'empty';
    if (changed) {
      changes.push({
        unitCode: row.unitCode,
        rowIndex: row.rowIndex,
        status: verdict.status,
        cells: row.cells,
        values: verdict.values,
        errors: verdict.errors,
        rawHash,
        version: (before?.version ?? 0) + 1,
      });
    }
    const text = statusText(verdict.status, verdict.errors);
    const offending = offendingColumns(verdict.errors);
    const sheetHash = statusHash(text, verdict.errors);
    // Rows never reported have no stored state: their status cell is judged by what the sheet shows.
    const stale = before ? before.sheetHash !== sheetHash : false;
    if (changed || stale || row.statusText !== text) {
      statusWrites.push({
        rowIndex: row.rowIndex,
        unitCode: row.unitCode,
        status: verdict.status,
        errors: verdict.errors,
        mark: offending,
        unmark: (before?.marked ?? []).filter((c) => !offending.includes(c)),
        changed,
        sheetHash,
      });
    }
  }
  return { verdicts, changes, statusWrites, counts };
}

/**
 * A function hashing what a status cell shows: its text and the note's lines. Most rows of a sheet show the same
 * status (accepted, no note), so each distinct status is hashed once per plan.
 */
function statusHasher(): (text: string, errors: readonly RowError[]) => string {
  const hashes = new Map<string, string>();
  return (text, errors) => {
    const shown = JSON.stringify([text, errors.map((e) => e.message)]);
    let hex = hashes.get(shown);
    if (hex === undefined) {
      hex = hash('sha256', shown, 'hex');
      hashes.set(shown, hex);
    }
    return hex;
  };
}

/** Columns holding a wrong value (not merely missing ones), to mark on the sheet. */
function offendingColumns(errors: readonly RowError[]): string[] {
  if (errors.length === 0) return [];
  const columns = errors.filter((e) => e.code !== 'required' && e.code !== 'requiredWhen' && e.column !== '');
  return [...new Set(columns.map((e) => e.column))];
}

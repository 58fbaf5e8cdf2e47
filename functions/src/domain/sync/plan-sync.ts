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
  /** Keys of the cells that held a formula (their `cells` value is its text). */
  formulas?: string[];
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
    const rawHash = withFormulas(rawCellsHash(row.cells), row.formulas);
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
    const verdict = validator.validate(row.cells, row.formulas ? { formulas: row.formulas } : {});
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
        ...(row.formulas ? { formulas: row.formulas } : {}),
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
 * The raw hash of a row whose cells hold formulas: the formula's text alone would hash like the same text typed as
 * text, so which cells are formulas is hashed in too. A row without formulas keeps the hash of its cells.
 */
function withFormulas(rawHash: string, formulas: readonly string[] | undefined): string {
  if (!formulas || formulas.length === 0) return rawHash;
  return hash('sha256', `${rawHash}|formulas:${[...formulas].sort().join(',')}`, 'hex');
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

/**
 * The plan once the store refused some units' rows: those are not changes, their verdict is the refusal, and their
 * status cell says so (unless it already does) without touching "Cập nhật lúc", since nothing new was stored.
 */
export function withRowsNotStored(
  plan: SyncPlan,
  rows: readonly UnitRow[],
  refusals: ReadonlyMap<string, RowError>,
  statusText: (status: RowStatus, errors: RowError[]) => string,
): SyncPlan {
  if (refusals.size === 0) return plan;
  const rowOf = new Map(rows.map((r) => [r.unitCode, r]));
  const verdicts = new Map(plan.verdicts);
  const counts = { ...plan.counts };
  const refusedWrites: StatusWrite[] = [];
  for (const [unitCode, error] of refusals) {
    const before = verdicts.get(unitCode);
    if (before) counts[before.status] -= 1;
    counts.invalid += 1;
    const errors = [error];
    verdicts.set(unitCode, { status: 'invalid', errors });
    const row = rowOf.get(unitCode);
    if (!row || row.statusText === statusText('invalid', errors)) continue;
    refusedWrites.push({
      rowIndex: row.rowIndex,
      unitCode,
      status: 'invalid',
      errors,
      mark: error.column ? [error.column] : [],
      unmark: [],
      changed: false,
      sheetHash: '',
    });
  }
  return {
    verdicts,
    counts,
    changes: plan.changes.filter((c) => !refusals.has(c.unitCode)),
    statusWrites: [...plan.statusWrites.filter((w) => !refusals.has(w.unitCode)), ...refusedWrites],
  };
}

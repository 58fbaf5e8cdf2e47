/** The "Tình hình báo cáo" cells a deadline check rewrites: those whose text differs from the status now; pure. */
import type { UnitStatusCode } from '../status/index.js';
import type { TaskStatusCode } from '../tasks/task-status.js';
import type { CellValue } from '../values/cell.js';

/** What one unit's deadline cell should show. */
export interface DeadlineCell {
  rowIndex: number;
  text: string;
  /** A unit's deadline status, or a task row's status (decision 007): it sets the cell's colour. */
  code: UnitStatusCode | TaskStatusCode;
}

/** The wanted text and colour of a unit's cell, by unit code; undefined for codes that are not recipients. */
export type DeadlineCellOf = (
  unitCode: string,
) => { text: string; code: UnitStatusCode | TaskStatusCode } | undefined;

/**
 * The cells whose text differs from what the tab shows, from the code and deadline columns as read (cells from
 * row 1 down). A code seen twice counts once, at its first row, as the sync does.
 */
export function staleDeadlineCells(
  codeCells: readonly CellValue[],
  deadlineCells: readonly CellValue[],
  wanted: DeadlineCellOf,
  firstRow: number,
): DeadlineCell[] {
  const seen = new Set<string>();
  const stale: DeadlineCell[] = [];
  for (let r = firstRow; r < codeCells.length; r++) {
    const raw = codeCells[r];
    const unitCode = raw === undefined || raw === null ? '' : String(raw).trim();
    if (unitCode === '' || seen.has(unitCode)) continue;
    seen.add(unitCode);
    const cell = wanted(unitCode);
    if (!cell) continue;
    const shown = deadlineCells[r];
    if ((shown === undefined || shown === null ? '' : String(shown)) !== cell.text)
      stale.push({ rowIndex: r, ...cell });
  }
  return stale;
}

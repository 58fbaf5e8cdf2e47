/** A report tab's cells as the sync reads them: what was entered in each cell, formulas kept as typed. */
import type { CellValue } from '../values/cell.js';

/** One non-blank cell as entered. */
export type GridValue = Exclude<CellValue, null | undefined>;

/**
 * A tab's grid: its size and, by 0-based row and column, each cell's entered value (undefined when blank; a
 * formula's text for a formula) and whether it is a formula. Two lookups rather than one object per cell: a
 * 5,000-unit tab has over 100,000 cells.
 */
export interface ReportGrid {
  rowCount: number;
  columnCount: number;
  value(row: number, column: number): GridValue | undefined;
  formula(row: number, column: number): boolean;
}

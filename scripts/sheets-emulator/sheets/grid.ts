/** Grid mutation helpers shared by the values API and batchUpdate: growing the grid, writing values, enforcing limits. */
import type { sheets_v4 } from '@googleapis/sheets';
import { badRequest, cellTooLong, tooManyCells } from './errors.js';
import {
  MAX_CELL_CHARS,
  MAX_CELLS,
  MAX_COLUMNS,
  columnCount,
  getCell,
  rowCount,
  setCell,
  totalCells,
} from './model.js';
import type { Book, Cell, SheetData } from './model.js';

/** Sets the grid size, refusing (as Google does, after applying it) a total above 10 million cells. */
export function resizeGrid(book: Book, sheet: SheetData, rows: number, cols: number): void {
  if (!(rows >= 1 && cols >= 1)) throw badRequest('The grid must have at least one row and one column.');
  const gp = (sheet.properties.gridProperties ??= {});
  const before = totalCells(book) - rowCount(sheet) * columnCount(sheet);
  if (before + rows * cols > MAX_CELLS || cols > MAX_COLUMNS) throw tooManyCells();
  gp.rowCount = rows;
  gp.columnCount = cols;
  if (sheet.rows.length > rows) sheet.rows.length = rows;
  if (sheet.rowProps.length > rows) sheet.rowProps.length = rows;
  if (sheet.colProps.length > cols) sheet.colProps.length = cols;
  if (cols < columnCount(sheet))
    for (const row of sheet.rows) if (row && row.length > cols) row.length = cols;
}

/** Grows the grid (never shrinks it) so that it has at least these many rows and columns. */
export function ensureGrid(book: Book, sheet: SheetData, rows: number, cols: number): void {
  const r = Math.max(rows, rowCount(sheet));
  const c = Math.max(cols, columnCount(sheet));
  if (r !== rowCount(sheet) || c !== columnCount(sheet)) resizeGrid(book, sheet, r, c);
}

/** Refuses a value longer than 50,000 characters. */
export function checkLength(v: sheets_v4.Schema$ExtendedValue | null | undefined): void {
  const s = v?.stringValue ?? v?.formulaValue;
  if (s != null && s.length > MAX_CELL_CHARS) throw cellTooLong();
}

/** Replaces a cell's user-entered value (null clears it), keeping format, note and validation; optionally sets a number format the input implied. */
export function writeValue(
  sheet: SheetData,
  r: number,
  c: number,
  value: sheets_v4.Schema$ExtendedValue | null,
  impliedFormat?: sheets_v4.Schema$NumberFormat,
): void {
  checkLength(value);
  const old = getCell(sheet, r, c);
  const next: Cell = { ...old };
  if (value) next.userEnteredValue = value;
  else delete next.userEnteredValue;
  delete next.textFormatRuns;
  if (impliedFormat && !old?.userEnteredFormat?.numberFormat) {
    next.userEnteredFormat = { ...old?.userEnteredFormat, numberFormat: impliedFormat };
  }
  setCell(sheet, r, c, next);
}

/** Whether a stored cell holds a value (formatting alone does not count). */
export function hasValue(sheet: SheetData, r: number, c: number): boolean {
  return getCell(sheet, r, c)?.userEnteredValue != null;
}

/** values.append: finding the table in the range and writing after it (OVERWRITE or INSERT_ROWS). */
import type { sheets_v4 } from '@googleapis/sheets';
import { clampToGrid, formatRange, parseRange } from './a1.js';
import type { Rect, SheetRange } from './a1.js';
import { insertDims } from './dims.js';
import { ensureGrid, hasValue } from './grid.js';
import { columnCount, rowCount } from './model.js';
import type { Book, SheetData } from './model.js';
import { checkBodyRange, requireInputOption, toGrid, updateResponse, writeValues } from './values.js';
import type { WriteOptions } from './values.js';

function rowHasValue(sheet: SheetData, r: number, c0: number, c1: number): boolean {
  const row = sheet.rows[r];
  if (!row) return false;
  for (let c = c0; c < Math.min(c1, row.length); c++) if (row[c]?.userEnteredValue) return true;
  return false;
}

function columnHasValue(sheet: SheetData, c: number, r0: number, r1: number): boolean {
  for (let r = r0; r < Math.min(r1, sheet.rows.length); r++) if (hasValue(sheet, r, c)) return true;
  return false;
}

/** The data region around a cell: grown while a value touches its border, diagonals included. */
export function regionAround(sheet: SheetData, r: number, c: number): Rect {
  const rows = Math.min(rowCount(sheet), sheet.rows.length);
  const cols = columnCount(sheet);
  let [r0, r1, c0, c1] = [r, r + 1, c, c + 1];
  for (let grew = true; grew;) {
    grew = false;
    const across = (): [number, number] => [Math.max(0, c0 - 1), Math.min(cols, c1 + 1)];
    const down = (): [number, number] => [Math.max(0, r0 - 1), Math.min(rows, r1 + 1)];
    for (; r1 < rows && rowHasValue(sheet, r1, ...across()); grew = true) r1++;
    for (; r0 > 0 && rowHasValue(sheet, r0 - 1, ...across()); grew = true) r0--;
    for (; c1 < cols && columnHasValue(sheet, c1, ...down()); grew = true) c1++;
    for (; c0 > 0 && columnHasValue(sheet, c0 - 1, ...down()); grew = true) c0--;
  }
  return { sheet, startRow: r0, endRow: r1, startCol: c0, endCol: c1 };
}

function lastValueCell(rect: Rect): [number, number] | undefined {
  const { sheet } = rect;
  for (let r = Math.min(rect.endRow, sheet.rows.length) - 1; r >= rect.startRow; r--) {
    const row = sheet.rows[r];
    for (let c = Math.min(rect.endCol, row?.length ?? 0) - 1; c >= rect.startCol; c--) {
      if (row?.[c]?.userEnteredValue) return [r, c];
    }
  }
  return undefined;
}

/**
 * Finds the "table" values.append appends to, as Google does. From a single cell: the data region around
 * it, or none when the cell is empty (Google writes into an empty row inserted inside a table). From a
 * larger range: the data region around the range's last value (row by row), so a row with a gap makes the
 * next append start under its last part, as on Google.
 */
export function findTable(rect: Rect): Rect | null {
  const single = rect.endRow - rect.startRow === 1 && rect.endCol - rect.startCol === 1;
  const from = single
    ? hasValue(rect.sheet, rect.startRow, rect.startCol)
      ? [rect.startRow, rect.startCol]
      : undefined
    : lastValueCell(rect);
  return from ? regionAround(rect.sheet, from[0]!, from[1]!) : null;
}

/** values.append */
export function valuesAppend(
  book: Book,
  range: string,
  body: sheets_v4.Schema$ValueRange | undefined,
  opts: WriteOptions & { insertDataOption?: string | null },
): sheets_v4.Schema$AppendValuesResponse {
  const input = requireInputOption(opts);
  checkBodyRange(book, range, body);
  const parsed = parseRange(book, range);
  const rect = clampToGrid(parsed);
  const table = findTable(rect);
  const startRow = table ? table.endRow : rect.startRow;
  const startCol = table ? table.startCol : rect.startCol;
  const grid = toGrid(body?.values, body?.majorDimension);
  const height = grid.length;
  if (opts.insertDataOption === 'INSERT_ROWS' && height > 0 && startRow < rowCount(rect.sheet)) {
    insertDims(book, rect.sheet, 'ROWS', startRow, height, startRow > 0);
  }
  ensureGrid(book, rect.sheet, startRow + height, startCol + 1);
  const target: SheetRange = { sheet: rect.sheet, startRow, startCol };
  const w = writeValues(book, target, grid, 'ROWS', input);
  const out: sheets_v4.Schema$AppendValuesResponse = {
    spreadsheetId: book.spreadsheetId,
    updates: updateResponse(book, w, opts, w.rect),
  };
  if (table) out.tableRange = formatRange(table);
  return out;
}

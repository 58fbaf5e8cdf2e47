/** values.append: finding the table in the range and writing after it (OVERWRITE or INSERT_ROWS). */
import type { sheets_v4 } from '@googleapis/sheets';
import { clampToGrid, formatRange, parseRange } from './a1.js';
import type { Rect, SheetRange } from './a1.js';
import { insertDims } from './dims.js';
import { ensureGrid, lastValueRow } from './grid.js';
import { columnCount, getCell, rowCount } from './model.js';
import type { Book } from './model.js';
import { checkBodyRange, requireInputOption, toGrid, updateResponse, writeValues } from './values.js';
import type { WriteOptions } from './values.js';

function rowHasValue(book: Book, rect: Rect, r: number, c0: number, c1: number): boolean {
  for (let c = c0; c < c1; c++) if (getCell(rect.sheet, r, c)?.userEnteredValue) return true;
  return false;
}

/** Finds the "table" values.append appends to: the first rows with data at or below the range start, extended over contiguous rows and columns. */
export function findTable(book: Book, rect: Rect): Rect | null {
  const { sheet } = rect;
  const last = lastValueRow(sheet, rect.startCol, rect.endCol);
  let r0 = -1;
  for (let r = rect.startRow; r < last; r++) {
    if (rowHasValue(book, rect, r, rect.startCol, rect.endCol)) {
      r0 = r;
      break;
    }
  }
  if (r0 < 0) return null;
  let c0 = rect.endCol;
  let c1 = rect.startCol;
  for (let c = rect.startCol; c < rect.endCol; c++) {
    if (getCell(sheet, r0, c)?.userEnteredValue) {
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c + 1);
    }
  }
  let r1 = r0;
  const cols = columnCount(sheet);
  for (;;) {
    if (r1 >= rowCount(sheet) || !rowHasValue(book, rect, r1, rect.startCol, Math.max(rect.endCol, c1)))
      break;
    for (let c = rect.startCol; c < Math.max(rect.endCol, c1); c++) {
      if (getCell(sheet, r1, c)?.userEnteredValue) {
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c + 1);
      }
    }
    while (c1 < cols && getCell(sheet, r1, c1)?.userEnteredValue) c1++;
    r1++;
  }
  return { sheet, startRow: r0, endRow: r1, startCol: c0, endCol: Math.max(c1, c0 + 1) };
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
  const single = rect.endRow - rect.startRow === 1 && rect.endCol - rect.startCol === 1;
  const search: Rect = single ? { ...rect, endCol: columnCount(rect.sheet) } : rect;
  const table = findTable(book, search);
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

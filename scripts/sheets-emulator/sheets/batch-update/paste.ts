/** batchUpdate requests that move or rewrite cell contents: copyPaste, cutPaste, appendCells, findReplace, trimWhitespace, deleteDuplicates, randomizeRange. */
import type { sheets_v4 } from '@googleapis/sheets';
import type { Rect } from '../a1.js';
import { badRequest, unimplemented } from '../errors.js';
import { shiftFormula } from '../formula-refs.js';
import { checkLength, ensureGrid } from '../grid.js';
import { getCell, setCell } from '../model.js';
import type { Book, Cell, SheetData } from '../model.js';
import { Renderer } from '../render.js';
import { requireGrid, writeCellRows } from './cells.js';
import { requireSheet } from './sheets.js';

const PASTE_TYPES = ['PASTE_NORMAL', 'PASTE_VALUES', 'PASTE_FORMAT', 'PASTE_NO_BORDERS', 'PASTE_FORMULA'];

/** The cell to paste for one source cell under a paste type; `dr/dc` shift formulas. */
function pasted(
  renderer: Renderer,
  src: Rect,
  r: number,
  c: number,
  old: Cell | undefined,
  type: string,
  dr: number,
  dc: number,
): Cell {
  const cell = getCell(src.sheet, r, c) ?? {};
  const withFormula = (): sheets_v4.Schema$ExtendedValue | undefined => {
    const f = cell.userEnteredValue?.formulaValue;
    return f != null ? { formulaValue: shiftFormula(f, dr, dc) } : cell.userEnteredValue;
  };
  switch (type) {
    case 'PASTE_VALUES': {
      const v = renderer.extended(renderer.effective(src.sheet, r, c));
      const next: Cell = { ...old };
      if (v && !v.errorValue) next.userEnteredValue = v;
      else delete next.userEnteredValue;
      return next;
    }
    case 'PASTE_FORMAT': {
      const next: Cell = { ...old };
      if (cell.userEnteredFormat) next.userEnteredFormat = cell.userEnteredFormat;
      else delete next.userEnteredFormat;
      return next;
    }
    case 'PASTE_FORMULA': {
      const next: Cell = { ...old };
      const v = withFormula();
      if (v) next.userEnteredValue = v;
      else delete next.userEnteredValue;
      return next;
    }
    case 'PASTE_NO_BORDERS': {
      const next: Cell = { ...cell };
      const v = withFormula();
      if (v) next.userEnteredValue = v;
      if (next.userEnteredFormat?.borders) {
        const { borders: _b, ...rest } = next.userEnteredFormat;
        next.userEnteredFormat = rest;
      }
      return next;
    }
    default: {
      const next: Cell = { ...cell };
      const v = withFormula();
      if (v) next.userEnteredValue = v;
      return next;
    }
  }
}

function pasteBlock(
  book: Book,
  src: Rect,
  dest: SheetData,
  r0: number,
  c0: number,
  type: string,
  transpose: boolean,
  renderer: Renderer,
): void {
  const h = src.endRow - src.startRow;
  const w = src.endCol - src.startCol;
  const out: { r: number; c: number; cell: Cell }[] = [];
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      const [ti, tj] = transpose ? [j, i] : [i, j];
      const r = r0 + ti;
      const c = c0 + tj;
      const cell = pasted(
        renderer,
        src,
        src.startRow + i,
        src.startCol + j,
        getCell(dest, r, c),
        type,
        r - (src.startRow + i),
        c - (src.startCol + j),
      );
      out.push({ r, c, cell });
    }
  }
  const maxR = Math.max(...out.map((o) => o.r)) + 1;
  const maxC = Math.max(...out.map((o) => o.c)) + 1;
  ensureGrid(book, dest, maxR, maxC);
  for (const o of out) setCell(dest, o.r, o.c, o.cell);
}

/** copyPaste: tiles the source over the destination (at least once), shifting relative formula references. */
export function copyPaste(book: Book, req: sheets_v4.Schema$CopyPasteRequest): undefined {
  const type = req.pasteType ?? 'PASTE_NORMAL';
  if (!PASTE_TYPES.includes(type)) throw unimplemented(`copyPaste with pasteType ${type}`);
  const src = requireGrid(book, req.source);
  const dest = requireGrid(book, req.destination);
  const transpose = req.pasteOrientation === 'TRANSPOSE';
  const renderer = new Renderer(book);
  const h = transpose ? src.endCol - src.startCol : src.endRow - src.startRow;
  const w = transpose ? src.endRow - src.startRow : src.endCol - src.startCol;
  if (h === 0 || w === 0) return undefined; // an empty source pastes nothing
  const tilesDown = Math.max(1, Math.floor((dest.endRow - dest.startRow) / h));
  const tilesRight = Math.max(1, Math.floor((dest.endCol - dest.startCol) / w));
  for (let i = 0; i < tilesDown; i++) {
    for (let j = 0; j < tilesRight; j++)
      pasteBlock(
        book,
        src,
        dest.sheet,
        dest.startRow + i * h,
        dest.startCol + j * w,
        type,
        transpose,
        renderer,
      );
  }
  return undefined;
}

/** cutPaste: moves the source cells to the destination coordinate and empties the source. */
export function cutPaste(book: Book, req: sheets_v4.Schema$CutPasteRequest): undefined {
  const type = req.pasteType ?? 'PASTE_NORMAL';
  if (type !== 'PASTE_NORMAL') throw unimplemented(`cutPaste with pasteType ${type}`);
  const src = requireGrid(book, req.source);
  const dest = requireSheet(book, req.destination?.sheetId);
  const r0 = req.destination?.rowIndex ?? 0;
  const c0 = req.destination?.columnIndex ?? 0;
  const cells: { i: number; j: number; cell: Cell | undefined }[] = [];
  for (let r = src.startRow; r < src.endRow; r++) {
    for (let c = src.startCol; c < src.endCol; c++)
      cells.push({ i: r - src.startRow, j: c - src.startCol, cell: getCell(src.sheet, r, c) });
  }
  for (let r = src.startRow; r < src.endRow; r++)
    for (let c = src.startCol; c < src.endCol; c++) setCell(src.sheet, r, c, undefined);
  ensureGrid(book, dest, r0 + src.endRow - src.startRow, c0 + src.endCol - src.startCol);
  for (const { i, j, cell } of cells) setCell(dest, r0 + i, c0 + j, cell);
  return undefined;
}

/** appendCells: writes rows after the last row holding any cell data, growing the sheet as needed. */
export function appendCells(book: Book, req: sheets_v4.Schema$AppendCellsRequest): undefined {
  if (req.tableId) throw unimplemented('appendCells into a table');
  const sheet = requireSheet(book, req.sheetId);
  let last = sheet.rows.length;
  while (last > 0 && !(sheet.rows[last - 1] ?? []).some((c) => c && Object.keys(c).length > 0)) last--;
  const rows = req.rows ?? [];
  const width = Math.max(0, ...rows.map((r) => r.values?.length ?? 0));
  ensureGrid(book, sheet, last + rows.length, width);
  writeCellRows(sheet, last, 0, rows, req.fields);
  return undefined;
}

function scopeSheets(
  book: Book,
  req: { range?: sheets_v4.Schema$GridRange | null; sheetId?: number | null; allSheets?: boolean | null },
): Rect[] {
  if (req.range) return [requireGrid(book, req.range)];
  if (req.sheetId != null) return [requireGrid(book, { sheetId: req.sheetId })];
  if (req.allSheets) return book.sheets.map((s) => requireGrid(book, { sheetId: s.properties.sheetId }));
  throw badRequest('One of range, sheetId or allSheets must be set.');
}

/** findReplace over text and (with includeFormulas) formulas; replies with Google's counters. */
export function findReplace(book: Book, req: sheets_v4.Schema$FindReplaceRequest): sheets_v4.Schema$Response {
  if (!req.find) throw badRequest('The find string must not be empty.');
  const flags = req.matchCase ? 'g' : 'gi';
  let source = req.searchByRegex ? req.find : req.find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (req.matchEntireCell) source = `^(?:${source})$`;
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch {
    throw badRequest(`Invalid regular expression: ${req.find}`);
  }
  const replacement = req.replacement ?? '';
  const counts = {
    valuesChanged: 0,
    formulasChanged: 0,
    rowsChanged: 0,
    sheetsChanged: 0,
    occurrencesChanged: 0,
  };
  for (const rect of scopeSheets(book, req)) {
    let sheetChanged = false;
    for (let r = rect.startRow; r < Math.min(rect.endRow, rect.sheet.rows.length); r++) {
      let rowChanged = false;
      for (let c = rect.startCol; c < rect.endCol; c++) {
        const cell = getCell(rect.sheet, r, c);
        const uv = cell?.userEnteredValue;
        const isFormula = uv?.formulaValue != null;
        const text = isFormula ? (req.includeFormulas ? uv.formulaValue : null) : (uv?.stringValue ?? null);
        if (text == null) continue;
        const hits = text.match(re)?.length ?? 0;
        if (hits === 0) continue;
        const next = req.searchByRegex ? text.replace(re, replacement) : text.replace(re, () => replacement);
        const value = isFormula ? { formulaValue: next } : { stringValue: next };
        checkLength(value);
        setCell(rect.sheet, r, c, { ...cell, userEnteredValue: value });
        counts.occurrencesChanged += hits;
        if (isFormula) counts.formulasChanged++;
        else counts.valuesChanged++;
        rowChanged = true;
      }
      if (rowChanged) {
        counts.rowsChanged++;
        sheetChanged = true;
      }
    }
    if (sheetChanged) counts.sheetsChanged++;
  }
  const reply = Object.fromEntries(Object.entries(counts).filter(([, v]) => v > 0));
  return { findReplace: reply };
}

/** trimWhitespace: trims text cells and collapses inner whitespace runs to one space. */
export function trimWhitespace(
  book: Book,
  req: sheets_v4.Schema$TrimWhitespaceRequest,
): sheets_v4.Schema$Response {
  const rect = requireGrid(book, req.range);
  let changed = 0;
  for (let r = rect.startRow; r < Math.min(rect.endRow, rect.sheet.rows.length); r++) {
    for (let c = rect.startCol; c < rect.endCol; c++) {
      const cell = getCell(rect.sheet, r, c);
      const s = cell?.userEnteredValue?.stringValue;
      if (s == null) continue;
      const t = s.replace(/\s+/gu, ' ').trim();
      if (t === s) continue;
      setCell(rect.sheet, r, c, { ...cell, userEnteredValue: { stringValue: t } });
      changed++;
    }
  }
  return { trimWhitespace: changed > 0 ? { cellsChangedCount: changed } : {} };
}

function rowKey(renderer: Renderer, sheet: SheetData, r: number, cols: number[]): string {
  return JSON.stringify(
    cols.map((c) => {
      const v = renderer.effective(sheet, r, c);
      return typeof v === 'string' ? v.toLowerCase() : v instanceof Object ? v.text : v;
    }),
  );
}

/** Rewrites the rows of a range from a list of source rows (cells of the range's columns only). */
function rewriteRows(rect: Rect, order: number[]): void {
  const width = rect.endCol - rect.startCol;
  const rows = order.map((r) =>
    Array.from({ length: width }, (_, j) => getCell(rect.sheet, r, rect.startCol + j)),
  );
  for (let i = 0; i < rect.endRow - rect.startRow; i++) {
    for (let j = 0; j < width; j++) setCell(rect.sheet, rect.startRow + i, rect.startCol + j, rows[i]?.[j]);
  }
}

/** deleteDuplicates: keeps the first of rows equal (case-insensitively) in the comparison columns; the rest move up. */
export function deleteDuplicates(
  book: Book,
  req: sheets_v4.Schema$DeleteDuplicatesRequest,
): sheets_v4.Schema$Response {
  const rect = requireGrid(book, req.range);
  const cols: number[] = [];
  for (const d of req.comparisonColumns ?? []) {
    if (d.dimension !== 'COLUMNS') throw badRequest('comparisonColumns must be COLUMNS dimension ranges.');
    for (let c = d.startIndex ?? rect.startCol; c < (d.endIndex ?? rect.endCol); c++) {
      if (c < rect.startCol || c >= rect.endCol)
        throw badRequest(`Comparison column ${c} is outside the range.`);
      cols.push(c);
    }
  }
  if (cols.length === 0) for (let c = rect.startCol; c < rect.endCol; c++) cols.push(c);
  const renderer = new Renderer(book);
  const seen = new Set<string>();
  const keep: number[] = [];
  for (let r = rect.startRow; r < Math.min(rect.endRow, rect.sheet.rows.length); r++) {
    const k = rowKey(renderer, rect.sheet, r, cols);
    if (seen.has(k)) continue;
    seen.add(k);
    keep.push(r);
  }
  const removed = Math.min(rect.endRow, rect.sheet.rows.length) - rect.startRow - keep.length;
  if (removed > 0) rewriteRows(rect, keep);
  return { deleteDuplicates: removed > 0 ? { duplicatesRemovedCount: removed } : {} };
}

/** randomizeRange: shuffles the rows of the range (cells only). */
export function randomizeRange(book: Book, req: sheets_v4.Schema$RandomizeRangeRequest): undefined {
  const rect = requireGrid(book, req.range);
  const order = Array.from({ length: rect.endRow - rect.startRow }, (_, i) => rect.startRow + i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  rewriteRows(rect, order);
  return undefined;
}

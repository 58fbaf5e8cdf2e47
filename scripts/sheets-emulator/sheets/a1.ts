/** A1 / R1C1 notation: parsing ranges against a book, clamping to the grid, and Google's canonical range strings. */
import { badRequest, unparsableRange } from './errors.js';
import { columnCount, rowCount, sheetById } from './model.js';
import type { Book, SheetData } from './model.js';

/** Zero-based, half-open bounds; undefined means unbounded on that side. */
export interface Bounds {
  startRow?: number;
  endRow?: number;
  startCol?: number;
  endCol?: number;
}

/** A range on one sheet: bounds may be unbounded. */
export interface SheetRange extends Bounds {
  sheet: SheetData;
}

/** A range on one sheet with every bound resolved against the grid. */
export interface Rect {
  sheet: SheetData;
  startRow: number;
  endRow: number;
  startCol: number;
  endCol: number;
}

const MAX_COLUMN_LETTERS = 3;

/** Column letters ("A", "AB") for a zero-based column index. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Zero-based column index for letters, or -1 when not 1–3 letters. */
export function columnIndex(letters: string): number {
  if (letters.length === 0 || letters.length > MAX_COLUMN_LETTERS) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) return -1;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** A sheet title as it appears in a range: quoted (with doubled apostrophes) unless it is a plain identifier. */
export function quoteSheetTitle(title: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(title) && !looksLikeReference(title);
  return plain ? title : `'${title.replace(/'/g, "''")}'`;
}

function looksLikeReference(s: string): boolean {
  return /^[A-Za-z]{1,3}[0-9]+$/.test(s) || /^R[0-9]*C[0-9]*$/i.test(s) || /^(TRUE|FALSE)$/i.test(s);
}

type Part = { row?: number; col?: number };

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]+)$/;
const R1C1 = /^R(\[-?[0-9]+\]|[0-9]+)?C(\[-?[0-9]+\]|[0-9]+)?$/i;
const R_ONLY = /^R(\[-?[0-9]+\]|[0-9]+)$/i;
const C_ONLY = /^C(\[-?[0-9]+\]|[0-9]+)$/i;

function a1Part(s: string): Part | null {
  let m = CELL.exec(s);
  if (m) {
    const col = columnIndex(m[1]!);
    const row = Number(m[2]) - 1;
    return col < 0 || row < 0 ? null : { row, col };
  }
  m = COL.exec(s);
  if (m) {
    const col = columnIndex(m[1]!);
    return col < 0 ? null : { col };
  }
  m = ROW.exec(s);
  if (m) {
    const row = Number(m[1]) - 1;
    return row < 0 ? null : { row };
  }
  return null;
}

function r1c1Index(token: string | undefined): number | null {
  if (token === undefined) return null;
  const n = token.startsWith('[') ? 1 + Number(token.slice(1, -1)) : Number(token);
  return Number.isInteger(n) && n >= 1 ? n - 1 : -1;
}

function r1c1Part(s: string): Part | null {
  if (CELL.test(s)) return null; // "R1", "C2" are A1 cells
  let m = R1C1.exec(s);
  if (m && m[1] !== undefined && m[2] !== undefined) {
    const row = r1c1Index(m[1]);
    const col = r1c1Index(m[2]);
    if (row === null || col === null || row < 0 || col < 0) return null;
    return { row, col };
  }
  m = R_ONLY.exec(s);
  if (m) {
    const row = r1c1Index(m[1]);
    return row === null || row < 0 ? null : { row };
  }
  m = C_ONLY.exec(s);
  if (m) {
    const col = r1c1Index(m[1]);
    return col === null || col < 0 ? null : { col };
  }
  return null;
}

function combine(a: Part, b: Part): Bounds | null {
  const hasRowA = a.row !== undefined;
  const hasColA = a.col !== undefined;
  const hasRowB = b.row !== undefined;
  const hasColB = b.col !== undefined;
  if (hasColA !== hasColB && !(hasRowA && hasColA)) return null;
  if (!hasColA && !hasColB) {
    // 2:5
    const lo = Math.min(a.row!, b.row!);
    const hi = Math.max(a.row!, b.row!);
    return { startRow: lo, endRow: hi + 1 };
  }
  if (!hasRowA && !hasRowB) {
    // A:C
    const lo = Math.min(a.col!, b.col!);
    const hi = Math.max(a.col!, b.col!);
    return { startCol: lo, endCol: hi + 1 };
  }
  if (hasRowA && hasColA && hasRowB && hasColB) {
    return {
      startRow: Math.min(a.row!, b.row!),
      endRow: Math.max(a.row!, b.row!) + 1,
      startCol: Math.min(a.col!, b.col!),
      endCol: Math.max(a.col!, b.col!) + 1,
    };
  }
  if (hasRowA && hasColA && hasColB && !hasRowB) {
    // A5:B — from row 5 down
    return { startRow: a.row!, startCol: Math.min(a.col!, b.col!), endCol: Math.max(a.col!, b.col!) + 1 };
  }
  if (hasRowA && hasColA && hasRowB && !hasColB) {
    // A5:7 — columns from A rightwards
    return { startRow: Math.min(a.row!, b.row!), endRow: Math.max(a.row!, b.row!) + 1, startCol: a.col! };
  }
  return null;
}

/** Parses the part of a range after "!" (A1 or R1C1, never mixed); null when malformed. */
export function parseBounds(text: string): Bounds | null {
  const parts = text.split(':');
  if (parts.length > 2 || parts.some((p) => p.length === 0)) return null;
  for (const parse of [a1Part, r1c1Part]) {
    const ps = parts.map(parse);
    if (ps.some((p) => p === null)) continue;
    const [a, b] = ps as Part[];
    if (!b) {
      if (a!.row === undefined || a!.col === undefined) return null; // a bare "A" or "5" is not a range
      return { startRow: a!.row, endRow: a!.row + 1, startCol: a!.col, endCol: a!.col + 1 };
    }
    return combine(a!, b);
  }
  return null;
}

/** The sheet with this title (exact match first, then case-insensitive). */
export function sheetByTitle(book: Book, title: string): SheetData | undefined {
  return (
    book.sheets.find((s) => s.properties.title === title) ??
    book.sheets.find((s) => s.properties.title.toLowerCase() === title.toLowerCase())
  );
}

/** The first sheet not hidden (or the first sheet). */
export function firstVisibleSheet(book: Book): SheetData {
  const s = book.sheets.find((x) => !x.properties.hidden) ?? book.sheets[0];
  if (!s) throw badRequest('The spreadsheet has no sheets.');
  return s;
}

function splitSheet(text: string): { sheet?: string; quoted: boolean; rest?: string } | null {
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    for (;;) {
      if (i >= text.length) return null;
      const ch = text[i]!;
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    const after = text.slice(i + 1);
    if (after === '') return { sheet: name, quoted: true };
    if (!after.startsWith('!')) return null;
    return { sheet: name, quoted: true, rest: after.slice(1) };
  }
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { quoted: false, rest: text };
  return { sheet: text.slice(0, bang), quoted: false, rest: text.slice(bang + 1) };
}

/** Resolves a range string (A1, R1C1, sheet name, named range) to a sheet range; throws "Unable to parse range". */
export function parseRange(book: Book, text: string): SheetRange {
  const trimmed = text.trim();
  const split = splitSheet(trimmed);
  if (!split || trimmed === '') throw unparsableRange(text);
  if (split.sheet === undefined) {
    const rest = split.rest ?? '';
    const named = book.namedRanges.find((n) => (n.name ?? '').toLowerCase() === rest.toLowerCase());
    if (named?.range) {
      const sheet = sheetById(book, named.range.sheetId ?? 0);
      if (sheet) return { sheet, ...gridRangeBounds(named.range) };
    }
    const bounds = parseBounds(rest);
    if (bounds) return { sheet: firstVisibleSheet(book), ...bounds };
    const sheet = sheetByTitle(book, rest);
    if (sheet) return { sheet };
    throw unparsableRange(text);
  }
  const sheet = sheetByTitle(book, split.sheet);
  if (!sheet) throw unparsableRange(text);
  if (split.rest === undefined) return { sheet };
  const bounds = parseBounds(split.rest);
  if (!bounds) throw unparsableRange(text);
  return { sheet, ...bounds };
}

/** Bounds of an API GridRange. */
export function gridRangeBounds(g: {
  startRowIndex?: number | null;
  endRowIndex?: number | null;
  startColumnIndex?: number | null;
  endColumnIndex?: number | null;
}): Bounds {
  const b: Bounds = {};
  if (g.startRowIndex != null) b.startRow = g.startRowIndex;
  if (g.endRowIndex != null) b.endRow = g.endRowIndex;
  if (g.startColumnIndex != null) b.startCol = g.startColumnIndex;
  if (g.endColumnIndex != null) b.endCol = g.endColumnIndex;
  return b;
}

/** The canonical A1 string for a sheet range: `Sheet1!A1:B2`, `'My Sheet'!A:A`, `Sheet1!3:4`, `Sheet1`. */
export function formatRange(r: SheetRange): string {
  const name = quoteSheetTitle(r.sheet.properties.title);
  const a1 = formatBounds(r);
  return a1 ? `${name}!${a1}` : name;
}

/** The A1 part of bounds ('' for a whole sheet). */
export function formatBounds(b: Bounds): string {
  const { startRow, endRow, startCol, endCol } = b;
  const rowsBounded = startRow !== undefined || endRow !== undefined;
  const colsBounded = startCol !== undefined || endCol !== undefined;
  if (!rowsBounded && !colsBounded) return '';
  if (!rowsBounded) return `${columnLetters(startCol ?? 0)}:${columnLetters((endCol ?? 1) - 1)}`;
  if (!colsBounded) return `${(startRow ?? 0) + 1}:${endRow ?? (startRow ?? 0) + 1}`;
  const start = `${columnLetters(startCol ?? 0)}${(startRow ?? 0) + 1}`;
  if (endRow === undefined) return `${start}:${columnLetters((endCol ?? (startCol ?? 0) + 1) - 1)}`;
  if (endCol === undefined) return `${start}:${endRow}`;
  if (endRow - (startRow ?? 0) === 1 && endCol - (startCol ?? 0) === 1) return start;
  return `${start}:${columnLetters(endCol - 1)}${endRow}`;
}

/** Resolves unbounded edges against the grid and clamps the end; a start outside the grid is Google's "exceeds grid limits" error. */
export function clampToGrid(r: SheetRange): Rect {
  const rows = rowCount(r.sheet);
  const cols = columnCount(r.sheet);
  const startRow = r.startRow ?? 0;
  const startCol = r.startCol ?? 0;
  if (startRow >= rows || startCol >= cols) throw exceedsGrid(r);
  return {
    sheet: r.sheet,
    startRow,
    startCol,
    endRow: Math.min(r.endRow ?? rows, rows),
    endCol: Math.min(r.endCol ?? cols, cols),
  };
}

/** Google's "Range (…) exceeds grid limits" error for a range on its sheet. */
export function exceedsGrid(r: SheetRange): Error {
  return badRequest(
    `Range (${formatRange(r)}) exceeds grid limits. Max rows: ${rowCount(r.sheet)}, max columns: ${columnCount(r.sheet)}`,
  );
}

/** The canonical string of a resolved rectangle. */
export function formatRect(r: Rect): string {
  return formatRange(r);
}

/** Parses then clamps a range string. */
export function resolveRange(book: Book, text: string): Rect {
  return clampToGrid(parseRange(book, text));
}

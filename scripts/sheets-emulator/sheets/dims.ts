/** Inserting, deleting and moving rows or columns: cells, dimension properties (and the developer metadata on them), ranges and formulas follow. */
import type { sheets_v4 } from '@googleapis/sheets';
import { sheetByTitle } from './a1.js';
import { adjustFormula } from './formula-refs.js';
import type { DimChange } from './formula-refs.js';
import { resizeGrid } from './grid.js';
import { columnCount, rowCount, setCell } from './model.js';
import type { Book, Cell, DimProps, Row, SheetData } from './model.js';

/** Rows or columns. */
export type Dim = 'ROWS' | 'COLUMNS';

/** Maps an old index to its new one (or -1 when deleted). */
type IndexMap = (i: number) => number;

function mapSpan(
  start: number | null | undefined,
  end: number | null | undefined,
  map: IndexMap,
): [number?, number?] | null {
  if (start == null && end == null) return [undefined, undefined];
  const s = start ?? 0;
  if (end == null) {
    let ns = -1;
    for (let i = s; ns < 0 && i < s + 100_000; i++) ns = map(i);
    return ns < 0 ? null : [start == null ? undefined : ns, undefined];
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = s; i < end; i++) {
    const n = map(i);
    if (n < 0) continue;
    lo = Math.min(lo, n);
    hi = Math.max(hi, n);
  }
  if (lo === Infinity) return null;
  return [start == null ? undefined : lo, hi + 1];
}

function insertMap(at: number, count: number): IndexMap {
  return (i) => (i >= at ? i + count : i);
}

function deleteMap(start: number, end: number): IndexMap {
  return (i) => (i >= end ? i - (end - start) : i >= start ? -1 : i);
}

function moveMap(start: number, end: number, dest: number): IndexMap {
  const n = end - start;
  const to = dest > start ? dest - n : dest;
  return (i) => {
    if (i >= start && i < end) return to + (i - start);
    let j = i >= end ? i - n : i;
    if (j >= to) j += n;
    return j;
  };
}

/** Re-maps a GridRange on `sheetId` along `dim`; null when all of it was deleted. Insertions at the very end of a range do not extend it. */
export function mapGridRange(
  g: sheets_v4.Schema$GridRange,
  sheetId: number,
  dim: Dim,
  map: IndexMap,
  insert?: { at: number; count: number },
): sheets_v4.Schema$GridRange | null {
  if ((g.sheetId ?? 0) !== sheetId) return g;
  const [sk, ek] =
    dim === 'ROWS'
      ? (['startRowIndex', 'endRowIndex'] as const)
      : (['startColumnIndex', 'endColumnIndex'] as const);
  let span: [number?, number?] | null;
  if (insert) {
    const s = g[sk];
    const e = g[ek];
    span = [
      s == null ? undefined : s >= insert.at ? s + insert.count : s,
      e == null ? undefined : e > insert.at ? e + insert.count : e,
    ];
  } else span = mapSpan(g[sk], g[ek], map);
  if (!span) return null;
  const out = { ...g };
  if (span[0] === undefined) delete out[sk];
  else out[sk] = span[0];
  if (span[1] === undefined) delete out[ek];
  else out[ek] = span[1];
  return out;
}

function remapRanges(
  book: Book,
  sheet: SheetData,
  dim: Dim,
  map: IndexMap,
  insert?: { at: number; count: number },
): void {
  const id = sheet.properties.sheetId;
  const m = (g: sheets_v4.Schema$GridRange): sheets_v4.Schema$GridRange | null =>
    mapGridRange(g, id, dim, map, insert);
  sheet.merges = sheet.merges.map(m).filter((g): g is sheets_v4.Schema$GridRange => g !== null);
  book.namedRanges = book.namedRanges.filter((n) => {
    if (!n.range) return true;
    const g = m(n.range);
    if (g) n.range = g;
    return g !== null;
  });
  for (const s of book.sheets) {
    s.protectedRanges = s.protectedRanges.filter((p) => {
      if (!p.range) return true;
      const g = m(p.range);
      if (g) p.range = g;
      if (p.unprotectedRanges)
        p.unprotectedRanges = p.unprotectedRanges
          .map(m)
          .filter((x): x is sheets_v4.Schema$GridRange => x !== null);
      return g !== null;
    });
    s.conditionalFormats = s.conditionalFormats.filter((cf) => {
      cf.ranges = (cf.ranges ?? []).map(m).filter((x): x is sheets_v4.Schema$GridRange => x !== null);
      return cf.ranges.length > 0;
    });
    s.bandedRanges = s.bandedRanges.filter((b) => {
      if (!b.range) return true;
      const g = m(b.range);
      if (g) b.range = g;
      return g !== null;
    });
    s.filterViews = s.filterViews.filter((f) => {
      if (!f.range) return true;
      const g = m(f.range);
      if (g) f.range = g;
      return g !== null;
    });
    if (s.basicFilter?.range) {
      const g = m(s.basicFilter.range);
      if (g) s.basicFilter.range = g;
      else delete s.basicFilter;
    }
    for (const ch of s.charts) {
      const a = ch.position?.overlayPosition?.anchorCell;
      if (a && (a.sheetId ?? 0) === id) {
        const key = dim === 'ROWS' ? 'rowIndex' : 'columnIndex';
        const n = map(a[key] ?? 0);
        a[key] = n < 0 ? 0 : n;
      }
    }
  }
}

function rewriteFormulas(book: Book, target: SheetData, change: DimChange): void {
  for (const host of book.sheets) {
    const refersTo = (name: string | undefined): boolean =>
      name === undefined ? host === target : sheetByTitle(book, name) === target;
    host.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((cell, c) => {
        const f = cell?.userEnteredValue?.formulaValue;
        if (f == null) return;
        const nf = adjustFormula(f, refersTo, change);
        if (nf !== f) setCell(host, r, c, { ...cell, userEnteredValue: { formulaValue: nf } });
      });
    });
  }
}

function inheritedProps(p: DimProps | null | undefined): DimProps | null {
  if (!p) return null;
  const { metadataIds: _ignored, ...rest } = p;
  return Object.keys(rest).length > 0 ? rest : null;
}

/** Inserts `count` rows or columns before index `at`. Developer metadata stays on the dimensions it was on. */
export function insertDims(
  book: Book,
  sheet: SheetData,
  dim: Dim,
  at: number,
  count: number,
  inheritFromBefore = false,
): void {
  if (count <= 0) return;
  const props = dim === 'ROWS' ? sheet.rowProps : sheet.colProps;
  const src = inheritFromBefore ? props[at - 1] : props[at];
  const fill = (): (DimProps | null)[] => Array.from({ length: count }, () => inheritedProps(src));
  if (at <= props.length) props.splice(at, 0, ...fill());
  if (dim === 'ROWS') {
    resizeGrid(book, sheet, rowCount(sheet) + count, columnCount(sheet));
    if (at < sheet.rows.length)
      sheet.rows.splice(at, 0, ...Array.from({ length: count }, (): Row | null => null));
  } else {
    resizeGrid(book, sheet, rowCount(sheet), columnCount(sheet) + count);
    for (const row of sheet.rows) {
      if (row && at < row.length)
        row.splice(at, 0, ...Array.from({ length: count }, (): Cell | null => null));
    }
  }
  remapRanges(book, sheet, dim, insertMap(at, count), { at, count });
  rewriteFormulas(book, sheet, { dim, kind: 'insert', at, count });
}

/** Deletes rows or columns [start, end); metadata on them goes with them. */
export function deleteDims(book: Book, sheet: SheetData, dim: Dim, start: number, end: number): void {
  if (end <= start) return;
  const props = dim === 'ROWS' ? sheet.rowProps : sheet.colProps;
  if (start < props.length) props.splice(start, end - start);
  if (dim === 'ROWS') {
    if (start < sheet.rows.length) sheet.rows.splice(start, end - start);
    rewriteFormulas(book, sheet, { dim, kind: 'delete', start, end });
    remapRanges(book, sheet, dim, deleteMap(start, end));
    resizeGrid(book, sheet, rowCount(sheet) - (end - start), columnCount(sheet));
  } else {
    for (const row of sheet.rows) if (row && start < row.length) row.splice(start, end - start);
    rewriteFormulas(book, sheet, { dim, kind: 'delete', start, end });
    remapRanges(book, sheet, dim, deleteMap(start, end));
    resizeGrid(book, sheet, rowCount(sheet), columnCount(sheet) - (end - start));
  }
}

function moveBlock<T>(arr: T[], start: number, end: number, dest: number, empty: T): void {
  const need = Math.max(end, dest);
  while (arr.length < need) arr.push(empty);
  const block = arr.splice(start, end - start);
  const to = dest > start ? dest - (end - start) : dest;
  arr.splice(to, 0, ...block);
}

/** Moves rows or columns [start, end) so that they sit before old index `dest`; data, properties, metadata and references travel together. */
export function moveDims(
  book: Book,
  sheet: SheetData,
  dim: Dim,
  start: number,
  end: number,
  dest: number,
): void {
  if (dest >= start && dest <= end) return;
  if (dim === 'ROWS') {
    moveBlock(sheet.rows, start, end, dest, null);
    moveBlock(sheet.rowProps, start, end, dest, null);
  } else {
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      if (row) moveBlock(row, start, end, dest, null);
    }
    moveBlock(sheet.colProps, start, end, dest, null);
  }
  remapRanges(book, sheet, dim, moveMap(start, end, dest));
  rewriteFormulas(book, sheet, { dim, kind: 'move', start, end, dest });
}

/** batchUpdate requests on rows and columns: insert/delete/move/appendDimension, updateDimensionProperties, autoResizeDimensions, insertRange, deleteRange. */
import type { sheets_v4 } from '@googleapis/sheets';
import { deleteDims, insertDims, moveDims } from '../dims.js';
import type { Dim } from '../dims.js';
import { badRequest, unimplemented } from '../errors.js';
import { ensureGrid } from '../grid.js';
import { purgeMetadata } from '../metadata.js';
import { columnCount, getCell, rowCount, setCell } from '../model.js';
import type { Book, Cell, DimProps, SheetData } from '../model.js';
import { Renderer } from '../render.js';
import { applyMask } from './mask.js';
import { requireSheet } from './sheets.js';
import { requireGrid } from './cells.js';

function dimOf(d: string | null | undefined): Dim {
  if (d === 'ROWS' || d === 'COLUMNS') return d;
  throw badRequest('The dimension must be ROWS or COLUMNS.');
}

function count(sheet: SheetData, dim: Dim): number {
  return dim === 'ROWS' ? rowCount(sheet) : columnCount(sheet);
}

function span(
  sheet: SheetData,
  r: sheets_v4.Schema$DimensionRange | undefined,
  opts: { bounded?: boolean } = {},
): { dim: Dim; start: number; end: number } {
  const dim = dimOf(r?.dimension);
  if (opts.bounded && (r?.startIndex == null || r.endIndex == null)) {
    throw badRequest('The range must be bounded (startIndex and endIndex are required).');
  }
  const start = r?.startIndex ?? 0;
  const end = r?.endIndex ?? count(sheet, dim);
  if (start < 0 || end < start)
    throw badRequest(`Invalid dimension range: startIndex ${start}, endIndex ${end}.`);
  return { dim, start, end };
}

/** insertDimension */
export function insertDimension(book: Book, req: sheets_v4.Schema$InsertDimensionRequest): undefined {
  const sheet = requireSheet(book, req.range?.sheetId);
  const { dim, start, end } = span(sheet, req.range ?? undefined, { bounded: true });
  const n = count(sheet, dim);
  if (start > n) {
    throw badRequest(
      `Cannot insert ${dim === 'ROWS' ? 'rows' : 'columns'} at index ${start}: the sheet has only ${n} ${dim === 'ROWS' ? 'rows' : 'columns'}.`,
    );
  }
  if (req.inheritFromBefore && start === 0)
    throw badRequest('Cannot inherit from before when inserting at index 0.');
  insertDims(book, sheet, dim, start, end - start, Boolean(req.inheritFromBefore));
  return undefined;
}

/** deleteDimension: metadata on deleted rows/columns is deleted with them. */
export function deleteDimension(book: Book, req: sheets_v4.Schema$DeleteDimensionRequest): undefined {
  const sheet = requireSheet(book, req.range?.sheetId);
  const { dim, start, end } = span(sheet, req.range ?? undefined);
  const n = count(sheet, dim);
  const noun = dim === 'ROWS' ? 'row' : 'column';
  if (end > n) {
    throw badRequest(
      `Cannot delete a ${noun} that doesn't exist. Tried to delete ${noun} index ${end - 1} but there are only ${n} ${noun}s.`,
    );
  }
  if (end - start >= n) throw badRequest(`You can't delete all the ${noun}s on the sheet.`);
  const frozen =
    dim === 'ROWS'
      ? (sheet.properties.gridProperties?.frozenRowCount ?? 0)
      : (sheet.properties.gridProperties?.frozenColumnCount ?? 0);
  if (frozen > 0 && start <= frozen && end >= n && n - (end - start) <= frozen) {
    throw badRequest(`Sorry, it is not possible to delete all non-frozen ${noun}s.`);
  }
  deleteDims(book, sheet, dim, start, end);
  purgeMetadata(book);
  return undefined;
}

/** moveDimension: data, properties and developer metadata move together. */
export function moveDimension(book: Book, req: sheets_v4.Schema$MoveDimensionRequest): undefined {
  const sheet = requireSheet(book, req.source?.sheetId);
  const { dim, start, end } = span(sheet, req.source ?? undefined, { bounded: true });
  const n = count(sheet, dim);
  const dest = req.destinationIndex ?? 0;
  if (end > n || dest < 0 || dest > n)
    throw badRequest(`Invalid move: source ${start}-${end}, destination ${dest}, size ${n}.`);
  moveDims(book, sheet, dim, start, end, dest);
  return undefined;
}

/** appendDimension */
export function appendDimension(book: Book, req: sheets_v4.Schema$AppendDimensionRequest): undefined {
  const sheet = requireSheet(book, req.sheetId);
  const dim = dimOf(req.dimension);
  const length = req.length ?? 0;
  if (length <= 0) throw badRequest('The length must be positive.');
  if (dim === 'ROWS') ensureGrid(book, sheet, rowCount(sheet) + length, columnCount(sheet));
  else ensureGrid(book, sheet, rowCount(sheet), columnCount(sheet) + length);
  return undefined;
}

/** updateDimensionProperties (pixelSize, hiddenByUser; honours `fields`). */
export function updateDimensionProperties(
  book: Book,
  req: sheets_v4.Schema$UpdateDimensionPropertiesRequest,
): undefined {
  if (req.dataSourceSheetRange) throw unimplemented('updateDimensionProperties on data source sheets');
  const sheet = requireSheet(book, req.range?.sheetId);
  const { dim, start, end } = span(sheet, req.range ?? undefined);
  const props = dim === 'ROWS' ? sheet.rowProps : sheet.colProps;
  const src = req.properties ?? {};
  if (src.developerMetadata)
    throw badRequest(
      'developerMetadata cannot be set with updateDimensionProperties; use createDeveloperMetadata.',
    );
  for (let i = start; i < Math.min(end, count(sheet, dim)); i++) {
    const cur: DimProps = props[i] ?? {};
    const next = applyMask(
      { pixelSize: cur.pixelSize, hiddenByUser: cur.hiddenByUser },
      src,
      req.fields,
      ['pixelSize', 'hiddenByUser', 'hiddenByFilter', 'developerMetadata'],
      'properties',
    );
    const out: DimProps = {};
    if (next.pixelSize != null) out.pixelSize = next.pixelSize;
    if (next.hiddenByUser) out.hiddenByUser = true;
    if (cur.metadataIds) out.metadataIds = cur.metadataIds;
    while (props.length < i) props.push(null);
    props[i] = Object.keys(out).length > 0 ? out : null;
  }
  return undefined;
}

/** autoResizeDimensions: sizes from the longest formatted text (7 px per character + padding; rows 21 px per line). */
export function autoResizeDimensions(
  book: Book,
  req: sheets_v4.Schema$AutoResizeDimensionsRequest,
): undefined {
  if (req.dataSourceSheetDimensions) throw unimplemented('autoResizeDimensions on data source sheets');
  const sheet = requireSheet(book, req.dimensions?.sheetId);
  const { dim, start, end } = span(sheet, req.dimensions ?? undefined);
  const renderer = new Renderer(book);
  const props = dim === 'ROWS' ? sheet.rowProps : sheet.colProps;
  for (let i = start; i < Math.min(end, count(sheet, dim)); i++) {
    let size = dim === 'ROWS' ? 21 : 100;
    if (dim === 'COLUMNS') {
      let longest = 0;
      for (let r = 0; r < sheet.rows.length; r++) {
        const t = renderer.formatted(sheet, r, i);
        if (t) longest = Math.max(longest, ...t.split('\n').map((l) => l.length));
      }
      if (longest > 0) size = Math.max(21, longest * 7 + 10);
    } else {
      let lines = 1;
      for (let c = 0; c < (sheet.rows[i]?.length ?? 0); c++)
        lines = Math.max(lines, (renderer.formatted(sheet, i, c) ?? '').split('\n').length);
      size = 21 * lines;
    }
    while (props.length < i) props.push(null);
    props[i] = { ...props[i], pixelSize: size };
  }
  return undefined;
}

function shiftCells(
  sheet: SheetData,
  rowsFirst: boolean,
  r0: number,
  r1: number,
  c0: number,
  c1: number,
  by: number,
): void {
  // Moves every cell at or after the range along one axis by `by` (negative to pull back).
  if (rowsFirst) {
    const last = sheet.rows.length;
    const cells: { r: number; c: number; cell: Cell | undefined }[] = [];
    for (let c = c0; c < c1; c++)
      for (let r = r0; r < last; r++) cells.push({ r, c, cell: getCell(sheet, r, c) });
    for (const { r, c } of cells) setCell(sheet, r, c, undefined);
    for (const { r, c, cell } of cells) if (cell) setCell(sheet, r + by, c, cell);
  } else {
    const cells: { r: number; c: number; cell: Cell | undefined }[] = [];
    for (let r = r0; r < Math.min(r1, sheet.rows.length); r++) {
      const len = sheet.rows[r]?.length ?? 0;
      for (let c = c0; c < len; c++) cells.push({ r, c, cell: getCell(sheet, r, c) });
    }
    for (const { r, c } of cells) setCell(sheet, r, c, undefined);
    for (const { r, c, cell } of cells) if (cell) setCell(sheet, r, c + by, cell);
  }
}

/** insertRange: shifts existing cells down (ROWS) or right (COLUMNS), growing the grid by the inserted size. */
export function insertRange(book: Book, req: sheets_v4.Schema$InsertRangeRequest): undefined {
  const rect = requireGrid(book, req.range);
  const dim = dimOf(req.shiftDimension);
  const { sheet, startRow, endRow, startCol, endCol } = rect;
  if (dim === 'ROWS') {
    const h = endRow - startRow;
    ensureGrid(
      book,
      sheet,
      Math.max(rowCount(sheet), Math.max(sheet.rows.length, startRow) + h),
      columnCount(sheet),
    );
    shiftCells(sheet, true, startRow, endRow, startCol, endCol, h);
  } else {
    const w = endCol - startCol;
    let maxLen = 0;
    for (let r = startRow; r < endRow; r++) maxLen = Math.max(maxLen, sheet.rows[r]?.length ?? 0);
    ensureGrid(book, sheet, rowCount(sheet), Math.max(columnCount(sheet), Math.max(maxLen, startCol) + w));
    shiftCells(sheet, false, startRow, endRow, startCol, endCol, w);
  }
  return undefined;
}

/** deleteRange: removes the cells and shifts the rest up (ROWS) or left (COLUMNS). */
export function deleteRange(book: Book, req: sheets_v4.Schema$DeleteRangeRequest): undefined {
  const rect = requireGrid(book, req.range);
  const dim = dimOf(req.shiftDimension);
  const { sheet, startRow, endRow, startCol, endCol } = rect;
  for (let r = startRow; r < endRow; r++)
    for (let c = startCol; c < endCol; c++) setCell(sheet, r, c, undefined);
  if (dim === 'ROWS') shiftCells(sheet, true, endRow, endRow, startCol, endCol, -(endRow - startRow));
  else shiftCells(sheet, false, startRow, endRow, endCol, endCol, -(endCol - startCol));
  purgeMetadata(book);
  return undefined;
}

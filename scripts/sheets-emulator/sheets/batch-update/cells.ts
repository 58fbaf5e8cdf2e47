/** batchUpdate requests on cells: repeatCell, updateCells, updateBorders, setDataValidation, mergeCells, unmergeCells, sortRange. */
import type { sheets_v4 } from '@googleapis/sheets';
import { exceedsGrid, gridRangeBounds } from '../a1.js';
import type { Rect } from '../a1.js';
import { badRequest, unimplemented } from '../errors.js';
import { shiftFormula } from '../formula-refs.js';
import { FormulaError } from '../formula-syntax.js';
import type { Scalar } from '../formula-syntax.js';
import { checkLength } from '../grid.js';
import { columnCount, getCell, rowCount, setCell } from '../model.js';
import type { Book, Cell, DimProps, Row } from '../model.js';
import { Renderer } from '../render.js';
import { applyMask, maskPaths } from './mask.js';
import { requireSheet } from './sheets.js';

const CELL_FIELDS = [
  'userEnteredValue',
  'userEnteredFormat',
  'note',
  'dataValidation',
  'textFormatRuns',
  'hyperlink',
  'effectiveValue',
  'formattedValue',
  'effectiveFormat',
  'pivotTable',
  'dataSourceTable',
  'dataSourceFormula',
  'chipRuns',
] as const;
const READ_ONLY = ['effectiveValue', 'formattedValue', 'effectiveFormat', 'dataSourceFormula', 'hyperlink'];

/** Resolves a GridRange to a rectangle inside the grid; unbounded sides extend to the grid, an end past it is an error. */
export function requireGrid(book: Book, g: sheets_v4.Schema$GridRange | null | undefined): Rect {
  const sheet = requireSheet(book, g?.sheetId);
  const b = gridRangeBounds(g ?? {});
  const rows = rowCount(sheet);
  const cols = columnCount(sheet);
  const rect: Rect = {
    sheet,
    startRow: b.startRow ?? 0,
    endRow: b.endRow ?? rows,
    startCol: b.startCol ?? 0,
    endCol: b.endCol ?? cols,
  };
  if (rect.startRow > rect.endRow || rect.startCol > rect.endCol)
    throw badRequest('The start index must be less than or equal to the end index.');
  if (rect.endRow > rows || rect.endCol > cols || rect.startRow < 0 || rect.startCol < 0)
    throw exceedsGrid({ sheet, ...b });
  return rect;
}

function checkCellFields(fields: string | null | undefined): void {
  for (const p of maskPaths(fields)) {
    const top = p.split('.')[0]!;
    if (top === 'pivotTable' || top === 'dataSourceTable' || top === 'chipRuns')
      throw unimplemented(`CellData.${top}`);
  }
}

function validateValue(v: sheets_v4.Schema$ExtendedValue | null | undefined): void {
  if (!v) return;
  if (v.errorValue) throw badRequest('userEnteredValue.errorValue is read-only.');
  const set = ['numberValue', 'stringValue', 'boolValue', 'formulaValue'].filter(
    (k) => v[k as keyof typeof v] != null,
  );
  if (set.length > 1) throw badRequest(`Only one of ${set.join(', ')} may be set in userEnteredValue.`);
  if (v.formulaValue != null && !v.formulaValue.startsWith('='))
    throw badRequest(`Invalid formula: "${v.formulaValue}". Formulas must start with '='.`);
  checkLength(v);
}

/** Applies a CellData through a field mask to the stored cell at (r, c); `dr/dc` shift a formula's relative references. */
function writeCellData(
  rect: Rect,
  r: number,
  c: number,
  data: sheets_v4.Schema$CellData | undefined,
  fields: string | null | undefined,
  dr = 0,
  dc = 0,
): void {
  for (const k of ['pivotTable', 'dataSourceTable', 'chipRuns'] as const) {
    if (data?.[k] != null && (fields ?? '').trim() === '*') throw unimplemented(`CellData.${k}`);
  }
  const old = getCell(rect.sheet, r, c) ?? {};
  const next = applyMask(old as Record<string, unknown>, data ?? {}, fields, CELL_FIELDS, 'cell') as Cell &
    Record<string, unknown>;
  for (const k of READ_ONLY) if (k !== 'hyperlink' || !(k in old)) delete next[k];
  const f = next.userEnteredValue?.formulaValue;
  if (f != null && (dr !== 0 || dc !== 0)) next.userEnteredValue = { formulaValue: shiftFormula(f, dr, dc) };
  validateValue(next.userEnteredValue);
  setCell(rect.sheet, r, c, next);
}

/** Writes RowData from (r0, c0) through a field mask (updateCells with start, appendCells); the grid must already fit. */
export function writeCellRows(
  sheet: Rect['sheet'],
  r0: number,
  c0: number,
  rows: sheets_v4.Schema$RowData[],
  fields: string | null | undefined,
): void {
  checkCellFields(fields);
  const rect: Rect = { sheet, startRow: r0, endRow: r0 + rows.length, startCol: c0, endCol: c0 };
  rows.forEach((rd, i) =>
    (rd.values ?? []).forEach((cd, j) => writeCellData(rect, r0 + i, c0 + j, cd, fields)),
  );
}

/** repeatCell */
export function repeatCell(book: Book, req: sheets_v4.Schema$RepeatCellRequest): undefined {
  const rect = requireGrid(book, req.range);
  checkCellFields(req.fields);
  validateValue(req.cell?.userEnteredValue);
  for (let r = rect.startRow; r < rect.endRow; r++) {
    for (let c = rect.startCol; c < rect.endCol; c++)
      writeCellData(rect, r, c, req.cell ?? {}, req.fields, r - rect.startRow, c - rect.startCol);
  }
  return undefined;
}

/** updateCells (rows written from `start`, or within `range`, clearing masked fields the rows do not cover). */
export function updateCells(book: Book, req: sheets_v4.Schema$UpdateCellsRequest): undefined {
  checkCellFields(req.fields);
  const rows = req.rows ?? [];
  if (req.start && req.range) throw badRequest('Only one of start or range may be set.');
  if (req.start) {
    const sheet = requireSheet(book, req.start.sheetId);
    const r0 = req.start.rowIndex ?? 0;
    const c0 = req.start.columnIndex ?? 0;
    const rect: Rect = { sheet, startRow: r0, endRow: r0 + rows.length, startCol: c0, endCol: c0 };
    rows.forEach((rd, i) => {
      (rd.values ?? []).forEach((cd, j) => {
        if (r0 + i >= rowCount(sheet))
          throw badRequest(
            `GridCoordinate.rowIndex[${r0 + i}] is after last row in grid[${rowCount(sheet) - 1}]`,
          );
        if (c0 + j >= columnCount(sheet))
          throw badRequest(
            `GridCoordinate.columnIndex[${c0 + j}] is after last column in grid[${columnCount(sheet) - 1}]`,
          );
        writeCellData(rect, r0 + i, c0 + j, cd, req.fields);
      });
    });
    return undefined;
  }
  const rect = requireGrid(book, req.range);
  const height = rect.endRow - rect.startRow;
  const width = rect.endCol - rect.startCol;
  if (rows.length > height) {
    throw badRequest(
      `Attempting to write row: ${rect.startRow + height}, beyond the last requested row of: ${rect.endRow - 1}`,
    );
  }
  for (let i = 0; i < height; i++) {
    const values = rows[i]?.values ?? [];
    if (values.length > width) {
      throw badRequest(
        `Attempting to write column: ${rect.startCol + width}, beyond the last requested column of: ${rect.endCol - 1}`,
      );
    }
    for (let j = 0; j < width; j++)
      writeCellData(rect, rect.startRow + i, rect.startCol + j, values[j] ?? {}, req.fields);
  }
  return undefined;
}

type Side = 'top' | 'bottom' | 'left' | 'right';

function setBorder(rect: Rect, r: number, c: number, side: Side, border: sheets_v4.Schema$Border): void {
  const old = getCell(rect.sheet, r, c) ?? {};
  const borders = { ...old.userEnteredFormat?.borders };
  if (border.style === 'NONE') delete borders[side];
  else borders[side] = border;
  const fmt: sheets_v4.Schema$CellFormat = { ...old.userEnteredFormat, borders };
  if (Object.keys(borders).length === 0) delete fmt.borders;
  setCell(rect.sheet, r, c, { ...old, userEnteredFormat: fmt });
}

/** updateBorders: outer and inner borders stored on the cells' userEnteredFormat.borders. */
export function updateBorders(book: Book, req: sheets_v4.Schema$UpdateBordersRequest): undefined {
  const rect = requireGrid(book, req.range);
  const { startRow: r0, endRow: r1, startCol: c0, endCol: c1 } = rect;
  for (let r = r0; r < r1; r++) {
    for (let c = c0; c < c1; c++) {
      if (req.top && r === r0) setBorder(rect, r, c, 'top', req.top);
      if (req.bottom && r === r1 - 1) setBorder(rect, r, c, 'bottom', req.bottom);
      if (req.left && c === c0) setBorder(rect, r, c, 'left', req.left);
      if (req.right && c === c1 - 1) setBorder(rect, r, c, 'right', req.right);
      if (req.innerHorizontal) {
        if (r > r0) setBorder(rect, r, c, 'top', req.innerHorizontal);
        if (r < r1 - 1) setBorder(rect, r, c, 'bottom', req.innerHorizontal);
      }
      if (req.innerVertical) {
        if (c > c0) setBorder(rect, r, c, 'left', req.innerVertical);
        if (c < c1 - 1) setBorder(rect, r, c, 'right', req.innerVertical);
      }
    }
  }
  return undefined;
}

/** setDataValidation: sets (or, without a rule, clears) the rule on every cell of the range. */
export function setDataValidation(book: Book, req: sheets_v4.Schema$SetDataValidationRequest): undefined {
  const rect = requireGrid(book, req.range);
  if (req.rule && !req.rule.condition) throw badRequest('A data validation rule must have a condition.');
  for (let r = rect.startRow; r < rect.endRow; r++) {
    for (let c = rect.startCol; c < rect.endCol; c++) {
      const old = getCell(rect.sheet, r, c) ?? {};
      const next: Cell = { ...old };
      if (req.rule) next.dataValidation = structuredClone(req.rule);
      else delete next.dataValidation;
      setCell(rect.sheet, r, c, next);
    }
  }
  return undefined;
}

function overlaps(a: sheets_v4.Schema$GridRange, b: Rect): boolean {
  return (
    (a.startRowIndex ?? 0) < b.endRow &&
    b.startRow < (a.endRowIndex ?? 0) &&
    (a.startColumnIndex ?? 0) < b.endCol &&
    b.startCol < (a.endColumnIndex ?? 0)
  );
}

function inside(a: sheets_v4.Schema$GridRange, b: Rect): boolean {
  return (
    (a.startRowIndex ?? 0) >= b.startRow &&
    (a.endRowIndex ?? 0) <= b.endRow &&
    (a.startColumnIndex ?? 0) >= b.startCol &&
    (a.endColumnIndex ?? 0) <= b.endCol
  );
}

/** mergeCells: keeps only the top-left value of each merge, as Sheets does. */
export function mergeCells(book: Book, req: sheets_v4.Schema$MergeCellsRequest): undefined {
  const rect = requireGrid(book, req.range);
  const type = req.mergeType ?? 'MERGE_ALL';
  const id = rect.sheet.properties.sheetId;
  const parts: Rect[] = [];
  if (type === 'MERGE_ALL') parts.push(rect);
  else if (type === 'MERGE_COLUMNS')
    for (let c = rect.startCol; c < rect.endCol; c++) parts.push({ ...rect, startCol: c, endCol: c + 1 });
  else if (type === 'MERGE_ROWS')
    for (let r = rect.startRow; r < rect.endRow; r++) parts.push({ ...rect, startRow: r, endRow: r + 1 });
  else throw badRequest(`Invalid mergeType: ${type}`);
  for (const m of rect.sheet.merges) {
    if (overlaps(m, rect) && !inside(m, rect))
      throw badRequest('You must select all cells in a merged range to merge or unmerge them.');
  }
  rect.sheet.merges = rect.sheet.merges.filter((m) => !inside(m, rect));
  for (const p of parts) {
    if ((p.endRow - p.startRow) * (p.endCol - p.startCol) <= 1) continue;
    rect.sheet.merges.push({
      sheetId: id,
      startRowIndex: p.startRow,
      endRowIndex: p.endRow,
      startColumnIndex: p.startCol,
      endColumnIndex: p.endCol,
    });
    for (let r = p.startRow; r < p.endRow; r++) {
      for (let c = p.startCol; c < p.endCol; c++) {
        if (r === p.startRow && c === p.startCol) continue;
        const old = getCell(rect.sheet, r, c);
        if (old?.userEnteredValue) {
          const { userEnteredValue: _dropped, ...rest } = old;
          setCell(rect.sheet, r, c, rest);
        }
      }
    }
  }
  return undefined;
}

/** unmergeCells: a merge only partly inside the range is Google's error. */
export function unmergeCells(book: Book, req: sheets_v4.Schema$UnmergeCellsRequest): undefined {
  const rect = requireGrid(book, req.range);
  for (const m of rect.sheet.merges) {
    if (overlaps(m, rect) && !inside(m, rect))
      throw badRequest('You must select all cells in a merged range to merge or unmerge them.');
  }
  rect.sheet.merges = rect.sheet.merges.filter((m) => !inside(m, rect));
  return undefined;
}

function rank(v: Scalar): number {
  if (v === null || v === '') return 4;
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  return v instanceof FormulaError ? 3 : 4;
}

function cmp(a: Scalar, b: Scalar): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string')
    return a.localeCompare(b, undefined, { sensitivity: 'base', numeric: false });
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return 0;
}

/** sortRange: sorts the rows of the range by the sort specs (blanks always last); row developer metadata and relative references move with the rows. */
export function sortRange(book: Book, req: sheets_v4.Schema$SortRangeRequest): undefined {
  const rect = requireGrid(book, req.range);
  const specs = req.sortSpecs ?? [];
  for (const s of specs) {
    if (s.backgroundColor || s.backgroundColorStyle || s.foregroundColor || s.foregroundColorStyle)
      throw unimplemented('sortRange by color');
    if (s.dataSourceColumnReference) throw unimplemented('sortRange on data source columns');
    const col = s.dimensionIndex ?? 0;
    if (col < rect.startCol || col >= rect.endCol)
      throw badRequest(`The sort column ${col} is outside the range.`);
  }
  const renderer = new Renderer(book);
  const { sheet } = rect;
  const order = Array.from({ length: rect.endRow - rect.startRow }, (_, i) => rect.startRow + i);
  const keys = new Map(
    order.map((r) => [r, specs.map((s) => renderer.effective(sheet, r, s.dimensionIndex ?? 0))]),
  );
  order.sort((x, y) => {
    const kx = keys.get(x)!;
    const ky = keys.get(y)!;
    for (let i = 0; i < specs.length; i++) {
      const a = kx[i] ?? null;
      const b = ky[i] ?? null;
      const blankA = rank(a) === 4;
      const blankB = rank(b) === 4;
      if (blankA !== blankB) return blankA ? 1 : -1;
      const d = cmp(a, b);
      if (d !== 0) return specs[i]!.sortOrder === 'DESCENDING' ? -d : d;
    }
    return 0;
  });
  const slices: (Cell | null)[][] = order.map((r) => {
    const row: Row = sheet.rows[r] ?? [];
    return Array.from({ length: rect.endCol - rect.startCol }, (_, j) => row[rect.startCol + j] ?? null);
  });
  const metas: (number[] | undefined)[] = order.map((r) => sheet.rowProps[r]?.metadataIds);
  slices.forEach((cells, i) => {
    const r = rect.startRow + i;
    const from = order[i]!;
    cells.forEach((cell, j) => {
      // a formula moved by the sort keeps pointing at its own row, as a pasted formula would
      const f = cell?.userEnteredValue?.formulaValue;
      const moved =
        f != null && from !== r
          ? { ...cell, userEnteredValue: { formulaValue: shiftFormula(f, r - from, 0) } }
          : cell;
      setCell(sheet, r, rect.startCol + j, moved ?? undefined);
    });
    const p: DimProps = { ...sheet.rowProps[r] };
    const ids = metas[i];
    if (ids?.length) p.metadataIds = ids;
    else delete p.metadataIds;
    while (sheet.rowProps.length < r) sheet.rowProps.push(null);
    sheet.rowProps[r] = Object.keys(p).length > 0 ? p : null;
  });
  return undefined;
}

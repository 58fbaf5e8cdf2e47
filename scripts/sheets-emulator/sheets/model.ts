/** The Sheets half's in-memory (and JSON-serialisable) model of a spreadsheet, and helpers to create and copy it. */
import type { sheets_v4 } from '@googleapis/sheets';
import type { SpreadsheetModel } from '../types.js';

/** A stored cell, shaped like the API's CellData (only writable fields; effective/formatted values are computed on read). Never mutated in place. */
export type Cell = Pick<
  sheets_v4.Schema$CellData,
  'userEnteredValue' | 'userEnteredFormat' | 'note' | 'dataValidation' | 'textFormatRuns' | 'hyperlink'
>;

/** One row: cells by column index; null or missing means empty. */
export type Row = (Cell | null)[];

/** Stored properties of one row or column; `metadataIds` lists developer metadata attached to it. */
export interface DimProps {
  pixelSize?: number;
  hiddenByUser?: boolean;
  metadataIds?: number[];
}

/** A stored developer metadata entry; row/column locations live in DimProps.metadataIds. */
export interface StoredMetadata {
  metadataId: number;
  metadataKey: string;
  metadataValue?: string;
  visibility: string;
  /** Where it is attached: the spreadsheet, a sheet, or rows/columns of a sheet. */
  on: 'SPREADSHEET' | 'SHEET' | 'ROW' | 'COLUMN';
  sheetId?: number;
  /** Cloud project number of the caller that created it (PROJECT visibility: only that project sees it). */
  project?: string;
}

/** One sheet: properties, the sparse grid and the sheet-level objects stored as the API shapes them. */
export interface SheetData {
  properties: sheets_v4.Schema$SheetProperties & { sheetId: number; title: string; index: number };
  /** Rows by index; null means an empty row. Length may be shorter than rowCount. */
  rows: (Row | null)[];
  rowProps: (DimProps | null)[];
  colProps: (DimProps | null)[];
  merges: sheets_v4.Schema$GridRange[];
  conditionalFormats: sheets_v4.Schema$ConditionalFormatRule[];
  protectedRanges: sheets_v4.Schema$ProtectedRange[];
  charts: sheets_v4.Schema$EmbeddedChart[];
  bandedRanges: sheets_v4.Schema$BandedRange[];
  filterViews: sheets_v4.Schema$FilterView[];
  basicFilter?: sheets_v4.Schema$BasicFilter;
}

/** The whole spreadsheet as the Sheets half stores it in FileRecord.spreadsheet. */
export interface Book extends SpreadsheetModel {
  properties: sheets_v4.Schema$SpreadsheetProperties & { title: string; locale: string; timeZone: string };
  sheets: SheetData[];
  namedRanges: sheets_v4.Schema$NamedRange[];
  metadata: StoredMetadata[];
}

/** Default grid size of a new sheet (Google: 1000 rows × 26 columns). */
export const DEFAULT_ROWS = 1000;
/** Default column count of a new sheet. */
export const DEFAULT_COLUMNS = 26;
/** Maximum number of cells across all sheets of a spreadsheet. */
export const MAX_CELLS = 10_000_000;
/** Maximum number of characters in one cell. */
export const MAX_CELL_CHARS = 50_000;
/** Maximum number of columns of a sheet (ZZZ). */
export const MAX_COLUMNS = 18_278;

/** The spreadsheet defaultFormat Google reports for a new file (a recorded spreadsheets.get, README "Reply shapes"). */
export const DEFAULT_FORMAT: sheets_v4.Schema$CellFormat = {
  backgroundColor: { red: 1, green: 1, blue: 1 },
  padding: { top: 2, right: 3, bottom: 2, left: 3 },
  verticalAlignment: 'BOTTOM',
  wrapStrategy: 'OVERFLOW_CELL',
  textFormat: {
    foregroundColor: {},
    fontFamily: 'arial,sans,sans-serif',
    fontSize: 10,
    bold: false,
    italic: false,
    strikethrough: false,
    underline: false,
    foregroundColorStyle: { rgbColor: {} },
  },
  backgroundColorStyle: { rgbColor: { red: 1, green: 1, blue: 1 } },
};

function themeColor(colorType: string, rgbColor: sheets_v4.Schema$Color): sheets_v4.Schema$ThemeColorPair {
  return { colorType, color: { rgbColor } };
}

/** The spreadsheetTheme Google gives a new file: Arial and the default palette (same recorded reply). */
export const DEFAULT_THEME: sheets_v4.Schema$SpreadsheetTheme = {
  primaryFontFamily: 'Arial',
  themeColors: [
    themeColor('TEXT', {}),
    themeColor('BACKGROUND', { red: 1, green: 1, blue: 1 }),
    themeColor('ACCENT1', { red: 0.25882354, green: 0.52156866, blue: 0.95686275 }),
    themeColor('ACCENT2', { red: 0.91764706, green: 0.2627451, blue: 0.20784314 }),
    themeColor('ACCENT3', { red: 0.9843137, green: 0.7372549, blue: 0.015686275 }),
    themeColor('ACCENT4', { red: 0.20392157, green: 0.65882355, blue: 0.3254902 }),
    themeColor('ACCENT5', { red: 1, green: 0.42745098, blue: 0.003921569 }),
    themeColor('ACCENT6', { red: 0.27450982, green: 0.7411765, blue: 0.7764706 }),
    themeColor('LINK', { red: 0.06666667, green: 0.33333334, blue: 0.8 }),
  ],
};

/** A fresh empty sheet. */
export function newSheet(
  sheetId: number,
  title: string,
  index: number,
  rowCount = DEFAULT_ROWS,
  columnCount = DEFAULT_COLUMNS,
): SheetData {
  return {
    properties: { sheetId, title, index, sheetType: 'GRID', gridProperties: { rowCount, columnCount } },
    rows: [],
    rowProps: [],
    colProps: [],
    merges: [],
    conditionalFormats: [],
    protectedRanges: [],
    charts: [],
    bandedRanges: [],
    filterViews: [],
  };
}

/** A fresh spreadsheet with one 1000×26 sheet "Sheet1" (sheetId 0). */
export function newBook(spreadsheetId: string, title: string, locale = 'en_US', timeZone = 'Etc/GMT'): Book {
  return {
    spreadsheetId,
    properties: {
      title,
      locale,
      autoRecalc: 'ON_CHANGE',
      timeZone,
      defaultFormat: structuredClone(DEFAULT_FORMAT),
      spreadsheetTheme: structuredClone(DEFAULT_THEME),
    },
    sheets: [newSheet(0, 'Sheet1', 0)],
    namedRanges: [],
    metadata: [],
  };
}

/** Views any SpreadsheetModel as a Book, filling lists a foreign or older model lacks. */
export function asBook(model: SpreadsheetModel): Book {
  const b = model as Book;
  b.sheets ??= [];
  b.namedRanges ??= [];
  b.metadata ??= [];
  return b;
}

/** Copies a sheet so that the copy can be mutated without touching the original (cells are immutable and shared). */
export function cloneSheet(s: SheetData): SheetData {
  return {
    properties: structuredClone(s.properties),
    rows: s.rows.map((r) => (r ? r.slice() : null)),
    rowProps: s.rowProps.map((p) => (p ? cloneDim(p) : null)),
    colProps: s.colProps.map((p) => (p ? cloneDim(p) : null)),
    merges: structuredClone(s.merges),
    conditionalFormats: structuredClone(s.conditionalFormats),
    protectedRanges: structuredClone(s.protectedRanges),
    charts: structuredClone(s.charts),
    bandedRanges: structuredClone(s.bandedRanges ?? []),
    filterViews: structuredClone(s.filterViews ?? []),
    ...(s.basicFilter ? { basicFilter: structuredClone(s.basicFilter) } : {}),
  };
}

function cloneDim(p: DimProps): DimProps {
  return p.metadataIds ? { ...p, metadataIds: p.metadataIds.slice() } : { ...p };
}

/** A working copy of a book: top-level lists copied, every sheet cloned (cells shared, since they are immutable). */
export function cloneBook(b: Book): Book {
  return {
    ...b,
    properties: structuredClone(b.properties),
    sheets: b.sheets.map(cloneSheet),
    namedRanges: structuredClone(b.namedRanges),
    metadata: structuredClone(b.metadata),
  };
}

/** Replaces the contents of `target` by those of `source`, keeping the target object's identity. */
export function commitBook(target: SpreadsheetModel, source: Book): void {
  for (const k of Object.keys(target)) if (!(k in source)) delete target[k];
  Object.assign(target, source);
}

/** Grid rows of a sheet. */
export function rowCount(s: SheetData): number {
  return s.properties.gridProperties?.rowCount ?? 0;
}

/** Grid columns of a sheet. */
export function columnCount(s: SheetData): number {
  return s.properties.gridProperties?.columnCount ?? 0;
}

/** The cell at (row, col), or undefined when empty. */
export function getCell(s: SheetData, r: number, c: number): Cell | undefined {
  const row = s.rows[r];
  return row ? (row[c] ?? undefined) : undefined;
}

/** Sets (or, with undefined/empty, clears) the cell at (row, col). */
export function setCell(s: SheetData, r: number, c: number, cell: Cell | undefined): void {
  const empty = !cell || Object.keys(cell).length === 0;
  let row = s.rows[r];
  if (!row) {
    if (empty) return;
    while (s.rows.length < r) s.rows.push(null);
    row = [];
    s.rows[r] = row;
  }
  if (empty) {
    if (c < row.length) row[c] = null;
    return;
  }
  while (row.length < c) row.push(null);
  row[c] = cell;
}

/** Total cells (rows × columns) over all sheets. */
export function totalCells(b: Book): number {
  let n = 0;
  for (const s of b.sheets) n += rowCount(s) * columnCount(s);
  return n;
}

/** A random positive 31-bit id not in `taken`. */
export function randomId(taken: (id: number) => boolean): number {
  for (;;) {
    const id = 1 + Math.floor(Math.random() * 2_147_483_646);
    if (!taken(id)) return id;
  }
}

/** The sheet with this id, or undefined. */
export function sheetById(b: Book, sheetId: number): SheetData | undefined {
  return b.sheets.find((s) => s.properties.sheetId === sheetId);
}

/** Re-numbers sheet indexes densely in array order. */
export function reindexSheets(b: Book): void {
  b.sheets.forEach((s, i) => (s.properties.index = i));
}

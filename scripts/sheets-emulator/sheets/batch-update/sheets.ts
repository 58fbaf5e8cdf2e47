/** batchUpdate requests on sheets and spreadsheet properties: addSheet, deleteSheet, duplicateSheet, updateSheetProperties, updateSpreadsheetProperties. */
import type { sheets_v4 } from '@googleapis/sheets';
import { sheetByTitle } from '../a1.js';
import { deleteDims } from '../dims.js';
import { badRequest, unimplemented } from '../errors.js';
import { resizeGrid } from '../grid.js';
import { purgeMetadata } from '../metadata.js';
import {
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  cloneSheet,
  columnCount,
  newSheet,
  randomId,
  reindexSheets,
  rowCount,
  sheetById,
  totalCells,
  MAX_CELLS,
} from '../model.js';
import type { Book, SheetData } from '../model.js';
import { tooManyCells } from '../errors.js';
import { renameSheetInFormula } from '../formula-refs.js';
import { setCell } from '../model.js';
import { applyMask, maskPaths } from './mask.js';

const SHEET_FIELDS = [
  'sheetId',
  'title',
  'index',
  'sheetType',
  'gridProperties',
  'hidden',
  'tabColor',
  'tabColorStyle',
  'rightToLeft',
] as const;
const SPREADSHEET_FIELDS = [
  'title',
  'locale',
  'autoRecalc',
  'timeZone',
  'defaultFormat',
  'iterativeCalculationSettings',
  'spreadsheetTheme',
  'importFunctionsExternalUrlAccessAllowed',
] as const;

/** The sheet with this id, or Google's "No grid with id" error. */
export function requireSheet(book: Book, sheetId: number | null | undefined): SheetData {
  const s = sheetById(book, sheetId ?? 0);
  if (!s) throw badRequest(`No grid with id: ${sheetId ?? 0}`);
  return s;
}

function checkTitle(book: Book, title: string, except?: SheetData): void {
  if (title.trim() === '') throw badRequest('The sheet name cannot be empty.');
  const other = sheetByTitle(book, title);
  if (other && other !== except && other.properties.title.toLowerCase() === title.toLowerCase()) {
    throw badRequest(`A sheet with the name "${title}" already exists. Please enter another name.`);
  }
}

function freeTitle(book: Book, base: string): string {
  for (let i = 1; ; i++) {
    const t = `${base}${i}`;
    if (!book.sheets.some((s) => s.properties.title.toLowerCase() === t.toLowerCase())) return t;
  }
}

function placeSheet(book: Book, sheet: SheetData, index: number | null | undefined): void {
  const i = index == null ? book.sheets.length : Math.max(0, Math.min(index, book.sheets.length));
  book.sheets.splice(i, 0, sheet);
  reindexSheets(book);
}

function newSheetId(book: Book, wanted: number | null | undefined): number {
  if (wanted != null) {
    if (wanted < 0) throw badRequest(`Invalid sheet id: ${wanted}. Sheet ids must be non-negative.`);
    if (sheetById(book, wanted)) throw badRequest(`A sheet with the id ${wanted} already exists.`);
    return wanted;
  }
  return randomId((x) => sheetById(book, x) !== undefined);
}

/** addSheet */
export function addSheet(book: Book, req: sheets_v4.Schema$AddSheetRequest): sheets_v4.Schema$Response {
  const p = req.properties ?? {};
  if (p.sheetType && p.sheetType !== 'GRID') throw unimplemented(`addSheet with sheetType ${p.sheetType}`);
  const id = newSheetId(book, p.sheetId);
  const title = p.title ?? freeTitle(book, 'Sheet');
  checkTitle(book, title);
  const sheet = newSheet(id, title, 0);
  placeSheet(book, sheet, p.index);
  const gp = p.gridProperties ?? {};
  resizeGrid(book, sheet, gp.rowCount ?? DEFAULT_ROWS, gp.columnCount ?? DEFAULT_COLUMNS);
  sheet.properties.gridProperties = { ...gp, rowCount: rowCount(sheet), columnCount: columnCount(sheet) };
  for (const k of ['hidden', 'tabColor', 'tabColorStyle', 'rightToLeft'] as const) {
    if (p[k] != null) (sheet.properties as unknown as Record<string, unknown>)[k] = p[k];
  }
  return { addSheet: { properties: structuredClone(sheet.properties) } };
}

/** deleteSheet */
export function deleteSheet(book: Book, req: sheets_v4.Schema$DeleteSheetRequest): undefined {
  const sheet = requireSheet(book, req.sheetId);
  if (book.sheets.length === 1) throw badRequest("You can't remove all the sheets in a document.");
  book.sheets = book.sheets.filter((s) => s !== sheet);
  reindexSheets(book);
  book.namedRanges = book.namedRanges.filter((n) => (n.range?.sheetId ?? 0) !== sheet.properties.sheetId);
  purgeMetadata(book);
  return undefined;
}

/** duplicateSheet: copies cells, properties and sheet objects; row/column developer metadata is not copied. */
export function duplicateSheet(
  book: Book,
  req: sheets_v4.Schema$DuplicateSheetRequest,
): sheets_v4.Schema$Response {
  const src = requireSheet(book, req.sourceSheetId);
  const id = newSheetId(book, req.newSheetId);
  const title = req.newSheetName || freeTitle(book, `Copy of ${src.properties.title} `).replace(/ 1$/, '');
  checkTitle(book, title);
  if (totalCells(book) + rowCount(src) * columnCount(src) > MAX_CELLS) throw tooManyCells();
  const copy = cloneSheet(src);
  copy.properties.sheetId = id;
  copy.properties.title = title;
  for (const p of [...copy.rowProps, ...copy.colProps]) if (p) delete p.metadataIds;
  const fix = <T extends { sheetId?: number | null }>(g: T | null | undefined): void => {
    if (g) g.sheetId = id;
  };
  copy.merges.forEach(fix);
  copy.conditionalFormats.forEach((cf) => cf.ranges?.forEach(fix));
  copy.protectedRanges = [];
  copy.charts = [];
  copy.bandedRanges = [];
  copy.filterViews = [];
  delete copy.basicFilter;
  placeSheet(book, copy, req.insertSheetIndex ?? src.properties.index + 1);
  return { duplicateSheet: { properties: structuredClone(copy.properties) } };
}

/** updateSheetProperties (honours the `fields` mask). */
export function updateSheetProperties(
  book: Book,
  req: sheets_v4.Schema$UpdateSheetPropertiesRequest,
): undefined {
  const p = req.properties ?? {};
  const sheet = requireSheet(book, p.sheetId);
  const next = applyMask(sheet.properties, p, req.fields, SHEET_FIELDS, 'properties');
  if (next.sheetId !== sheet.properties.sheetId) throw badRequest('Cannot change the sheetId of a sheet.');
  if ((next.sheetType ?? 'GRID') !== (sheet.properties.sheetType ?? 'GRID'))
    throw badRequest('Cannot change the sheetType of a sheet.');
  if (typeof next.title !== 'string') throw badRequest('The sheet name cannot be empty.');
  if (next.hidden && !book.sheets.some((s) => s !== sheet && !s.properties.hidden))
    throw badRequest("You can't hide all the sheets in a document.");
  if (next.title !== sheet.properties.title) {
    checkTitle(book, next.title, sheet);
    renameInFormulas(book, sheet.properties.title, next.title);
  }
  const rows = next.gridProperties?.rowCount ?? rowCount(sheet);
  const cols = next.gridProperties?.columnCount ?? columnCount(sheet);
  if (rows < 1 || cols < 1) throw badRequest('The grid must have at least one row and one column.');
  const oldRows = rowCount(sheet);
  const oldCols = columnCount(sheet);
  const wantIndex = next.index;
  sheet.properties = {
    ...next,
    index: sheet.properties.index,
    gridProperties: { ...next.gridProperties, rowCount: oldRows, columnCount: oldCols },
  };
  if (rows < oldRows) deleteDims(book, sheet, 'ROWS', rows, oldRows);
  if (cols < oldCols) deleteDims(book, sheet, 'COLUMNS', cols, oldCols);
  resizeGrid(book, sheet, rows, cols);
  purgeMetadata(book);
  if (wantIndex != null && wantIndex !== sheet.properties.index) {
    const from = book.sheets.indexOf(sheet);
    book.sheets.splice(from, 1);
    const to = wantIndex > from ? wantIndex - 1 : wantIndex;
    book.sheets.splice(Math.max(0, Math.min(to, book.sheets.length)), 0, sheet);
    reindexSheets(book);
  } else if (wantIndex == null && maskPaths(req.fields).some((f) => f === 'index' || f === '*')) {
    book.sheets.splice(book.sheets.indexOf(sheet), 1);
    book.sheets.push(sheet);
    reindexSheets(book);
  }
  return undefined;
}

/** updateSpreadsheetProperties (honours the `fields` mask; title, locale, timeZone, autoRecalc, ...). */
export function updateSpreadsheetProperties(
  book: Book,
  req: sheets_v4.Schema$UpdateSpreadsheetPropertiesRequest,
): undefined {
  const next = applyMask(book.properties, req.properties, req.fields, SPREADSHEET_FIELDS, 'properties');
  if (typeof next.title !== 'string' || next.title === '')
    throw badRequest('The spreadsheet title cannot be empty.');
  if (typeof next.locale !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(next.locale)) {
    throw badRequest(`Unsupported locale: ${String(next.locale)}`);
  }
  if (typeof next.timeZone !== 'string' || next.timeZone === '')
    throw badRequest('The time zone cannot be empty.');
  if (!isTimeZone(next.timeZone)) throw badRequest(`Invalid time zone: ${next.timeZone}`);
  book.properties = next;
  return undefined;
}

function isTimeZone(tz: string): boolean {
  if (/^GMT[+-][0-9]{1,2}:[0-9]{2}$/.test(tz)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Formulas that name a renamed sheet follow the new name, as in Sheets. */
function renameInFormulas(book: Book, oldTitle: string, newTitle: string): void {
  for (const s of book.sheets) {
    s.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        const f = cell?.userEnteredValue?.formulaValue;
        if (f == null) return;
        const nf = renameSheetInFormula(f, oldTitle, newTitle);
        if (nf !== f) setCell(s, r, c, { ...cell, userEnteredValue: { formulaValue: nf } });
      });
    });
  }
}

/** The Spreadsheet resource: rendering it (with optional grid data for ranges) and building one from a create body. */
import type { sheets_v4 } from '@googleapis/sheets';
import { clampToGrid, parseRange } from './a1.js';
import type { Rect } from './a1.js';
import { badRequest, unimplemented } from './errors.js';
import { checkLength, resizeGrid } from './grid.js';
import { dataFilterRects, metadataIndex, renderMetadata } from './metadata.js';
import {
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  columnCount,
  newBook,
  newSheet,
  randomId,
  rowCount,
  setCell,
} from './model.js';
import type { Book, Cell, DimProps, SheetData } from './model.js';
import { createDeveloperMetadata } from './batch-update/metadata.js';
import { Renderer } from './render.js';

const DEFAULT_ROW_PX = 21;
const DEFAULT_COL_PX = 100;

/** Whether a `fields` mask asks for grid data (which then is returned even without includeGridData). */
export function fieldsWantGridData(fields: unknown): boolean {
  return typeof fields === 'string' && (/\bdata\b/.test(fields) || /(^|[(,/.])\s*\*/.test(fields));
}

/** Google: includeGridData "is ignored if a field mask was set in the request"; then the mask decides. */
export function wantGridData(includeGridData: boolean, fields: unknown): boolean {
  return typeof fields === 'string' && fields.trim() !== '' ? fieldsWantGridData(fields) : includeGridData;
}

function dimMeta(
  p: DimProps | null | undefined,
  defaultPx: number,
  idx: ReturnType<typeof metadataIndex>,
  book: Book,
): sheets_v4.Schema$DimensionProperties {
  const out: sheets_v4.Schema$DimensionProperties = { pixelSize: p?.pixelSize ?? defaultPx };
  if (p?.hiddenByUser) out.hiddenByUser = true;
  if (p?.metadataIds?.length) {
    out.developerMetadata = p.metadataIds
      .map((id) => book.metadata.find((m) => m.metadataId === id))
      .filter((m) => m !== undefined)
      .map((m) => renderMetadata(m, idx));
  }
  return out;
}

function gridData(
  renderer: Renderer,
  rect: Rect,
  idx: ReturnType<typeof metadataIndex>,
): sheets_v4.Schema$GridData {
  const { sheet, book } = { sheet: rect.sheet, book: renderer.book };
  const out: sheets_v4.Schema$GridData = {};
  if (rect.startRow > 0) out.startRow = rect.startRow;
  if (rect.startCol > 0) out.startColumn = rect.startCol;
  const rowData: sheets_v4.Schema$RowData[] = [];
  let lastRow = -1;
  for (let r = rect.startRow; r < Math.min(rect.endRow, sheet.rows.length); r++) {
    const row = sheet.rows[r];
    const values: sheets_v4.Schema$CellData[] = [];
    let last = -1;
    if (row) {
      for (let c = rect.startCol; c < Math.min(rect.endCol, row.length); c++) {
        const cd = renderer.cellData(sheet, r, c);
        values.push(cd ?? {});
        if (cd) last = values.length - 1;
      }
    }
    values.length = last + 1;
    rowData.push(values.length > 0 ? { values } : {});
    if (values.length > 0) lastRow = rowData.length - 1;
  }
  rowData.length = lastRow + 1;
  if (rowData.length > 0) out.rowData = rowData;
  out.rowMetadata = [];
  for (let r = rect.startRow; r < rect.endRow; r++)
    out.rowMetadata.push(dimMeta(sheet.rowProps[r], DEFAULT_ROW_PX, idx, book));
  out.columnMetadata = [];
  for (let c = rect.startCol; c < rect.endCol; c++)
    out.columnMetadata.push(dimMeta(sheet.colProps[c], DEFAULT_COL_PX, idx, book));
  return out;
}

function nonEmpty<T>(key: string, list: T[] | undefined): Record<string, T[]> {
  return list && list.length > 0 ? { [key]: list } : {};
}

function renderSheet(
  book: Book,
  sheet: SheetData,
  data: sheets_v4.Schema$GridData[] | undefined,
  idx: ReturnType<typeof metadataIndex>,
): sheets_v4.Schema$Sheet {
  const sheetMeta = book.metadata.filter((m) => m.on === 'SHEET' && m.sheetId === sheet.properties.sheetId);
  return {
    properties: structuredClone(sheet.properties),
    ...(data ? { data } : {}),
    ...nonEmpty('merges', sheet.merges),
    ...nonEmpty('conditionalFormats', sheet.conditionalFormats),
    ...nonEmpty('protectedRanges', sheet.protectedRanges),
    ...nonEmpty('charts', sheet.charts),
    ...nonEmpty('bandedRanges', sheet.bandedRanges),
    ...nonEmpty('filterViews', sheet.filterViews),
    ...(sheet.basicFilter ? { basicFilter: sheet.basicFilter } : {}),
    ...nonEmpty(
      'developerMetadata',
      sheetMeta.map((m) => renderMetadata(m, idx)),
    ),
  };
}

/** Renders the Spreadsheet resource; with rects, only the sheets they touch (and, with grid data, one GridData per rect). */
export function renderSpreadsheet(
  book: Book,
  rects: Rect[] | null,
  includeGridData: boolean,
): sheets_v4.Schema$Spreadsheet {
  const idx = metadataIndex(book);
  const renderer = new Renderer(book);
  const sheets = book.sheets
    .filter((s) => !rects || rects.some((r) => r.sheet === s))
    .map((s) => {
      let data: sheets_v4.Schema$GridData[] | undefined;
      if (includeGridData) {
        const mine = rects
          ? rects.filter((r) => r.sheet === s)
          : [{ sheet: s, startRow: 0, endRow: rowCount(s), startCol: 0, endCol: columnCount(s) }];
        data = mine.map((r) => gridData(renderer, r, idx));
      }
      return renderSheet(book, s, data, idx);
    });
  const bookMeta = book.metadata.filter((m) => m.on === 'SPREADSHEET');
  return {
    spreadsheetId: book.spreadsheetId,
    properties: structuredClone(book.properties),
    sheets,
    ...nonEmpty('namedRanges', structuredClone(book.namedRanges)),
    ...nonEmpty(
      'developerMetadata',
      bookMeta.map((m) => renderMetadata(m, idx)),
    ),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${book.spreadsheetId}/edit`,
  };
}

/** spreadsheets.get */
export function spreadsheetGet(
  book: Book,
  ranges: string[],
  includeGridData: boolean,
): sheets_v4.Schema$Spreadsheet {
  const rects = ranges.length > 0 ? ranges.map((r) => clampToGrid(parseRange(book, r))) : null;
  return renderSpreadsheet(book, rects, includeGridData);
}

/** spreadsheets.getByDataFilter */
export function spreadsheetGetByDataFilter(
  book: Book,
  body: sheets_v4.Schema$GetSpreadsheetByDataFilterRequest,
  fields: unknown,
): sheets_v4.Schema$Spreadsheet {
  const filters = body.dataFilters ?? [];
  const idx = metadataIndex(book);
  const rects = filters.length > 0 ? filters.flatMap((f) => dataFilterRects(book, f, idx)) : null;
  return renderSpreadsheet(book, rects, wantGridData(Boolean(body.includeGridData), fields));
}

function applyGridData(sheet: SheetData, data: sheets_v4.Schema$GridData[]): void {
  for (const g of data) {
    const r0 = g.startRow ?? 0;
    const c0 = g.startColumn ?? 0;
    (g.rowData ?? []).forEach((rd, i) => {
      (rd.values ?? []).forEach((cd, j) => {
        const cell: Cell = {};
        if (cd.userEnteredValue) {
          checkLength(cd.userEnteredValue);
          cell.userEnteredValue = cd.userEnteredValue;
        }
        if (cd.userEnteredFormat) cell.userEnteredFormat = cd.userEnteredFormat;
        if (cd.note != null) cell.note = cd.note;
        if (cd.dataValidation) cell.dataValidation = cd.dataValidation;
        if (cd.textFormatRuns) cell.textFormatRuns = cd.textFormatRuns;
        setCell(sheet, r0 + i, c0 + j, cell);
      });
    });
    (g.rowMetadata ?? []).forEach((p, i) => {
      if (p.pixelSize != null || p.hiddenByUser)
        sheet.rowProps[r0 + i] = {
          ...(p.pixelSize != null ? { pixelSize: p.pixelSize } : {}),
          ...(p.hiddenByUser ? { hiddenByUser: true } : {}),
        };
    });
    (g.columnMetadata ?? []).forEach((p, i) => {
      if (p.pixelSize != null || p.hiddenByUser)
        sheet.colProps[c0 + i] = {
          ...(p.pixelSize != null ? { pixelSize: p.pixelSize } : {}),
          ...(p.hiddenByUser ? { hiddenByUser: true } : {}),
        };
    });
  }
}

/** Builds a book from a spreadsheets.create body (properties, sheets with data, named ranges, metadata). */
export function bookFromCreate(spreadsheetId: string, body: sheets_v4.Schema$Spreadsheet | undefined): Book {
  const props = body?.properties ?? {};
  const book = newBook(
    spreadsheetId,
    props.title ?? 'Untitled spreadsheet',
    props.locale ?? 'en_US',
    props.timeZone ?? 'Etc/GMT',
  );
  for (const k of [
    'autoRecalc',
    'iterativeCalculationSettings',
    'spreadsheetTheme',
    'importFunctionsExternalUrlAccessAllowed',
  ] as const) {
    if (props[k] != null) (book.properties as unknown as Record<string, unknown>)[k] = props[k];
  }
  if (body?.dataSources?.length) throw unimplemented('data sources in spreadsheets.create');
  const inSheets = body?.sheets ?? [];
  if (inSheets.length > 0) {
    book.sheets = [];
    const taken = new Set<number>();
    const sheetMeta: sheets_v4.Schema$DeveloperMetadata[] = [];
    inSheets.forEach((s, i) => {
      const p = s.properties ?? {};
      if (p.sheetType && p.sheetType !== 'GRID') throw unimplemented(`sheets of type ${p.sheetType}`);
      const id = p.sheetId ?? (i === 0 && !taken.has(0) ? 0 : randomId((x) => taken.has(x)));
      if (taken.has(id)) throw badRequest(`Invalid sheets[${i}]: A sheet with the id ${id} already exists.`);
      taken.add(id);
      const title = p.title ?? `Sheet${i + 1}`;
      if (book.sheets.some((x) => x.properties.title.toLowerCase() === title.toLowerCase())) {
        throw badRequest(
          `Invalid sheets[${i}]: A sheet with the name "${title}" already exists. Please enter another name.`,
        );
      }
      const sheet = newSheet(id, title, i, DEFAULT_ROWS, DEFAULT_COLUMNS);
      book.sheets.push(sheet);
      const gp = p.gridProperties ?? {};
      resizeGrid(book, sheet, gp.rowCount ?? DEFAULT_ROWS, gp.columnCount ?? DEFAULT_COLUMNS);
      sheet.properties.gridProperties = { ...gp, rowCount: rowCount(sheet), columnCount: columnCount(sheet) };
      if (p.hidden != null) sheet.properties.hidden = p.hidden;
      if (p.rightToLeft != null) sheet.properties.rightToLeft = p.rightToLeft;
      if (p.tabColor) sheet.properties.tabColor = p.tabColor;
      if (p.tabColorStyle) sheet.properties.tabColorStyle = p.tabColorStyle;
      if (s.data) applyGridData(sheet, s.data);
      if (s.merges) sheet.merges = structuredClone(s.merges);
      if (s.conditionalFormats) sheet.conditionalFormats = structuredClone(s.conditionalFormats);
      if (s.protectedRanges) {
        sheet.protectedRanges = s.protectedRanges.map((pr) => ({
          ...structuredClone(pr),
          protectedRangeId: pr.protectedRangeId ?? randomId(() => false),
        }));
      }
      if (s.charts?.length) throw unimplemented('charts in spreadsheets.create (use batchUpdate addChart)');
      if (s.bandedRanges) sheet.bandedRanges = structuredClone(s.bandedRanges);
      if (s.filterViews) sheet.filterViews = structuredClone(s.filterViews);
      if (s.basicFilter) sheet.basicFilter = structuredClone(s.basicFilter);
      for (const k of ['rowGroups', 'columnGroups', 'slicers', 'tables'] as const) {
        if (s[k]?.length) throw unimplemented(`${k} in spreadsheets.create`);
      }
      sheetMeta.push(
        ...(s.developerMetadata ?? []).map((md) => ({
          ...md,
          location: md.location ?? { sheetId: sheet.properties.sheetId },
        })),
      );
    });
    for (const developerMetadata of sheetMeta) createDeveloperMetadata(book, { developerMetadata });
  }
  for (const nr of body?.namedRanges ?? []) {
    book.namedRanges.push({ ...structuredClone(nr), namedRangeId: nr.namedRangeId ?? randomName() });
  }
  for (const md of body?.developerMetadata ?? []) {
    createDeveloperMetadata(book, {
      developerMetadata: { ...md, location: md.location ?? { spreadsheet: true } },
    });
  }
  return book;
}

/** A random named-range id in Google's style. */
export function randomName(): string {
  return Math.random().toString(36).slice(2, 12);
}

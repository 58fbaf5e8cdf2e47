/** The spreadsheets.values.* methods: reading, writing (RAW / USER_ENTERED) and clearing A1 ranges. */
import type { sheets_v4 } from '@googleapis/sheets';
import { clampToGrid, exceedsGrid, formatRange, parseRange, columnLetters } from './a1.js';
import type { Rect, SheetRange } from './a1.js';
import { badRequest } from './errors.js';
import { ensureGrid, writeValue } from './grid.js';
import { parseUserEntered } from './locale.js';
import { columnCount, getCell, rowCount } from './model.js';
import type { Book, SheetData } from './model.js';
import { formatGeneral } from './numfmt.js';
import { Renderer } from './render.js';
import type { DateRender, ValueRender } from './render.js';

/** Options for reading values. */
export interface ReadOptions {
  majorDimension?: string | null;
  valueRenderOption?: string | null;
  dateTimeRenderOption?: string | null;
}

/** Reads a clamped rectangle as a ValueRange: trailing empty cells and rows trimmed, no `values` key when empty. */
export function readRect(renderer: Renderer, rect: Rect, opts: ReadOptions): sheets_v4.Schema$ValueRange {
  const vr = (opts.valueRenderOption ?? 'FORMATTED_VALUE') as ValueRender;
  const dr = (opts.dateTimeRenderOption ?? 'SERIAL_NUMBER') as DateRender;
  const major = opts.majorDimension === 'COLUMNS' ? 'COLUMNS' : 'ROWS';
  const { sheet, startRow, endRow, startCol, endCol } = rect;
  const formatted = vr === 'FORMATTED_VALUE';
  const rows: unknown[][] = [];
  let lastNonEmpty = -1;
  const rEnd = Math.min(endRow, sheet.rows.length);
  for (let r = startRow; r < rEnd; r++) {
    const row = sheet.rows[r];
    const line: unknown[] = [];
    if (row) {
      const cEnd = Math.min(endCol, row.length);
      let last = -1;
      for (let c = startCol; c < cEnd; c++) {
        const uv = row[c]?.userEnteredValue;
        if (!uv) {
          line.push('');
          continue;
        }
        if (uv.stringValue != null) {
          // fast path: text renders as itself under every option
          line.push(uv.stringValue);
          if (uv.stringValue !== '') last = line.length - 1;
          continue;
        }
        let v: unknown;
        if (uv.numberValue != null && !row[c]?.userEnteredFormat?.numberFormat) {
          v = formatted ? formatGeneral(uv.numberValue, renderer.li) : uv.numberValue;
        } else v = renderer.value(sheet, r, c, vr, dr);
        line.push(v);
        if (v !== '') last = line.length - 1;
      }
      line.length = last + 1;
    }
    rows.push(line);
    if (line.length > 0) lastNonEmpty = rows.length - 1;
  }
  rows.length = lastNonEmpty + 1;
  const out: sheets_v4.Schema$ValueRange = { range: formatRange(rect), majorDimension: major };
  if (rows.length === 0) return out;
  if (major === 'ROWS') {
    out.values = rows;
    return out;
  }
  const width = Math.max(...rows.map((r) => r.length));
  const cols: unknown[][] = [];
  for (let c = 0; c < width; c++) {
    const col = rows.map((r) => (c < r.length ? r[c] : ''));
    let last = col.length - 1;
    while (last >= 0 && col[last] === '') last--;
    col.length = last + 1;
    cols.push(col);
  }
  out.values = cols;
  return out;
}

/** values.get */
export function valuesGet(book: Book, range: string, opts: ReadOptions): sheets_v4.Schema$ValueRange {
  return readRect(new Renderer(book), clampToGrid(parseRange(book, range)), opts);
}

/** values.batchGet */
export function valuesBatchGet(
  book: Book,
  ranges: string[],
  opts: ReadOptions,
): sheets_v4.Schema$BatchGetValuesResponse {
  const renderer = new Renderer(book);
  const rects = ranges.map((r) => clampToGrid(parseRange(book, r)));
  const out: sheets_v4.Schema$BatchGetValuesResponse = { spreadsheetId: book.spreadsheetId };
  if (rects.length > 0) out.valueRanges = rects.map((rect) => readRect(renderer, rect, opts));
  return out;
}

/** Options for writing values. */
export interface WriteOptions {
  valueInputOption?: string | null;
  includeValuesInResponse?: boolean | string | null;
  responseValueRenderOption?: string | null;
  responseDateTimeRenderOption?: string | null;
}

/** The valueInputOption of a write, or Google's error when missing or unspecified. */
export function requireInputOption(o: WriteOptions): 'RAW' | 'USER_ENTERED' {
  const v = o.valueInputOption;
  if (v === 'RAW' || v === 'USER_ENTERED') return v;
  // missing and INPUT_VALUE_OPTION_UNSPECIFIED ("must not be used") get the same answer; other values are
  // refused by the shell's enum check before they reach here
  throw badRequest("'valueInputOption' is required but not specified");
}

function truthy(v: boolean | string | null | undefined): boolean {
  return v === true || v === 'true';
}

/** What one write touched: the written block, and the rows and columns holding a written cell. */
export type Written = { rect: Rect; rows: Set<number>; cols: Set<number>; cells: number };

/**
 * Input values as rows (transposing COLUMNS input); refuses values that are not a list of lists. The shell
 * checks API bodies first; `at` names the field for callers it does not check (`data.values`).
 */
export function toGrid(values: unknown, major: string | null | undefined, at = 'data.values'): unknown[][] {
  if (values == null) return [];
  const listValue = (path: string, v: unknown) =>
    badRequest(
      `Invalid value at '${path}' (type.googleapis.com/google.protobuf.ListValue), ${JSON.stringify(v)}`,
    );
  if (!Array.isArray(values)) throw listValue(at, values);
  values.forEach((line, i) => {
    if (!Array.isArray(line)) throw listValue(`${at}[${i}]`, line);
  });
  const v = values as unknown[][];
  if (major !== 'COLUMNS') return v;
  const height = Math.max(0, ...v.map((c) => c.length));
  return Array.from({ length: height }, (_, r) => v.map((c) => (r < c.length ? c[r] : null)));
}

/** Writes a grid of input values at the start of `target`; refuses data outside a bounded requested range and grows the grid past its end. */
export function writeValues(
  book: Book,
  target: SheetRange,
  values: unknown,
  major: string | null | undefined,
  input: 'RAW' | 'USER_ENTERED',
): Written {
  const sheet = target.sheet;
  const startRow = target.startRow ?? 0;
  const startCol = target.startCol ?? 0;
  if (startRow >= rowCount(sheet) || startCol >= columnCount(sheet)) throw exceedsGrid(target);
  const grid = toGrid(values, major);
  const single = target.endRow === startRow + 1 && target.endCol === startCol + 1;
  const height = grid.length;
  const width = Math.max(0, ...grid.map((r) => r.length));
  if (!single) {
    const req = formatRange(target);
    if (target.endRow !== undefined && startRow + height > target.endRow) {
      throw badRequest(
        `Requested writing within range [${req}], but tried writing to row [${target.endRow + 1}]`,
      );
    }
    if (target.endCol !== undefined && startCol + width > target.endCol) {
      throw badRequest(
        `Requested writing within range [${req}], but tried writing to column [${columnLetters(target.endCol)}]`,
      );
    }
  }
  ensureGrid(book, sheet, startRow + height, startCol + width);
  const locale = book.properties.locale;
  const rowsTouched = new Set<number>();
  const colsTouched = new Set<number>();
  let cells = 0;
  grid.forEach((line, i) => {
    line.forEach((v, j) => {
      if (v === null || v === undefined) return;
      const r = startRow + i;
      const c = startCol + j;
      if (typeof v === 'number') writeValue(sheet, r, c, { numberValue: v });
      else if (typeof v === 'boolean') writeValue(sheet, r, c, { boolValue: v });
      else if (typeof v === 'string') {
        if (input === 'RAW') writeValue(sheet, r, c, v === '' ? null : { stringValue: v });
        else if (getCell(sheet, r, c)?.userEnteredFormat?.numberFormat?.type === 'TEXT') {
          // a cell formatted as plain text keeps what is typed, as the UI does
          writeValue(sheet, r, c, v === '' ? null : { stringValue: v });
        } else {
          const p = parseUserEntered(v, locale);
          writeValue(sheet, r, c, p.value, p.format);
        }
      } else {
        throw badRequest(`Invalid values[${i}][${j}]: ${protoText(v)}`);
      }
      rowsTouched.add(r);
      colsTouched.add(c);
      cells++;
    });
  });
  const rect: Rect = {
    sheet,
    startRow,
    startCol,
    endRow: startRow + Math.max(height, 1),
    endCol: startCol + Math.max(width, 1),
  };
  return { rect, rows: rowsTouched, cols: colsTouched, cells };
}

/** Escapes a string as protobuf's text format does (C escapes; bytes outside printable ASCII in octal). */
function cEscape(text: string): string {
  const named: Record<number, string> = { 10: '\\n', 13: '\\r', 9: '\\t', 34: '\\"', 39: "\\'", 92: '\\\\' };
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    out +=
      named[byte] ??
      (byte < 32 || byte > 126 ? `\\${byte.toString(8).padStart(3, '0')}` : String.fromCharCode(byte));
  }
  return out;
}

/** A JSON value as Google prints a google.protobuf.Value in text format (`list_value {\n  values {...`). */
function protoText(v: unknown, indent = ''): string {
  const inner = indent + '  ';
  if (v === null || v === undefined) return 'null_value: NULL_VALUE';
  if (typeof v === 'number') return `number_value: ${v}`;
  if (typeof v === 'string') return `string_value: "${cEscape(v)}"`;
  if (typeof v === 'boolean') return `bool_value: ${v}`;
  if (Array.isArray(v)) {
    const items = v.map((x) => `${inner}values {\n${inner}  ${protoText(x, inner + '  ')}\n${inner}}\n`);
    return `list_value {\n${items.join('')}${indent}}`;
  }
  const fields = Object.entries(v as Record<string, unknown>).map(
    ([k, x]) =>
      `${inner}fields {\n${inner}  key: ${JSON.stringify(k)}\n${inner}  value {\n${inner}    ` +
      `${protoText(x, inner + '    ')}\n${inner}  }\n${inner}}\n`,
  );
  return `struct_value {\n${fields.join('')}${indent}}`;
}

/** The UpdateValuesResponse of one write (with updatedData when asked). */
export function updateResponse(
  book: Book,
  w: Written,
  opts: WriteOptions,
  dataRect: Rect,
): sheets_v4.Schema$UpdateValuesResponse {
  // zero counts are proto3 defaults: the shell leaves them out of the reply
  const out: sheets_v4.Schema$UpdateValuesResponse = {
    spreadsheetId: book.spreadsheetId,
    updatedRange: formatRange(w.rect),
    updatedRows: w.rows.size,
    updatedColumns: w.cols.size,
    updatedCells: w.cells,
  };
  if (truthy(opts.includeValuesInResponse)) {
    out.updatedData = readRect(new Renderer(book), dataRect, {
      valueRenderOption: opts.responseValueRenderOption ?? null,
      dateTimeRenderOption: opts.responseDateTimeRenderOption ?? null,
    });
  }
  return out;
}

/** Refuses a body range that differs from the URL range. */
export function checkBodyRange(
  book: Book,
  urlRange: string,
  body: sheets_v4.Schema$ValueRange | undefined,
): void {
  if (body?.range == null || body.range === '') return;
  const a = formatRange(parseRange(book, body.range));
  const b = formatRange(parseRange(book, urlRange));
  if (a !== b) {
    throw badRequest(`Requested range [${a}] must match the range in the URL [${b}]`);
  }
}

function dataRectOf(target: SheetRange, w: Written): Rect {
  const r =
    target.endRow === undefined && target.endCol === undefined && target.startRow !== undefined
      ? w.rect
      : clampToGrid(target);
  return r.endRow - r.startRow === 1 && r.endCol - r.startCol === 1 ? w.rect : r;
}

/** values.update */
export function valuesUpdate(
  book: Book,
  range: string,
  body: sheets_v4.Schema$ValueRange | undefined,
  opts: WriteOptions,
): sheets_v4.Schema$UpdateValuesResponse {
  const input = requireInputOption(opts);
  checkBodyRange(book, range, body);
  const target = parseRange(book, range);
  const w = writeValues(book, target, body?.values, body?.majorDimension, input);
  return updateResponse(book, w, opts, dataRectOf(target, w));
}

/** values.batchUpdate */
export function valuesBatchUpdate(
  book: Book,
  body: sheets_v4.Schema$BatchUpdateValuesRequest,
): sheets_v4.Schema$BatchUpdateValuesResponse {
  const input = requireInputOption(body);
  const written = (body.data ?? []).map((vr, k) => {
    if (vr.range == null) throw badRequest(`Invalid data[${k}]: range is required`);
    const target = parseRange(book, vr.range);
    return { target, w: writeValues(book, target, vr.values, vr.majorDimension, input) };
  });
  const responses = written.map(({ target, w }) => updateResponse(book, w, body, dataRectOf(target, w)));
  return batchTotals(
    book.spreadsheetId,
    written.map((x) => x.w),
    responses,
  );
}

/**
 * The totals of a values batch write. Rows and columns are counted once however many ranges wrote in them
 * (Google: two ranges of A:D on rows 1 and 4 total 4 columns, not 8); sheets are distinct; cells are summed.
 */
export function batchTotals<T>(
  spreadsheetId: string,
  ws: Written[],
  responses: T[],
): {
  spreadsheetId: string;
  totalUpdatedRows?: number;
  totalUpdatedColumns?: number;
  totalUpdatedCells?: number;
  totalUpdatedSheets?: number;
  responses?: T[];
} {
  const rows = new Map<SheetData, Set<number>>();
  const cols = new Map<SheetData, Set<number>>();
  for (const w of ws) {
    const sheet = w.rect.sheet;
    rows.set(sheet, new Set([...(rows.get(sheet) ?? []), ...w.rows]));
    cols.set(sheet, new Set([...(cols.get(sheet) ?? []), ...w.cols]));
  }
  const total = (m: Map<SheetData, Set<number>>) => [...m.values()].reduce((s, set) => s + set.size, 0);
  return {
    spreadsheetId,
    totalUpdatedRows: total(rows),
    totalUpdatedColumns: total(cols),
    totalUpdatedCells: ws.reduce((s, w) => s + w.cells, 0),
    totalUpdatedSheets: new Set(ws.filter((w) => w.cells > 0).map((w) => w.rect.sheet)).size,
    responses,
  };
}

/** Clears the values (not formats) of a clamped rectangle. */
export function clearRect(rect: Rect): void {
  const { sheet } = rect;
  for (let r = rect.startRow; r < Math.min(rect.endRow, sheet.rows.length); r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = rect.startCol; c < Math.min(rect.endCol, row.length); c++) {
      if (row[c]?.userEnteredValue) writeValue(sheet, r, c, null);
    }
  }
}

/** values.clear */
export function valuesClear(book: Book, range: string): sheets_v4.Schema$ClearValuesResponse {
  const rect = clampToGrid(parseRange(book, range));
  clearRect(rect);
  return { spreadsheetId: book.spreadsheetId, clearedRange: formatRange(rect) };
}

/** values.batchClear */
export function valuesBatchClear(
  book: Book,
  body: sheets_v4.Schema$BatchClearValuesRequest,
): sheets_v4.Schema$BatchClearValuesResponse {
  const rects = (body.ranges ?? []).map((r) => clampToGrid(parseRange(book, r)));
  rects.forEach(clearRect);
  const out: sheets_v4.Schema$BatchClearValuesResponse = { spreadsheetId: book.spreadsheetId };
  if (rects.length > 0) out.clearedRanges = rects.map(formatRange);
  return out;
}

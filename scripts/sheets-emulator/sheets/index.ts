/** The Sheets half's SheetsHandler: routes, runs each Sheets v4 method on the spreadsheet model, commits edits atomically. */
import type { sheets_v4 } from '@googleapis/sheets';
import { randomBytes } from 'node:crypto';
import type { EmulatorContext, FileRecord, SheetsCall, SheetsHandler, SpreadsheetModel } from '../types.js';
import { GoogleApiError } from '../types.js';
import { applyBatchUpdate } from './batch-update/index.js';
import { requireSheet } from './batch-update/sheets.js';
import { badRequest, notFound } from './errors.js';
import { dataFilterMetadata, metadataIndex, renderMetadata } from './metadata.js';
import { projectView, writeInProjectView } from './metadata-visibility.js';
import { assertEditsAllowed } from './protection.js';
import { assertProtectionRequestsAllowed } from './protection-requests.js';
import {
  asBook,
  cloneBook,
  cloneSheet,
  commitBook,
  newBook,
  randomId,
  reindexSheets,
  totalCells,
  MAX_CELLS,
  rowCount,
  columnCount,
} from './model.js';
import type { Book } from './model.js';
import { routeSheets } from './route.js';
import {
  bookFromCreate,
  fieldsWantGridData,
  wantGridData,
  spreadsheetGet,
  spreadsheetGetByDataFilter,
} from './spreadsheet.js';
import {
  valuesBatchClearByDataFilter,
  valuesBatchGetByDataFilter,
  valuesBatchUpdateByDataFilter,
} from './values-filter.js';
import { valuesAppend } from './append.js';
import {
  valuesBatchClear,
  valuesBatchGet,
  valuesBatchUpdate,
  valuesClear,
  valuesGet,
  valuesUpdate,
} from './values.js';
import { tooManyCells } from './errors.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function one(q: SheetsCall['query'], name: string): string | undefined {
  const v = q[name];
  return Array.isArray(v) ? v[v.length - 1] : v;
}

function many(q: SheetsCall['query'], name: string): string[] {
  const v = q[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function bookOf(file: FileRecord): Book {
  if (file.mimeType === XLSX_MIME) {
    throw new GoogleApiError(
      400,
      'FAILED_PRECONDITION',
      'This operation is not supported for this document. The document must not be an Office file.',
    );
  }
  if (!file.spreadsheet) throw notFound();
  return asBook(file.spreadsheet);
}

function read(call: SheetsCall, ctx: EmulatorContext): Book {
  const book = bookOf(ctx.getSpreadsheetFile(call.params.spreadsheetId ?? '', call.caller));
  return projectView(book, call.caller.projectNumber);
}

/** Runs `fn` on a working copy of the spreadsheet and commits it (and records the edit) only if it succeeds. */
function write<T>(call: SheetsCall, ctx: EmulatorContext, fn: (book: Book) => T): T {
  const file = ctx.getSpreadsheetFile(call.params.spreadsheetId ?? '', call.caller);
  const book = bookOf(file);
  ctx.assertCanWrite(file, call.caller);
  if (call.methodId === 'sheets.spreadsheets.batchUpdate') {
    const requests =
      (call.body as sheets_v4.Schema$BatchUpdateSpreadsheetRequest | undefined)?.requests ?? [];
    assertProtectionRequestsAllowed(book, requests, call.caller.email, file.ownerEmail);
  }
  const work = cloneBook(book);
  const result = writeInProjectView(work, call.caller.projectNumber, fn);
  // Protected cells are checked on the outcome, whichever request or values call made the change.
  assertEditsAllowed(book, work, call.caller.email, file.ownerEmail);
  commitBook(file.spreadsheet!, work);
  ctx.touch(file);
  return result;
}

function newSpreadsheetId(): string {
  return randomBytes(33).toString('base64url');
}

function readOpts(call: SheetsCall): {
  majorDimension?: string;
  valueRenderOption?: string;
  dateTimeRenderOption?: string;
} {
  const o: { majorDimension?: string; valueRenderOption?: string; dateTimeRenderOption?: string } = {};
  for (const k of ['majorDimension', 'valueRenderOption', 'dateTimeRenderOption'] as const) {
    const v = one(call.query, k);
    if (v !== undefined) o[k] = v;
  }
  return o;
}

function writeOpts(call: SheetsCall): {
  valueInputOption?: string;
  includeValuesInResponse?: string;
  responseValueRenderOption?: string;
  responseDateTimeRenderOption?: string;
  insertDataOption?: string;
} {
  const o: Record<string, string> = {};
  for (const k of [
    'valueInputOption',
    'includeValuesInResponse',
    'responseValueRenderOption',
    'responseDateTimeRenderOption',
    'insertDataOption',
  ]) {
    const v = one(call.query, k);
    if (v !== undefined) o[k] = v;
  }
  return o;
}

function copyTo(call: SheetsCall, ctx: EmulatorContext): sheets_v4.Schema$SheetProperties {
  const src = read(call, ctx);
  const sheetId = Number(call.params.sheetId);
  const sheet = requireSheetOr404(src, sheetId);
  const body = (call.body ?? {}) as sheets_v4.Schema$CopySheetToAnotherSpreadsheetRequest;
  if (!body.destinationSpreadsheetId) throw badRequest('destinationSpreadsheetId is required.');
  const dest = ctx.getSpreadsheetFile(body.destinationSpreadsheetId, call.caller);
  const destBook = bookOf(dest);
  ctx.assertCanWrite(dest, call.caller);
  const work = cloneBook(destBook);
  if (totalCells(work) + rowCount(sheet) * columnCount(sheet) > MAX_CELLS) throw tooManyCells();
  const copy = cloneSheet(sheet);
  copy.properties.sheetId = randomId((x) => work.sheets.some((s) => s.properties.sheetId === x));
  let title = `Copy of ${sheet.properties.title}`;
  for (let i = 2; work.sheets.some((s) => s.properties.title.toLowerCase() === title.toLowerCase()); i++)
    title = `Copy of ${sheet.properties.title} ${i}`;
  copy.properties.title = title;
  for (const p of [...copy.rowProps, ...copy.colProps]) if (p) delete p.metadataIds;
  copy.merges.forEach((m) => (m.sheetId = copy.properties.sheetId));
  copy.conditionalFormats.forEach((cf) => cf.ranges?.forEach((g) => (g.sheetId = copy.properties.sheetId)));
  copy.protectedRanges = [];
  copy.charts = [];
  work.sheets.push(copy);
  reindexSheets(work);
  commitBook(dest.spreadsheet!, work);
  ctx.touch(dest);
  return structuredClone(copy.properties);
}

function requireSheetOr404(book: Book, sheetId: number): ReturnType<typeof requireSheet> {
  try {
    return requireSheet(book, sheetId);
  } catch {
    throw notFound();
  }
}

function handle(call: SheetsCall, ctx: EmulatorContext): unknown {
  const q = call.query;
  switch (call.methodId) {
    case 'sheets.spreadsheets.create': {
      const book = bookFromCreate(newSpreadsheetId(), call.body as sheets_v4.Schema$Spreadsheet | undefined);
      const project = call.caller.projectNumber;
      if (project !== undefined) for (const m of book.metadata) m.project = project;
      const file = ctx.createSpreadsheetFile(book, call.caller);
      return spreadsheetGet(bookOf(file), [], fieldsWantGridData(one(q, 'fields')));
    }
    case 'sheets.spreadsheets.get':
      return spreadsheetGet(
        read(call, ctx),
        many(q, 'ranges'),
        wantGridData(one(q, 'includeGridData') === 'true', one(q, 'fields')),
      );
    case 'sheets.spreadsheets.getByDataFilter':
      return spreadsheetGetByDataFilter(read(call, ctx), call.body ?? {}, one(q, 'fields'));
    case 'sheets.spreadsheets.batchUpdate':
      return write(call, ctx, (b) =>
        applyBatchUpdate(
          b,
          (call.body ?? {}) as sheets_v4.Schema$BatchUpdateSpreadsheetRequest,
          one(q, 'fields'),
        ),
      );
    case 'sheets.spreadsheets.values.get':
      return valuesGet(read(call, ctx), call.params.range ?? '', readOpts(call));
    case 'sheets.spreadsheets.values.batchGet':
      return valuesBatchGet(read(call, ctx), many(q, 'ranges'), readOpts(call));
    case 'sheets.spreadsheets.values.update':
      return write(call, ctx, (b) =>
        valuesUpdate(b, call.params.range ?? '', call.body as sheets_v4.Schema$ValueRange, writeOpts(call)),
      );
    case 'sheets.spreadsheets.values.append':
      return write(call, ctx, (b) =>
        valuesAppend(b, call.params.range ?? '', call.body as sheets_v4.Schema$ValueRange, writeOpts(call)),
      );
    case 'sheets.spreadsheets.values.batchUpdate':
      return write(call, ctx, (b) =>
        valuesBatchUpdate(b, (call.body ?? {}) as sheets_v4.Schema$BatchUpdateValuesRequest),
      );
    case 'sheets.spreadsheets.values.clear':
      return write(call, ctx, (b) => valuesClear(b, call.params.range ?? ''));
    case 'sheets.spreadsheets.values.batchClear':
      return write(call, ctx, (b) =>
        valuesBatchClear(b, (call.body ?? {}) as sheets_v4.Schema$BatchClearValuesRequest),
      );
    case 'sheets.spreadsheets.values.batchGetByDataFilter':
      return valuesBatchGetByDataFilter(read(call, ctx), call.body ?? {});
    case 'sheets.spreadsheets.values.batchUpdateByDataFilter':
      return write(call, ctx, (b) =>
        valuesBatchUpdateByDataFilter(
          b,
          (call.body ?? {}) as sheets_v4.Schema$BatchUpdateValuesByDataFilterRequest,
        ),
      );
    case 'sheets.spreadsheets.values.batchClearByDataFilter':
      return write(call, ctx, (b) =>
        valuesBatchClearByDataFilter(
          b,
          (call.body ?? {}) as sheets_v4.Schema$BatchClearValuesByDataFilterRequest,
        ),
      );
    case 'sheets.spreadsheets.developerMetadata.get': {
      const book = read(call, ctx);
      const id = Number(call.params.metadataId);
      const m = book.metadata.find((x) => x.metadataId === id);
      if (!m) throw notFound();
      return renderMetadata(m, metadataIndex(book));
    }
    case 'sheets.spreadsheets.developerMetadata.search': {
      const book = read(call, ctx);
      const body = (call.body ?? {}) as sheets_v4.Schema$SearchDeveloperMetadataRequest;
      const idx = metadataIndex(book);
      const found = new Map<number, sheets_v4.Schema$DataFilter[]>();
      for (const f of body.dataFilters ?? []) {
        for (const m of dataFilterMetadata(book, f, idx))
          found.set(m.metadataId, [...(found.get(m.metadataId) ?? []), f]);
      }
      const matched = book.metadata
        .filter((m) => found.has(m.metadataId))
        .map((m) => ({ developerMetadata: renderMetadata(m, idx), dataFilters: found.get(m.metadataId)! }));
      return matched.length > 0 ? { matchedDeveloperMetadata: matched } : {};
    }
    case 'sheets.spreadsheets.sheets.copyTo':
      return copyTo(call, ctx);
    default:
      throw new GoogleApiError(
        501,
        'UNIMPLEMENTED',
        `The Sheets emulator does not implement ${call.methodId}.`,
      );
  }
}

/** The Sheets v4 half of the emulator. */
export const sheetsHandler: SheetsHandler = {
  route: routeSheets,
  handle,
  newSpreadsheet(spreadsheetId: string, title: string): SpreadsheetModel {
    return newBook(spreadsheetId, title);
  },
  copySpreadsheet(model: SpreadsheetModel, newId: string, title: string): SpreadsheetModel {
    const copy = structuredClone(asBook(model));
    copy.spreadsheetId = newId;
    copy.properties.title = title;
    return copy;
  },
};

/** spreadsheets.batchUpdate: dispatches each Request kind, all-or-nothing on a working copy, with replies aligned to requests. */
import type { sheets_v4 } from '@googleapis/sheets';
import { GoogleApiError } from '../../types.js';
import { clampToGrid, parseRange } from '../a1.js';
import { badRequest, unimplemented } from '../errors.js';
import type { Book } from '../model.js';
import { fieldsWantGridData, renderSpreadsheet } from '../spreadsheet.js';
import {
  mergeCells,
  repeatCell,
  setDataValidation,
  sortRange,
  unmergeCells,
  updateBorders,
  updateCells,
} from './cells.js';
import {
  appendDimension,
  autoResizeDimensions,
  deleteDimension,
  deleteRange,
  insertDimension,
  insertRange,
  moveDimension,
  updateDimensionProperties,
} from './dimensions.js';
import { createDeveloperMetadata, deleteDeveloperMetadata, updateDeveloperMetadata } from './metadata.js';
import {
  addChart,
  addConditionalFormatRule,
  addNamedRange,
  addProtectedRange,
  deleteConditionalFormatRule,
  deleteNamedRange,
  deleteProtectedRange,
  updateNamedRange,
  updateProtectedRange,
  setBasicFilter,
  clearBasicFilter,
  updateConditionalFormatRule,
  deleteEmbeddedObject,
  updateChartSpec,
} from './objects.js';
import {
  appendCells,
  copyPaste,
  cutPaste,
  deleteDuplicates,
  findReplace,
  randomizeRange,
  trimWhitespace,
} from './paste.js';
import {
  addSheet,
  deleteSheet,
  duplicateSheet,
  updateSheetProperties,
  updateSpreadsheetProperties,
} from './sheets.js';

type Handler = (book: Book, req: never) => sheets_v4.Schema$Response | undefined;

/** Every Request kind the emulator applies; any other kind answers 501. */
export const HANDLERS: Partial<Record<keyof sheets_v4.Schema$Request, Handler>> = {
  addSheet,
  deleteSheet,
  duplicateSheet,
  updateSheetProperties,
  updateSpreadsheetProperties,
  insertDimension,
  deleteDimension,
  moveDimension,
  appendDimension,
  updateDimensionProperties,
  autoResizeDimensions,
  insertRange,
  deleteRange,
  repeatCell,
  updateCells,
  updateBorders,
  setDataValidation,
  mergeCells,
  unmergeCells,
  sortRange,
  addConditionalFormatRule,
  deleteConditionalFormatRule,
  addNamedRange,
  updateNamedRange,
  deleteNamedRange,
  addChart,
  addProtectedRange,
  deleteProtectedRange,
  updateProtectedRange,
  setBasicFilter,
  clearBasicFilter,
  updateConditionalFormatRule,
  deleteEmbeddedObject,
  updateChartSpec,
  appendCells,
  copyPaste,
  cutPaste,
  findReplace,
  trimWhitespace,
  deleteDuplicates,
  randomizeRange,
  createDeveloperMetadata,
  updateDeveloperMetadata,
  deleteDeveloperMetadata,
};

/** Applies the requests in order to `book` (a working copy the caller commits only on success) and builds the response. */
export function applyBatchUpdate(
  book: Book,
  body: sheets_v4.Schema$BatchUpdateSpreadsheetRequest,
  fields: unknown,
): sheets_v4.Schema$BatchUpdateSpreadsheetResponse {
  const requests = body.requests ?? [];
  if (requests.length === 0) throw badRequest('Must specify at least one request.');
  const replies = requests.map((req, i) => {
    const kinds = Object.keys(req).filter((k) => req[k as keyof typeof req] != null);
    if (kinds.length !== 1) {
      throw badRequest(
        `Invalid requests[${i}]: ${kinds.length === 0 ? 'No request set.' : `Only one kind of request may be set, but found ${kinds.join(', ')}.`}`,
      );
    }
    const kind = kinds[0] as keyof sheets_v4.Schema$Request;
    const handler = HANDLERS[kind];
    if (!handler) throw unimplemented(`the batchUpdate request "${kind}" (requests[${i}])`);
    try {
      return handler(book, req[kind] as never) ?? {};
    } catch (e) {
      if (e instanceof GoogleApiError && e.code === 400)
        throw badRequest(`Invalid requests[${i}].${kind}: ${e.message}`);
      if (e instanceof GoogleApiError && e.code === 501)
        throw new GoogleApiError(501, e.status, `${e.message} (requests[${i}].${kind})`);
      throw e;
    }
  });
  const out: sheets_v4.Schema$BatchUpdateSpreadsheetResponse = { spreadsheetId: book.spreadsheetId, replies };
  if (body.includeSpreadsheetInResponse) {
    const ranges = body.responseRanges ?? [];
    const rects = ranges.length > 0 ? ranges.map((r) => clampToGrid(parseRange(book, r))) : null;
    // responseIncludeGridData "is ignored if a field mask was set in the request"
    const masked = typeof fields === 'string' && fields.trim() !== '';
    const wantData = masked
      ? /updatedSpreadsheet/.test(fields) && fieldsWantGridData(fields)
      : Boolean(body.responseIncludeGridData);
    out.updatedSpreadsheet = renderSpreadsheet(book, rects, wantData);
  }
  return out;
}

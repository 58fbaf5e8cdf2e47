/** A structural change made in the Sheets UI (rows, columns, tabs, formats): runs batchUpdate as that person, then fires onChange. */
import type { sheets_v4 } from '@googleapis/sheets';
import { createContext } from '../context.js';
import { GoogleApiError } from '../types.js';
import type { UiEditDeps } from './edit.js';

/** What a person did: who, and the batchUpdate requests the UI would make for it. */
export interface UiChangeRequest {
  email: string;
  requests: sheets_v4.Schema$Request[];
}

/** The outcome: Sheets' BatchUpdateSpreadsheetResponse, the onChange changeType and the executions it queued. */
export interface UiChangeResult {
  response: sheets_v4.Schema$BatchUpdateSpreadsheetResponse;
  changeType: string;
  /** Executions of the installed onChange triggers. */
  executions?: string[];
}

const FORMAT_KINDS = new Set([
  'repeatCell',
  'updateBorders',
  'mergeCells',
  'unmergeCells',
  'addConditionalFormatRule',
  'updateConditionalFormatRule',
  'deleteConditionalFormatRule',
  'updateDimensionProperties',
]);

/** The Apps Script changeType of a request (INSERT_ROW, REMOVE_COLUMN, INSERT_GRID, FORMAT, ... or OTHER). */
export function changeTypeOf(request: sheets_v4.Schema$Request): string {
  const dim = (r: { range?: sheets_v4.Schema$DimensionRange } | undefined) =>
    r?.range?.dimension === 'COLUMNS' ? 'COLUMN' : 'ROW';
  if (request.insertDimension) return `INSERT_${dim(request.insertDimension)}`;
  if (request.appendDimension)
    return `INSERT_${request.appendDimension.dimension === 'COLUMNS' ? 'COLUMN' : 'ROW'}`;
  if (request.deleteDimension) return `REMOVE_${dim(request.deleteDimension)}`;
  if (request.addSheet || request.duplicateSheet) return 'INSERT_GRID';
  if (request.deleteSheet) return 'REMOVE_GRID';
  const kind = Object.keys(request).find((k) => request[k as keyof sheets_v4.Schema$Request] != null) ?? '';
  return FORMAT_KINDS.has(kind) ? 'FORMAT' : 'OTHER';
}

/** Checks the shape of a ui-change body; throws a 400 naming the problem. */
export function parseUiChange(body: unknown): UiChangeRequest {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof b.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(b.email.trim()))
    throw new GoogleApiError(400, 'INVALID_ARGUMENT', 'email: an e-mail address is required');
  if (
    !Array.isArray(b.requests) ||
    b.requests.length === 0 ||
    !b.requests.every((r) => typeof r === 'object' && r !== null)
  )
    throw new GoogleApiError(
      400,
      'INVALID_ARGUMENT',
      'requests: a non-empty list of batchUpdate requests is required',
    );
  return { email: b.email.trim().toLowerCase(), requests: b.requests as sheets_v4.Schema$Request[] };
}

/**
 * Applies the requests as `email` through the Sheets half's own batchUpdate (access and protection as for
 * any write), then fires the installed onChange triggers with the first request's changeType.
 */
export function uiChange(deps: UiEditDeps, spreadsheetId: string, req: UiChangeRequest): UiChangeResult {
  const ctx = createContext(deps.store, deps.now, deps.onEdit, req.email);
  const response = deps.sheets.handle(
    {
      methodId: 'sheets.spreadsheets.batchUpdate',
      params: { spreadsheetId },
      query: {},
      body: deps.validate
        ? deps.validate('BatchUpdateSpreadsheetRequest', { requests: req.requests })
        : { requests: req.requests },
      caller: { email: req.email },
    },
    ctx,
  ) as sheets_v4.Schema$BatchUpdateSpreadsheetResponse;
  const changeType = changeTypeOf(req.requests[0]!);
  const fired = deps.triggers.fire(spreadsheetId, { kind: 'change', changeType, user: req.email });
  return { response, changeType, ...fired };
}

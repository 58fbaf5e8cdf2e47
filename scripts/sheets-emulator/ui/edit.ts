/** An edit typed by a person in the Sheets UI: checks protection and strict validation, runs values.update (USER_ENTERED) as that person, then fires the installed triggers. */
import type { sheets_v4 } from '@googleapis/sheets';
import { createContext } from '../context.js';
import type { DriveStore } from '../drive/store.js';
import { columnLetters, parseRange } from '../sheets/a1.js';
import { asBook, cloneBook, getCell } from '../sheets/model.js';
import { assertEditsAllowed } from '../sheets/protection.js';
import { Renderer } from '../sheets/render.js';
import { valuesUpdate } from '../sheets/values.js';
import type { SheetsHandler } from '../types.js';
import { GoogleApiError } from '../types.js';
import type { Book, SheetData } from '../sheets/model.js';
import type { SheetTriggers } from './triggers.js';
import { satisfiesRule } from './validation.js';

/** What an officer typed: who, where (A1, with or without a sheet name), and the values (rows). */
export interface UiEditRequest {
  email: string;
  range: string;
  values: unknown[][];
}

/** The outcome of a UI edit: Sheets' UpdateValuesResponse and the trigger executions it queued. */
export interface UiEditResult {
  response: sheets_v4.Schema$UpdateValuesResponse;
  /** Executions of the installed onEdit/onChange triggers (`GET /__emulator/apps-script/executions`). */
  executions?: string[];
}

/** What a UI edit needs from the emulator. */
export interface UiEditDeps {
  store: DriveStore;
  sheets: SheetsHandler;
  triggers: SheetTriggers;
  now: () => Date;
  onEdit: () => void;
  /** Checks a request body against the Sheets discovery schema `ref` as the API does (Google's 400 on unknown fields). */
  validate?: (ref: string, body: unknown) => unknown;
}

function badInput(message: string): GoogleApiError {
  return new GoogleApiError(400, 'INVALID_ARGUMENT', message);
}

/** Checks the shape of a ui-edit body; throws a 400 naming the problem. */
export function parseUiEdit(body: unknown): UiEditRequest {
  if (typeof body !== 'object' || body === null) throw badInput('the body must be a JSON object');
  const b = body as Record<string, unknown>;
  if (typeof b.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(b.email.trim()))
    throw badInput('email: an e-mail address is required');
  if (typeof b.range !== 'string' || b.range.trim() === '') throw badInput('range: an A1 range is required');
  if (!Array.isArray(b.values) || !b.values.every((row) => Array.isArray(row)))
    throw badInput('values: a list of rows (lists) is required');
  return { email: b.email.trim().toLowerCase(), range: b.range, values: b.values as unknown[][] };
}

/** The A1 part of a canonical range string (`'Báo cáo'!C7` → `C7`), as Apps Script's getA1Notation gives it. */
function a1Part(updatedRange: string): string {
  const bang = updatedRange.lastIndexOf('!');
  return bang < 0 ? updatedRange : updatedRange.slice(bang + 1);
}

/** A cell's value as Apps Script's e.value / e.oldValue give it (undefined for an empty cell). */
function cellValue(book: Book, sheet: SheetData, row: number, col: number): string | undefined {
  const v = new Renderer(book).value(sheet, row, col, 'UNFORMATTED_VALUE', 'SERIAL_NUMBER');
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? v === ''
      ? undefined
      : String(v)
    : undefined;
}

/** Google's dialog text when a typed entry breaks a strict ("Reject the input") validation rule. */
export function rejectedMessage(a1: string): string {
  return `There was a problem. The data you entered in cell ${a1} violates the data validation rules set on this cell.`;
}

/**
 * Tries the edit on a copy first, as the UI does before accepting what was typed: refuses it (400) when it
 * breaks a protection or a strict validation rule. Non-strict rules keep the entry (the view marks it invalid).
 */
function checkTyped(deps: UiEditDeps, spreadsheetId: string, req: UiEditRequest): void {
  const caller = { email: req.email };
  const ctx = createContext(deps.store, deps.now, () => undefined, req.email);
  const file = ctx.getSpreadsheetFile(spreadsheetId, caller);
  ctx.assertCanWrite(file, caller);
  const book = asBook(file.spreadsheet!);
  const work = cloneBook(book);
  const res = valuesUpdate(work, req.range, { values: req.values }, { valueInputOption: 'USER_ENTERED' });
  assertEditsAllowed(book, work, req.email, file.ownerEmail);
  const target = parseRange(work, res.updatedRange ?? req.range);
  const renderer = new Renderer(work);
  const r0 = target.startRow ?? 0;
  const c0 = target.startCol ?? 0;
  req.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null || v === undefined) return;
      const [r, c] = [r0 + i, c0 + j];
      if (getCell(target.sheet, r, c)?.dataValidation?.strict && !satisfiesRule(renderer, target.sheet, r, c))
        throw new GoogleApiError(400, 'INVALID_ARGUMENT', rejectedMessage(`${columnLetters(c)}${r + 1}`));
    }),
  );
}

/**
 * Applies the edit as `email` through the Sheets half's own values.update (access, protection and
 * USER_ENTERED parsing as for any write), then fires the installed onEdit and onChange triggers. A refused edit
 * throws Google's error and fires nothing.
 */
export function uiEdit(deps: UiEditDeps, spreadsheetId: string, req: UiEditRequest): UiEditResult {
  checkTyped(deps, spreadsheetId, req);
  const caller = { email: req.email };
  const ctx = createContext(deps.store, deps.now, deps.onEdit, req.email);
  const single = req.values.length === 1 && req.values[0]!.length === 1;
  const before = single ? asBook(ctx.getSpreadsheetFile(spreadsheetId, caller).spreadsheet!) : undefined;
  const at = before ? parseRange(before, req.range) : undefined;
  const oldValue = before && at ? cellValue(before, at.sheet, at.startRow ?? 0, at.startCol ?? 0) : undefined;
  const response = deps.sheets.handle(
    {
      methodId: 'sheets.spreadsheets.values.update',
      params: { spreadsheetId, range: req.range },
      query: { valueInputOption: 'USER_ENTERED' },
      body: deps.validate ? deps.validate('ValueRange', { values: req.values }) : { values: req.values },
      caller,
    },
    ctx,
  ) as sheets_v4.Schema$UpdateValuesResponse;
  if (!response.updatedCells) return { response }; // nothing typed: the UI records no edit
  const updated = response.updatedRange ?? req.range;
  const book = asBook(ctx.getSpreadsheetFile(spreadsheetId, caller).spreadsheet!);
  const target = parseRange(book, updated);
  const row = target.startRow ?? 0;
  const col = target.startCol ?? 0;
  const value = single ? cellValue(book, target.sheet, row, col) : undefined;
  const fired = deps.triggers.fire(spreadsheetId, {
    kind: 'edit',
    user: req.email,
    range: {
      sheetName: target.sheet.properties.title,
      sheetId: target.sheet.properties.sheetId,
      a1: a1Part(updated),
      row: row + 1,
      column: col + 1,
      numRows: (target.endRow ?? row + 1) - row,
      numColumns: (target.endCol ?? col + 1) - col,
    },
    ...(value !== undefined ? { value } : {}),
    ...(oldValue !== undefined ? { oldValue } : {}),
  });
  return { response, ...fired };
}

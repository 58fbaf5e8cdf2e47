/** Protected ranges enforced on writes: who may edit which cells, as Google decides it for API callers. */
import type { sheets_v4 } from '@googleapis/sheets';
import { badRequest } from './errors.js';
import type { Book, SheetData } from './model.js';

/** Google's answer to a write into a protected cell by someone who is not one of its editors. */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** A block of cells, 0-based, end-exclusive. */
export interface CellBlock {
  startRow: number;
  endRow: number;
  startColumn: number;
  endColumn: number;
}

function blockOf(range: sheets_v4.Schema$GridRange, sheet: SheetData): CellBlock {
  const grid = sheet.properties.gridProperties ?? {};
  return {
    startRow: range.startRowIndex ?? 0,
    endRow: range.endRowIndex ?? grid.rowCount ?? Number.MAX_SAFE_INTEGER,
    startColumn: range.startColumnIndex ?? 0,
    endColumn: range.endColumnIndex ?? grid.columnCount ?? Number.MAX_SAFE_INTEGER,
  };
}

function intersect(a: CellBlock, b: CellBlock): CellBlock | undefined {
  const block = {
    startRow: Math.max(a.startRow, b.startRow),
    endRow: Math.min(a.endRow, b.endRow),
    startColumn: Math.max(a.startColumn, b.startColumn),
    endColumn: Math.min(a.endColumn, b.endColumn),
  };
  return block.startRow < block.endRow && block.startColumn < block.endColumn ? block : undefined;
}

function covers(outer: CellBlock, inner: CellBlock): boolean {
  return (
    outer.startRow <= inner.startRow &&
    outer.endRow >= inner.endRow &&
    outer.startColumn <= inner.startColumn &&
    outer.endColumn >= inner.endColumn
  );
}

/**
 * Throws Google's 400 when `email` may not edit some cell of `block`: the owner may edit anything; a
 * protection that is only a warning does not stop API writes; otherwise the caller must be one of the
 * protection's editors, or the cells must lie in its unprotected ranges.
 */
export function assertMayEdit(sheet: SheetData, block: CellBlock, email: string, ownerEmail: string): void {
  if (email === ownerEmail) return;
  for (const protection of sheet.protectedRanges) {
    if (protection.warningOnly) continue;
    if (protection.editors?.users?.includes(email)) continue;
    const range = protection.range ?? { sheetId: sheet.properties.sheetId };
    const hit = intersect(blockOf(range, sheet), block);
    if (!hit) continue;
    const open = (protection.unprotectedRanges ?? []).map((r) => blockOf(r, sheet));
    if (open.some((o) => covers(o, hit))) continue;
    throw badRequest(PROTECTED_MESSAGE);
  }
}

/**
 * Refuses a write by `email` if it changed any cell (value, format or note) that a protection forbids it
 * to edit, comparing the spreadsheet before and after the write (cells are shared, never changed in
 * place, so an unchanged cell is the same object). Deleting a protected sheet is refused too.
 */
export function assertEditsAllowed(before: Book, after: Book, email: string, ownerEmail: string): void {
  if (email === ownerEmail) return;
  for (const sheet of before.sheets) {
    if (sheet.protectedRanges.length === 0) continue;
    const next = after.sheets.find((s) => s.properties.sheetId === sheet.properties.sheetId);
    if (!next) {
      assertMayEdit(
        sheet,
        { startRow: 0, endRow: Number.MAX_SAFE_INTEGER, startColumn: 0, endColumn: Number.MAX_SAFE_INTEGER },
        email,
        ownerEmail,
      );
      continue;
    }
    const rows = Math.max(sheet.rows.length, next.rows.length);
    for (let r = 0; r < rows; r++) {
      const a = sheet.rows[r] ?? null;
      const b = next.rows[r] ?? null;
      if (a === b) continue;
      const columns = Math.max(a?.length ?? 0, b?.length ?? 0);
      for (let c = 0; c < columns; c++) {
        if ((a?.[c] ?? null) !== (b?.[c] ?? null)) {
          assertMayEdit(
            sheet,
            { startRow: r, endRow: r + 1, startColumn: c, endColumn: c + 1 },
            email,
            ownerEmail,
          );
        }
      }
    }
  }
}

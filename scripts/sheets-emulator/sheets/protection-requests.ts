/** Who may change or remove a protected range through batchUpdate: the owner and the range's own editors. */
import type { sheets_v4 } from '@googleapis/sheets';
import { badRequest } from './errors.js';
import type { Book } from './model.js';
import { PROTECTED_MESSAGE } from './protection.js';

function findProtection(
  book: Book,
  id: number | null | undefined,
): sheets_v4.Schema$ProtectedRange | undefined {
  for (const sheet of book.sheets) {
    const found = sheet.protectedRanges.find((p) => p.protectedRangeId === id);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses (Google's protected-cell 400, prefixed with the request as batchUpdate errors are) an
 * updateProtectedRange or deleteProtectedRange by `email` on a protection whose editors do not include them,
 * unless they own the spreadsheet. Unknown ids are left to the request's own check.
 */
export function assertProtectionRequestsAllowed(
  book: Book,
  requests: sheets_v4.Schema$Request[],
  email: string,
  ownerEmail: string,
): void {
  if (email === ownerEmail) return;
  requests.forEach((req, i) => {
    const kind = req.updateProtectedRange
      ? 'updateProtectedRange'
      : req.deleteProtectedRange
        ? 'deleteProtectedRange'
        : undefined;
    if (!kind) return;
    const id =
      kind === 'updateProtectedRange'
        ? req.updateProtectedRange?.protectedRange?.protectedRangeId
        : req.deleteProtectedRange?.protectedRangeId;
    const protection = findProtection(book, id);
    // A warning-only protection has no editors; whether Sheets lets any editor change it is unconfirmed, so
    // the stricter reading holds: only the owner may.
    if (!protection || protection.editors?.users?.includes(email)) return;
    throw badRequest(`Invalid requests[${i}].${kind}: ${PROTECTED_MESSAGE}`);
  });
}

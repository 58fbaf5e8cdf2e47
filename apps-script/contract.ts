/**
 * The contract between theodoi's Apps Script trigger (Code.gs) and the `sheetEvent` function: the payload, its
 * signing and its headers. The emulator's stand-in for Apps Script and the function both use this one definition.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';

/** Header carrying the Unix time (seconds) at which the payload was signed. */
export const TIMESTAMP_HEADER = 'x-theodoi-timestamp';
/** Header carrying `v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`. */
export const SIGNATURE_HEADER = 'x-theodoi-signature';
/** How far a signed timestamp may be from the receiver's clock, either way. */
export const REPLAY_WINDOW_SECONDS = 300;
/** Larger bodies are refused before any parsing: a real event is well under 2 KiB. */
export const MAX_BODY_BYTES = 16 * 1024;

/** What the Apps Script installable trigger sends for one sheet event. */
export const SheetEventSchema = z.strictObject({
  v: z.literal(1),
  /** Unique per delivery (Utilities.getUuid()); a repeated id is a replay or a retry. */
  deliveryId: z.uuid(),
  spreadsheetId: z.string().regex(/^[\w-]{10,100}$/),
  /** onEdit, onChange, or the "theodoi → Kiểm tra ngay" menu. */
  kind: z.enum(['edit', 'change', 'menu']),
  /** For onChange: EDIT, INSERT_ROW, INSERT_COLUMN, REMOVE_ROW, REMOVE_COLUMN, INSERT_GRID, REMOVE_GRID, FORMAT, OTHER. */
  changeType: z.string().max(32).optional(),
  sheetName: z.string().max(200).optional(),
  /** A1 range of the edit, e.g. "C7" or "C7:E9". */
  range: z.string().max(100).optional(),
  /** The editor's e-mail when Apps Script may reveal it; null otherwise. */
  user: z.email().nullable(),
});
/** One sheet event, as validated. */
export type SheetEvent = z.infer<typeof SheetEventSchema>;

/** The signature header value for `rawBody` signed at `timestamp` (Unix seconds). */
export function signSheetEvent(rawBody: string, timestamp: number, secret: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** Signs `event` as the Apps Script does: returns the exact body and headers to POST. */
export function signedRequest(
  event: SheetEvent,
  secret: string,
  now: Date,
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(event);
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signSheetEvent(body, timestamp, secret),
    },
  };
}

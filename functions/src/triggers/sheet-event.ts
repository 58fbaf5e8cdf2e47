/** The contract between theodoi's Apps Script trigger and the `sheetEvent` function: payload, signing, checking. */
import { createHmac, timingSafeEqual } from 'node:crypto';
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

/** Why a trigger call was refused. `stale` and `forged` answer 401, `replayed` 409, the rest 400/413. */
export type RefusalReason = 'missing-signature' | 'forged' | 'stale' | 'too-large' | 'malformed';

/** The outcome of checking one incoming call, before any work is done. */
export type CheckResult = { ok: true; event: SheetEvent } | { ok: false; reason: RefusalReason };

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

/**
 * Checks size, signature (constant time), freshness and shape of a call, in that order, so a forged
 * or stale call costs no parsing. Replays (a delivery id already processed) are the caller's check.
 */
export function checkSheetEvent(
  rawBody: Buffer | string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  secret: string,
  now: Date,
): CheckResult {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody) : rawBody;
  if (body.length > MAX_BODY_BYTES) return { ok: false, reason: 'too-large' };
  if (!headers.timestamp || !headers.signature) return { ok: false, reason: 'missing-signature' };
  if (!/^\d{1,12}$/.test(headers.timestamp)) return { ok: false, reason: 'forged' };
  const timestamp = Number(headers.timestamp);
  const expected = Buffer.from(signSheetEvent(body.toString('utf8'), timestamp, secret));
  const given = Buffer.from(headers.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'forged' };
  if (Math.abs(now.getTime() / 1000 - timestamp) > REPLAY_WINDOW_SECONDS)
    return { ok: false, reason: 'stale' };
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = SheetEventSchema.safeParse(json);
  return parsed.success ? { ok: true, event: parsed.data } : { ok: false, reason: 'malformed' };
}

/** The receiving side of the Apps Script trigger contract: checking an incoming call before any work. */
import { timingSafeEqual } from 'node:crypto';
import {
  MAX_BODY_BYTES,
  REPLAY_WINDOW_SECONDS,
  SheetEventSchema,
  signSheetEvent,
  type SheetEvent,
} from '@theodoi/apps-script/contract';

export {
  MAX_BODY_BYTES,
  REPLAY_WINDOW_SECONDS,
  SIGNATURE_HEADER,
  SheetEventSchema,
  TIMESTAMP_HEADER,
  signSheetEvent,
  signedRequest,
  type SheetEvent,
} from '@theodoi/apps-script/contract';

/** Why a trigger call was refused. `stale` and `forged` answer 401, `replayed` 409, the rest 400/413. */
export type RefusalReason = 'missing-signature' | 'forged' | 'stale' | 'too-large' | 'malformed';

/** The outcome of checking one incoming call, before any work is done. */
export type CheckResult = { ok: true; event: SheetEvent } | { ok: false; reason: RefusalReason };

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

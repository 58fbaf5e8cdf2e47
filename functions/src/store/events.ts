/**
 * Idempotency of trigger deliveries: each delivery id is processed once, a repeat is a replay. Each record carries
 * `expireAt`, the instant after which Firestore's TTL policy on `events.expireAt` deletes it (the deploy sets the
 * policy): a replay is refused long before that (sheet events are signed for 5 minutes; Drive repeats a message
 * within hours), and the collection does not grow for ever.
 */
import { hash } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { eventPath } from './paths.js';

/** gRPC status ALREADY_EXISTS, which Firestore's create() raises for an existing document. */
const ALREADY_EXISTS = 6;

/** How long a delivery record is kept: seven days. */
export const DELIVERY_RETENTION_MS = 7 * 24 * 3600_000;

/** Delivery ids used as document ids as they are: letters, digits and - _ . up to 200 (not ".", "..", "__x__"). */
const PLAIN_ID = /^(?!\.\.?$)(?!__.*__$)[\w.-]{1,200}$/;

/** Records a delivery as processed; false if it was already recorded (a replay or a duplicate push). */
export async function claimDelivery(
  db: Firestore,
  deliveryId: string,
  info: { source: 'sheet' | 'drive'; directiveId?: string; spreadsheetId?: string },
  now: Date,
): Promise<boolean> {
  try {
    await db.doc(eventPath(documentIdOf(deliveryId))).create({
      ...info,
      receivedAt: now,
      expireAt: new Date(now.getTime() + DELIVERY_RETENTION_MS),
    });
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === ALREADY_EXISTS) return false;
    throw error;
  }
}

/** The delivery's document id: the id itself when it is a plain one, else its hash (no path can be made of it). */
function documentIdOf(deliveryId: string): string {
  return PLAIN_ID.test(deliveryId) ? deliveryId : `h-${hash('sha256', deliveryId, 'hex')}`;
}

/** Idempotency of trigger deliveries: each delivery id is processed once, a repeat is a replay. */
import type { Firestore } from 'firebase-admin/firestore';
import { eventPath } from './paths.js';

/** gRPC status ALREADY_EXISTS, which Firestore's create() raises for an existing document. */
const ALREADY_EXISTS = 6;

/** Records a delivery as processed; false if it was already recorded (a replay or a duplicate push). */
export async function claimDelivery(
  db: Firestore,
  deliveryId: string,
  info: { source: 'sheet' | 'drive'; directiveId?: string; spreadsheetId?: string },
  now: Date,
): Promise<boolean> {
  try {
    await db.doc(eventPath(deliveryId)).create({ ...info, receivedAt: now });
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === ALREADY_EXISTS) return false;
    throw error;
  }
}

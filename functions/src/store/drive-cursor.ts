/** Where the sweep left off in Drive's change feed. */
import type { Firestore } from 'firebase-admin/firestore';

const CURSOR = 'system/driveChanges';

/** The stored page token, if a sweep has run before. */
export async function getDriveCursor(db: Firestore): Promise<string | undefined> {
  const token: unknown = (await db.doc(CURSOR).get()).get('pageToken');
  return typeof token === 'string' ? token : undefined;
}

/** Stores the page token the next sweep starts from. */
export async function setDriveCursor(db: Firestore, pageToken: string, now: Date): Promise<void> {
  await db.doc(CURSOR).set({ pageToken, updatedAt: now });
}

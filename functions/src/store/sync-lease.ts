/**
 * One sync at a time per directive: a lease on the directive document. A sync that finds the lease held
 * marks the directive "pending" instead of running, and the holder runs once more before letting go,
 * so a burst of edits coalesces into at most two syncs and none is lost.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { directivePath } from './paths.js';

/** How long a lease protects a sync that died without releasing it. */
export const LEASE_MS = 120_000;

/**
 * Attempts of the lease's transactions. A burst of officers' triggers contends for this one document by design;
 * Firestore answers contention with ABORTED and the SDK retries with backoff (5 attempts by default), which a
 * burst of twenty on a loaded emulator was seen to exhaust.
 */
const LEASE_ATTEMPTS = 12;

/** Tries to take the directive's sync lease; false means another sync holds it (and now knows to re-run). */
export async function acquireSyncLease(
  db: Firestore,
  directiveId: string,
  holder: string,
  now: Date,
): Promise<boolean> {
  const ref = db.doc(directivePath(directiveId));
  return db.runTransaction(
    async (tx) => {
      const snap = await tx.get(ref);
      if (!snap.exists) throw new Error(`Directive ${directiveId} is not registered`);
      const lease = snap.get('syncLease') as
        { holder?: string; until?: FirebaseFirestore.Timestamp } | undefined;
      if (lease?.holder && lease.holder !== holder && lease.until && lease.until.toMillis() > now.getTime()) {
        tx.update(ref, { 'syncLease.pending': true });
        return false;
      }
      tx.update(ref, { syncLease: { holder, until: new Date(now.getTime() + LEASE_MS), pending: false } });
      return true;
    },
    { maxAttempts: LEASE_ATTEMPTS },
  );
}

/**
 * Releases the lease if `holder` still has it. Returns true when edits arrived meanwhile: the lease is
 * then kept (renewed) and the caller must sync once more before calling this again.
 */
export async function releaseSyncLease(
  db: Firestore,
  directiveId: string,
  holder: string,
  now: Date,
): Promise<boolean> {
  const ref = db.doc(directivePath(directiveId));
  return db.runTransaction(
    async (tx) => {
      const snap = await tx.get(ref);
      const lease = snap.get('syncLease') as { holder?: string; pending?: boolean } | undefined;
      if (lease?.holder !== holder) return false;
      if (lease.pending) {
        tx.update(ref, { syncLease: { holder, until: new Date(now.getTime() + LEASE_MS), pending: false } });
        return true;
      }
      tx.update(ref, { syncLease: { holder: null, until: null, pending: false } });
      return false;
    },
    { maxAttempts: LEASE_ATTEMPTS },
  );
}

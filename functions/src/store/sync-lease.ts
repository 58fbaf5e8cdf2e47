/**
 * One sync at a time per directive: a lease on the directive document. A sync that finds the lease held
 * marks the directive "pending" instead of running, and the holder runs once more before letting go,
 * so a burst of edits coalesces into at most two syncs and none is lost.
 */
import type { DocumentData, Firestore } from 'firebase-admin/firestore';
import { directivePath } from './paths.js';

/** How long a lease protects a sync that died without releasing it. */
export const LEASE_MS = 120_000;

/**
 * Attempts of the lease's transactions. A burst of officers' triggers contends for this one document by design;
 * Firestore answers contention with ABORTED and the SDK retries with backoff (5 attempts by default), which a
 * burst of twenty on a loaded emulator was seen to exhaust.
 */
const LEASE_ATTEMPTS = 12;

/** The lease taken, with the directive document as the transaction read it; held by another sync; or no directive. */
export type LeaseAcquired =
  { state: 'taken'; document: DocumentData } | { state: 'held' } | { state: 'missing' };

/**
 * Tries to take the directive's sync lease. The transaction reads the directive document anyway: the sync gets it
 * from here instead of reading it again. 'held' means another sync holds the lease (and now knows to re-run).
 */
export async function acquireSyncLease(
  db: Firestore,
  directiveId: string,
  holder: string,
  now: Date,
): Promise<LeaseAcquired> {
  const ref = db.doc(directivePath(directiveId));
  return db.runTransaction(
    async (tx): Promise<LeaseAcquired> => {
      const snap = await tx.get(ref);
      const document = snap.data();
      if (!document) return { state: 'missing' };
      const lease = snap.get('syncLease') as
        { holder?: string; until?: FirebaseFirestore.Timestamp } | undefined;
      if (lease?.holder && lease.holder !== holder && lease.until && lease.until.toMillis() > now.getTime()) {
        tx.update(ref, { 'syncLease.pending': true });
        return { state: 'held' };
      }
      tx.update(ref, { syncLease: heldBy(holder, now) });
      return { state: 'taken', document };
    },
    { maxAttempts: LEASE_ATTEMPTS },
  );
}

/** The lease let go ('done'), or kept for one more run because edits arrived ('again', with the document now). */
export type LeaseReleased = { state: 'done' } | { state: 'again'; document: DocumentData };

/**
 * Releases the lease if `holder` still has it. When edits arrived meanwhile the lease is kept (renewed) and the
 * caller must sync once more, with the directive document as this transaction read it, before calling this again.
 */
export async function releaseSyncLease(
  db: Firestore,
  directiveId: string,
  holder: string,
  now: Date,
): Promise<LeaseReleased> {
  const ref = db.doc(directivePath(directiveId));
  return db.runTransaction(
    async (tx): Promise<LeaseReleased> => {
      const snap = await tx.get(ref);
      const lease = snap.get('syncLease') as { holder?: string; pending?: boolean } | undefined;
      const document = snap.data();
      if (lease?.holder !== holder || !document) return { state: 'done' };
      if (lease.pending) {
        tx.update(ref, { syncLease: heldBy(holder, now) });
        return { state: 'again', document };
      }
      tx.update(ref, { syncLease: { holder: null, until: null, pending: false } });
      return { state: 'done' };
    },
    { maxAttempts: LEASE_ATTEMPTS },
  );
}

/** The lease held by `holder` for LEASE_MS from `now`, with no edit pending. */
function heldBy(holder: string, now: Date) {
  return { holder, until: new Date(now.getTime() + LEASE_MS), pending: false };
}

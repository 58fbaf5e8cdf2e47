/**
 * One sync at a time per directive: a lease on the directive document. A sync that finds the lease held marks the
 * directive "pending" instead of running, and the holder runs once more before letting go, so a burst of edits
 * coalesces into at most two syncs. A holder that fails lets go keeping `pending` (its work and the work that
 * coalesced into it are handed on: the sweep runs a directive with pending work and no live holder, or whose
 * holder's lease expired).
 *
 * Every change is a conditional write (applied only if the document is unchanged since it was read), never a
 * transaction: Firestore's server libraries lock what a transaction reads, and fifty requests for one directive
 * queued behind each other's locks for minutes (measured on the emulator: 50 transactions, 39 s; 50 conditional
 * writes, 2.4 s). No lease is taken or kept after its caller's give-up instant (a write still in flight that took
 * it after that instant is followed by letting it go, its work left pending); letting go is done even late.
 */
import type { DocumentData, DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { StoreUnavailableError } from './deadline.js';
import { directivePath } from './paths.js';
import { TimestampLike } from './timestamp.js';

/** How long a lease protects a sync that died without releasing it. */
export const LEASE_MS = 120_000;

/** gRPC FAILED_PRECONDITION: the document changed since it was read (another request wrote it first). */
const FAILED_PRECONDITION = 9;

const LeaseSchema = z
  .object({
    holder: z.string().nullable().optional(),
    until: TimestampLike.nullable().optional(),
    pending: z.boolean().optional(),
  })
  .loose();

/** The lease as stored on a directive document (all fields absent on a directive never synced). */
export interface LeaseState {
  holder: string | null;
  until: Date | null;
  pending: boolean;
}

/** The lease of a directive document as read. */
export function leaseOf(document: unknown): LeaseState {
  const parsed = LeaseSchema.safeParse((document as { syncLease?: unknown } | undefined)?.syncLease ?? {});
  const lease = parsed.success ? parsed.data : {};
  return {
    holder: lease.holder ?? null,
    until: lease.until?.toDate() ?? null,
    pending: lease.pending ?? false,
  };
}

/** Whether a sync holds the lease at `now` (a lease past its `until` protects nothing). */
function liveHolder(lease: LeaseState, now: Date): string | null {
  return lease.holder && lease.until && lease.until.getTime() > now.getTime() ? lease.holder : null;
}

/**
 * Whether the directive has work no live sync will do: edits left pending by a sync that failed, or a lease whose
 * holder died (its `until` passed). The sweep syncs such a directive even when Drive reports no change.
 */
export function workLeftBehind(document: unknown, now: Date): boolean {
  const lease = leaseOf(document);
  if (liveHolder(lease, now)) return false;
  return lease.pending || lease.holder !== null;
}

/** When a lease operation must stop trying: an instant on the machine's clock (Date.now()), not a simulated one. */
export interface GiveUp {
  giveUpAt: number;
}

/** The lease taken, with the directive document as read; held by another sync; or no directive. */
export type LeaseAcquired =
  { state: 'taken'; document: DocumentData } | { state: 'held' } | { state: 'missing' };

/**
 * Tries to take the directive's sync lease. The directive document is read anyway: the sync gets it from here
 * instead of reading it again. 'held' means another sync holds the lease and knows to run again (when `pending`
 * is already set, nothing is written: the burst's later requests cost one read each).
 */
export async function acquireSyncLease(
  db: Firestore,
  directiveId: string,
  holder: string,
  now: Date,
  { giveUpAt }: GiveUp,
): Promise<LeaseAcquired> {
  const ref = db.doc(directivePath(directiveId));
  for (let attempt = 0; ; attempt++) {
    const snap = await ref.get();
    const document = snap.data();
    if (!document) return { state: 'missing' };
    const lease = leaseOf(document);
    const other = liveHolder(lease, now);
    if (other && other !== holder) {
      if (lease.pending) return { state: 'held' };
      if (await writeIfUnchanged(snap, { 'syncLease.pending': true }, giveUpAt, 'taking the lease')) {
        return { state: 'held' };
      }
    } else {
      const taken = heldBy(holder, now);
      if (await writeIfUnchanged(snap, { syncLease: taken }, giveUpAt, 'taking the lease')) {
        if (Date.now() > giveUpAt) {
          // The write landed after the caller gave up: nobody will run this sync, so hand its work on.
          await abandonSyncLease(db, directiveId, holder, { handOn: true });
          throw gaveUp('taking the lease');
        }
        return { state: 'taken', document: { ...document, syncLease: taken } };
      }
    }
    await backOff(attempt);
  }
}

/** The lease let go ('done'), or kept for one more run because edits arrived ('again', with the document now). */
export type LeaseReleased = { state: 'done' } | { state: 'again'; document: DocumentData };

/**
 * Releases the lease if `holder` still has it, recording `seen.seenVersion` with it when given. When edits arrived
 * meanwhile the lease is kept (renewed) and the caller must sync once more, with the directive document as read
 * here, before calling this again.
 */
export async function releaseSyncLease(
  db: Firestore,
  directiveId: string,
  holder: string,
  now: Date,
  { giveUpAt }: GiveUp,
  seen: { seenVersion?: string } = {},
): Promise<LeaseReleased> {
  const ref = db.doc(directivePath(directiveId));
  for (let attempt = 0; ; attempt++) {
    const snap = await ref.get();
    const document = snap.data();
    const lease = leaseOf(document);
    if (!document || lease.holder !== holder) return { state: 'done' };
    if (lease.pending) {
      const renewed = heldBy(holder, now);
      if (await writeIfUnchanged(snap, { syncLease: renewed }, giveUpAt, 'releasing the lease')) {
        return { state: 'again', document: { ...document, syncLease: renewed } };
      }
    } else if (
      // The spreadsheet's version this sync saw whole rides on the release: no write of its own (decision 011).
      await writeIfUnchanged(snap, { syncLease: free(false), ...seen }, giveUpAt, 'releasing the lease')
    ) {
      return { state: 'done' };
    }
    await backOff(attempt);
  }
}

/** Races a failed sync's letting go may lose to other requests' writes before it gives up. */
const ABANDON_ATTEMPTS = 50;

/**
 * Lets go of the lease of a sync that failed, if `holder` still has it: `pending` stays set when another request
 * coalesced into it, and is set when `handOn` (the failed sync's own work is left for the sweep too). True when it
 * wrote. Unlike taking the lease, letting go is worth doing late: it goes on after its caller stopped waiting (a
 * Firestore that paused), so the work is handed on as soon as Firestore answers, not when the lease expires.
 */
export async function abandonSyncLease(
  db: Firestore,
  directiveId: string,
  holder: string,
  { handOn }: { handOn: boolean },
): Promise<boolean> {
  const ref = db.doc(directivePath(directiveId));
  for (let attempt = 0; attempt < ABANDON_ATTEMPTS; attempt++) {
    const snap = await ref.get();
    const lease = leaseOf(snap.data());
    if (!snap.exists || lease.holder !== holder) return false;
    const after = free(lease.pending || handOn);
    if (
      await writeIfUnchanged(snap, { syncLease: after }, Number.POSITIVE_INFINITY, 'letting go of the lease')
    ) {
      return true;
    }
    await backOff(attempt);
  }
  return false;
}

/** Leaves a sync request for the sweep (a sync that failed before it held the lease): one plain write. */
export async function markSyncPending(db: Firestore, directiveId: string): Promise<void> {
  await db.doc(directivePath(directiveId)).update({ 'syncLease.pending': true });
}

/**
 * Writes `fields` if the document has not changed since `snap` was read; false when it has (read again and
 * decide anew). Sends nothing once `giveUpAt` has passed.
 */
async function writeIfUnchanged(
  snap: DocumentSnapshot,
  fields: Record<string, unknown>,
  giveUpAt: number,
  step: string,
): Promise<boolean> {
  if (Date.now() > giveUpAt) throw gaveUp(step);
  try {
    await snap.ref.update(fields, { lastUpdateTime: snap.updateTime! });
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === FAILED_PRECONDITION) return false;
    throw error;
  }
}

function gaveUp(step: string): StoreUnavailableError {
  return new StoreUnavailableError(`Firestore did not answer in time while ${step}`);
}

/** A short random pause after losing a race for the document, growing with the attempts (at most ~100 ms). */
function backOff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(100, 5 * (attempt + 1));
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The lease held by `holder` for LEASE_MS from `now`, with no edit pending. */
function heldBy(holder: string, now: Date) {
  return { holder, until: new Date(now.getTime() + LEASE_MS), pending: false };
}

/** The lease held by nobody, with `pending` as given. */
function free(pending: boolean) {
  return { holder: null, until: null, pending };
}

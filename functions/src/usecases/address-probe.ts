/**
 * Asks Drive whether addresses are Google accounts, one silent share on theodoi's probe file each
 * (sheets/api/permissions.ts), backing off on Drive's sharing limit; what it learns is remembered per address.
 */
import type { AddressCheck } from '../domain/sharing.js';
import { GoogleApiError, isTransient } from '../sheets/api/google-error.js';
import { probeAddress } from '../sheets/api/permissions.js';
import type { RetryPolicy } from '../sheets/api/retry.js';
import { withProbeFile, type CallCount, type DriveHomeDeps } from './drive-home.js';

/**
 * How Drive's sharing limit (403 sharingRateLimitExceeded) is waited out: exponential with full jitter, from 2 s, at
 * most 32 s a wait and 5 waits (about a minute in all); what is left after that stays to share later.
 */
export const SHARING_RETRY: RetryPolicy = { retries: 5, baseMs: 2_000, maxWaitMs: 32_000 };

/** What probing or sharing an address came to: done, refused for good (with Google's words), or stopped by a limit. */
export type Attempt<T> =
  { kind: 'done'; value: T } | { kind: 'failed'; reason: string } | { kind: 'limited'; reason: string };

/**
 * Runs one sharing call and sorts its failure: a limit or an outage that outlasted the backoff stops the run (the
 * rest is left for later); an error about the address or the file is that address's failure; anything else (a
 * revoked grant, a bug) is thrown.
 */
export async function attempt<T>(call: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { kind: 'done', value: await call() };
  } catch (error) {
    if (!(error instanceof GoogleApiError)) throw error;
    if (isTransient(error) || error.code === 'no-answer') return { kind: 'limited', reason: error.message };
    if (error.code === 'invalid' || error.code === 'permission-denied' || error.code === 'not-found')
      return { kind: 'failed', reason: error.message };
    throw error;
  }
}

/** What sharing and probing take: theodoi's Drive home, and how the sharing limit is waited out. */
export interface ProbeDeps extends DriveHomeDeps {
  /** SHARING_RETRY unless a test needs short waits. */
  sharingRetry?: RetryPolicy;
}

/** Probes one address on the probe file; the check (with the time) when Drive answered. */
export async function probe(
  deps: ProbeDeps,
  calls: CallCount,
  address: string,
): Promise<Attempt<AddressCheck>> {
  const policy = deps.sharingRetry ?? SHARING_RETRY;
  return attempt(async () => {
    const { result, driveCalls } = await withProbeFile(deps, calls, async (fileId) => {
      calls.drive += 1;
      return probeAddress(deps.clients, fileId, address, policy);
    });
    calls.drive += driveCalls - 1;
    return { address, googleAccount: result === 'account', checkedAt: deps.clock.now() };
  });
}

/**
 * theodoi's one retry policy for Google API calls, and the one way to make a call. The clients' own retries are
 * off (sheets/api/clients.ts), nothing above a call retries it again, and nothing stacks: a call that is safe to
 * repeat (a read; a write that sets cells to absolute values) is repeated on 'quota' and 'unavailable' answers,
 * waiting as Retry-After says or with exponential backoff and full jitter; any other failure, and the last one, is
 * thrown as a GoogleApiError. Past that, the caller's caller retries: Cloud Scheduler and Pub/Sub repeat a run
 * answered 429/503, and the next trigger or sweep repeats a sync.
 */
import { classifyGoogleError, isTransient } from './google-error.js';

/** How retries are paced. */
export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  /** First backoff; doubles each time. */
  baseMs: number;
  /** Longest single wait, Retry-After included. */
  maxWaitMs: number;
  /** Sleeps; injected so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** A random number in [0, 1); injected so tests are deterministic. */
  random?: () => number;
}

/** The default: 4 retries from 500 ms, waits capped at 32 s (Sheets' quotas refill per minute). */
export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseMs: 500, maxWaitMs: 32_000 };

/** Whether a call may be repeated: 'repeatable' for reads and absolute writes, 'once' for creations. */
export type Repeat = 'repeatable' | 'once';

/**
 * Runs one Google API call. A failure is thrown as a GoogleApiError (other errors as they are); a 'repeatable' call
 * is first repeated as `policy` says while the failure is transient.
 */
export async function callGoogle<T>(
  call: () => Promise<T>,
  repeat: Repeat,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<T> {
  return repeat === 'repeatable' ? withRetry(call, policy) : call().catch(rethrowCoded);
}

/** Runs `call`, repeating it on transient failures as `policy` says; the last failure is thrown, coded. */
export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = policy.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const coded = classifyGoogleError(error);
      if (!coded || attempt >= policy.retries || !isTransient(coded)) throw coded ?? error;
      const backoff = random() * policy.baseMs * 2 ** attempt;
      await sleep(Math.min(policy.maxWaitMs, coded.retryAfterMs ?? backoff));
    }
  }
}

function rethrowCoded(error: unknown): never {
  throw classifyGoogleError(error) ?? error;
}

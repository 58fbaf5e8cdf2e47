/**
 * Retries of Google API calls the client does not retry itself (it retries GETs only): 429, 500 and 503
 * answers, waiting as Retry-After says or with exponential backoff and full jitter. Only for calls
 * that are safe to repeat: theodoi's writes set cells to absolute values, so a repeat changes nothing.
 */

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

const RETRYABLE = new Set([429, 500, 503]);

interface HttpishError {
  status?: number;
  response?: {
    status?: number;
    headers?: { get?: (name: string) => string | null } | Record<string, string>;
  };
}

/** The HTTP status of a client error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const e = error as HttpishError;
  return e.status ?? e.response?.status;
}

/** The wait Retry-After asks for, in ms (seconds or an HTTP date), if any. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as HttpishError).response?.headers;
  if (!headers) return undefined;
  const raw =
    typeof (headers as { get?: unknown }).get === 'function'
      ? (headers as { get: (name: string) => string | null }).get('retry-after')
      : (headers as Record<string, string>)['retry-after'];
  if (!raw) return undefined;
  if (/^\d+$/.test(raw.trim())) return Number(raw) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Runs `call`, repeating it on 429/500/503 as `policy` says; other errors and the last failure are thrown. */
export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = policy.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      if (attempt >= policy.retries || status === undefined || !RETRYABLE.has(status)) throw error;
      const backoff = random() * policy.baseMs * 2 ** attempt;
      await sleep(Math.min(policy.maxWaitMs, retryAfterMs(error) ?? backoff));
    }
  }
}

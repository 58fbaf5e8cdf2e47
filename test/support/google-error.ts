/** Test helper: awaits a googleapis call that must fail and returns what the client saw. */
import { expect } from 'vitest';

/** What a GaxiosError exposes to callers. */
export interface SeenError {
  status: number;
  message: string;
  data: unknown;
  headers: Headers | Record<string, string> | undefined;
}

/** Resolves with the client's view of the failure; fails the test if the call succeeds. */
export async function failure(call: Promise<unknown>): Promise<SeenError> {
  try {
    await call;
  } catch (err) {
    const e = err as { status?: number; message: string; response?: { data?: unknown; headers?: Headers } };
    expect(e.status, `not an HTTP error: ${e.message}`).toBeTypeOf('number');
    return {
      status: e.status ?? 0,
      message: e.message,
      data: e.response?.data,
      headers: e.response?.headers,
    };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Reads one response header whatever shape gaxios gave the headers. */
export function header(seen: SeenError, name: string): string | null {
  const h = seen.headers;
  if (!h) return null;
  if (typeof (h as Headers).get === 'function') return (h as Headers).get(name);
  const rec = h as Record<string, string>;
  return rec[name.toLowerCase()] ?? null;
}

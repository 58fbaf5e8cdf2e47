/** Tells a spreadsheet theodoi can no longer open (deleted, or no longer shared with it) from other API errors. */

/** Why a spreadsheet cannot be opened: gone (404) or not shared with the caller (403). */
export type AccessProblem = 'not-found' | 'permission-denied';

interface GoogleErrorBody {
  error?: { status?: string; errors?: { reason?: string }[] };
}

/** Drive's 403 reasons that mean "slow down", not "no access". */
const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'dailyLimitExceeded']);

/**
 * The access problem an API error stands for, if any: Sheets answers 404 NOT_FOUND for a spreadsheet that
 * no longer exists and 403 PERMISSION_DENIED "The caller does not have permission" for one not shared with
 * the caller (or shared read-only, on a write). A 403 for a rate limit is not an access problem.
 */
export function accessProblemOf(error: unknown): AccessProblem | undefined {
  // Only an HTTP answer from Google counts (Firestore's errors carry gRPC codes and no response).
  const response = (error as { response?: { status?: number; data?: GoogleErrorBody } } | null)?.response;
  if (!response) return undefined;
  if (response.status === 404) return 'not-found';
  if (response.status !== 403) return undefined;
  const body = response.data?.error;
  if (body?.errors?.some((e) => e.reason !== undefined && RATE_LIMIT_REASONS.has(e.reason))) return undefined;
  return 'permission-denied';
}

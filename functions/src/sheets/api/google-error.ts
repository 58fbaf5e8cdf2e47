/**
 * The one classifier of Google API failures (as google/clasp's handleApiError): a client error (GaxiosError) becomes
 * a GoogleApiError with a code saying what theodoi does about it, Google's status, reason and message, and the
 * client's error as its cause. Retries, lost-access marks and HTTP answers all decide on this code.
 */
import { googleAccess } from '../../messages.vi.js';

/** What went wrong, as theodoi acts on it. */
export const GOOGLE_ERROR_CODES = [
  /** 429, or a 403 whose reason is a rate limit: slow down and try again. */
  'quota',
  /** 500, 502, 503, 504: Google could not answer now; the same call may succeed later. */
  'unavailable',
  /** No answer at all (timeout, connection refused or reset): not repeated, the call may hang as long again. */
  'no-answer',
  /** 404: the file (a spreadsheet) no longer exists. */
  'not-found',
  /** 403 for any other reason: the file is not shared with theodoi's account, or only to read. */
  'permission-denied',
  /** 401: the credentials were refused. */
  'unauthenticated',
  /** The coordinator's grant was revoked or expired (OAuth `invalid_grant`): only a new login mends it. */
  'invalid-grant',
  /** 400: Google refused the request itself (a range, a request a hand-edited tab no longer allows). */
  'invalid',
  /** Any other answer. */
  'unknown',
] as const;
/** One of GOOGLE_ERROR_CODES. */
export type GoogleErrorCode = (typeof GOOGLE_ERROR_CODES)[number];

/** Why a spreadsheet cannot be opened: gone, or not shared with theodoi's account. */
export type AccessProblem = Extract<GoogleErrorCode, 'not-found' | 'permission-denied'>;

/** A Google API call that failed, coded; `cause` is the client's own error. */
export class GoogleApiError extends Error {
  constructor(
    readonly code: GoogleErrorCode,
    message: string,
    /** Google's HTTP status; undefined when there was no answer. */
    readonly status: number | undefined,
    /** Google's reason (`errors[].reason` or `details[].reason`), e.g. "userRateLimitExceeded". */
    readonly reason: string | undefined,
    /** The wait Retry-After asked for, in ms. */
    readonly retryAfterMs: number | undefined,
    options: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'GoogleApiError';
  }
}

/** Reasons of a 403 that mean "slow down", not "no access" (Drive's v2-style errors[] and Sheets' ErrorInfo). */
const RATE_LIMIT_REASONS = new Set([
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'dailyLimitExceeded',
  'quotaExceeded',
  'RATE_LIMIT_EXCEEDED',
  // Drive's sharing limit, "often linked with an email limit": slow down (reference/sheets-facts.md §8c).
  'sharingRateLimitExceeded',
]);

interface ClientError {
  name?: unknown;
  message?: unknown;
  status?: unknown;
  code?: unknown;
  response?: {
    status?: unknown;
    headers?: { get?: (name: string) => string | null } | Record<string, string>;
    data?: {
      /** An OAuth endpoint's answer names its error as a string ("invalid_grant"); the APIs' as an object. */
      error?:
        | string
        | {
            message?: unknown;
            errors?: { reason?: unknown }[];
            details?: { reason?: unknown }[];
          };
    };
  };
}

/**
 * The coded error for a failed Google API call; undefined for anything that is not one (a Firestore error, a bug),
 * which callers rethrow as it is. A GoogleApiError is returned unchanged.
 */
export function classifyGoogleError(error: unknown, now = Date.now()): GoogleApiError | undefined {
  if (error instanceof GoogleApiError) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as ClientError;
  const status = httpStatusOf(e);
  const message = messageOf(e);
  if (status === undefined) {
    // A client error with no answer: gaxios names its errors, and a timeout aborts the call.
    return e.name === 'GaxiosError'
      ? new GoogleApiError('no-answer', message, undefined, undefined, undefined, { cause: error })
      : undefined;
  }
  if (e.response?.data?.error === 'invalid_grant') {
    return new GoogleApiError(
      'invalid-grant',
      googleAccess.grantRevoked,
      status,
      'invalid_grant',
      undefined,
      {
        cause: error,
      },
    );
  }
  const reason = reasonOf(e);
  return new GoogleApiError(codeOf(status, reason), message, status, reason, retryAfterMs(e, now), {
    cause: error,
  });
}

/** Whether repeating the same call may succeed: Google asked to slow down, or could not answer now. */
export function isTransient(error: GoogleApiError): boolean {
  return error.code === 'quota' || error.code === 'unavailable';
}

/** The access problem a failure stands for, if it is one (a spreadsheet gone or no longer shared). */
export function accessProblemOf(error: unknown): AccessProblem | undefined {
  const code = classifyGoogleError(error)?.code;
  return code === 'not-found' || code === 'permission-denied' ? code : undefined;
}

function codeOf(status: number, reason: string | undefined): GoogleErrorCode {
  if (status === 429 || (status === 403 && reason !== undefined && RATE_LIMIT_REASONS.has(reason)))
    return 'quota';
  if (status === 500 || status === 502 || status === 503 || status === 504) return 'unavailable';
  if (status === 404) return 'not-found';
  if (status === 403) return 'permission-denied';
  if (status === 401) return 'unauthenticated';
  if (status === 400) return 'invalid';
  return 'unknown';
}

/** The HTTP status of an answer: gaxios' `status`/`response.status`, or a `code` holding one ("429"). */
function httpStatusOf(e: ClientError): number | undefined {
  for (const value of [e.response?.status, e.status, e.code]) {
    const n = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599) return n;
  }
  return undefined;
}

function messageOf(e: ClientError): string {
  const body = e.response?.data?.error;
  const google = typeof body === 'object' ? body.message : undefined;
  if (typeof google === 'string' && google !== '') return google;
  return typeof e.message === 'string' ? e.message : 'Google API call failed';
}

function reasonOf(e: ClientError): string | undefined {
  const body = e.response?.data?.error;
  if (typeof body !== 'object') return undefined;
  const reason = [...(body.errors ?? []), ...(body?.details ?? [])].find(
    (r) => typeof r?.reason === 'string',
  )?.reason;
  return typeof reason === 'string' ? reason : undefined;
}

/** The wait Retry-After asks for, in ms (seconds or an HTTP date), if any. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as ClientError).response?.headers;
  if (!headers) return undefined;
  const raw =
    typeof headers.get === 'function'
      ? headers.get('retry-after')
      : (headers as Record<string, string>)['retry-after'];
  if (!raw) return undefined;
  if (/^\d+$/.test(raw.trim())) return Number(raw) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

// The one classifier of Google failures: every client error becomes a coded GoogleApiError (its status, Google's
// reason and message, the client's error as cause); Firestore errors and bugs are not Google's and stay as they are.
import { describe, expect, it } from 'vitest';
import {
  accessProblemOf,
  classifyGoogleError,
  GoogleApiError,
  isTransient,
} from '@theodoi/functions/sheets/api/google-error';

const answer = (status: number, error: Record<string, unknown>) =>
  Object.assign(new Error(String(error.message)), { status, response: { status, data: { error } } });

describe('accessProblemOf', () => {
  const cases = [
    {
      name: 'a spreadsheet not shared with the caller',
      error: answer(403, {
        code: 403,
        message: 'The caller does not have permission',
        status: 'PERMISSION_DENIED',
      }),
      expected: 'permission-denied',
    },
    {
      name: 'a spreadsheet that no longer exists',
      error: answer(404, { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' }),
      expected: 'not-found',
    },
    {
      name: "Drive's 403 rate limit",
      error: answer(403, {
        code: 403,
        message: 'User Rate Limit Exceeded',
        errors: [{ reason: 'userRateLimitExceeded', domain: 'usageLimits' }],
      }),
      expected: undefined,
    },
    {
      name: 'a quota 429',
      error: answer(429, { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' }),
      expected: undefined,
    },
    {
      name: 'a 400',
      error: answer(400, { code: 400, message: 'Unable to parse range' }),
      expected: undefined,
    },
    {
      name: "Firestore's NOT_FOUND (a gRPC code, no HTTP answer)",
      error: Object.assign(new Error('5 NOT_FOUND: no entity to update'), { code: 5 }),
      expected: undefined,
    },
    { name: 'a network error', error: new Error('socket hang up'), expected: undefined },
  ];
  cases.forEach((tc) =>
    it(`${tc.name} → ${String(tc.expected)}`, () => expect(accessProblemOf(tc.error)).toBe(tc.expected)),
  );
});

describe('classifyGoogleError', () => {
  const cases = [
    {
      name: 'a 429',
      error: answer(429, { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' }),
      code: 'quota',
    },
    {
      name: "Drive's 403 rate limit",
      error: answer(403, { code: 403, message: 'Rate Limit', errors: [{ reason: 'rateLimitExceeded' }] }),
      code: 'quota',
    },
    {
      name: "Drive's 403 sharing limit",
      error: answer(403, {
        code: 403,
        message: 'Rate limit exceeded. User message: "Sorry, you have exceeded your sharing quota."',
        errors: [{ reason: 'sharingRateLimitExceeded', domain: 'global' }],
      }),
      code: 'quota',
    },
    {
      name: "Sheets' 403 with an ErrorInfo rate-limit reason",
      error: answer(403, { code: 403, message: 'Slow down', details: [{ reason: 'RATE_LIMIT_EXCEEDED' }] }),
      code: 'quota',
    },
    { name: 'a 500', error: answer(500, { code: 500, message: 'Internal error' }), code: 'unavailable' },
    { name: 'a 502', error: answer(502, { code: 502, message: 'Bad gateway' }), code: 'unavailable' },
    {
      name: 'a 503',
      error: answer(503, { code: 503, message: 'The service is unavailable.' }),
      code: 'unavailable',
    },
    { name: 'a 504', error: answer(504, { code: 504, message: 'Deadline exceeded' }), code: 'unavailable' },
    {
      name: 'a 404',
      error: answer(404, { code: 404, message: 'Requested entity was not found.' }),
      code: 'not-found',
    },
    {
      name: 'a plain 403',
      error: answer(403, { code: 403, message: 'The caller does not have permission' }),
      code: 'permission-denied',
    },
    {
      name: 'a 401',
      error: answer(401, { code: 401, message: 'Invalid Credentials' }),
      code: 'unauthenticated',
    },
    { name: 'a 400', error: answer(400, { code: 400, message: 'Unable to parse range' }), code: 'invalid' },
    { name: 'a 409', error: answer(409, { code: 409, message: 'Conflict' }), code: 'unknown' },
    { name: 'a status given only as `status`', error: { status: 429 }, code: 'quota' },
    { name: 'a status given only as a string `code`', error: { code: '503' }, code: 'unavailable' },
    {
      name: 'a client error with no answer (a timeout)',
      error: Object.assign(new Error('The operation was aborted.'), {
        name: 'GaxiosError',
        code: 'AbortError',
      }),
      code: 'no-answer',
    },
  ];
  cases.forEach((tc) =>
    it(`${tc.name} → ${tc.code}`, () => expect(classifyGoogleError(tc.error)?.code).toBe(tc.code)),
  );

  it("keeps Google's status, reason and message, the Retry-After wait, and the client's error as cause", () => {
    const error = Object.assign(new Error('Request failed with status code 403'), {
      status: 403,
      response: {
        status: 403,
        headers: { 'retry-after': '12' },
        data: {
          error: {
            code: 403,
            message: 'User Rate Limit Exceeded',
            errors: [{ reason: 'userRateLimitExceeded' }],
          },
        },
      },
    });
    const coded = classifyGoogleError(error)!;
    expect(coded).toBeInstanceOf(GoogleApiError);
    expect(coded).toMatchObject({
      code: 'quota',
      status: 403,
      reason: 'userRateLimitExceeded',
      message: 'User Rate Limit Exceeded',
      retryAfterMs: 12_000,
    });
    expect(coded.cause).toBe(error);
    expect(classifyGoogleError(coded)).toBe(coded);
  });

  it("turns the token endpoint's invalid_grant (a revoked or expired grant) into invalid-grant, in Vietnamese", () => {
    const refused = Object.assign(new Error('invalid_grant'), {
      status: 400,
      response: {
        status: 400,
        data: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
      },
    });
    const coded = classifyGoogleError(refused)!;
    expect(coded).toMatchObject({ code: 'invalid-grant', status: 400, reason: 'invalid_grant' });
    expect(coded.message).toContain('đã bị thu hồi hoặc hết hạn');
    expect(coded.message).toContain('theodoi auth login');
    expect(coded.message).toContain('theodoi deploy');
    expect(isTransient(coded)).toBe(false);
  });

  it('leaves what is not a Google answer alone: Firestore gRPC codes, plain errors, nothing', () => {
    expect(classifyGoogleError(Object.assign(new Error('14 UNAVAILABLE'), { code: 14 }))).toBeUndefined();
    expect(classifyGoogleError(new Error('boom'))).toBeUndefined();
    expect(classifyGoogleError(null)).toBeUndefined();
    expect(classifyGoogleError('503')).toBeUndefined();
  });
});

describe('isTransient', () => {
  it('repeats quota and unavailable answers, and nothing else', () => {
    const transient = [429, 500, 502, 503, 504].map((status) =>
      isTransient(classifyGoogleError({ status })!),
    );
    expect(transient).toEqual([true, true, true, true, true]);
    const final = [400, 401, 403, 404, 409].map((status) => isTransient(classifyGoogleError({ status })!));
    expect(final).toEqual([false, false, false, false, false]);
    const noAnswer = classifyGoogleError(
      Object.assign(new Error('socket hang up'), { name: 'GaxiosError' }),
    )!;
    expect(isTransient(noAnswer)).toBe(false);
  });
});

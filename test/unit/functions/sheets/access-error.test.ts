// accessProblemOf: Sheets' 404 and 403 for a spreadsheet theodoi cannot open; nothing else counts.
import { describe, expect, it } from 'vitest';
import { accessProblemOf } from '@theodoi/functions/sheets/access-error';

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

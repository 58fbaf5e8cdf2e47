// The one table from error class to status: a person's mistake 422 in Vietnamese, what may pass 429/503 so the
// caller retries, anything else 500 with a generic body.
import { describe, expect, it } from 'vitest';
import { answerForError, statusForCode } from '@theodoi/functions/http/error-answer';
import { GoogleApiError, GOOGLE_ERROR_CODES } from '@theodoi/functions/sheets/api/google-error';
import { StoreUnavailableError } from '@theodoi/functions/store/deadline';
import { UserFacingError } from '@theodoi/functions/usecases/errors';

const google = (code: (typeof GOOGLE_ERROR_CODES)[number]) =>
  new GoogleApiError(code, `Google said ${code}`, undefined, undefined, undefined, { cause: null });

describe('answerForError', () => {
  it('answers a UserFacingError with 422, its Vietnamese message and its code', () => {
    expect(answerForError(new UserFacingError('Chưa có trang báo cáo cho kỳ 2024-Q9.', 'no-tab'))).toEqual({
      status: 422,
      body: { error: 'Chưa có trang báo cáo cho kỳ 2024-Q9.', code: 'no-tab' },
    });
  });

  it('answers a silent Firestore with 503', () => {
    expect(answerForError(new StoreUnavailableError('no answer'))).toMatchObject({
      status: 503,
      body: { code: 'store-unavailable' },
    });
  });

  it("answers every Google code: quota 429, unavailable and no answer 503, the rest 500 without Google's words", () => {
    const statuses = Object.fromEntries(GOOGLE_ERROR_CODES.map((c) => [c, answerForError(google(c)).status]));
    expect(statuses).toEqual({
      quota: 429,
      unavailable: 503,
      'no-answer': 503,
      'not-found': 500,
      'permission-denied': 500,
      unauthenticated: 500,
      invalid: 500,
      'invalid-grant': 500,
      unknown: 500,
    });
    expect(answerForError(google('invalid')).body).toEqual({ error: 'internal error', code: 'internal' });
  });

  it('answers a revoked or expired grant with its own code and the Vietnamese advice to log in again', () => {
    const revoked = new GoogleApiError(
      'invalid-grant',
      'Đăng nhập lại bằng lệnh "theodoi auth login"',
      400,
      'invalid_grant',
      undefined,
      { cause: null },
    );
    expect(answerForError(revoked)).toEqual({
      status: 500,
      body: { error: 'Đăng nhập lại bằng lệnh "theodoi auth login"', code: 'invalid-grant' },
    });
  });

  it('answers anything else with a generic 500', () => {
    expect(answerForError(new Error(`ENOENT ${process.cwd()}/x.json`))).toEqual({
      status: 500,
      body: { error: 'internal error', code: 'internal' },
    });
    expect(answerForError('a string')).toMatchObject({ status: 500 });
  });
});

describe('statusForCode', () => {
  it('maps the codes of partial failures the same way', () => {
    expect(
      ['quota', 'unavailable', 'no-answer', 'store-unavailable', 'tab-missing', undefined].map(statusForCode),
    ).toEqual([429, 503, 503, 503, 500, 500]);
  });
});

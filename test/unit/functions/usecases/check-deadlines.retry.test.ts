// Which API errors make the deadline check pause and try a directive again: quota (429) and unavailable (503).
import { describe, expect, it } from 'vitest';
import { isRetryable } from '@theodoi/functions/usecases/check-deadlines';

describe('isRetryable', () => {
  it('retries quota and unavailable answers however the client reports them', () => {
    expect(isRetryable({ status: 429 })).toBe(true);
    expect(isRetryable({ code: '503' })).toBe(true);
    expect(isRetryable({ response: { status: 429 } })).toBe(true);
  });
  it('does not retry bad requests, missing permissions, or plain errors', () => {
    expect(isRetryable({ status: 400 })).toBe(false);
    expect(isRetryable({ code: 403, response: { status: 403 } })).toBe(false);
    expect(isRetryable(new Error('boom'))).toBe(false);
    expect(isRetryable(null)).toBe(false);
  });
});

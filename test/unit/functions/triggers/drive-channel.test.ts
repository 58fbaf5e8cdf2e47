// Drive channel tokens: random per channel, compared in constant time, and a missing one never matches.
import { describe, expect, it } from 'vitest';
import { checkChannelToken, newChannelToken } from '@theodoi/functions/triggers/drive-channel';

describe('Drive channel tokens', () => {
  it('are 32 random bytes, a new one for every channel', () => {
    const tokens = Array.from({ length: 50 }, () => newChannelToken());
    expect(new Set(tokens).size).toBe(50);
    for (const token of tokens) expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('match only the stored token', () => {
    const stored = newChannelToken();
    expect(checkChannelToken(stored, stored)).toBe(true);
    expect(checkChannelToken(stored, newChannelToken())).toBe(false);
    expect(checkChannelToken(stored, stored.slice(1))).toBe(false);
    expect(checkChannelToken(stored, undefined)).toBe(false);
    expect(checkChannelToken(undefined, stored)).toBe(false);
    expect(checkChannelToken('', '')).toBe(false);
  });
});

/**
 * Drive push channels: each channel gets a random token of its own (32 bytes), stored with the channel on its
 * directive and echoed by Drive on every notification, checked in constant time. A leaked token names one
 * channel of one spreadsheet until the channel expires (decision 004).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** Channels last a day (Drive's maximum for files.watch); they are renewed when less than this is left. */
export const CHANNEL_TTL_MS = 24 * 60 * 60 * 1000;
/** Renew a channel when it has less than this left, so a missed sweep does not leave a gap. */
export const RENEW_BEFORE_MS = 3 * 60 * 60 * 1000;

/** A new channel's token: 32 random bytes, base64url. */
export function newChannelToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether `given` is the channel's stored token; false when either is missing. */
export function checkChannelToken(stored: string | undefined, given: string | undefined): boolean {
  if (!stored || !given) return false;
  const expected = Buffer.from(stored);
  const received = Buffer.from(given);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

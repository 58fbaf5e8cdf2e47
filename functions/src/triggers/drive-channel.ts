/** Drive push channels: the token theodoi gives each channel, and checking it in constant time. */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Channels last a day (Drive's maximum for files.watch); they are renewed when less than this is left. */
export const CHANNEL_TTL_MS = 24 * 60 * 60 * 1000;
/** Renew a channel when it has less than this left, so a missed sweep does not leave a gap. */
export const RENEW_BEFORE_MS = 3 * 60 * 60 * 1000;

/** The token of channel `channelId`: an HMAC only theodoi can make, echoed by Drive on every notification. */
export function channelToken(secret: string, channelId: string): string {
  return createHmac('sha256', secret).update(`drive-channel:${channelId}`).digest('base64url');
}

/** Whether `token` is the one theodoi gave channel `channelId`. */
export function checkChannelToken(secret: string, channelId: string, token: string | undefined): boolean {
  if (!token) return false;
  const expected = Buffer.from(channelToken(secret, channelId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Keeps a Drive push channel open on each directive's spreadsheet, renewing it before it expires. */
import type { Firestore } from 'firebase-admin/firestore';
import type { Clock } from '../clock.js';
import type { GoogleClients } from '../sheets/api/clients.js';
import { stopChannel, watchFile, type Watch } from '../sheets/api/drive-watch.js';
import { setDirectiveWatch, type DirectiveRecord } from '../store/directives.js';
import { CHANNEL_TTL_MS, RENEW_BEFORE_MS, newChannelToken } from '../triggers/drive-channel.js';

/** Where notifications go (the driveNotification function). */
export interface WatchConfig {
  address: string;
}

/**
 * Opens a channel if the directive has none, its channel expires soon, or it was opened before channels had tokens
 * of their own; returns the channel now in force.
 */
export async function ensureWatch(
  deps: { db: Firestore; clients: GoogleClients; clock: Clock },
  directive: Pick<DirectiveRecord, 'id' | 'spreadsheetId' | 'watch'>,
  config: WatchConfig,
): Promise<{ watch: Watch; renewed: boolean }> {
  const now = deps.clock.now().getTime();
  const current = directive.watch;
  if (current?.token && current.expiration - now > RENEW_BEFORE_MS)
    return { watch: { ...current, token: current.token }, renewed: false };
  // A channel cannot be extended: open the new one first, then close the old one, so no change falls between.
  const watch = await watchFile(
    deps.clients,
    directive.spreadsheetId,
    config.address,
    newChannelToken(),
    now + CHANNEL_TTL_MS,
  );
  await setDirectiveWatch(deps.db, directive.id, watch);
  if (current) await stopChannel(deps.clients, current);
  return { watch, renewed: true };
}

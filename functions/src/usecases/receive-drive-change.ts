/**
 * A Drive push notification on a directive's spreadsheet: the directive found by its channel, the channel's own
 * token checked in constant time (before any write), each message number claimed once, then one sync, unless the
 * spreadsheet is at the version theodoi saw whole (its own write's notification: decision 011).
 */
import { fileState } from '../sheets/api/file-version.js';
import { firestoreStep } from '../store/deadline.js';
import { findDirectiveByChannel } from '../store/directives.js';
import { claimDelivery } from '../store/events.js';
import { workLeftBehind } from '../store/sync-lease.js';
import { checkChannelToken } from '../triggers/drive-channel.js';
import type { RunEvents } from './run-events.js';
import { syncDirective, type SyncDeps, type SyncOutcome } from './sync-directive.js';

/** What receiving a notification needs: a sync's needs and its named event. */
export type ReceiveDeps = SyncDeps & { events: Pick<RunEvents, 'directiveSynced'> };

/** One notification: its channel and token, Drive's message number, and the resource state ("update", "change"). */
export interface DriveChange {
  channelId: string;
  token: string;
  messageNumber: string | undefined;
  state: string | undefined;
}

/** What became of the notification. */
export type DriveChangeOutcome =
  | { kind: 'stale-channel' }
  | { kind: 'forged' }
  | { kind: 'duplicate' }
  /** The spreadsheet is at the version theodoi saw whole: the notification was of theodoi's own write. */
  | { kind: 'own-write' }
  | { kind: 'synced'; outcome: SyncOutcome };

/** Finds the channel's directive, checks the token, claims the message once, and syncs the directive. */
export async function receiveDriveChange(
  deps: ReceiveDeps,
  change: DriveChange,
): Promise<DriveChangeOutcome> {
  const store = firestoreStep(deps);
  const directive = await store(findDirectiveByChannel(deps.db, change.channelId), 'finding the directive');
  if (!directive) return { kind: 'stale-channel' };
  if (!checkChannelToken(directive.watch?.token, change.token)) return { kind: 'forged' };
  const deliveryId = `drive-${change.channelId}-${change.messageNumber ?? 'none'}`;
  const info = { source: 'drive' as const, directiveId: directive.id };
  const claimed = await store(
    claimDelivery(deps.db, deliveryId, info, deps.clock.now()),
    'claiming the delivery',
  );
  if (!claimed) return { kind: 'duplicate' };
  // One Drive files.get instead of a Sheets read; taken before the sync's read, so the sync can use it.
  const state = await fileState(deps.clients, directive.spreadsheetId).catch(() => undefined);
  if (state && state.version === directive.seenVersion && !workLeftBehind(directive, deps.clock.now())) {
    return { kind: 'own-write' };
  }
  const outcome = await syncDirective(deps, {
    directiveId: directive.id,
    trigger: `drive:${change.state ?? 'unknown'}`,
    ...(state ? { versionBefore: state.version } : {}),
    ...(state?.lastModifier ? { editor: state.lastModifier } : {}),
  });
  deps.events.directiveSynced(outcome);
  return { kind: 'synced', outcome };
}

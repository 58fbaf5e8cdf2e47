/**
 * A Drive push notification on a directive's spreadsheet, once its channel token is checked: the directive found
 * by its channel, each message number claimed once, then one sync of the directive.
 */
import { firestoreStep } from '../store/deadline.js';
import { findDirectiveByChannel } from '../store/directives.js';
import { claimDelivery } from '../store/events.js';
import type { ReceiveDeps } from './receive-sheet-edit.js';
import { syncDirective, type SyncOutcome } from './sync-directive.js';

/** One notification: its channel, Drive's message number, and the resource state ("update", "change"). */
export interface DriveChange {
  channelId: string;
  messageNumber: string | undefined;
  state: string | undefined;
}

/** What became of the notification. */
export type DriveChangeOutcome =
  { kind: 'stale-channel' } | { kind: 'duplicate' } | { kind: 'synced'; outcome: SyncOutcome };

/** Finds the channel's directive, claims the message once, and syncs the directive. */
export async function receiveDriveChange(
  deps: ReceiveDeps,
  change: DriveChange,
): Promise<DriveChangeOutcome> {
  const store = firestoreStep(deps);
  const directive = await store(findDirectiveByChannel(deps.db, change.channelId), 'finding the directive');
  if (!directive) return { kind: 'stale-channel' };
  const deliveryId = `drive-${change.channelId}-${change.messageNumber ?? 'none'}`;
  const info = { source: 'drive' as const, directiveId: directive.id };
  const claimed = await store(
    claimDelivery(deps.db, deliveryId, info, deps.clock.now()),
    'claiming the delivery',
  );
  if (!claimed) return { kind: 'duplicate' };
  const outcome = await syncDirective(deps, {
    directiveId: directive.id,
    trigger: `drive:${change.state ?? 'unknown'}`,
  });
  deps.events.directiveSynced(outcome);
  return { kind: 'synced', outcome };
}

/** The `driveNotification` use case: a Drive push notification on a directive's spreadsheet becomes one sync. */
import { useCaseDeps } from '../runtime-deps.js';
import type { Runtime } from '../runtime.js';
import { checkChannelToken } from '../triggers/drive-channel.js';
import type { HttpAnswer } from './answer.js';
import type { IncomingCall } from './sheet-event.js';

/**
 * Checks the channel token in constant time before any work, ignores the channel's first "sync" message
 * and repeated message numbers, and syncs the directive on "update" or "change".
 */
export async function handleDriveNotification(rt: Runtime, call: IncomingCall): Promise<HttpAnswer> {
  const secret = rt.config.triggerSecret;
  if (!secret) return { status: 503, body: { error: 'THEODOI_TRIGGER_SECRET is not configured' } };
  const channelId = call.header('x-goog-channel-id');
  if (!channelId || !checkChannelToken(secret, channelId, call.header('x-goog-channel-token'))) {
    rt.logs.triggerRefused('drive-token');
    return { status: 401, body: { error: 'unknown channel or token' } };
  }
  const state = call.header('x-goog-resource-state');
  if (state === 'sync') return { status: 200, body: { ignored: 'sync' } };
  const db = await rt.firestore();
  const [{ claimDelivery }, { findDirectiveByChannel }] = await Promise.all([
    import('../store/events.js'),
    import('../store/directives.js'),
  ]);
  const directive = await findDirectiveByChannel(db, channelId);
  // Answer 200 to a channel no longer on record: an error would only make Drive retry it.
  if (!directive) return { status: 200, body: { ignored: 'stale channel' } };
  const deliveryId = `drive-${channelId}-${call.header('x-goog-message-number') ?? 'none'}`;
  if (
    !(await claimDelivery(db, deliveryId, { source: 'drive', directiveId: directive.id }, rt.clock.now()))
  ) {
    return { status: 200, body: { ignored: 'duplicate' } };
  }
  const { syncDirective } = await import('../usecases/sync-directive.js');
  const outcome = await syncDirective(await useCaseDeps(rt), {
    directiveId: directive.id,
    trigger: `drive:${state ?? 'unknown'}`,
  });
  rt.logs.directiveSynced(outcome);
  return { status: 200, body: outcome };
}

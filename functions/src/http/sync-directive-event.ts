/**
 * The `syncDirectiveEvent` function: a sync request `sheetEvent` published on the sync topic (decision 005), run
 * under the directive's lease, which coalesces bursts. A sync that fails for a reason that may pass is answered
 * 5xx/429 by the edge, so Pub/Sub redelivers it (a sync is idempotent); a request that can never succeed (not a
 * sync request, a directive no longer registered, a spreadsheet theodoi can no longer open) is acknowledged and
 * logged: the coordinator's notice and the sweep take it from there.
 */
import {
  readSyncRequest,
  type RegisterRequestMessage,
  type SyncRequestMessage,
} from '../pubsub/sync-requests.js';
import { useCaseDeps } from '../runtime-deps.js';
import { UserFacingError } from '../usecases/errors.js';
import { runSync } from '../usecases/run-sync.js';
import { runRegisterSync } from '../usecases/run-register-sync.js';
import type { Endpoint } from './endpoint.js';
import { readPubsubEvent } from './pubsub-event.js';

/** POST of a CloudEvent or a Pub/Sub push carrying a sync request, at most 64 KiB; the answer names the event. */
export const endpoint: Endpoint<{
  eventId: string;
  request: SyncRequestMessage | RegisterRequestMessage | undefined;
}> = {
  name: 'syncDirectiveEvent',
  methods: ['POST'],
  maxBodyBytes: 64 * 1024,
  parse: (call) => {
    const event = readPubsubEvent(call);
    if (!event.ok) return event;
    return { ok: true, input: { eventId: event.input.eventId, request: readSyncRequest(event.input.data) } };
  },
  run: async (rt, { eventId, request }) => {
    if (!request) {
      rt.logs.syncRequestDropped({ eventId, code: 'not-a-sync-request' });
      return { status: 200, body: { eventId, dropped: 'not-a-sync-request' } };
    }
    if ('register' in request) {
      const { register: organisationId, trigger, by } = request;
      try {
        const outcome = await runRegisterSync(await useCaseDeps(rt), {
          organisationId,
          trigger,
          ...(by ? { by } : {}),
        });
        return { status: 200, body: { eventId, ...outcome } };
      } catch (error) {
        if (!(error instanceof UserFacingError)) throw error;
        rt.logs.syncRequestDropped({ eventId, code: error.code });
        return { status: 200, body: { eventId, dropped: error.code } };
      }
    }
    const { directiveId, trigger, by } = request;
    try {
      const outcome = await runSync(await useCaseDeps(rt), { directiveId, trigger, ...(by ? { by } : {}) });
      return { status: 200, body: { eventId, ...outcome } };
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      rt.logs.syncRequestDropped({ eventId, directiveId, code: error.code });
      return { status: 200, body: { eventId, dropped: error.code } };
    }
  },
};

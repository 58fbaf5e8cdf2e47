/**
 * The `checkDeadlinesEvent` function: Cloud Scheduler → Pub/Sub topic → this function runs the deadline check. It
 * takes the message as a CloudEvent or as Pub/Sub's own push body (http/pubsub-event.ts), through the same edge as
 * every other function, so a failed run is answered in JSON with the status that makes Pub/Sub redeliver it. The
 * message's content is not needed: only the event's id, for the log.
 */
import { checkAndAnswer } from './check-deadlines.js';
import type { Endpoint } from './endpoint.js';
import { readPubsubEvent, type PubsubEvent } from './pubsub-event.js';

/** POST of a CloudEvent or a Pub/Sub push, at most 64 KiB. */
export const endpoint: Endpoint<PubsubEvent> = {
  name: 'checkDeadlinesEvent',
  methods: ['POST'],
  maxBodyBytes: 64 * 1024,
  parse: (call) => readPubsubEvent(call),
  run: (rt, { eventId }) => checkAndAnswer(rt, { trigger: `pubsub:${eventId}` }),
};

/**
 * The `checkDeadlinesEvent` function: Cloud Scheduler → Pub/Sub topic → this function runs the deadline check. It
 * takes a CloudEvent (binary mode: the ce-* headers; structured mode: application/cloudevents+json) or Pub/Sub's
 * own push body, through the same edge as every other function, so a failed run is answered in JSON with the status
 * that makes Pub/Sub redeliver it. The message's content is not needed: only the event's id, for the log.
 */
import { z } from 'zod';
import { errorAnswer } from './answer.js';
import { checkAndAnswer } from './check-deadlines.js';
import { parseJsonBody, type Endpoint, type IncomingCall, type Parsed } from './endpoint.js';

const StructuredEventSchema = z.object({
  specversion: z.string().min(1),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.string().min(1),
});
const PubSubPushSchema = z.object({
  message: z.object({ messageId: z.string().min(1) }).loose(),
  subscription: z.string(),
});

/** POST of a CloudEvent or a Pub/Sub push, at most 64 KiB. */
export const endpoint: Endpoint<{ eventId: string }> = {
  name: 'checkDeadlinesEvent',
  methods: ['POST'],
  maxBodyBytes: 64 * 1024,
  parse: (call) => eventIdOf(call),
  run: (rt, { eventId }) => checkAndAnswer(rt, { trigger: `pubsub:${eventId}` }),
};

/** The event's id: the ce-id header, the structured event's id, or the pushed message's id. */
function eventIdOf(call: IncomingCall): Parsed<{ eventId: string }> {
  const body = parseJsonBody(call.rawBody);
  if (!body.ok) return body;
  const binaryId = call.header('ce-id');
  if (binaryId && call.header('ce-specversion') && call.header('ce-source') && call.header('ce-type')) {
    return { ok: true, input: { eventId: binaryId } };
  }
  const structured = StructuredEventSchema.safeParse(body.input);
  if (structured.success) return { ok: true, input: { eventId: structured.data.id } };
  const pushed = PubSubPushSchema.safeParse(body.input);
  if (pushed.success) return { ok: true, input: { eventId: pushed.data.message.messageId } };
  return { ok: false, answer: errorAnswer(400, 'not-an-event', 'expected a CloudEvent or a Pub/Sub push') };
}

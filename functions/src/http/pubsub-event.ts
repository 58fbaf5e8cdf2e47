/**
 * Reading a Pub/Sub message delivered to an event function, in any of the shapes it arrives in: a CloudEvent in
 * binary mode (the ce-* headers, the MessagePublishedData as the body: Eventarc), in structured mode
 * (application/cloudevents+json, the MessagePublishedData under `data`), or Pub/Sub's own push body (a push
 * subscription, as the Pub/Sub emulator sends it).
 */
import { z } from 'zod';
import { errorAnswer } from './answer.js';
import { parseJsonBody, type IncomingCall, type Parsed } from './endpoint.js';

const PushedSchema = z.object({
  message: z.object({ messageId: z.string().min(1).optional(), data: z.string().optional() }).loose(),
  subscription: z.string().optional(),
});
const StructuredEventSchema = z.object({
  specversion: z.string().min(1),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.string().min(1),
  data: PushedSchema.optional(),
});

/** The event's id (for the log and redelivery) and the message's base64 data, when it has any. */
export interface PubsubEvent {
  eventId: string;
  data?: string;
}

/** The delivered event, or the answer refusing the call: 400 for malformed JSON or something that is no event. */
export function readPubsubEvent(call: IncomingCall): Parsed<PubsubEvent> {
  const body = parseJsonBody(call.rawBody);
  if (!body.ok) return body;
  const binaryId = call.header('ce-id');
  if (binaryId && call.header('ce-specversion') && call.header('ce-source') && call.header('ce-type')) {
    const pushed = PushedSchema.safeParse(body.input);
    return event(binaryId, pushed.success ? pushed.data.message.data : undefined);
  }
  const structured = StructuredEventSchema.safeParse(body.input);
  if (structured.success) return event(structured.data.id, structured.data.data?.message.data);
  const pushed = PushedSchema.safeParse(body.input);
  if (pushed.success && pushed.data.subscription && pushed.data.message.messageId) {
    return event(pushed.data.message.messageId, pushed.data.message.data);
  }
  return { ok: false, answer: errorAnswer(400, 'not-an-event', 'expected a CloudEvent or a Pub/Sub push') };
}

function event(eventId: string, data: string | undefined): Parsed<PubsubEvent> {
  return { ok: true, input: data === undefined ? { eventId } : { eventId, data } };
}

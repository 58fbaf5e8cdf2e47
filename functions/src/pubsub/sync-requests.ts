/**
 * Sync requests on Pub/Sub (decision 005): `sheetEvent` publishes one per trigger call and answers at once;
 * `syncDirectiveEvent` runs the sync from the topic. The message, its publisher (@google-cloud/pubsub, loaded on
 * first use so cold start does not pay for it) and the reading of a delivered message.
 */
import type { Topic } from '@google-cloud/pubsub';
import { z } from 'zod';
import type { Config } from '../config.js';
import { EMULATOR_CREDENTIALS } from '../store/firestore.js';

/** One sync request: which directive, what asked for it, the edited tab (a hint for the log) and who called. */
export const SyncRequestMessageSchema = z.strictObject({
  directiveId: z.string().min(1).max(200),
  /** `sheet:edit`, `sheet:change`. */
  trigger: z.string().min(1).max(100),
  sheetName: z.string().max(200).optional(),
  /** The caller's verified e-mail (the ID token's), for attribution of the sync; never the payload's word. */
  by: z.email().optional(),
});
/** A sync request as published. */
export type SyncRequestMessage = z.infer<typeof SyncRequestMessageSchema>;

/** A request to sync an organisation's register tab (the coordinator edited "Sổ theo dõi văn bản"). */
export const RegisterRequestMessageSchema = z.strictObject({
  /** The organisation whose dashboard spreadsheet holds the register. */
  register: z.string().min(1).max(200),
  trigger: z.string().min(1).max(100),
  /** The caller's verified e-mail: who closes or extends from the register. */
  by: z.email().optional(),
});
/** A register sync request as published. */
export type RegisterRequestMessage = z.infer<typeof RegisterRequestMessageSchema>;

/** Publishes sync requests; resolves with the message id once Pub/Sub holds the message. */
export interface SyncRequestPublisher {
  publish(request: SyncRequestMessage | RegisterRequestMessage): Promise<string>;
}

/** The publisher of the configured topic, on Pub/Sub or on the emulator the config names. */
export async function openSyncRequestPublisher(config: Config): Promise<SyncRequestPublisher> {
  const { PubSub } = await import('@google-cloud/pubsub');
  const pubsub = new PubSub({
    projectId: config.projectId,
    // The emulator's address comes from the validated config, not from the client reading the environment; its
    // placeholder credentials keep the client from probing Google's metadata server.
    ...(config.pubsubEmulatorHost
      ? { apiEndpoint: config.pubsubEmulatorHost, emulatorMode: true, credentials: EMULATOR_CREDENTIALS }
      : {}),
  });
  // One message per batch: the trigger is waiting, there is nothing to gain from holding it back 10 ms.
  const topic: Topic = pubsub.topic(config.syncTopic, { batching: { maxMessages: 1, maxMilliseconds: 0 } });
  return { publish: (request) => topic.publishMessage({ json: request }) };
}

/** The request a delivered message carries (its `data`, base64 JSON), or undefined when it is not one. */
export function readSyncRequest(
  data: string | undefined,
): SyncRequestMessage | RegisterRequestMessage | undefined {
  if (!data) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = SyncRequestMessageSchema.or(RegisterRequestMessageSchema).safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The sheet trigger's path in a local world (decisions 004–006): `sheetEvent`, `sheetTargets` and
 * `syncDirectiveEvent` served through the Functions Framework and bound to the world's runtime; Google's Pub/Sub
 * emulator with the sync topic and a push subscription to the served `syncDirectiveEvent`; and the coordinator's
 * standalone script (apps-script/Code.gs) created and set up through the emulator's admin endpoints, as the
 * coordinator does it once on script.google.com.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PubSub, type Topic } from '@google-cloud/pubsub';
import type { Runtime } from '@theodoi/functions/runtime';
import { EMULATOR_CREDENTIALS } from '@theodoi/functions/store/firestore';
import type { ExecutionRecord, Manifest } from '@theodoi/sheets-emulator/apps-script/model';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { serveRuntimeFunctions, type ServedAnswer } from './function-server.js';
import { startPubsubEmulator, type PubsubEmulator } from './emulators/pubsub.js';

/** The push subscription that delivers sync requests to the served `syncDirectiveEvent`. */
export const SYNC_SUBSCRIPTION = 'theodoi-sync-requests-push';
/** The Cloud project number of the coordinators' script, in its OAuth client id. */
const SCRIPT_PROJECT_NUMBER = '1234567890';

/** What must exist before the world's runtime is made: the Pub/Sub emulator and the script's audience. */
export interface PreparedTriggers {
  pubsub: PubsubEmulator;
  /** The OAuth client id of the coordinators' script (THEODOI_SCRIPT_CLIENT_ID): its ID tokens' audience. */
  clientId: string;
  /** The environment the runtime needs for them. */
  env: { PUBSUB_EMULATOR_HOST: string; THEODOI_SCRIPT_CLIENT_ID: string };
}

/** Finds (or starts) the Pub/Sub emulator and picks the script's OAuth client id. */
export async function prepareSheetTriggers(): Promise<PreparedTriggers> {
  const pubsub = await startPubsubEmulator();
  const clientId = `${SCRIPT_PROJECT_NUMBER}-${randomBytes(16).toString('hex')}.apps.googleusercontent.com`;
  return { pubsub, clientId, env: { PUBSUB_EMULATOR_HOST: pubsub.host, THEODOI_SCRIPT_CLIENT_ID: clientId } };
}

/** The coordinator's standalone script, set up. */
export interface CoordinatorScript {
  scriptId: string;
  owner: string;
  /** The execution of `caiDat` (its result: listed, added, removed, failed). */
  setup: ExecutionRecord;
  /** Runs `dongBoKichHoat` from the editor, as the coordinator (what the hourly trigger does). */
  refresh(): Promise<ExecutionRecord>;
}

/** A running trigger path. */
export interface SheetTriggerPath {
  /** theodoi's base URL, the script's THEODOI_URL: `/sheetEvent`, `/sheetTargets`, `/syncDirectiveEvent`. */
  url: string;
  clientId: string;
  pubsubHost: string;
  /** Every answer of the served functions so far, oldest first. */
  answers(): ServedAnswer[];
  /**
   * Resolves once every trigger execution has ended and every sync request `sheetEvent` accepted has been
   * answered 2xx by `syncDirectiveEvent` (Pub/Sub redelivers the others); rejects after `timeoutMs`.
   */
  settled(timeoutMs?: number): Promise<void>;
  /** Creates `owner`'s standalone script running Code.gs, sets THEODOI_URL and runs `caiDat` once (consenting). */
  installCoordinatorScript(owner: string): Promise<CoordinatorScript>;
  close(): Promise<void>;
}

/** Serves the functions bound to `runtime`, opens the topic and its push subscription. */
export async function openSheetTriggers(
  prepared: PreparedTriggers,
  emulator: EmulatorServer,
  runtime: Runtime,
): Promise<SheetTriggerPath> {
  const answers: ServedAnswer[] = [];
  const accepted = new Set<string>();
  const handled = new Set<string>();
  const functions = await serveRuntimeFunctions(
    runtime,
    ['sheetEvent', 'sheetTargets', 'syncDirectiveEvent'],
    (answer) => {
      answers.push(answer);
      const body = answer.body as { messageId?: unknown; eventId?: unknown } | undefined;
      if (answer.function === 'sheetEvent' && answer.status === 202 && typeof body?.messageId === 'string')
        accepted.add(body.messageId);
      if (
        answer.function === 'syncDirectiveEvent' &&
        answer.status < 300 &&
        typeof body?.eventId === 'string'
      )
        handled.add(body.eventId);
    },
  );
  const pubsub = emulatorPubsub(runtime.config.projectId, prepared.pubsub.host);
  try {
    await openSyncPush(pubsub, runtime.config.syncTopic, functions.urlOf('syncDirectiveEvent'));
  } catch (error) {
    await pubsub.close();
    await functions.close();
    throw error;
  }
  const url = functions.url.replace(/\/$/, '');
  return {
    url,
    clientId: prepared.clientId,
    pubsubHost: prepared.pubsub.host,
    answers: () => [...answers],
    async settled(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      await emulator.triggersIdle();
      while (![...accepted].every((id) => handled.has(id))) {
        if (Date.now() > deadline) {
          const waiting = [...accepted].filter((id) => !handled.has(id));
          throw new Error(`sync requests not run within ${timeoutMs} ms: ${waiting.join(', ')}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    installCoordinatorScript: (owner) =>
      installCoordinatorScript(emulator, { owner, url, clientId: prepared.clientId }),
    async close() {
      // The subscription first, so the emulator stops pushing to a port about to close.
      await pubsub
        .subscription(SYNC_SUBSCRIPTION)
        .delete()
        .catch(() => undefined);
      await pubsub.close();
      await functions.close();
      await prepared.pubsub.stop();
    },
  };
}

/** A Pub/Sub client of `projectId` on the emulator at `host` (placeholder credentials: no metadata-server probe). */
export function emulatorPubsub(projectId: string, host: string): PubSub {
  return new PubSub({ projectId, apiEndpoint: host, emulatorMode: true, credentials: EMULATOR_CREDENTIALS });
}

/**
 * The sync topic `topicName` (created unless an emulator reused from an earlier run has it) with its push
 * subscription, (re)created to deliver to `endpoint`: the served `syncDirectiveEvent`.
 */
export async function openSyncPush(pubsub: PubSub, topicName: string, endpoint: string): Promise<Topic> {
  const topic = pubsub.topic(topicName);
  const [exists] = await topic.exists();
  if (!exists) await topic.create();
  const existing = pubsub.subscription(SYNC_SUBSCRIPTION);
  if ((await existing.exists())[0]) await existing.delete();
  await topic.createSubscription(SYNC_SUBSCRIPTION, {
    pushConfig: { pushEndpoint: endpoint },
    ackDeadlineSeconds: 60,
  });
  return topic;
}

let files: { source: string; manifest: Manifest } | undefined;

/** apps-script/Code.gs and appsscript.json, as the coordinator pastes them. */
export function coordinatorScriptFiles(): { source: string; manifest: Manifest } {
  if (!files) {
    const dir = dirname(createRequire(import.meta.url).resolve('@theodoi/apps-script/package.json'));
    files = {
      source: readFileSync(join(dir, 'Code.gs'), 'utf8'),
      manifest: JSON.parse(readFileSync(join(dir, 'appsscript.json'), 'utf8')) as Manifest,
    };
  }
  return files;
}

/**
 * What apps-script/README.md asks of the coordinator, through the emulator's admin endpoints: a new project owned by
 * them in theodoi's Cloud project (`clientId`), the two files, THEODOI_URL in the project's settings, then Run
 * `caiDat` and Allow on the consent screen.
 */
export async function installCoordinatorScript(
  emulator: { url: string },
  options: { owner: string; url: string; clientId: string },
): Promise<CoordinatorScript> {
  const { source, manifest } = coordinatorScriptFiles();
  const project = await admin<{ scriptId: string }>(emulator, 'POST', '/scripts', {
    owner: options.owner,
    title: 'theodoi — kích hoạt',
    source,
    manifest,
    clientId: options.clientId,
  });
  const as = encodeURIComponent(options.owner);
  await admin(emulator, 'PUT', `/scripts/${project.scriptId}/properties?as=${as}`, {
    properties: { THEODOI_URL: options.url },
  });
  const run = async (fn: string) => {
    const execution = await admin<ExecutionRecord>(emulator, 'POST', `/scripts/${project.scriptId}/run`, {
      function: fn,
      as: options.owner,
      consent: true,
    });
    if (execution.status !== 'completed') throw new Error(`${fn} ${execution.status}: ${execution.error}`);
    return execution;
  };
  return {
    scriptId: project.scriptId,
    owner: options.owner,
    setup: await run('caiDat'),
    refresh: () => run('dongBoKichHoat'),
  };
}

async function admin<T = unknown>(
  emulator: { url: string },
  method: string,
  path: string,
  body: unknown,
): Promise<T> {
  const res = await fetch(`${emulator.url}/__emulator${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

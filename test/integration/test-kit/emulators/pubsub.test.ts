// Google's Pub/Sub emulator is found and started like Firestore's, and the real client publishes and pulls through it.
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PubSub } from '@google-cloud/pubsub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOnPath } from '@theodoi/test-kit/emulators/google-emulator';
import { startPubsubEmulator, type PubsubEmulator } from '@theodoi/test-kit/emulators/pubsub';

describe('startPubsubEmulator', () => {
  let emulator: PubsubEmulator;
  beforeAll(async () => {
    emulator = await startPubsubEmulator();
  }, 90_000);
  afterAll(async () => {
    await emulator?.stop();
  });

  it('starts an emulator that @google-cloud/pubsub publishes to and pulls from', async () => {
    const pubsub = new PubSub({
      projectId: 'demo-theodoi-ps',
      apiEndpoint: emulator.host,
      emulatorMode: true,
    });
    const [topic] = await pubsub.createTopic('sheet-events');
    const [subscription] = await topic.createSubscription('sync');
    await topic.publishMessage({ json: { directiveId: 'd1' } });
    const received = await new Promise<unknown>((resolve, reject) => {
      subscription.once('message', (message: { data: Buffer; ack(): void }) => {
        message.ack();
        resolve(JSON.parse(message.data.toString()));
      });
      subscription.once('error', reject);
    });
    await subscription.close();
    await pubsub.close();
    expect(received).toEqual({ directiveId: 'd1' });
  });

  it('reuses an emulator named by PUBSUB_EMULATOR_HOST and leaves it running', async () => {
    const reused = await startPubsubEmulator({ env: { PUBSUB_EMULATOR_HOST: emulator.host } });
    expect(reused).toMatchObject({ host: emulator.host, source: 'existing' });
    await reused.stop();
    expect((await fetch(`http://${emulator.host}/`)).ok).toBe(true);
  });
});

describe('the shared jar beside the clone', () => {
  const java = findOnPath('java', process.env.PATH);
  it.skipIf(!java)(
    'is used when neither gcloud nor PUBSUB_EMULATOR_JAR is there',
    async () => {
      const empty = mkdtempSync(join(tmpdir(), 'no-gcloud-'));
      const javaHome = dirname(dirname(realpathSync(java!)));
      const started = await startPubsubEmulator({ env: { PATH: empty, JAVA_HOME: javaHome } });
      try {
        expect(started.source).toBe('shared-jar');
        expect((await fetch(`http://${started.host}/`)).ok).toBe(true);
      } finally {
        await started.stop();
      }
    },
    90_000,
  );
});

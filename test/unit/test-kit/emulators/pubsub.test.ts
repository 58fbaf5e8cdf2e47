// Finding no Pub/Sub emulator anywhere gives an error that says how to get one.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmulatorNotFoundError } from '@theodoi/test-kit/emulators/google-emulator';
import { startPubsubEmulator } from '@theodoi/test-kit/emulators/pubsub';

describe('startPubsubEmulator with nothing installed', () => {
  it('explains every way to provide an emulator, in the order they are tried', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'nothing-'));
    const attempt = startPubsubEmulator({ env: { PATH: empty, HOME: empty }, sharedDir: empty });
    await expect(attempt).rejects.toBeInstanceOf(EmulatorNotFoundError);
    await expect(attempt).rejects.toThrow(
      /PUBSUB_EMULATOR_HOST[\s\S]*pubsub-emulator[\s\S]*PUBSUB_EMULATOR_JAR[\s\S]*cloud-pubsub-emulator\.jar/,
    );
  });
});

// Finding no emulator anywhere gives an error that says how to get one.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmulatorNotFoundError, startFirestoreEmulator } from '@theodoi/test-kit/emulators/firestore';

describe('startFirestoreEmulator with nothing installed', () => {
  it('explains every way to provide an emulator', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'nothing-'));
    const attempt = startFirestoreEmulator({ env: { PATH: empty, HOME: empty }, sharedDir: empty });
    await expect(attempt).rejects.toBeInstanceOf(EmulatorNotFoundError);
    await expect(attempt).rejects.toThrow(
      /FIRESTORE_EMULATOR_HOST[\s\S]*gcloud[\s\S]*FIRESTORE_EMULATOR_JAR[\s\S]*shared jar[\s\S]*firebase-tools/,
    );
  });

  it('names a FIRESTORE_EMULATOR_JAR that does not exist', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'nothing-'));
    await expect(
      startFirestoreEmulator({
        env: { PATH: empty, HOME: empty, FIRESTORE_EMULATOR_JAR: join(empty, 'x.jar') },
        sharedDir: empty,
      }),
    ).rejects.toThrow(/FIRESTORE_EMULATOR_JAR points at a missing file/);
  });
});

// The Firestore emulator the test run started answers firebase-admin, and the orchestrator finds
// emulators in its documented order and leaves no process behind.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@theodoi/functions/config';
import { openFirestore } from '@theodoi/functions/store/firestore';
import { startFirestoreEmulator } from '@theodoi/test-kit/emulators/firestore';

const sharedJar = resolve(
  import.meta.dirname,
  '../../../../../shared/emulators/cloud-firestore-emulator.jar',
);

function javaProcessesOnPort(port: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes('java') && l.includes(`${port}`) && l.includes('irestore'));
}

describe('with the emulator started by the test run', () => {
  it('writes a document through firebase-admin and reads it back', async () => {
    const config = loadConfig({ ...process.env, GOOGLE_CLOUD_PROJECT: 'theodoi-it-firestore' });
    expect(config.firestoreEmulatorHost).toMatch(/^[\w.-]+:\d+$/);
    const db = await openFirestore(config);
    const ref = db.collection('units').doc('30052');
    await ref.set({ name: 'UBND xã Mỹ Hòa', kind: 'xã' });
    const snap = await ref.get();
    expect(snap.data()).toEqual({ name: 'UBND xã Mỹ Hòa', kind: 'xã' });
  });
});

describe('startFirestoreEmulator', () => {
  it('reuses an emulator named by FIRESTORE_EMULATOR_HOST and leaves it running on stop', async () => {
    const host = process.env.FIRESTORE_EMULATOR_HOST!;
    const emulator = await startFirestoreEmulator({ env: { FIRESTORE_EMULATOR_HOST: host } });
    expect(emulator).toMatchObject({ host, source: 'existing' });
    await emulator.stop();
    const res = await fetch(`http://${host}/`);
    expect(res.ok).toBe(true);
  });

  it.skipIf(!existsSync(sharedJar))(
    'runs FIRESTORE_EMULATOR_JAR with java when gcloud is not on PATH, and stops every process it started',
    async () => {
      // A PATH holding java alone: no gcloud to find.
      const bin = mkdtempSync(join(tmpdir(), 'bin-'));
      symlinkSync(
        execFileSync('sh', ['-c', 'readlink -f "$(command -v java)"'], { encoding: 'utf8' }).trim(),
        join(bin, 'java'),
      );
      const emulator = await startFirestoreEmulator({
        env: { PATH: bin, HOME: mkdtempSync(join(tmpdir(), 'home-')), FIRESTORE_EMULATOR_JAR: sharedJar },
      });
      const port = emulator.host.split(':')[1]!;
      try {
        expect(emulator.source).toBe('jar');
        expect((await fetch(`http://${emulator.host}/`)).ok).toBe(true);
        expect(javaProcessesOnPort(port).length).toBeGreaterThan(0);
      } finally {
        await emulator.stop();
      }
      expect(javaProcessesOnPort(port)).toEqual([]);
    },
    60_000,
  );
});

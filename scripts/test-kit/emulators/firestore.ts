/** Starts and stops Google's Firestore emulator on a free port, wherever this machine has it. */
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  startGoogleEmulator,
  type EmulatorSpec,
  type RunningEmulator,
  type StartOptions,
} from './google-emulator.js';

export { EmulatorNotFoundError, type EmulatorSource, type StartOptions } from './google-emulator.js';

/** A running (or reused) Firestore emulator; `host` is the value for FIRESTORE_EMULATOR_HOST. */
export type FirestoreEmulator = RunningEmulator;

/** How the Firestore emulator is found and launched. */
export const FIRESTORE_EMULATOR: EmulatorSpec = {
  name: 'Firestore',
  hostVariable: 'FIRESTORE_EMULATOR_HOST',
  jarVariable: 'FIRESTORE_EMULATOR_JAR',
  gcloudComponent: 'cloud-firestore-emulator',
  gcloudInstall: 'gcloud components install cloud-firestore-emulator',
  gcloudArgs: (port) => ['emulators', 'firestore', 'start', `--host-port=127.0.0.1:${port}`, '--quiet'],
  sharedJar: 'cloud-firestore-emulator.jar',
  javaArgs: (jar, port) => [
    '-Duser.language=en',
    '-cp',
    jar,
    'com.google.cloud.datastore.emulator.firestore.CloudFirestore',
    'start',
    '--host=127.0.0.1',
    `--port=${port}`,
  ],
  extraJar: (env) => firebaseCachedJar(env.HOME ?? homedir()),
};

/**
 * Starts the emulator found first in this order: FIRESTORE_EMULATOR_HOST, gcloud, FIRESTORE_EMULATOR_JAR, the
 * shared jar beside the clone, firebase-tools' cache.
 */
export function startFirestoreEmulator(options: StartOptions = {}): Promise<FirestoreEmulator> {
  return startGoogleEmulator(FIRESTORE_EMULATOR, options, [
    '  - firebase-tools with its emulator cached (npx firebase setup:emulators:firestore).',
  ]);
}

function firebaseCachedJar(home: string): string | undefined {
  const dir = join(home, '.cache', 'firebase', 'emulators');
  if (!existsSync(dir)) return undefined;
  const jars = readdirSync(dir)
    .filter((f) => /^cloud-firestore-emulator-v[\d.]+\.jar$/.test(f))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const newest = jars.at(-1);
  return newest ? join(dir, newest) : undefined;
}

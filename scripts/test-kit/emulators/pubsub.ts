/** Starts and stops Google's Pub/Sub emulator on a free port, wherever this machine has it. */
import {
  startGoogleEmulator,
  type EmulatorSpec,
  type RunningEmulator,
  type StartOptions,
} from './google-emulator.js';

/** A running (or reused) Pub/Sub emulator; `host` is the value for PUBSUB_EMULATOR_HOST. */
export type PubsubEmulator = RunningEmulator;

/** How the Pub/Sub emulator is found and launched. */
export const PUBSUB_EMULATOR: EmulatorSpec = {
  name: 'Pub/Sub',
  hostVariable: 'PUBSUB_EMULATOR_HOST',
  jarVariable: 'PUBSUB_EMULATOR_JAR',
  gcloudComponent: 'pubsub-emulator',
  gcloudInstall: 'gcloud components install pubsub-emulator',
  // Project ids must have 6+ characters or topic names are refused; the clients pass theirs on each call.
  gcloudArgs: (port) => ['beta', 'emulators', 'pubsub', 'start', `--host-port=127.0.0.1:${port}`, '--quiet'],
  sharedJar: 'cloud-pubsub-emulator.jar',
  javaArgs: (jar, port) => ['-jar', jar, '--host=127.0.0.1', `--port=${port}`],
};

/** Starts the emulator found first in this order: PUBSUB_EMULATOR_HOST, gcloud, PUBSUB_EMULATOR_JAR, the shared jar. */
export function startPubsubEmulator(options: StartOptions = {}): Promise<PubsubEmulator> {
  return startGoogleEmulator(PUBSUB_EMULATOR, options);
}

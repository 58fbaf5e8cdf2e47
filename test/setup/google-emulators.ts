// Vitest global setup for integration tests: starts Google's Firestore and Pub/Sub emulators (or reuses
// FIRESTORE_EMULATOR_HOST / PUBSUB_EMULATOR_HOST) and stops them afterwards, so no java process outlives the run.
// Each test world keeps to its own project id, so nothing leaks between worlds in either emulator.
import { startFirestoreEmulator } from '@theodoi/test-kit/emulators/firestore';
import { startPubsubEmulator } from '@theodoi/test-kit/emulators/pubsub';

export default async function setup(): Promise<() => Promise<void>> {
  const [firestore, pubsub] = await Promise.all([startFirestoreEmulator(), startPubsubEmulator()]);
  console.log(`Firestore emulator for integration tests: ${firestore.source} at ${firestore.host}`);
  console.log(`Pub/Sub emulator for integration tests: ${pubsub.source} at ${pubsub.host}`);
  // Workers inherit this environment; firebase-admin reads the variable itself, theodoi's config and the test kit
  // read PUBSUB_EMULATOR_HOST.
  process.env.FIRESTORE_EMULATOR_HOST = firestore.host;
  process.env.PUBSUB_EMULATOR_HOST = pubsub.host;
  process.env.THEODOI_TEST_FIRESTORE_SOURCE = firestore.source;
  // Keep test output readable: only warnings and errors from the functions' logger.
  process.env.LOG_LEVEL ??= 'warning';
  return async () => {
    await Promise.all([firestore.stop(), pubsub.stop()]);
  };
}

// Vitest global setup for integration tests: starts the Firestore emulator (or reuses
// FIRESTORE_EMULATOR_HOST) and stops it afterwards, so no java process outlives the run.
import { startFirestoreEmulator } from '@theodoi/test-kit/emulators/firestore';

export default async function setup(): Promise<() => Promise<void>> {
  const emulator = await startFirestoreEmulator();
  console.log(`Firestore emulator for integration tests: ${emulator.source} at ${emulator.host}`);
  // Workers inherit this environment; firebase-admin reads the variable itself.
  process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
  process.env.THEODOI_TEST_FIRESTORE_SOURCE = emulator.source;
  // Keep test output readable: only warnings and errors from the functions' logger.
  process.env.LOG_LEVEL ??= 'warning';
  return async () => {
    await emulator.stop();
  };
}

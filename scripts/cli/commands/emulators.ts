/** `theodoi emulators`: starts the local stand-ins for Google (Firestore now) and runs until stopped. */
import { Command } from 'commander';
import { startFirestoreEmulator } from '../../emulators/firestore.js';

/** The `emulators` command. */
export function emulatorsCommand(): Command {
  return new Command('emulators')
    .description('Start the Firestore emulator and print where it listens; runs until Ctrl+C.')
    .option(
      '--firestore-port <port>',
      'Firestore emulator port (0 = free port)',
      process.env.FIRESTORE_EMULATOR_PORT ?? '0',
    )
    .action(async (opts: { firestorePort: string }) => {
      const firestore = await startFirestoreEmulator({ port: Number(opts.firestorePort) });
      console.log(`FIRESTORE_EMULATOR_HOST=${firestore.host}`);
      await untilInterrupted();
      await firestore.stop();
    });
}

/** Resolves on SIGINT or SIGTERM. */
export function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

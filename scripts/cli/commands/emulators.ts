/** `theodoi emulators`: starts the local stand-ins for Google (Firestore, Sheets + Drive) and runs until stopped. */
import { Command, Option } from 'commander';
import { startLocalEmulators } from '@theodoi/test-kit/emulators/local';

/** The `emulators` command. */
export function emulatorsCommand(): Command {
  return new Command('emulators')
    .description(
      'Start the Firestore and Sheets/Drive emulators and print where they listen; runs until Ctrl+C.',
    )
    .addOption(
      new Option('--firestore-port <port>', 'Firestore emulator port (0 = free port)')
        .env('FIRESTORE_EMULATOR_PORT')
        .default('0'),
    )
    .addOption(
      new Option('--sheets-port <port>', 'Sheets/Drive emulator port (0 = free port)')
        .env('SHEETS_EMULATOR_PORT')
        .default('0'),
    )
    .option('--data-dir <dir>', 'keep the Sheets/Drive emulator state in this folder across restarts')
    .addOption(
      new Option('--quotas <mode>', "enforce Google's per-minute Sheets quotas")
        .choices(['google', 'off'])
        .env('SHEETS_EMULATOR_QUOTAS')
        .default('off'),
    )
    .addOption(
      new Option('--latency <model>', "answer as slowly as real Google (the Sheets emulator's latency model)")
        .choices(['google', 'off'])
        .env('SHEETS_EMULATOR_LATENCY')
        .default('off'),
    )
    .action(
      async (opts: {
        firestorePort: string;
        sheetsPort: string;
        dataDir?: string;
        quotas: 'google' | 'off';
        latency: 'google' | 'off';
      }) => {
        const emulators = await startLocalEmulators({
          firestorePort: Number(opts.firestorePort),
          sheetsPort: Number(opts.sheetsPort),
          ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
          quotas: opts.quotas,
          latency: opts.latency,
        });
        console.log(`FIRESTORE_EMULATOR_HOST=${emulators.env.FIRESTORE_EMULATOR_HOST}`);
        console.log(`SHEETS_EMULATOR_URL=${emulators.env.SHEETS_EMULATOR_URL}`);
        await untilInterrupted();
        await emulators.stop();
      },
    );
}

/** Resolves on SIGINT or SIGTERM. */
export function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** `theodoi emulators`: starts the local stand-ins for Google (Firestore, Sheets + Drive) and runs until stopped. */
import { Command, Option } from 'commander';
import { startFirestoreEmulator, type FirestoreEmulator } from '@theodoi/test-kit/emulators/firestore';
import { start as startSheetsEmulator, type EmulatorServer } from '@theodoi/sheets-emulator/server';

/** The running emulators. */
export interface LocalEmulators {
  firestore: FirestoreEmulator;
  sheets: EmulatorServer;
  /** The environment that points theodoi at them. */
  env: { FIRESTORE_EMULATOR_HOST: string; SHEETS_EMULATOR_URL: string };
  stop(): Promise<void>;
}

/** Starts both emulators (Firestore may be reused from FIRESTORE_EMULATOR_HOST). */
export async function startLocalEmulators(
  options: {
    firestorePort?: number;
    sheetsPort?: number;
    dataDir?: string;
    quotas?: 'google' | 'off';
    /** The Sheets emulator's clock (the demo's simulated one); the machine's by default. */
    now?: () => Date;
  } = {},
): Promise<LocalEmulators> {
  const firestore = await startFirestoreEmulator({ port: options.firestorePort ?? 0 });
  try {
    const sheets = await startSheetsEmulator({
      // Lenient until the identity redesign (#17) lands
      accounts: 'lenient',
      port: options.sheetsPort ?? 0,
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      quotas: options.quotas ?? 'off',
      ...(options.now ? { now: options.now } : {}),
    });
    return {
      firestore,
      sheets,
      env: { FIRESTORE_EMULATOR_HOST: firestore.host, SHEETS_EMULATOR_URL: sheets.url },
      stop: async () => {
        await sheets.stop();
        await firestore.stop();
      },
    };
  } catch (error) {
    await firestore.stop();
    throw error;
  }
}

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
    .action(
      async (opts: {
        firestorePort: string;
        sheetsPort: string;
        dataDir?: string;
        quotas: 'google' | 'off';
      }) => {
        const emulators = await startLocalEmulators({
          firestorePort: Number(opts.firestorePort),
          sheetsPort: Number(opts.sheetsPort),
          ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
          quotas: opts.quotas,
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

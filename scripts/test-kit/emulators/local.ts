/** Starts the local stand-ins for Google together: Firestore (or the one already running) and the Sheets/Drive emulator. */
import type { LatencyOption } from '@theodoi/sheets-emulator/latency/latency';
import { start as startSheetsEmulator, type EmulatorServer } from '@theodoi/sheets-emulator/server';
import { startFirestoreEmulator, type FirestoreEmulator } from './firestore.js';

/** The running emulators. */
export interface LocalEmulators {
  firestore: FirestoreEmulator;
  sheets: EmulatorServer;
  /** The environment that points theodoi at them. */
  env: { FIRESTORE_EMULATOR_HOST: string; SHEETS_EMULATOR_URL: string };
  stop(): Promise<void>;
}

/** Starts both emulators; Firestore is reused from `firestoreHost`, else from FIRESTORE_EMULATOR_HOST when set. */
export async function startLocalEmulators(
  options: {
    /** host:port of a Firestore emulator already running (the tests' global setup, the bench's own). */
    firestoreHost?: string;
    firestorePort?: number;
    sheetsPort?: number;
    dataDir?: string;
    quotas?: 'google' | 'off';
    /** The Sheets emulator's clock (the demo's simulated one); the machine's by default. */
    now?: () => Date;
    /** The clock of the Sheets emulator's per-minute quota buckets (a simulated day's); `now` by default. */
    quotaClock?: () => Date;
    /** How long Drive holds a spreadsheet's edit notifications back; Google's ~3 minutes by default, tests 0. */
    notifyBatchMs?: number;
    /** The Sheets emulator's latency model of real Google ('off' by default; the bench uses 'google'). */
    latency?: LatencyOption;
  } = {},
): Promise<LocalEmulators> {
  const firestore = await startFirestoreEmulator({
    port: options.firestorePort ?? 0,
    ...(options.firestoreHost ? { env: { FIRESTORE_EMULATOR_HOST: options.firestoreHost } } : {}),
  });
  try {
    const sheets = await startSheetsEmulator({
      // Lenient until the identity redesign (#17) lands
      accounts: 'lenient',
      port: options.sheetsPort ?? 0,
      ...(options.notifyBatchMs === undefined ? {} : { notifications: { batchMs: options.notifyBatchMs } }),
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      quotas: options.quotas ?? 'off',
      ...(options.now ? { now: options.now } : {}),
      ...(options.quotaClock ? { quotaClock: options.quotaClock } : {}),
      ...(options.latency ? { latency: options.latency } : {}),
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

/**
 * Starts the local stand-ins for Google together: Firestore (or the one already running) and the Sheets/Drive
 * emulator, strict about Google's account model, with theodoi's OAuth client (a "Desktop app" in production, not
 * verified: its scopes are non-sensitive) and the people given registered as Google accounts.
 */
import type { RegisteredAccount } from '@theodoi/sheets-emulator/accounts/directory';
import type { LatencyOption } from '@theodoi/sheets-emulator/latency/latency';
import type { OAuthClient } from '@theodoi/sheets-emulator/oauth/clients';
import { start as startSheetsEmulator, type EmulatorServer } from '@theodoi/sheets-emulator/server';
import { startFirestoreEmulator, type FirestoreEmulator } from './firestore.js';

/** The emulator's project number (its default), which theodoi's OAuth client belongs to. */
const PROJECT_NUMBER = '1234567890';

/** theodoi's OAuth client in the local world, as the Google Cloud console would have created it (decision 004). */
export const THEODOI_DESKTOP_CLIENT: OAuthClient = {
  clientId: `${PROJECT_NUMBER}-theodoi-desktop.apps.googleusercontent.com`,
  clientSecret: 'GOCSPX-theodoi-local-desktop',
  projectNumber: PROJECT_NUMBER,
  projectId: 'theodoi-local',
  type: 'installed',
  publishing: 'production',
  verified: false,
};

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
    /** Addresses that are Google accounts besides every Gmail address (an office's own domain, say). */
    googleAccounts?: readonly string[];
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
      port: options.sheetsPort ?? 0,
      projectNumber: PROJECT_NUMBER,
      oauthClients: [THEODOI_DESKTOP_CLIENT],
      googleAccounts: (options.googleAccounts ?? []).map((email): RegisteredAccount => ({
        email,
        kind: 'consumer',
      })),
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

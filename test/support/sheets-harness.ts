/** Test harness: a real emulator (with the real Sheets half) and googleapis clients, plus small helpers. */
import type { sheets_v4 } from '@googleapis/sheets';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer, StartOptions } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import type { Clients } from '@theodoi/test-kit/clients';

/** The client's view of a call that must fail (status, message, body), shared with the shell's tests. */
export { failure } from './google-error.js';

/** A running emulator and the service account's clients. */
export interface Harness extends Clients {
  server: EmulatorServer;
}

/**
 * Starts an in-memory emulator with the real Sheets half (unless `options.sheets` replaces it). Lenient accounts
 * by default: these harness tests are about Sheets features, not Google's account model (accounts/ tests run strict).
 * Push notifications go out at once unless `options.notifications.batchMs` says otherwise (Google's ~3-minute
 * coalescing is the emulator's default).
 */
export async function startHarness(options: StartOptions = {}): Promise<Harness> {
  const server = await start({
    accounts: 'lenient',
    ...options,
    notifications: { batchMs: 0, ...options.notifications },
  });
  return { server, ...clientsFor(server, undefined, { retry: false }) };
}

/** Stops the emulator, failing when the Sheets half threw anything but a GoogleApiError (a 500) meanwhile. */
export async function stopHarness(h: Harness): Promise<void> {
  const errors = h.server.internalErrors();
  await h.server.stop();
  if (errors.length > 0) throw new Error(`internal errors in the emulator:\n${errors.join('\n')}`);
}

/** Creates a spreadsheet and returns its id. */
export async function createSpreadsheet(
  sheets: sheets_v4.Sheets,
  body: sheets_v4.Schema$Spreadsheet = {},
): Promise<string> {
  const res = await sheets.spreadsheets.create({ requestBody: body });
  return res.data.spreadsheetId ?? '';
}

/** Builds the Sheets v4 and Drive v3 clients (per-API packages, loaded lazily) for Google or the local emulator. */
import type { drive_v3 } from '@googleapis/drive';
import type { sheets_v4 } from '@googleapis/sheets';
import type { Config } from '../../config.js';
import type { RetryPolicy } from './retry.js';

/** Scopes theodoi needs: edit spreadsheets, and the Drive files it creates or is given (never all of Drive). */
export const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/drive.file',
] as const;

/** No call may hang a function: each request gives up after this long (retries start afresh). */
export const REQUEST_TIMEOUT_MS = 30_000;

/** The two API clients theodoi uses, and the retry policy its calls follow. */
export interface GoogleClients {
  sheets: sheets_v4.Sheets;
  drive: drive_v3.Drive;
  /** The one retry policy of every call made with these clients (sheets/api/retry.ts); DEFAULT_RETRY when absent. */
  retry?: RetryPolicy;
}

/**
 * Clients for the emulator at config.sheetsEmulatorUrl, else for Google with Application Default Credentials.
 * `timeoutMs` bounds every request (REQUEST_TIMEOUT_MS unless a test needs a shorter one). The clients' own retries
 * (gaxios repeats GETs) are off: every call goes through callGoogle, whose one policy would otherwise stack on them.
 */
export async function createGoogleClients(
  config: Config,
  { timeoutMs = REQUEST_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<GoogleClients> {
  const [{ sheets, auth }, { drive }] = await Promise.all([
    import('@googleapis/sheets'),
    import('@googleapis/drive'),
  ]);
  if (config.sheetsEmulatorUrl) {
    const token =
      config.sheetsEmulatorToken ??
      (await mintEmulatorToken(config.sheetsEmulatorUrl, config.serviceAccount));
    // The clients build URLs as new URL('/v4/…', rootUrl): any path in rootUrl is dropped.
    const options = {
      timeout: timeoutMs,
      retry: false,
      rootUrl: `${new URL(config.sheetsEmulatorUrl).origin}/`,
      headers: { Authorization: `Bearer ${token}` },
    };
    return { sheets: sheets({ version: 'v4', ...options }), drive: drive({ version: 'v3', ...options }) };
  }
  const credentials = new auth.GoogleAuth({ scopes: [...GOOGLE_SCOPES] });
  const options = { auth: credentials, timeout: timeoutMs, retry: false };
  return { sheets: sheets({ version: 'v4', ...options }), drive: drive({ version: 'v3', ...options }) };
}

async function mintEmulatorToken(url: string, email: string): Promise<string> {
  const res = await fetch(`${new URL(url).origin}/__emulator/token?email=${encodeURIComponent(email)}`);
  if (!res.ok) throw new Error(`The Sheets emulator at ${url} refused a token for ${email}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

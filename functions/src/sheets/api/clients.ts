/**
 * Builds the Sheets v4 and Drive v3 clients (per-API packages, loaded lazily) with the grant theodoi's calls carry:
 * the coordinator's (an OAuth2Client with the refresh token), or in the shared-drive deployment the service account's
 * own credentials (decision 003). Against the local emulator both are pointed at its origin.
 */
import type { drive_v3 } from '@googleapis/drive';
import type { sheets_v4 } from '@googleapis/sheets';
import type { Config } from '../../config.js';
import { googleAccess } from '../../messages.vi.js';
import { grantClient, SERVICE_ACCOUNT_SCOPES } from './grant.js';
import type { RetryPolicy } from './retry.js';

/** No call may hang a function: each request gives up after this long (retries start afresh). */
export const REQUEST_TIMEOUT_MS = 30_000;

/** The two API clients theodoi uses, and the retry policy its calls follow. */
export interface GoogleClients {
  sheets: sheets_v4.Sheets;
  drive: drive_v3.Drive;
  /** The one retry policy of every call made with these clients (sheets/api/retry.ts); DEFAULT_RETRY when absent. */
  retry?: RetryPolicy;
}

/** Neither a grant nor a shared drive is configured: theodoi has no account to call Sheets and Drive as. */
export class NoGoogleGrantError extends Error {
  /** The edge's and the CLI's code for it. */
  readonly code = 'no-grant';

  constructor(emulator: boolean) {
    super(googleAccess.noGrant(emulator));
    this.name = 'NoGoogleGrantError';
  }
}

/** The account theodoi acts as (the grant's, or the service account's in a shared drive); throws when there is none. */
export function requireActingAccount(config: Config): string {
  if (!config.actingAccount) throw new NoGoogleGrantError(config.sheetsEmulatorUrl !== undefined);
  return config.actingAccount;
}

/**
 * Clients for Google, or for the emulator at config.sheetsEmulatorUrl. `timeoutMs` bounds every request
 * (REQUEST_TIMEOUT_MS unless a test needs a shorter one). The clients' own retries (gaxios repeats GETs) are off:
 * every call goes through callGoogle, whose one policy would otherwise stack on them.
 */
export async function createGoogleClients(
  config: Config,
  { timeoutMs = REQUEST_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<GoogleClients> {
  requireActingAccount(config);
  const [{ sheets }, { drive }] = await Promise.all([
    import('@googleapis/sheets'),
    import('@googleapis/drive'),
  ]);
  const options = { timeout: timeoutMs, retry: false, ...(await credentialsOf(config)) };
  return { sheets: sheets({ version: 'v4', ...options }), drive: drive({ version: 'v3', ...options }) };
}

/** The `auth` (or bearer header) and the root URL the clients are given. */
async function credentialsOf(config: Config): Promise<Record<string, unknown>> {
  const emulator = config.sheetsEmulatorUrl;
  // The clients build URLs as new URL('/v4/…', rootUrl): any path in rootUrl is dropped.
  const rootUrl = emulator ? { rootUrl: `${new URL(emulator).origin}/` } : {};
  if (config.googleGrant) return { auth: await grantClient(config.googleGrant, emulator), ...rootUrl };
  if (emulator) {
    // The emulator stands in for the metadata server: it mints the service account's token with drive.file.
    const token = await mintEmulatorToken(emulator, config.serviceAccount);
    return { headers: { Authorization: `Bearer ${token}` }, ...rootUrl };
  }
  const { auth } = await import('@googleapis/sheets');
  return { auth: new auth.GoogleAuth({ scopes: [...SERVICE_ACCOUNT_SCOPES] }) };
}

async function mintEmulatorToken(url: string, email: string): Promise<string> {
  const query = new URLSearchParams({ email, scope: SERVICE_ACCOUNT_SCOPES.join(' ') });
  const res = await fetch(`${new URL(url).origin}/__emulator/token?${query.toString()}`);
  if (!res.ok) throw new Error(`The Sheets emulator at ${url} refused a token for ${email}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

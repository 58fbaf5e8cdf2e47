/** Test helper: googleapis Sheets and Drive clients pointed at an emulator, acting as one e-mail. */
import { drive } from '@googleapis/drive';
import type { drive_v3 } from '@googleapis/drive';
import { sheets } from '@googleapis/sheets';
import type { sheets_v4 } from '@googleapis/sheets';

/** The part of a running emulator the helper needs. */
export interface EmulatorLike {
  url: string;
  mintToken(email?: string, options?: { scopes?: string[]; clientId?: string }): string;
}

/** Clients for one identity. */
export interface Clients {
  sheets: sheets_v4.Sheets;
  drive: drive_v3.Drive;
  token: string;
  email: string;
}

/**
 * Real googleapis clients with `rootUrl` at the emulator and a bearer token for `email` (default: the
 * service account), carrying `scopes` for `clientId` when given (the emulator's defaults otherwise).
 * `retry: false` turns off the client's automatic retries of GETs on 429/5xx.
 */
export function clientsFor(
  server: EmulatorLike,
  email?: string,
  opts: { retry?: boolean; scopes?: string[]; clientId?: string } = {},
): Clients {
  const { retry: retryOption, ...mint } = opts;
  const token = Object.keys(mint).length > 0 ? server.mintToken(email, mint) : server.mintToken(email);
  const rootUrl = `${server.url}/`;
  const headers = { Authorization: `Bearer ${token}` };
  const retry = retryOption ?? true;
  return {
    sheets: sheets({ version: 'v4', rootUrl, headers, retry }),
    drive: drive({ version: 'v3', rootUrl, headers, retry }),
    token,
    email: email ?? 'theodoi@theodoi-local.iam.gserviceaccount.com',
  };
}

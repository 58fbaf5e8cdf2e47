/**
 * The coordinator's Google grant (decisions 003 and 004): its scopes, google-auth-library's OAuth2Client that carries
 * it (pointed at the emulator's OAuth endpoints in the local world), and what Google says the grant is worth now.
 */
import type { auth as sheetsAuth } from '@googleapis/sheets';
import type { GoogleGrant } from '../../config.js';
import { callGoogle } from './retry.js';

/** What the coordinator grants theodoi: the files theodoi creates, and who they are. Nothing sensitive. */
export const GRANT_SCOPES = [
  'https://www.googleapis.com/auth/drive.file',
  'openid',
  'https://www.googleapis.com/auth/userinfo.email',
] as const;

/** The one scope every Sheets and Drive method theodoi calls accepts (its own files only). */
export const DRIVE_FILE_SCOPE = 'https://www.googleapis.com/auth/drive.file';

/** The service account's scopes in the shared-drive deployment: the files it creates there. */
export const SERVICE_ACCOUNT_SCOPES = [DRIVE_FILE_SCOPE] as const;

/** An OAuth client's id and secret (an installed app's secret is not confidential, but is never logged). */
export interface OAuthClientKeys {
  clientId: string;
  clientSecret: string;
}

/** google-auth-library's OAuth2Client, as the googleapis clients bundle it (so the clients accept it as `auth`). */
export type OAuthClient = InstanceType<(typeof sheetsAuth)['OAuth2']>;

/** Google's OAuth endpoints on the emulator's origin; undefined (Google's own) outside the local world. */
export function oauthEndpoints(emulatorUrl: string | undefined):
  | {
      oauth2AuthBaseUrl: string;
      oauth2TokenUrl: string;
      oauth2RevokeUrl: string;
      tokenInfoUrl: string;
    }
  | undefined {
  if (!emulatorUrl) return undefined;
  const origin = new URL(emulatorUrl).origin;
  return {
    oauth2AuthBaseUrl: `${origin}/o/oauth2/v2/auth`,
    oauth2TokenUrl: `${origin}/token`,
    oauth2RevokeUrl: `${origin}/revoke`,
    tokenInfoUrl: `${origin}/tokeninfo`,
  };
}

/** An OAuth2Client of theodoi's OAuth client, for Google or the emulator at `emulatorUrl`. */
export async function oauthClient(
  keys: OAuthClientKeys,
  options: { emulatorUrl?: string | undefined; redirectUri?: string } = {},
): Promise<OAuthClient> {
  const { auth } = await import('@googleapis/sheets');
  const endpoints = oauthEndpoints(options.emulatorUrl);
  return new auth.OAuth2({
    clientId: keys.clientId,
    clientSecret: keys.clientSecret,
    // An access token refused as expired (a clock ahead of ours) is renewed once, not reported as a failure.
    forceRefreshOnFailure: true,
    ...(options.redirectUri ? { redirectUri: options.redirectUri } : {}),
    ...(endpoints ? { endpoints } : {}),
  });
}

/** An OAuth2Client holding the grant's refresh token: it fetches and renews access tokens itself. */
export async function grantClient(grant: GoogleGrant, emulatorUrl: string | undefined): Promise<OAuthClient> {
  const client = await oauthClient(grant, { emulatorUrl });
  client.setCredentials({ refresh_token: grant.refreshToken });
  return client;
}

/** What Google says of a grant now: the account, the scopes granted, and until when the access token is good. */
export interface GrantInfo {
  email: string;
  scopes: string[];
  accessTokenExpiresAt: Date | undefined;
}

/**
 * Refreshes the grant and asks tokeninfo what it stands for. A revoked or expired grant is thrown as the classifier's
 * `invalid-grant` GoogleApiError (sheets/api/google-error.ts).
 */
export async function inspectGrant(grant: GoogleGrant, emulatorUrl: string | undefined): Promise<GrantInfo> {
  const client = await grantClient(grant, emulatorUrl);
  const { token } = await callGoogle(() => client.getAccessToken(), 'once');
  if (!token) throw new Error('the token endpoint returned no access token');
  const info = await callGoogle(() => client.getTokenInfo(token), 'once');
  return {
    email: (info.email ?? grant.email).toLowerCase(),
    scopes: info.scopes,
    accessTokenExpiresAt: info.expiry_date ? new Date(info.expiry_date) : undefined,
  };
}

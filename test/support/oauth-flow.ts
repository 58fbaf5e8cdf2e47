/** Test helper: an installed app's OAuth loopback flow against the emulator, with google-auth-library. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library';
import type { OAuthClient } from '@theodoi/sheets-emulator/oauth/clients';

/** An installed app's OAuth client for the emulator: `<name>.apps.googleusercontent.com` in project `name`. */
export function installedApp(
  name: string,
  projectNumber: string,
  overrides: Partial<OAuthClient> = {},
): OAuthClient {
  return {
    clientId: `${projectNumber}-${name}.apps.googleusercontent.com`,
    clientSecret: `GOCSPX-${name}`,
    projectNumber,
    projectId: name,
    type: 'installed',
    publishing: 'production',
    verified: false,
    ...overrides,
  };
}

/** The loopback listener an installed app opens to receive the authorization redirect. */
export interface Loopback {
  /** http://127.0.0.1:PORT/callback */
  url: string;
  /** The query of the next redirect that reaches the listener. */
  next(): Promise<URLSearchParams>;
  close(): Promise<void>;
}

/** Opens a loopback listener on a free port; it answers every redirect with a short page, as desktop apps do. */
export async function openLoopback(): Promise<Loopback> {
  const waiting: ((q: URLSearchParams) => void)[] = [];
  const arrived: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
    const waiter = waiting.shift();
    if (waiter) waiter(query);
    else arrived.push(query);
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('You may close this window.');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/callback`,
    next: () => {
      const ready = arrived.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An OAuth2Client whose endpoints are the emulator's. */
export function oauthClient(
  emulatorUrl: string,
  clientId: string,
  clientSecret: string,
  redirectUri: string,
): OAuth2Client {
  return new OAuth2Client({
    clientId,
    clientSecret,
    redirectUri,
    endpoints: {
      oauth2AuthBaseUrl: `${emulatorUrl}/o/oauth2/v2/auth`,
      oauth2TokenUrl: `${emulatorUrl}/token`,
      oauth2RevokeUrl: `${emulatorUrl}/revoke`,
      tokenInfoUrl: `${emulatorUrl}/tokeninfo`,
    },
  });
}

/** What the browser step gave: the loopback redirect's query, or the page Google showed instead. */
export type BrowserOutcome = { redirected: URLSearchParams } | { status: number; page: string };

/** Plays the browser: opens the authorization URL and, on a redirect, follows it to the loopback listener. */
export async function openInBrowser(authUrl: string, loopback: Loopback): Promise<BrowserOutcome> {
  const res = await fetch(authUrl, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) return { status: res.status, page: await res.text() };
  const query = loopback.next();
  await fetch(location);
  return { redirected: await query };
}

/** An authorization URL with PKCE (S256), plus the verifier to give getToken. */
export async function pkceAuthUrl(
  client: OAuth2Client,
  options: { scope: string[]; state?: string; login_hint?: string; prompt?: string; access_type?: string },
): Promise<{ url: string; codeVerifier: string }> {
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const url = client.generateAuthUrl({
    access_type: 'offline',
    ...options,
    code_challenge_method: CodeChallengeMethod.S256,
    code_challenge: codeChallenge ?? '',
  });
  return { url, codeVerifier };
}

/**
 * The installed-app ("Desktop app") login of decision 004, with google-auth-library's OAuth2Client: PKCE (S256), a
 * one-shot listener on 127.0.0.1 on a free port, access_type=offline and prompt=consent (a refresh token every
 * time), a `state` checked; the code exchanged, the account read from tokeninfo. Used by `theodoi auth login` and
 * by the test kit's worlds, which "open" the URL by following it.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GoogleGrant } from '../../config.js';
import { googleAccess as msg } from '../../messages.vi.js';
import { DRIVE_FILE_SCOPE, GRANT_SCOPES, oauthClient, type OAuthClientKeys } from './grant.js';
import { callGoogle } from './retry.js';

/** How long the listener waits for the browser's redirect. */
export const LOGIN_TIMEOUT_MS = 5 * 60_000;

/** What the login needs. */
export interface LoginOptions {
  /** theodoi's OAuth client (the console's "Desktop app" client). */
  client: OAuthClientKeys;
  /** The local emulator, whose OAuth endpoints stand for Google's. */
  emulatorUrl?: string | undefined;
  /** Shows (or opens) the consent URL; the login waits for the redirect it leads to. */
  open: (url: string) => void | Promise<void>;
  /** The account to suggest on Google's sign-in page. */
  loginHint?: string;
  timeoutMs?: number;
}

/** A refused login, in Vietnamese (the person's answer, Google's error, a wrong state, a timeout). */
export class LoginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoginError';
  }
}

/** The grant the login produced, with the scopes Google says it carries. */
export interface LoginResult {
  grant: GoogleGrant;
  scopes: string[];
}

/** The redirect's query, once the browser brings it to the listener. */
interface Redirect {
  code?: string;
  error?: string;
}

/** Runs the whole flow and returns the coordinator's grant. */
export async function loginWithLoopback(options: LoginOptions): Promise<LoginResult> {
  const state = randomBytes(24).toString('base64url');
  const listener = await listenOnce(state, options.timeoutMs ?? LOGIN_TIMEOUT_MS);
  try {
    const client = await oauthClient(options.client, {
      emulatorUrl: options.emulatorUrl,
      redirectUri: listener.redirectUri,
    });
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    type Opts = NonNullable<Parameters<typeof client.generateAuthUrl>[0]>;
    const url = client.generateAuthUrl({
      access_type: 'offline',
      prompt: 'consent',
      scope: [...GRANT_SCOPES],
      state,
      code_challenge_method: 'S256' as NonNullable<Opts['code_challenge_method']>,
      code_challenge: codeChallenge ?? '',
      ...(options.loginHint ? { login_hint: options.loginHint } : {}),
    });
    await options.open(url);
    const redirect = await listener.redirect;
    if (redirect.error === 'access_denied') throw new LoginError(msg.loginDenied);
    if (redirect.error || !redirect.code) throw new LoginError(msg.loginError(redirect.error ?? 'no code'));
    const code = redirect.code;
    const { tokens } = await callGoogle(
      () => client.getToken({ code, codeVerifier, redirect_uri: listener.redirectUri }),
      'once',
    );
    if (!tokens.refresh_token) throw new LoginError(msg.loginNoRefreshToken);
    if (!tokens.access_token) throw new LoginError(msg.loginError('no access token'));
    const accessToken = tokens.access_token;
    const info = await callGoogle(() => client.getTokenInfo(accessToken), 'once');
    if (!info.scopes.includes(DRIVE_FILE_SCOPE)) throw new LoginError(msg.loginMissingScope);
    if (!info.email) throw new LoginError(msg.loginError('no e-mail in tokeninfo'));
    return {
      grant: { ...options.client, refreshToken: tokens.refresh_token, email: info.email.toLowerCase() },
      scopes: info.scopes,
    };
  } finally {
    await listener.close();
  }
}

/** A listener on 127.0.0.1 that takes the first redirect carrying `state` (or an error) and answers a small page. */
async function listenOnce(
  state: string,
  timeoutMs: number,
): Promise<{ redirectUri: string; redirect: Promise<Redirect>; close(): Promise<void> }> {
  let settle!: (outcome: { redirect: Redirect } | { error: Error }) => void;
  const outcome = new Promise<{ redirect: Redirect } | { error: Error }>((resolve) => (settle = resolve));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/') {
      res.writeHead(404).end();
      return;
    }
    const q = url.searchParams;
    const ok = q.get('state') === state && q.has('code');
    answer(res, ok);
    if (q.get('state') !== state) settle({ error: new LoginError(msg.loginStateMismatch) });
    else settle({ redirect: { code: q.get('code') ?? undefined, error: q.get('error') ?? undefined } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const timer = setTimeout(
    () => settle({ error: new LoginError(msg.loginTimedOut(Math.round(timeoutMs / 60_000))) }),
    timeoutMs,
  );
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}/`,
    redirect: outcome.then((o) => {
      if ('error' in o) throw o.error;
      return o.redirect;
    }),
    close: () => {
      clearTimeout(timer);
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The page the browser shows after the redirect. */
function answer(res: ServerResponse, ok: boolean): void {
  const page = msg.loginPage;
  const html =
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${page.title}</title></head>` +
    `<body style="font-family:sans-serif;max-width:36em;margin:3em auto"><h1>${page.title}</h1>` +
    `<p>${ok ? page.done : page.failed}</p></body></html>`;
  res.writeHead(ok ? 200 : 400, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
  });
  res.end(html);
}

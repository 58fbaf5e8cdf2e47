// Google's authorization endpoint for installed apps: error pages for a bad client, redirect or scope; who signs
// in (next-consent, login_hint, or the chooser page); consent refused; Testing and unverified apps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import type { OAuth2Client } from 'google-auth-library';
import { openInBrowser, openLoopback, oauthClient, pkceAuthUrl } from '../../../support/oauth-flow.js';
import type { BrowserOutcome, Loopback } from '../../../support/oauth-flow.js';
import { installedApp } from '../../../support/oauth-flow.js';

const AUTH = 'https://www.googleapis.com/auth/';
const PERSON = 'thu.ky.ubnd@gmail.com';
const TESTER = 'nguoi.thu@gmail.com';
const PUBLISHED = installedApp('ung-dung-that', '101010');
const TESTING = installedApp('ung-dung-thu', '101011', { publishing: 'testing', testUsers: [TESTER] });

let server: EmulatorServer;
let loopback: Loopback;
let app: OAuth2Client;

beforeAll(async () => {
  server = await start({
    oauthClients: [PUBLISHED, TESTING],
    googleAccounts: [{ email: 'lanh.dao@thapmuoi.gov.vn', kind: 'workspace' }],
  });
  loopback = await openLoopback();
  app = oauthClient(server.url, PUBLISHED.clientId, PUBLISHED.clientSecret, loopback.url);
});
afterAll(async () => {
  await loopback.close();
  await server.stop();
});

const consent = (email: string, approve: boolean) =>
  fetch(`${server.url}/__emulator/oauth/next-consent`, {
    method: 'POST',
    body: JSON.stringify({ email, approve }),
  });

function page(outcome: BrowserOutcome): { status: number; page: string } {
  if ('redirected' in outcome) throw new Error(`redirected: ${outcome.redirected.toString()}`);
  return outcome;
}

function redirected(outcome: BrowserOutcome): URLSearchParams {
  if (!('redirected' in outcome)) throw new Error(`no redirect: ${outcome.page}`);
  return outcome.redirected;
}

describe('a request Google refuses outright', () => {
  it('shows "Error 401: invalid_client" for an unknown client', async () => {
    const stranger = oauthClient(server.url, 'nobody.apps.googleusercontent.com', 'x', loopback.url);
    const shown = page(
      await openInBrowser(stranger.generateAuthUrl({ scope: `${AUTH}drive.file` }), loopback),
    );
    expect(shown.status).toBe(401);
    expect(shown.page).toContain('Error 401: invalid_client');
    expect(shown.page).toContain('The OAuth client was not found.');
  });

  it('shows "Error 400: redirect_uri_mismatch" for a redirect that is no loopback address', async () => {
    const web = oauthClient(
      server.url,
      PUBLISHED.clientId,
      PUBLISHED.clientSecret,
      'https://theodoi.example.vn/callback',
    );
    const shown = page(await openInBrowser(web.generateAuthUrl({ scope: `${AUTH}drive.file` }), loopback));
    expect(shown.status).toBe(400);
    expect(shown.page).toContain('Error 400: redirect_uri_mismatch');
    expect(shown.page).toContain(
      'You can&#39;t sign in to this app because it doesn&#39;t comply with Google&#39;s OAuth 2.0 policy.',
    );
  });

  it('shows "Error 400: invalid_scope" naming the unknown scope', async () => {
    const shown = page(
      await openInBrowser(app.generateAuthUrl({ scope: [`${AUTH}drive.file`, `${AUTH}nope`] }), loopback),
    );
    expect(shown.status).toBe(400);
    expect(shown.page).toContain('Error 400: invalid_scope');
    expect(shown.page).toContain(`Some requested scopes were invalid. {invalid=[${AUTH}nope]}`);
  });
});

describe('who signs in', () => {
  it('redirects error=access_denied (with the state) when consent is refused', async () => {
    await consent(PERSON, false);
    const { url } = await pkceAuthUrl(app, { scope: [`${AUTH}drive.file`], state: 's1' });
    const q = redirected(await openInBrowser(url, loopback));
    expect(Object.fromEntries(q)).toEqual({ error: 'access_denied', state: 's1' });
  });

  it('signs the login_hint account in and approves when nothing is queued', async () => {
    const { url, codeVerifier } = await pkceAuthUrl(app, {
      scope: [`${AUTH}drive.file`],
      login_hint: 'lanh.dao@thapmuoi.gov.vn',
    });
    const q = redirected(await openInBrowser(url, loopback));
    const { tokens } = await app.getToken({ code: q.get('code') ?? '', codeVerifier });
    expect((await app.getTokenInfo(tokens.access_token ?? '')).email).toBe('lanh.dao@thapmuoi.gov.vn');
  });

  it('will not sign in an address that is no Google account, nor a service account', async () => {
    for (const email of ['can.bo@thapmuoi.gov.vn', 'theodoi@theodoi-local.iam.gserviceaccount.com']) {
      await consent(email, true);
      const { url } = await pkceAuthUrl(app, { scope: [`${AUTH}drive.file`] });
      const shown = page(await openInBrowser(url, loopback));
      expect(shown.status).toBe(400);
      expect(shown.page).toContain('Couldn&#39;t find your Google Account');
    }
  });

  it('shows the account chooser with neither, whose form signs the chosen account in', async () => {
    const { url, codeVerifier } = await pkceAuthUrl(app, { scope: [`${AUTH}drive.file`], state: 'tay' });
    const shown = page(await openInBrowser(url, loopback));
    expect(shown.status).toBe(200);
    expect(shown.page).toContain('Choose an account');
    expect(shown.page).toContain('lanh.dao@thapmuoi.gov.vn');
    const form = new URLSearchParams(new URL(url).searchParams);
    form.set('email', PERSON);
    form.set('approve', 'true');
    const res = await fetch(`${server.url}/o/oauth2/v2/auth/decide`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('tay');
    const { tokens } = await app.getToken({ code: location.searchParams.get('code') ?? '', codeVerifier });
    expect((await app.getTokenInfo(tokens.access_token ?? '')).email).toBe(PERSON);
  });
});

describe('publishing status and verification', () => {
  it('lets only test users into an app in Testing: others see Error 403: access_denied', async () => {
    const testing = oauthClient(server.url, TESTING.clientId, TESTING.clientSecret, loopback.url);
    await consent(PERSON, true);
    const shown = page(
      await openInBrowser((await pkceAuthUrl(testing, { scope: [`${AUTH}drive.file`] })).url, loopback),
    );
    expect(shown.status).toBe(403);
    expect(shown.page).toContain('Error 403: access_denied');
    expect(shown.page).toContain('ung-dung-thu has not completed the Google verification process.');
    await consent(TESTER, true);
    const q = redirected(
      await openInBrowser((await pkceAuthUrl(testing, { scope: [`${AUTH}drive.file`] })).url, loopback),
    );
    expect(q.get('code')).toBeTruthy();
  });

  it('blocks an unverified published app asking for a restricted scope (full drive), not for drive.file', async () => {
    await consent(PERSON, true);
    const shown = page(
      await openInBrowser((await pkceAuthUrl(app, { scope: [`${AUTH}drive`] })).url, loopback),
    );
    expect(shown.status).toBe(403);
    expect(shown.page).toContain('This app is blocked');
    expect(shown.page).toContain(
      'This app tried to access sensitive info in your Google Account. To keep your account safe, Google blocked this access.',
    );
    await consent(PERSON, true);
    const q = redirected(
      await openInBrowser(
        (await pkceAuthUrl(app, { scope: [`${AUTH}drive.file`, `${AUTH}spreadsheets`] })).url,
        loopback,
      ),
    );
    expect(q.get('code')).toBeTruthy();
  });
});

// The installed-app loopback flow end to end with google-auth-library's OAuth2Client pointed at the emulator:
// generateAuthUrl, a real loopback listener, getToken (PKCE), the token at work, refresh, revoke, refresh refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GaxiosError } from 'gaxios';
import { sheets } from '@googleapis/sheets';
import { drive } from '@googleapis/drive';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import type { OAuth2Client } from 'google-auth-library';
import {
  installedApp,
  openInBrowser,
  openLoopback,
  oauthClient,
  pkceAuthUrl,
} from '../../../support/oauth-flow.js';
import type { Loopback } from '../../../support/oauth-flow.js';

const AUTH = 'https://www.googleapis.com/auth/';
const PERSON = 'dieu.phoi.vien@gmail.com';
const APP = installedApp('theodoi-desktop', '777888999');

let server: EmulatorServer;
let loopback: Loopback;
let client: OAuth2Client;
let accessToken = '';
let refreshToken = '';

beforeAll(async () => {
  server = await start({ oauthClients: [APP] });
  loopback = await openLoopback();
  client = oauthClient(server.url, APP.clientId, APP.clientSecret, loopback.url);
});
afterAll(async () => {
  await loopback.close();
  await server.stop();
});

async function nextConsent(email: string, approve: boolean): Promise<void> {
  const res = await fetch(`${server.url}/__emulator/oauth/next-consent`, {
    method: 'POST',
    body: JSON.stringify({ email, approve }),
  });
  expect(res.status).toBe(200);
}

describe('the loopback flow', () => {
  it('redirects the approved consent to the loopback listener with a code and the state', async () => {
    await nextConsent(PERSON, true);
    const { url, codeVerifier } = await pkceAuthUrl(client, {
      scope: [`${AUTH}spreadsheets`, `${AUTH}drive.file`],
      state: 'trang-thai-42',
    });
    expect(url.startsWith(`${server.url}/o/oauth2/v2/auth?`)).toBe(true);
    const outcome = await openInBrowser(url, loopback);
    if (!('redirected' in outcome)) throw new Error(`no redirect: ${outcome.page}`);
    expect(outcome.redirected.get('state')).toBe('trang-thai-42');
    const { tokens } = await client.getToken({ code: outcome.redirected.get('code') ?? '', codeVerifier });
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      scope: `${AUTH}spreadsheets ${AUTH}drive.file`,
      access_token: expect.stringMatching(/^ya29\./) as string,
      refresh_token: expect.stringMatching(/^1\/\//) as string,
    });
    expect(tokens.expiry_date).toBeGreaterThan(Date.now() + 3_500_000);
    accessToken = tokens.access_token ?? '';
    refreshToken = tokens.refresh_token ?? '';
    client.setCredentials(tokens);
  });

  it('gives a token that works for the signed-in person, within its scopes (drive.file: its own files)', async () => {
    const headers = { Authorization: `Bearer ${accessToken}` };
    const rootUrl = `${server.url}/`;
    const s = sheets({ version: 'v4', rootUrl, headers, retry: false });
    const d = drive({ version: 'v3', rootUrl, headers, retry: false });
    const made = await s.spreadsheets.create({ requestBody: { properties: { title: 'Theo dõi' } } });
    const file = await d.files.get({ fileId: made.data.spreadsheetId ?? '', fields: 'owners(emailAddress)' });
    expect(file.data.owners).toEqual([{ emailAddress: PERSON }]);
  });

  it('answers tokeninfo with the person, the scopes and the app', async () => {
    const info = await client.getTokenInfo(accessToken);
    expect(info).toMatchObject({
      email: PERSON,
      scopes: [`${AUTH}spreadsheets`, `${AUTH}drive.file`],
      aud: APP.clientId,
      azp: APP.clientId,
      email_verified: 'true',
      access_type: 'offline',
    });
  });

  it('refreshes the access token with the refresh token', async () => {
    const { credentials } = await client.refreshAccessToken();
    expect(credentials.access_token).toMatch(/^ya29\./);
    expect(credentials.access_token).not.toBe(accessToken);
    expect(credentials.refresh_token).toBe(refreshToken);
  });

  it('revokes the grant; a later refresh is refused with Google’s invalid_grant', async () => {
    const revoked = await client.revokeToken(refreshToken);
    expect(revoked.status).toBe(200);
    const err = (await client.refreshAccessToken().catch((e: unknown) => e)) as GaxiosError;
    expect(err.message).toBe('invalid_grant');
    expect(err.response?.status).toBe(400);
    expect(err.response?.data).toEqual({
      error: 'invalid_grant',
      error_description: 'Token has been expired or revoked.',
    });
    const stale = await fetch(`${server.url}/drive/v3/files`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(stale.status).toBe(401);
  });

  it('sends no second refresh token for a consent already given, unless prompt=consent', async () => {
    const again = async (prompt?: string) => {
      await nextConsent(PERSON, true);
      const { url, codeVerifier } = await pkceAuthUrl(client, {
        scope: [`${AUTH}drive.file`],
        ...(prompt ? { prompt } : {}),
      });
      const outcome = await openInBrowser(url, loopback);
      if (!('redirected' in outcome)) throw new Error(outcome.page);
      return (await client.getToken({ code: outcome.redirected.get('code') ?? '', codeVerifier })).tokens;
    };
    expect((await again()).refresh_token).toBeUndefined();
    expect((await again('consent')).refresh_token).toMatch(/^1\/\//);
  });
});

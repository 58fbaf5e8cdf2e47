// Google's token, revoke and tokeninfo endpoints: the JSON errors for a wrong secret, a used code, PKCE, a
// redirect mismatch; refresh tokens of a Testing app expiring after 7 days of the emulator clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GaxiosError } from 'gaxios';
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

const SCOPE = 'https://www.googleapis.com/auth/drive.file';
const PERSON = 'can.bo.tinh@gmail.com';
const TESTING = installedApp('thu-nghiem', '303030', { publishing: 'testing', testUsers: [PERSON] });

let clock = Date.parse('2026-12-03T03:00:00.000Z');
let server: EmulatorServer;
let loopback: Loopback;
let app: OAuth2Client;

beforeAll(async () => {
  server = await start({ oauthClients: [TESTING], now: () => new Date(clock) });
  loopback = await openLoopback();
  app = oauthClient(server.url, TESTING.clientId, TESTING.clientSecret, loopback.url);
});
afterAll(async () => {
  await loopback.close();
  await server.stop();
});

/** Runs the browser part and returns a fresh code with its verifier. */
async function code(client: OAuth2Client = app): Promise<{ code: string; codeVerifier: string }> {
  const { url, codeVerifier } = await pkceAuthUrl(client, {
    scope: [SCOPE],
    login_hint: PERSON,
    prompt: 'consent',
  });
  const outcome = await openInBrowser(url, loopback);
  if (!('redirected' in outcome)) throw new Error(outcome.page);
  return { code: outcome.redirected.get('code') ?? '', codeVerifier };
}

async function refused(call: Promise<unknown>): Promise<{ status: number | undefined; data: unknown }> {
  const err = (await call.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  )) as GaxiosError;
  return { status: err.response?.status, data: err.response?.data };
}

const post = (path: string, form: Record<string, string>) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });

describe('the authorization_code grant', () => {
  it('refuses a wrong client secret with 401 invalid_client', async () => {
    const wrong = oauthClient(server.url, TESTING.clientId, 'GOCSPX-wrong', loopback.url);
    const c = await code();
    expect(await refused(wrong.getToken(c))).toEqual({
      status: 401,
      data: { error: 'invalid_client', error_description: 'Unauthorized' },
    });
  });

  it('refuses a code used twice, and a made-up one', async () => {
    const c = await code();
    await app.getToken(c);
    expect(await refused(app.getToken(c))).toEqual({
      status: 400,
      data: { error: 'invalid_grant', error_description: 'Bad Request' },
    });
    expect(await refused(app.getToken({ code: 'abc', codeVerifier: c.codeVerifier }))).toEqual({
      status: 400,
      data: { error: 'invalid_grant', error_description: 'Malformed auth code.' },
    });
  });

  it('checks the PKCE verifier', async () => {
    const missing = await code();
    expect((await refused(app.getToken({ code: missing.code }))).data).toEqual({
      error: 'invalid_grant',
      error_description: 'Missing code verifier.',
    });
    const wrong = await code();
    expect(
      (await refused(app.getToken({ code: wrong.code, codeVerifier: `${wrong.codeVerifier}x` }))).data,
    ).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid code verifier.',
    });
  });

  it('refuses a redirect_uri other than the authorization request’s', async () => {
    const c = await code();
    expect(await refused(app.getToken({ ...c, redirect_uri: 'http://127.0.0.1:1/other' }))).toEqual({
      status: 400,
      data: { error: 'redirect_uri_mismatch', error_description: 'Bad Request' },
    });
  });

  it('names an unsupported grant type', async () => {
    const res = await post('/token', { grant_type: 'password', client_id: TESTING.clientId });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'unsupported_grant_type',
      error_description: 'Invalid grant_type: password',
    });
  });
});

describe('refresh tokens of an app in Testing', () => {
  it('say when they expire and stop working after 7 days of the emulator clock', async () => {
    const { tokens } = await app.getToken(await code());
    expect((tokens as Record<string, unknown>).refresh_token_expires_in).toBe(604_800);
    app.setCredentials(tokens);
    clock += 6 * 24 * 3_600_000;
    expect((await app.refreshAccessToken()).credentials.access_token).toMatch(/^ya29\./);
    clock += 24 * 3_600_000;
    expect(await refused(app.refreshAccessToken())).toEqual({
      status: 400,
      data: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
    });
  });
});

describe('revoke and tokeninfo', () => {
  it('revoking an access token revokes its refresh token too', async () => {
    const { tokens } = await app.getToken(await code());
    expect((await post('/revoke', { token: tokens.access_token ?? '' })).status).toBe(200);
    app.setCredentials(tokens);
    expect((await refused(app.refreshAccessToken())).data).toEqual({
      error: 'invalid_grant',
      error_description: 'Token has been expired or revoked.',
    });
  });

  it('answers an unknown token with Google’s errors', async () => {
    const revoke = await post('/revoke', { token: 'ya29.nothing' });
    expect(revoke.status).toBe(400);
    expect(await revoke.json()).toEqual({
      error: 'invalid_token',
      error_description: 'Token expired or revoked',
    });
    const info = await fetch(`${server.url}/tokeninfo?access_token=ya29.nothing`);
    expect(info.status).toBe(400);
    expect(await info.json()).toEqual({ error: 'invalid_token', error_description: 'Invalid Value' });
  });

  it('reports an expired access token as invalid', async () => {
    const { tokens } = await app.getToken(await code());
    const ok = await fetch(`${server.url}/tokeninfo?access_token=${tokens.access_token ?? ''}`);
    expect(((await ok.json()) as { expires_in: string }).expires_in).toBe('3600');
    clock += 3_600_000;
    expect((await fetch(`${server.url}/tokeninfo?access_token=${tokens.access_token ?? ''}`)).status).toBe(
      400,
    );
  });
});

/** Google's token, revoke and tokeninfo endpoints, with their JSON answers and errors. */
import { createHash } from 'node:crypto';
import type { AccountModel } from '../accounts/model.js';
import { numericIdOf } from '../accounts/directory.js';
import type { OAuthClient } from './clients.js';
import { ACCESS_TOKEN_TTL_MS, TESTING_REFRESH_TTL_MS } from './tokens.js';
import type { AccessGrant } from './tokens.js';

/** A JSON answer. */
export interface JsonAnswer {
  status: number;
  body: unknown;
}

function oauthError(status: number, error: string, description: string): JsonAnswer {
  return { status, body: { error, error_description: description } };
}

/** The client authenticating a token request (client_secret_post, or HTTP Basic). */
function authenticate(
  form: URLSearchParams,
  authorization: string | undefined,
  accounts: AccountModel,
): OAuthClient | JsonAnswer {
  let id = form.get('client_id') ?? '';
  let secret = form.get('client_secret') ?? '';
  const basic = authorization ? /^Basic\s+(\S+)$/i.exec(authorization) : null;
  if (basic?.[1]) {
    const [user = '', pass = ''] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    id = decodeURIComponent(user);
    secret = decodeURIComponent(pass);
  }
  const client = accounts.clients.get(id);
  if (!client) return oauthError(401, 'invalid_client', 'The OAuth client was not found.');
  if (client.clientSecret !== secret) return oauthError(401, 'invalid_client', 'Unauthorized');
  return client;
}

function verifierMatches(verifier: string, challenge: string, method: 'S256' | 'plain'): boolean {
  const computed = method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return computed === challenge;
}

function issue(
  accounts: AccountModel,
  client: OAuthClient,
  grant: Omit<AccessGrant, 'appId' | 'projectNumber' | 'expiresAt'>,
  now: number,
): Record<string, unknown> {
  const accessToken = accounts.tokens.mintAccess({
    ...grant,
    appId: client.clientId,
    projectNumber: client.projectNumber,
    expiresAt: now + ACCESS_TOKEN_TTL_MS,
  });
  return {
    access_token: accessToken,
    expires_in: ACCESS_TOKEN_TTL_MS / 1000 - 1,
    scope: grant.scopes.join(' '),
    token_type: 'Bearer',
  };
}

function exchangeCode(
  form: URLSearchParams,
  client: OAuthClient,
  accounts: AccountModel,
  now: number,
): JsonAnswer {
  const code = form.get('code');
  if (!code) return oauthError(400, 'invalid_request', 'Missing required parameter: code');
  if (!code.startsWith('4/')) return oauthError(400, 'invalid_grant', 'Malformed auth code.');
  const grant = accounts.tokens.takeCode(code, now);
  if (!grant || grant.clientId !== client.clientId) return oauthError(400, 'invalid_grant', 'Bad Request');
  if ((form.get('redirect_uri') ?? '') !== grant.redirectUri)
    return oauthError(400, 'redirect_uri_mismatch', 'Bad Request');
  const verifier = form.get('code_verifier');
  if (grant.codeChallenge === undefined && verifier)
    return oauthError(400, 'invalid_grant', 'code_verifier or verifier is not needed.');
  if (grant.codeChallenge !== undefined) {
    if (!verifier) return oauthError(400, 'invalid_grant', 'Missing code verifier.');
    if (!verifierMatches(verifier, grant.codeChallenge, grant.codeChallengeMethod ?? 'plain'))
      return oauthError(400, 'invalid_grant', 'Invalid code verifier.');
  }
  const refreshExpires = client.publishing === 'testing' ? now + TESTING_REFRESH_TTL_MS : undefined;
  const refreshToken = grant.withRefreshToken
    ? accounts.tokens.mintRefresh({
        email: grant.email,
        clientId: client.clientId,
        projectNumber: client.projectNumber,
        scopes: grant.scopes,
        ...(refreshExpires !== undefined ? { expiresAt: refreshExpires } : {}),
      })
    : undefined;
  const body = issue(
    accounts,
    client,
    {
      email: grant.email,
      scopes: grant.scopes,
      accessType: refreshToken ? 'offline' : 'online',
      ...(refreshToken ? { refreshToken } : {}),
    },
    now,
  );
  if (refreshToken) {
    body.refresh_token = refreshToken;
    if (refreshExpires !== undefined)
      body.refresh_token_expires_in = Math.floor((refreshExpires - now) / 1000);
  }
  return { status: 200, body };
}

function refresh(
  form: URLSearchParams,
  client: OAuthClient,
  accounts: AccountModel,
  now: number,
): JsonAnswer {
  const token = form.get('refresh_token');
  if (!token) return oauthError(400, 'invalid_request', 'Missing required parameter: refresh_token');
  const grant = accounts.tokens.refreshGrant(token, now);
  if (!grant) return oauthError(400, 'invalid_grant', 'Token has been expired or revoked.');
  if (grant.clientId !== client.clientId) return oauthError(400, 'unauthorized_client', 'Unauthorized');
  const body = issue(
    accounts,
    client,
    { email: grant.email, scopes: grant.scopes, accessType: 'offline', refreshToken: token },
    now,
  );
  if (grant.expiresAt !== undefined)
    body.refresh_token_expires_in = Math.floor((grant.expiresAt - now) / 1000);
  return { status: 200, body };
}

/** POST /token: the authorization_code and refresh_token grants. */
export function token(
  form: URLSearchParams,
  authorization: string | undefined,
  accounts: AccountModel,
  now: number,
): JsonAnswer {
  const grantType = form.get('grant_type');
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    return grantType
      ? oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType}`)
      : oauthError(400, 'invalid_request', 'Missing required parameter: grant_type');
  }
  const client = authenticate(form, authorization, accounts);
  if ('status' in client) return client;
  return grantType === 'authorization_code'
    ? exchangeCode(form, client, accounts, now)
    : refresh(form, client, accounts, now);
}

/** POST /revoke?token=…: revokes an access or refresh token (and the grant it belongs to). */
export function revoke(form: URLSearchParams, accounts: AccountModel): JsonAnswer {
  const t = form.get('token') ?? '';
  return accounts.tokens.revoke(t)
    ? { status: 200, body: {} }
    : oauthError(400, 'invalid_token', 'Token expired or revoked');
}

/** GET/POST /tokeninfo: what an access token (from `access_token` or a Bearer header) stands for. */
export function tokeninfo(
  form: URLSearchParams,
  authorization: string | undefined,
  accounts: AccountModel,
  now: number,
): JsonAnswer {
  const bearer = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
  const t = form.get('access_token') ?? bearer ?? '';
  const found = accounts.tokens.lookup(t, now);
  if (found.state !== 'valid') return oauthError(400, 'invalid_token', 'Invalid Value');
  const g = found.grant;
  const expiresAt = g.expiresAt ?? now + ACCESS_TOKEN_TTL_MS;
  return {
    status: 200,
    body: {
      azp: g.appId,
      aud: g.appId,
      sub: numericIdOf(g.email),
      scope: g.scopes.join(' '),
      exp: String(Math.floor(expiresAt / 1000)),
      expires_in: String(Math.max(0, Math.floor((expiresAt - now) / 1000))),
      email: g.email,
      email_verified: 'true',
      access_type: g.accessType ?? 'online',
    },
  };
}

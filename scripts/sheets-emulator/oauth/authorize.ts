/** Google's authorization endpoint for installed apps: checks the request, signs an account in, asks consent. */
import type { AccountModel } from '../accounts/model.js';
import type { OAuthClient } from './clients.js';
import { appBlocked, authorizationError, chooser, noSuchAccount, redirectMismatch } from './pages.js';
import type { HtmlPage } from './pages.js';
import { isRestricted, parseScopes } from './scopes.js';
import { CODE_TTL_MS } from './tokens.js';

/** Who signs in next and whether they approve, as set by POST /__emulator/oauth/next-consent. */
export interface ConsentChoice {
  email: string;
  approve: boolean;
}

/** What the endpoint answers: a page, or a redirect to the app's loopback listener. */
export type AuthorizeAnswer = { page: HtmlPage } | { redirect: string };

/** A valid authorization request. */
interface AuthRequest {
  client: OAuthClient;
  redirectUri: string;
  scopes: string[];
  state: string | null;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  offline: boolean;
  forceConsent: boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether an installed app may redirect here: `http://127.0.0.1:PORT/…` or `http://localhost:PORT/…`. */
export function isLoopback(uri: string): boolean {
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname);
  } catch {
    return false;
  }
}

function check(params: URLSearchParams, accounts: AccountModel, known: Set<string>): AuthRequest | HtmlPage {
  const client = accounts.clients.get(params.get('client_id') ?? '');
  if (!client) return authorizationError(401, 'invalid_client', 'The OAuth client was not found.', params);
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!isLoopback(redirectUri)) return redirectMismatch(params);
  const responseType = params.get('response_type');
  if (responseType !== 'code')
    return authorizationError(400, 'invalid_request', `Invalid response_type: ${responseType ?? ''}`, params);
  const scopes = parseScopes(params.get('scope'));
  if (scopes.length === 0)
    return authorizationError(400, 'invalid_request', 'Missing required parameter: scope', params);
  const invalid = scopes.filter((s) => !known.has(s));
  if (invalid.length > 0)
    return authorizationError(
      400,
      'invalid_scope',
      `Some requested scopes were invalid. {invalid=[${invalid.join(', ')}]}`,
      params,
    );
  const challenge = params.get('code_challenge') ?? undefined;
  const method = params.get('code_challenge_method') ?? (challenge ? 'plain' : undefined);
  if (method !== undefined && method !== 'S256' && method !== 'plain')
    return authorizationError(400, 'invalid_request', `Invalid code_challenge_method: ${method}`, params);
  if (method !== undefined && !challenge)
    return authorizationError(400, 'invalid_request', 'Missing code_challenge.', params);
  return {
    client,
    redirectUri,
    scopes,
    state: params.get('state'),
    ...(challenge ? { codeChallenge: challenge, codeChallengeMethod: method as 'S256' | 'plain' } : {}),
    offline: params.get('access_type') === 'offline',
    forceConsent: parseScopes(params.get('prompt')).includes('consent'),
  };
}

function redirectWith(request: AuthRequest, values: Record<string, string>): AuthorizeAnswer {
  const url = new URL(request.redirectUri);
  for (const [k, v] of Object.entries(values)) url.searchParams.set(k, v);
  if (request.state !== null) url.searchParams.set('state', request.state);
  return { redirect: url.toString() };
}

/** Signs `choice.email` in for the request and applies the consent screen's rules. */
function decide(
  request: AuthRequest,
  choice: ConsentChoice,
  params: URLSearchParams,
  accounts: AccountModel,
  now: number,
): AuthorizeAnswer {
  const principal = accounts.principal(choice.email);
  if (!principal || principal.kind === 'service') return { page: noSuchAccount(choice.email) };
  const { client } = request;
  if (client.publishing === 'testing' && !(client.testUsers ?? []).includes(principal.email)) {
    return {
      page: authorizationError(
        403,
        'access_denied',
        `${client.projectId} has not completed the Google verification process. The app is currently being tested, ` +
          'and can only be accessed by developer-approved testers. If you think you should have access, contact the developer.',
        params,
      ),
    };
  }
  if (client.publishing === 'production' && !client.verified && request.scopes.some(isRestricted))
    return { page: appBlocked(params) };
  if (!choice.approve) return redirectWith(request, { error: 'access_denied' });
  const first = !accounts.tokens.hasConsented(principal.email, client.clientId);
  accounts.tokens.consent(principal.email, client.clientId);
  const code = accounts.tokens.mintCode({
    email: principal.email,
    clientId: client.clientId,
    redirectUri: request.redirectUri,
    scopes: request.scopes,
    ...(request.codeChallenge
      ? { codeChallenge: request.codeChallenge, codeChallengeMethod: request.codeChallengeMethod }
      : {}),
    withRefreshToken: request.offline && (first || request.forceConsent),
    expiresAt: now + CODE_TTL_MS,
  });
  return redirectWith(request, { code, scope: request.scopes.join(' ') });
}

/**
 * GET /o/oauth2/v2/auth: a bad client, redirect or scope gets Google's error page; otherwise the account chosen by
 * `next` (the admin endpoint's queue) or `login_hint` signs in, and with neither the chooser page is shown.
 */
export function authorize(
  params: URLSearchParams,
  accounts: AccountModel,
  known: Set<string>,
  next: ConsentChoice | undefined,
  now: number,
): AuthorizeAnswer {
  const request = check(params, accounts, known);
  if ('status' in request) return { page: request };
  const hint = params.get('login_hint');
  const choice = next ?? (hint ? { email: hint.trim().toLowerCase(), approve: true } : undefined);
  if (!choice) {
    const people = accounts.directory.list().map((a) => a.email);
    return { page: chooser(params, people) };
  }
  return decide(request, choice, params, accounts, now);
}

/** POST /o/oauth2/v2/auth/decide: the chooser's form (the original request plus `email` and `approve`). */
export function decideFromForm(
  form: URLSearchParams,
  accounts: AccountModel,
  known: Set<string>,
  now: number,
): AuthorizeAnswer {
  const choice = {
    email: (form.get('email') ?? '').trim().toLowerCase(),
    approve: form.get('approve') === 'true',
  };
  const params = new URLSearchParams([...form].filter(([k]) => k !== 'email' && k !== 'approve'));
  const request = check(params, accounts, known);
  if ('status' in request) return { page: request };
  return decide(request, choice, params, accounts, now);
}

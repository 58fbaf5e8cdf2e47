/** Serves Google's OAuth paths on the emulator's origin: /o/oauth2/v2/auth, /token, /revoke, /tokeninfo. */
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { AccountModel } from '../accounts/model.js';
import { authorize, decideFromForm } from './authorize.js';
import type { AuthorizeAnswer, ConsentChoice } from './authorize.js';
import { revoke, token, tokeninfo } from './token-endpoint.js';
import type { JsonAnswer } from './token-endpoint.js';

/** What the OAuth endpoints need. */
export interface OAuthDeps {
  accounts: AccountModel;
  now: () => Date;
  /** Every scope an authorization request may name. */
  knownScopes: Set<string>;
}

/** The sign-ins chosen ahead by POST /__emulator/oauth/next-consent, used one per authorization request. */
export class ConsentQueue {
  private queue: ConsentChoice[] = [];

  /** Queues the next sign-in. */
  push(choice: ConsentChoice): void {
    this.queue.push(choice);
  }

  /** Takes the next queued sign-in, if any. */
  shift(): ConsentChoice | undefined {
    return this.queue.shift();
  }

  /** The queued sign-ins. */
  list(): ConsentChoice[] {
    return [...this.queue];
  }

  /** Empties the queue (wipe). */
  clear(): void {
    this.queue = [];
  }
}

/** The paths this module answers. */
const PATHS = new Set([
  '/o/oauth2/v2/auth',
  '/o/oauth2/auth',
  '/o/oauth2/v2/auth/decide',
  '/token',
  '/o/oauth2/token',
  '/revoke',
  '/o/oauth2/revoke',
  '/tokeninfo',
  '/oauth2/v3/tokeninfo',
]);

/** Whether a request path is one of Google's OAuth paths. */
export function isOAuthPath(rawPath: string): boolean {
  return PATHS.has(rawPath);
}

/** Query parameters and a form (or JSON) body merged, the body winning. */
function paramsOf(url: URL, body: string, contentType: string): URLSearchParams {
  const params = new URLSearchParams(url.searchParams);
  if (body.trim() === '') return params;
  if (contentType.startsWith('application/json')) {
    try {
      for (const [k, v] of Object.entries(JSON.parse(body) as Record<string, unknown>))
        params.set(k, String(v));
    } catch {
      // Not JSON: Google answers the missing parameters.
    }
    return params;
  }
  for (const [k, v] of new URLSearchParams(body)) params.set(k, v);
  return params;
}

function sendJson(res: ServerResponse, answer: JsonAnswer): void {
  const text = JSON.stringify(answer.body, null, 2);
  res.writeHead(answer.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate',
  });
  res.end(text);
}

function sendAuthorize(res: ServerResponse, answer: AuthorizeAnswer): void {
  if ('redirect' in answer) {
    res.writeHead(302, { Location: answer.redirect, 'Content-Length': 0 });
    res.end();
    return;
  }
  res.writeHead(answer.page.status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(answer.page.html),
  });
  res.end(answer.page.html);
}

/** Answers one OAuth request; false when the method does not fit the path. */
export function serveOAuth(
  deps: OAuthDeps,
  consents: ConsentQueue,
  method: string,
  rawPath: string,
  url: URL,
  body: string,
  headers: IncomingHttpHeaders,
  res: ServerResponse,
): boolean {
  const params = paramsOf(url, body, headers['content-type'] ?? '');
  const now = deps.now().getTime();
  const authorization = headers.authorization;
  switch (`${method} ${rawPath}`) {
    case 'GET /o/oauth2/v2/auth':
    case 'GET /o/oauth2/auth':
      sendAuthorize(res, authorize(params, deps.accounts, deps.knownScopes, consents.shift(), now));
      return true;
    case 'POST /o/oauth2/v2/auth/decide':
      sendAuthorize(res, decideFromForm(params, deps.accounts, deps.knownScopes, now));
      return true;
    case 'POST /token':
    case 'POST /o/oauth2/token':
      sendJson(res, token(params, authorization, deps.accounts, now));
      return true;
    case 'POST /revoke':
    case 'GET /revoke':
    case 'POST /o/oauth2/revoke':
      sendJson(res, revoke(params, deps.accounts));
      return true;
    case 'GET /tokeninfo':
    case 'POST /tokeninfo':
    case 'GET /oauth2/v3/tokeninfo':
    case 'POST /oauth2/v3/tokeninfo':
      sendJson(res, tokeninfo(params, authorization, deps.accounts, now));
      return true;
    default:
      return false;
  }
}

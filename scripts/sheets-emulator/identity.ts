/** Reading the caller's credential from a request, and the default service account (tokens: oauth/tokens.ts). */

/** The default service account, owner of everything the project creates. */
export const DEFAULT_SERVICE_ACCOUNT = 'theodoi@theodoi-local.iam.gserviceaccount.com';

/** What the caller sent: a token, only an API key, or nothing. */
export type Credential = { kind: 'token'; token: string } | { kind: 'key' } | { kind: 'none' };

/** Reads `Authorization: Bearer …`, else `?access_token=`/`?oauth_token=`, else `?key=`. */
export function readCredential(authorization: string | undefined, search: URLSearchParams): Credential {
  const m = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  if (m?.[1]) return { kind: 'token', token: m[1] };
  const q = search.get('access_token') ?? search.get('oauth_token');
  if (q) return { kind: 'token', token: q };
  if (search.get('key')) return { kind: 'key' };
  return { kind: 'none' };
}

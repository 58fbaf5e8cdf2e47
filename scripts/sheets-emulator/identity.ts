/** Bearer tokens ↔ e-mail identities, and reading the caller's credential from a request. */
import { randomBytes } from 'node:crypto';
import type { Identity } from './types.js';

/** The default service account, owner of everything the project creates. */
export const DEFAULT_SERVICE_ACCOUNT = 'theodoi@theodoi-local.iam.gserviceaccount.com';

/** Tokens minted by the emulator; each maps to one e-mail. */
export class TokenStore {
  private readonly byToken = new Map<string, string>();

  /** Mints a new token for `email` (Google-like `ya29.` prefix). */
  mint(email: string): string {
    const token = `ya29.emu-${randomBytes(18).toString('base64url')}`;
    this.byToken.set(token, email.trim().toLowerCase());
    return token;
  }

  /** The identity a token stands for, or undefined when unknown. */
  lookup(token: string): Identity | undefined {
    const email = this.byToken.get(token);
    return email === undefined ? undefined : { email };
  }

  /** For persistence. */
  toJSON(): Record<string, string> {
    return Object.fromEntries(this.byToken);
  }

  /** Restores tokens saved by toJSON. */
  load(saved: Record<string, string>): void {
    for (const [token, email] of Object.entries(saved)) this.byToken.set(token, email);
  }
}

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

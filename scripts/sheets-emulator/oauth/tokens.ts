/** Access tokens, refresh tokens and authorization codes: who they stand for, for which app, scopes and how long. */
import { randomBytes } from 'node:crypto';

/** Access tokens last an hour, as Google's do. */
export const ACCESS_TOKEN_TTL_MS = 3_600_000;
/** Refresh tokens of a client in "testing" publishing status last 7 days. */
export const TESTING_REFRESH_TTL_MS = 7 * 24 * 3_600_000;
/** Authorization codes are short-lived. */
export const CODE_TTL_MS = 10 * 60_000;

/** What an access token grants. */
export interface AccessGrant {
  email: string;
  /** The app the token belongs to (drive.file): an OAuth client id, or a service account's own client id. */
  appId: string;
  /** Cloud project number of that app. */
  projectNumber: string;
  scopes: string[];
  /** Unix ms; absent: never expires (lenient mints only). */
  expiresAt?: number;
  /** The refresh token it was obtained with, if any (revoking one revokes the other). */
  refreshToken?: string;
  /** 'offline' when a refresh token came with it (tokeninfo's access_type). */
  accessType?: 'online' | 'offline';
}

/** What a refresh token grants. */
export interface RefreshGrant {
  email: string;
  clientId: string;
  projectNumber: string;
  scopes: string[];
  /** Unix ms; absent: until revoked. */
  expiresAt?: number;
}

/** An authorization code waiting to be exchanged. */
export interface CodeGrant {
  email: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  /** Whether a refresh token comes with the exchange (access_type=offline, first consent or prompt=consent). */
  withRefreshToken: boolean;
  expiresAt: number;
}

/** The saved form. */
export interface SavedTokens {
  access: Record<string, AccessGrant>;
  refresh: Record<string, RefreshGrant>;
  consents: string[];
}

/** The result of looking an access token up. */
export type TokenLookup =
  { state: 'valid'; grant: AccessGrant } | { state: 'expired' } | { state: 'unknown' };

function random(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}`;
}

/** Every token and code the emulator issued. */
export class TokenStore {
  private readonly access = new Map<string, AccessGrant>();
  private readonly refresh = new Map<string, RefreshGrant>();
  private readonly codes = new Map<string, CodeGrant>();
  /** "email client" pairs that have consented once (Google sends a refresh token on the first consent only). */
  private readonly consents = new Set<string>();

  /** Issues an access token (Google-like `ya29.` prefix). */
  mintAccess(grant: AccessGrant): string {
    const token = random('ya29.emu-');
    this.access.set(token, grant);
    return token;
  }

  /** The grant behind an access token at `now` (ms). */
  lookup(token: string, now: number): TokenLookup {
    const grant = this.access.get(token);
    if (!grant) return { state: 'unknown' };
    if (grant.expiresAt !== undefined && now >= grant.expiresAt) return { state: 'expired' };
    return { state: 'valid', grant };
  }

  /** Issues a refresh token. */
  mintRefresh(grant: RefreshGrant): string {
    const token = random('1//emu-');
    this.refresh.set(token, grant);
    return token;
  }

  /** The grant behind a live refresh token, or undefined when unknown, revoked or expired. */
  refreshGrant(token: string, now: number): RefreshGrant | undefined {
    const grant = this.refresh.get(token);
    if (!grant) return undefined;
    if (grant.expiresAt !== undefined && now >= grant.expiresAt) return undefined;
    return grant;
  }

  /** Issues an authorization code. */
  mintCode(grant: CodeGrant): string {
    const code = random('4/emu-');
    this.codes.set(code, grant);
    return code;
  }

  /** Takes a code out (codes are single-use); undefined when unknown, used or expired. */
  takeCode(code: string, now: number): CodeGrant | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    return grant && now < grant.expiresAt ? grant : undefined;
  }

  /** Whether this person already consented to this client. */
  hasConsented(email: string, clientId: string): boolean {
    return this.consents.has(`${email} ${clientId}`);
  }

  /** Records a consent. */
  consent(email: string, clientId: string): void {
    this.consents.add(`${email} ${clientId}`);
  }

  /**
   * Revokes a token; an access token takes its refresh token with it and a refresh token every access token
   * obtained with it. False when the token was unknown.
   */
  revoke(token: string): boolean {
    const access = this.access.get(token);
    const refreshToken = access ? access.refreshToken : this.refresh.has(token) ? token : undefined;
    if (!access && refreshToken === undefined) return false;
    this.access.delete(token);
    if (refreshToken !== undefined) {
      this.refresh.delete(refreshToken);
      for (const [t, g] of this.access) if (g.refreshToken === refreshToken) this.access.delete(t);
    }
    return true;
  }

  /** For persistence (codes are not kept: they live minutes). */
  save(): SavedTokens {
    return {
      access: Object.fromEntries(this.access),
      refresh: Object.fromEntries(this.refresh),
      consents: [...this.consents],
    };
  }

  /** Restores saved tokens; `legacy` turns a token saved by older versions (token → e-mail) into a grant. */
  load(
    saved: Partial<SavedTokens>,
    legacy: Record<string, string> = {},
    fromLegacy?: (email: string) => AccessGrant,
  ): void {
    for (const [t, g] of Object.entries(saved.access ?? {})) this.access.set(t, g);
    for (const [t, g] of Object.entries(saved.refresh ?? {})) this.refresh.set(t, g);
    for (const c of saved.consents ?? []) this.consents.add(c);
    if (fromLegacy) for (const [t, email] of Object.entries(legacy)) this.access.set(t, fromLegacy(email));
  }
}

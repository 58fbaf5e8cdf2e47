/** The account model in one place: principals, OAuth clients, tokens, sharing state, and the strict/lenient switch. */
import { createHash } from 'node:crypto';
import type { DriveStore } from '../drive/store.js';
import { DEFAULT_PROJECT_ID, OAuthClients } from '../oauth/clients.js';
import type { OAuthClient } from '../oauth/clients.js';
import { DEFAULT_SCOPES } from '../oauth/scopes.js';
import { ACCESS_TOKEN_TTL_MS, TokenStore } from '../oauth/tokens.js';
import type { AccessGrant, SavedTokens } from '../oauth/tokens.js';
import type { Identity } from '../types.js';
import { Directory, isServiceAccount, numericIdOf } from './directory.js';
import type { AccountsMode, Principal, RegisteredAccount } from './directory.js';
import { Sharing } from './sharing.js';
import type { SavedSharing } from './sharing.js';

/** Options of mintToken: the scopes the token carries and the OAuth client (people only) it is issued to. */
export interface MintOptions {
  scopes?: string[];
  clientId?: string;
}

/** What survives a restart. */
export interface SavedAccounts {
  accounts: RegisteredAccount[];
  clients: OAuthClient[];
  tokens: SavedTokens;
  sharing: SavedSharing;
}

/** Thrown (as a plain Error) when something would give a token to an address that is no Google account. */
export class NotAGoogleAccountError extends Error {
  constructor(readonly email: string) {
    super(
      `${email} is not a Google account: it cannot sign in or hold a token (register it with POST /__emulator/accounts)`,
    );
    this.name = 'NotAGoogleAccountError';
  }
}

function hashedProjectNumber(projectId: string): string {
  const digest = createHash('sha256').update(projectId).digest();
  let digits = '9';
  for (const byte of digest) digits += String(byte % 10);
  return digits.slice(0, 12);
}

/** Principals, clients, tokens and sharing, with the rules that depend on the mode. */
export class AccountModel {
  readonly directory: Directory;
  readonly clients: OAuthClients;
  readonly tokens = new TokenStore();
  readonly sharing = new Sharing();

  constructor(
    readonly mode: AccountsMode,
    private readonly projectNumber: string,
    private readonly now: () => Date,
  ) {
    this.directory = new Directory(mode);
    this.clients = new OAuthClients(projectNumber);
  }

  /** The principal behind an address, or undefined when it is no Google account. */
  principal(email: string): Principal | undefined {
    return this.directory.principal(email);
  }

  /** Whether the principal may own files in a My Drive (service accounts may not, except when lenient). */
  mayOwnFiles(email: string): boolean {
    return this.mode === 'lenient' || !isServiceAccount(email);
  }

  /** The Cloud project number a service account's project id stands for. */
  projectNumberOf(projectId: string): string {
    if (projectId === DEFAULT_PROJECT_ID) return this.projectNumber;
    return this.clients.projectNumberOf(projectId) ?? hashedProjectNumber(projectId);
  }

  /** The app and project a token for this principal belongs to. */
  private appOf(
    principal: Principal,
    clientId: string | undefined,
  ): { appId: string; projectNumber: string } {
    if (principal.kind === 'service') {
      if (clientId !== undefined)
        throw new Error('a service account token belongs to its own project: give no clientId');
      return {
        appId: numericIdOf(principal.email),
        projectNumber: this.projectNumberOf(principal.projectId),
      };
    }
    const client = clientId === undefined ? this.clients.defaultClient : this.clients.get(clientId);
    if (!client)
      throw new Error(`no OAuth client ${clientId ?? ''}: register it with POST /__emulator/oauth/clients`);
    return { appId: client.clientId, projectNumber: client.projectNumber };
  }

  /**
   * Mints an access token for a Google account (default scopes: spreadsheets + drive, a person's full access).
   * Strict tokens expire after an hour of the emulator's clock; lenient ones never do.
   */
  mint(email: string, options: MintOptions = {}): string {
    const principal = this.principal(email);
    if (!principal) throw new NotAGoogleAccountError(email.trim().toLowerCase());
    const grant: AccessGrant = {
      email: principal.email,
      ...this.appOf(principal, options.clientId),
      scopes: [...(options.scopes ?? DEFAULT_SCOPES)],
      ...(this.mode === 'strict' ? { expiresAt: this.now().getTime() + ACCESS_TOKEN_TTL_MS } : {}),
    };
    return this.tokens.mintAccess(grant);
  }

  /** The identity behind a bearer token, or why there is none. */
  identify(token: string): { identity: Identity } | { problem: 'unknown' | 'expired' } {
    const found = this.tokens.lookup(token, this.now().getTime());
    if (found.state !== 'valid') return { problem: found.state };
    const g = found.grant;
    return { identity: { email: g.email, scopes: g.scopes, appId: g.appId, projectNumber: g.projectNumber } };
  }

  /** Registers a human Google account; its pending invitations become permissions. Returns how many. */
  register(
    account: RegisteredAccount,
    store: DriveStore,
  ): { account: RegisteredAccount; filesGained: number } {
    const stored = this.directory.register(account);
    return { account: stored, filesGained: this.sharing.accept(stored.email, store) };
  }

  /** For persistence. */
  save(): SavedAccounts {
    return {
      accounts: this.directory.save(),
      clients: this.clients.registered(),
      tokens: this.tokens.save(),
      sharing: this.sharing.save(),
    };
  }

  /** Restores saved state; `legacyTokens` are tokens saved before the account model (token → e-mail). */
  load(saved: Partial<SavedAccounts> | undefined, legacyTokens: Record<string, string> = {}): void {
    this.directory.load(saved?.accounts ?? []);
    this.clients.load(saved?.clients ?? []);
    this.tokens.load(saved?.tokens ?? {}, legacyTokens, (email) => {
      const principal = this.principal(email) ?? { kind: 'consumer' as const, email };
      return { email, ...this.appOf(principal, undefined), scopes: [...DEFAULT_SCOPES] };
    });
    if (saved?.sharing) this.sharing.load(saved.sharing);
  }
}

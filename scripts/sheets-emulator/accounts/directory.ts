/** Who is a Google account: gmail addresses, registered consumer/Workspace accounts and service accounts. */
import { createHash } from 'node:crypto';

/** How strictly the emulator applies Google's account rules. */
export type AccountsMode = 'strict' | 'lenient';

/** A kind of registered human account: a personal account, or one in a Workspace domain. */
export type HumanKind = 'consumer' | 'workspace';

/** A principal that may sign in and hold tokens. */
export type Principal =
  { kind: HumanKind; email: string; domain?: string } | { kind: 'service'; email: string; projectId: string };

/** A registered human account, as POSTed to /__emulator/accounts. */
export interface RegisteredAccount {
  email: string;
  kind: HumanKind;
  /** The Workspace domain (workspace accounts only). */
  domain?: string;
}

const SERVICE_SUFFIX = '.iam.gserviceaccount.com';

/** A syntactically plausible e-mail address, lower-cased and trimmed; undefined otherwise. */
export function normaliseEmail(text: string): string | undefined {
  const email = text.trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? email : undefined;
}

/** Whether the address is a Google Cloud service account. */
export function isServiceAccount(email: string): boolean {
  return email.toLowerCase().endsWith(SERVICE_SUFFIX);
}

/** The project id a service account belongs to (`name@PROJECT.iam.gserviceaccount.com`). */
export function serviceAccountProject(email: string): string {
  const domain = email.split('@')[1] ?? '';
  return domain.slice(0, -SERVICE_SUFFIX.length);
}

/** A stable 21-digit number for an account: a person's `sub`, a service account's unique id (its own client id). */
export function numericIdOf(email: string): string {
  const digest = createHash('sha256').update(email.toLowerCase()).digest();
  let digits = '1';
  for (const byte of digest) digits += String(byte % 10);
  return digits.slice(0, 21);
}

/** The accounts the emulator knows: every @gmail.com address, registered ones, and service accounts. */
export class Directory {
  private readonly accounts = new Map<string, RegisteredAccount>();

  constructor(readonly mode: AccountsMode) {}

  /** The principal behind an address, or undefined when the address is no Google account. */
  principal(address: string): Principal | undefined {
    const email = address.trim().toLowerCase();
    if (isServiceAccount(email)) return { kind: 'service', email, projectId: serviceAccountProject(email) };
    const registered = this.accounts.get(email);
    if (registered) return { ...registered };
    if (email.endsWith('@gmail.com') || this.mode === 'lenient') return { kind: 'consumer', email };
    return undefined;
  }

  /** Whether the address is a Google account (may sign in, hold tokens, be shared with silently). */
  isGoogleAccount(address: string): boolean {
    return this.principal(address) !== undefined;
  }

  /** Registers (or re-registers) a human Google account. */
  register(account: RegisteredAccount): RegisteredAccount {
    const stored: RegisteredAccount = {
      email: account.email.toLowerCase(),
      kind: account.kind,
      ...(account.kind === 'workspace'
        ? { domain: (account.domain ?? account.email.split('@')[1] ?? '').toLowerCase() }
        : {}),
    };
    this.accounts.set(stored.email, stored);
    return stored;
  }

  /** The registered accounts, for the admin listing and the sign-in page. */
  list(): RegisteredAccount[] {
    return [...this.accounts.values()];
  }

  /** For persistence. */
  save(): RegisteredAccount[] {
    return this.list();
  }

  /** Restores saved accounts. */
  load(saved: RegisteredAccount[]): void {
    for (const account of saved) this.accounts.set(account.email, account);
  }
}

/** Checks a POST /__emulator/accounts body; returns the account or a message naming the problem. */
export function parseAccount(body: unknown): RegisteredAccount | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'the body must be a JSON object';
  const b = body as Record<string, unknown>;
  const email = typeof b.email === 'string' ? normaliseEmail(b.email) : undefined;
  if (!email) return 'email: an e-mail address is required';
  if (isServiceAccount(email)) return 'email: service accounts are Google accounts already';
  if (b.kind !== 'consumer' && b.kind !== 'workspace') return "kind: 'consumer' or 'workspace'";
  if (b.domain !== undefined && (typeof b.domain !== 'string' || b.kind !== 'workspace'))
    return 'domain: a string, for workspace accounts only';
  return {
    email,
    kind: b.kind,
    ...(typeof b.domain === 'string' ? { domain: b.domain.toLowerCase() } : {}),
  };
}

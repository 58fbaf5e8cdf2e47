/** OAuth clients (installed apps) registered with the emulator, and the default one every minted token uses. */

/** An OAuth client as Google Cloud's Credentials page defines it, plus its consent screen's publishing state. */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  projectNumber: string;
  projectId: string;
  /** Only installed (desktop) apps: redirect URIs are loopback addresses. */
  type: 'installed';
  /** 'testing': only test users may sign in and refresh tokens last 7 days; 'production': anyone. */
  publishing: 'testing' | 'production';
  /** Whether Google verified the app (an unverified production app cannot get restricted scopes). */
  verified: boolean;
  /** Who may sign in while publishing is 'testing'. */
  testUsers?: string[];
}

/** The project of the default client and of the default service account. */
export const DEFAULT_PROJECT_ID = 'theodoi-local';

/** The default client: the project's own desktop client, published and verified, so nothing blocks it. */
export function defaultClient(projectNumber: string): OAuthClient {
  return {
    clientId: `${projectNumber}-emulator.apps.googleusercontent.com`,
    clientSecret: 'GOCSPX-emulator-default-secret',
    projectNumber,
    projectId: DEFAULT_PROJECT_ID,
    type: 'installed',
    publishing: 'production',
    verified: true,
  };
}

/** The registered clients, by id. */
export class OAuthClients {
  private readonly clients = new Map<string, OAuthClient>();
  /** The client minted tokens of people belong to. */
  readonly defaultClient: OAuthClient;

  constructor(projectNumber: string) {
    this.defaultClient = defaultClient(projectNumber);
    this.clients.set(this.defaultClient.clientId, this.defaultClient);
  }

  /** Registers (or replaces) a client. */
  register(client: OAuthClient): OAuthClient {
    const stored = {
      ...client,
      ...(client.testUsers ? { testUsers: client.testUsers.map((e) => e.toLowerCase()) } : {}),
    };
    this.clients.set(stored.clientId, stored);
    return stored;
  }

  /** The client with this id, if any. */
  get(clientId: string): OAuthClient | undefined {
    return this.clients.get(clientId);
  }

  /** The project number of a project id, when a registered client belongs to it. */
  projectNumberOf(projectId: string): string | undefined {
    for (const c of this.clients.values()) if (c.projectId === projectId) return c.projectNumber;
    return undefined;
  }

  /** Every client except the default one (for persistence and listing). */
  registered(): OAuthClient[] {
    return [...this.clients.values()].filter((c) => c !== this.defaultClient);
  }

  /** Restores saved clients. */
  load(saved: OAuthClient[]): void {
    for (const c of saved) this.clients.set(c.clientId, c);
  }
}

/** Checks a client posted to /__emulator/oauth/clients; returns it or a message naming the problem. */
export function parseClient(body: unknown): OAuthClient | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'the body must be a JSON object';
  const b = body as Record<string, unknown>;
  for (const key of ['clientId', 'clientSecret', 'projectNumber', 'projectId'] as const) {
    if (typeof b[key] !== 'string' || b[key].trim() === '') return `${key}: a non-empty string is required`;
  }
  if (!/^\d+$/.test(b.projectNumber as string)) return 'projectNumber: digits only';
  if ((b.type ?? 'installed') !== 'installed') return "type: only 'installed' clients are supported";
  if (b.publishing !== 'testing' && b.publishing !== 'production')
    return "publishing: 'testing' or 'production'";
  if (typeof b.verified !== 'boolean') return 'verified: true or false';
  if (
    b.testUsers !== undefined &&
    !(Array.isArray(b.testUsers) && b.testUsers.every((e) => typeof e === 'string'))
  )
    return 'testUsers: a list of e-mail addresses';
  return {
    clientId: b.clientId as string,
    clientSecret: b.clientSecret as string,
    projectNumber: b.projectNumber as string,
    projectId: b.projectId as string,
    type: 'installed',
    publishing: b.publishing,
    verified: b.verified,
    ...(b.testUsers ? { testUsers: b.testUsers } : {}),
  };
}

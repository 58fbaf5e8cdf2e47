/** The emulator's HTTP server: one port for Sheets v4, Drive v3 and the /__emulator admin endpoints. */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createContext } from './context.js';
import { bodyField } from './contract/bindings.js';
import { validateBody } from './contract/body.js';
import type { Contracts, LoadedApi, MethodSpec } from './contract/discovery.js';
import { loadContracts, referenceDir } from './contract/discovery.js';
import type { ApiName } from './contract/errors.js';
import {
  internalError,
  invalidApiKey,
  invalidArgument,
  noSuchMethod,
  NotFoundPage,
  notImplemented,
  unauthenticated,
  unregisteredCaller,
  wireBody,
} from './contract/errors.js';
import { validateQuery } from './contract/params.js';
import { applyMask, compileMask, filterResponse } from './contract/response.js';
import type { AppsScriptOptions } from './apps-script/runtime.js';
import { AppsScriptRuntime } from './apps-script/runtime.js';
import { serveAppsScript } from './apps-script/admin.js';
import { sheetTriggers } from './apps-script/sheet-triggers.js';
import type { CounterSnapshot } from './counters.js';
import { Counters } from './counters.js';
import type { DriveDeps } from './drive/call.js';
import { driveMethod, routeDrive } from './drive/index.js';
import type { DeliveryRecord } from './drive/notifier.js';
import { Notifier } from './drive/notifier.js';
import { defaultFields } from './drive/resource.js';
import { DriveStore } from './drive/store.js';
import type { FaultRule } from './faults.js';
import { checkFaultRule, Faults } from './faults.js';
import { DEFAULT_SERVICE_ACCOUNT, readCredential } from './identity.js';
// Account model (#16): principals, OAuth clients and tokens, scopes, shared drives, sharing, the OAuth endpoints.
import { mintOptionsOf, serveAccountsAdmin } from './accounts/admin.js';
import type { AccountsMode, RegisteredAccount } from './accounts/directory.js';
import { insufficientScopes } from './accounts/errors.js';
import { AccountModel } from './accounts/model.js';
import type { MintOptions } from './accounts/model.js';
import type { EmailRecord } from './accounts/sharing.js';
import { createSharedDrive, parseSharedDrive } from './accounts/shared-drives.js';
import type { SharedDriveSpec } from './accounts/shared-drives.js';
import type { OAuthClient } from './oauth/clients.js';
import { ConsentQueue, isOAuthPath, serveOAuth } from './oauth/routes.js';
import { grantFor, knownScopes } from './oauth/scopes.js';
import { identityDocument, IdentityTokens } from './identity-tokens.js';
// Latency model (#20): Google's delays per method group, off unless asked for.
import { Latency } from './latency/latency.js';
import type { LatencyOption } from './latency/latency.js';
import { groupOfMethod } from './latency/model.js';
import { Persistence } from './persistence.js';
import { sheetsHandler } from './sheets/index.js';
import type { QuotaLimits, QuotaUsage } from './quotas.js';
import { GOOGLE_SHEETS_LIMITS, QuotaTracker } from './quotas.js';
import type { EmulatorContext, Identity, SheetsHandler } from './types.js';
import { createUi, type Ui } from './ui/admin.js';
import { GoogleApiError } from './types.js';

/** Options of start(). */
export interface StartOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Persist state here (state.json); in memory when omitted. */
  dataDir?: string;
  /** 'google' enforces Sheets' per-minute read/write quotas (or give custom limits); 'off' by default. */
  quotas?: 'google' | 'off' | QuotaLimits;
  /** The project's service account e-mail (default theodoi@theodoi-local.iam.gserviceaccount.com). */
  serviceAccountEmail?: string;
  /** The Sheets half; defaults to sheets/index.ts's sheetsHandler (tests may pass a fake). */
  sheets?: SheetsHandler;
  /** Clock (tests freeze or advance it). */
  now?: () => Date;
  /**
   * The clock the per-minute quota buckets count on (default `now`): a bench's simulated day counts its own
   * minutes while the ID tokens its scripts send keep the machine's time, which their verifier checks.
   */
  quotaClock?: () => Date;
  /** Project number in quota messages (default 1234567890). */
  projectNumber?: string;
  /** Folder with the discovery documents (default: see contract/discovery.ts). */
  referenceDir?: string;
  /** Receives one line per request and per internal error; silent by default. */
  log?: (line: string) => void;
  /**
   * Push delivery tuning: retries on 5xx/network errors, first backoff, per-attempt timeout, and batchMs
   * (merge a channel's update/change notifications within this window, as Google coalesces Sheets edits: default
   * 3 minutes, PUSH_BATCH_MS; tests pass 0 to get them at once).
   */
  notifications?: { retries?: number; retryBaseMs?: number; timeoutMs?: number; batchMs?: number };
  /** The Apps Script runtime's tuning: Workspace domains, budgets, execution and UrlFetch limits (apps-script/). */
  appsScript?: AppsScriptOptions;
  /** Debounce of state writes when dataDir is set (default 100 ms). */
  persistDebounceMs?: number;
  /**
   * 'strict' (default) refuses what Google's account model refuses; 'lenient' lets every address be a Google
   * account, lets service accounts own files and mints tokens that never expire (for tests of other features).
   */
  accounts?: AccountsMode;
  /** Human Google accounts to register at start (besides every @gmail.com address). */
  googleAccounts?: RegisteredAccount[];
  /** OAuth clients to register at start (besides the default one). */
  oauthClients?: OAuthClient[];
  /**
   * Delays answers as real Google would (latency/, README "Latency model"): 'off' (default), 'google', or custom
   * settings `{seed, scale, groups}`. What is answered does not change.
   */
  latency?: LatencyOption;
}

/** A running emulator: its API half, and the UI half (ui-edit, triggers, view, .xlsx) of `ui/admin.ts`. */
export interface EmulatorServer extends Omit<Ui, 'serve' | 'close'> {
  /** Base URL, e.g. http://127.0.0.1:41234 — give it to the clients as rootUrl. */
  url: string;
  port: number;
  /** The default owner identity. */
  serviceAccountEmail: string;
  /**
   * Mints a bearer token for `email` (default: the service account), with `scopes` (default spreadsheets +
   * drive) for `clientId` (people only; default the project's own client). Throws for an address that is no
   * Google account (strict mode).
   */
  mintToken(email?: string, options?: MintOptions): string;
  /** Registers a human Google account; its pending invitations turn into access. */
  registerAccount(account: RegisteredAccount): void;
  /** Registers an OAuth client. */
  registerClient(client: OAuthClient): void;
  /** Creates a shared drive, as a Workspace admin would; returns its id. */
  createSharedDrive(spec: SharedDriveSpec): string;
  /** The notification e-mails sharing has sent. */
  emails(): EmailRecord[];
  /** Request counts per discovery method id. */
  counters(): CounterSnapshot;
  /** Zeroes the counters (and the quota buckets). */
  resetCounters(): void;
  /** The fullest per-minute Sheets buckets and the 429s since the last reset; undefined when quotas are off. */
  quotaUsage(): QuotaUsage | undefined;
  /** Adds a fault rule. */
  addFault(rule: FaultRule): void;
  /** Active fault rules. */
  faults(): FaultRule[];
  /** Removes every fault rule. */
  clearFaults(): void;
  /** Push-notification deliveries so far. */
  deliveries(): DeliveryRecord[];
  /** Resolves when all queued push notifications have been delivered (or given up). */
  notificationsIdle(): Promise<void>;
  /** Deletes all files, changes and channels (tokens stay valid). */
  wipe(): void;
  /** Internal errors (bugs) caught while serving, newest last. */
  internalErrors(): string[];
  /** The context handed to the Sheets half (for tests that seed data directly). */
  context: EmulatorContext;
  /** The Apps Script runtime: scripts, triggers, executions, budgets (also served under /__emulator/scripts). */
  appsScript: AppsScriptRuntime;
  /** Google's ID-token signing keys (served at /oauth2/v1/certs and /oauth2/v3/certs). */
  identityTokens: IdentityTokens;
  /** The latency model in effect (`model` undefined when off) and the delays it drew. */
  latency: Latency;
  /** Writes pending state, stops notifications and closes the server. */
  stop(): Promise<void>;
}

type Routed = { api: LoadedApi; method: MethodSpec; params: Record<string, string>; upload: boolean };

/** Google coalesces a spreadsheet's edit notifications, "around every 3 minutes" (sheets-facts.md §8e). */
export const PUSH_BATCH_MS = 180_000;

const MAX_BODY = 64 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new GoogleApiError(413, 'INVALID_ARGUMENT', 'Request payload size exceeds the limit.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  pretty: boolean,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body, null, pretty ? 2 : undefined);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    Vary: 'Origin, X-Origin, Referer',
    ...headers,
  });
  res.end(text);
}

function sendPage(res: ServerResponse, error: NotFoundPage): void {
  res.writeHead(error.code, {
    'Content-Type': 'text/html; charset=UTF-8',
    'Content-Length': Buffer.byteLength(error.page),
  });
  res.end(error.page);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Starts the emulator. */
export async function start(options: StartOptions = {}): Promise<EmulatorServer> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? (() => new Date());
  const quotaNow = options.quotaClock ?? now;
  const log = options.log ?? (() => undefined);
  const projectNumber = options.projectNumber ?? '1234567890';
  const serviceAccountEmail = (options.serviceAccountEmail ?? DEFAULT_SERVICE_ACCOUNT).toLowerCase();
  const contracts: Contracts = loadContracts(options.referenceDir ?? referenceDir());
  const sheets = options.sheets ?? sheetsHandler;

  const store = new DriveStore(now);
  const accounts = new AccountModel(options.accounts ?? 'strict', projectNumber, now);
  for (const account of options.googleAccounts ?? []) accounts.directory.register(account);
  for (const client of options.oauthClients ?? []) accounts.clients.register(client);
  const consents = new ConsentQueue();
  const scopesKnown = knownScopes(
    [contracts.sheets, contracts.drive].flatMap((api) =>
      [...api.methods.values()].flatMap((m) => m.scopes ?? []),
    ),
  );
  const counters = new Counters();
  const faults = new Faults(projectNumber);
  const limits =
    options.quotas === undefined || options.quotas === 'off'
      ? undefined
      : options.quotas === 'google'
        ? GOOGLE_SHEETS_LIMITS
        : options.quotas;
  const quotas = limits ? new QuotaTracker(limits, projectNumber) : undefined;
  const notifier = new Notifier(store, now, {
    retries: options.notifications?.retries ?? 3,
    retryBaseMs: options.notifications?.retryBaseMs ?? 250,
    timeoutMs: options.notifications?.timeoutMs ?? 5000,
    batchMs: options.notifications?.batchMs ?? PUSH_BATCH_MS,
  });
  const internalErrors: string[] = [];
  const latency = new Latency(options.latency);
  /** Waits the model's delay before one call of `methodId` is answered, `bytes` of bodies having moved. */
  const answerDelay = (methodId: string, bytes: number): Promise<void> => {
    const group = groupOfMethod(methodId);
    return group ? latency.wait(group, bytes) : Promise.resolve();
  };

  const persistence = options.dataDir
    ? new Persistence(
        options.dataDir,
        () => ({
          format: 1,
          drive: store.save(),
          tokens: {},
          accounts: accounts.save(),
          appsScript: appsScript.save(),
          identityKeys: identityTokens.save(),
        }),
        options.persistDebounceMs ?? 100,
      )
    : undefined;
  const persist = () => persistence?.schedule();
  const identityTokens = new IdentityTokens(now, persist);
  /** Google's refusal of an address that is no Google account, for what it tried to do. */
  const requireGoogleAccount = (email: string, what: string) => {
    if (!accounts.directory.isGoogleAccount(email))
      throw new GoogleApiError(
        403,
        'PERMISSION_DENIED',
        `${email} is not a Google account: it cannot ${what}.`,
      );
  };
  const appsScript = new AppsScriptRuntime(
    {
      drive: store,
      tokens: identityTokens,
      now,
      changed: persist,
      internalError: (detail) => {
        internalErrors.push(detail);
        log(`internal error: ${detail}`);
      },
      latency,
      requireGoogleAccount: (email) => requireGoogleAccount(email, 'use Apps Script'),
      workspaceDomainOf: (email) => {
        const principal = accounts.directory.principal(email);
        return principal?.kind === 'workspace' ? principal.domain : undefined;
      },
    },
    options.appsScript,
  );
  const saved = persistence?.load();
  if (saved) {
    store.load(saved.drive);
    accounts.load(saved.accounts, saved.tokens);
    appsScript.load(saved.appsScript);
    identityTokens.load(saved.identityKeys);
  }
  store.onEvent(persist);

  const context = createContext(store, now, persist, undefined, accounts);
  const mint = (email: string, mintOptions: MintOptions = {}): string => {
    const token = accounts.mint(email, mintOptions);
    persist();
    return token;
  };
  const ui = createUi({
    store,
    sheets,
    now,
    onEdit: persist,
    validate: (ref, body) => validateBody(contracts.sheets, ref, body),
    signIn: (email) => requireGoogleAccount(email, 'sign in to Google Sheets'),
    triggers: sheetTriggers(appsScript),
  });
  let baseUrl = '';
  const deps: DriveDeps = { store, sheets, notifier, baseUrl: () => baseUrl, now, projectNumber, accounts };

  function route(httpMethod: string, rawPath: string): Routed | null {
    if (rawPath.startsWith('/batch/') || rawPath === '/batch') throw notImplemented('HTTP batch requests');
    if (rawPath.startsWith('/drive/v2/')) throw notImplemented('Drive API v2');
    if (rawPath.startsWith('/v4/')) {
      const r = sheets.route(httpMethod, rawPath);
      if (!r) return null;
      const method = contracts.sheets.methods.get(r.methodId);
      if (!method) throw new Error(`sheets.route returned unknown method id ${r.methodId}`);
      return { api: contracts.sheets, method, params: r.params, upload: false };
    }
    for (const [prefix, upload] of [
      ['/drive/v3/', false],
      ['/upload/drive/v3/', true],
      ['/resumable/upload/drive/v3/', true],
    ] as const) {
      if (rawPath.startsWith(prefix)) {
        const r = routeDrive(contracts.drive, httpMethod, rawPath.slice(prefix.length));
        return r ? { api: contracts.drive, method: r.method, params: r.params, upload } : null;
      }
    }
    return null;
  }

  function identify(api: ApiName, req: IncomingMessage, search: URLSearchParams): Identity {
    const credential = readCredential(req.headers.authorization, search);
    if (credential.kind === 'none') throw unregisteredCaller(api);
    if (credential.kind === 'key') throw invalidApiKey();
    const found = accounts.identify(credential.token);
    if ('problem' in found) throw unauthenticated(api);
    return found.identity;
  }

  /** The caller as this method sees it: refused without a scope the method accepts, limited by drive.file. */
  function authorizeCall(api: LoadedApi, method: MethodSpec, identity: Identity): Identity {
    const grant = grantFor(method.scopes, identity.scopes);
    if (!grant.allowed) throw insufficientScopes(api.name, method.scopes ?? []);
    return { ...identity, perFile: grant.perFile };
  }

  function parseJson(api: ApiName, text: string): unknown {
    if (text.trim() === '') return {};
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw invalidArgument(api, `Invalid JSON payload received. ${detail}`);
    }
  }

  async function serveApi(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    rawPath: string,
  ): Promise<void> {
    const httpMethod = req.method ?? 'GET';
    // a boolean parameter is read case-insensitively, as Google's front end does (contract/params.ts)
    const pretty = !/^false$/i.test(url.searchParams.get('prettyPrint') ?? '');
    let methodId = '';
    let apiName: ApiName = rawPath.startsWith('/v4/') ? 'sheets' : 'drive';
    try {
      const routed = route(httpMethod, rawPath);
      if (!routed) throw noSuchMethod(rawPath);
      const { api, method, params } = routed;
      methodId = method.id;
      apiName = api.name;
      counters.hit(methodId);
      const fault = faults.draw(methodId, store.files.get(params.fileId ?? '')?.name);
      if (fault.latencyMs > 0) await sleep(fault.latencyMs);
      if (fault.error) throw fault.error;
      const caller = authorizeCall(api, method, identify(api.name, req, url.searchParams));
      if (routed.upload) throw notImplemented('Uploading file content (media upload)');
      quotas?.charge(methodId, caller.email, quotaNow());
      const query = validateQuery(api, method, url.searchParams);
      const alt = query.alt;
      if (alt === 'proto') throw notImplemented('alt=proto');
      if (query.callback !== undefined) throw notImplemented('JSONP callbacks');
      // The mask is checked before anything runs: a bad `fields` must not leave a half-done mutation behind.
      const responseRef = method.response?.$ref;
      const fields =
        typeof query.fields === 'string'
          ? query.fields
          : api.name === 'drive' && responseRef
            ? defaultFields(responseRef)
            : undefined;
      const mask = responseRef && fields !== undefined ? compileMask(api, responseRef, fields) : undefined;
      const text = await readBody(req);
      const body = method.request
        ? validateBody(api, method.request.$ref, parseJson(api.name, text), bodyField(methodId))
        : undefined;
      let result: unknown;
      if (api.name === 'sheets') {
        const requestContext = createContext(store, now, persist, caller.email, accounts);
        result = sheets.handle({ methodId, params, query, body, caller }, requestContext);
      } else {
        result = driveMethod(methodId)({ methodId, params, query, body, caller }, deps).body;
      }
      if (httpMethod !== 'GET') persist();
      if (!responseRef || result === undefined) {
        await answerDelay(methodId, Buffer.byteLength(text));
        res.writeHead(204, { Vary: 'Origin, X-Origin, Referer' });
        res.end();
        log(`${httpMethod} ${rawPath} → 204 ${methodId}`);
        return;
      }
      const out = filterResponse(api, responseRef, result);
      const answer = mask ? applyMask(out, mask) : out;
      // Big calls are slower on Google: the model charges the bodies' size (measured only when it is on).
      if (latency.enabled)
        await answerDelay(methodId, Buffer.byteLength(text) + Buffer.byteLength(JSON.stringify(answer)));
      sendJson(res, 200, answer, pretty);
      log(`${httpMethod} ${rawPath} → 200 ${methodId}`);
    } catch (err) {
      let error: GoogleApiError;
      if (err instanceof GoogleApiError) {
        error = err;
      } else {
        const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
        internalErrors.push(`${httpMethod} ${rawPath}: ${detail}`);
        log(`internal error on ${httpMethod} ${rawPath}: ${detail}`);
        error = internalError();
      }
      if (methodId) counters.failed(methodId);
      await answerDelay(methodId, 0);
      log(`${httpMethod} ${rawPath} → ${error.code} ${methodId || apiName}: ${error.message}`);
      if (error instanceof NotFoundPage) sendPage(res, error);
      else sendJson(res, error.code, wireBody(error), pretty, error.extra.headers ?? {});
    }
  }

  async function serveAdmin(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    rawPath: string,
  ): Promise<void> {
    const m = req.method ?? 'GET';
    const ok = (body: unknown) => sendJson(res, 200, body, true);
    const bad = (code: number, message: string) =>
      sendJson(
        res,
        code,
        { error: { code, message, status: code === 404 ? 'NOT_FOUND' : 'INVALID_ARGUMENT' } },
        true,
      );
    const text = await readBody(req);
    const json = (): unknown => (text.trim() === '' ? {} : (JSON.parse(text) as unknown));
    switch (`${m} ${rawPath}`) {
      case 'GET /__emulator/health':
        return ok({ ok: true, url: baseUrl, serviceAccountEmail });
      case 'GET /__emulator/token':
      case 'POST /__emulator/token': {
        const email = (url.searchParams.get('email') ?? serviceAccountEmail).trim().toLowerCase();
        if (!/^[^@\s]+@[^@\s]+$/.test(email)) return bad(400, `not an e-mail address: ${email}`);
        try {
          return ok({ email, token: mint(email, mintOptionsOf(url)), tokenType: 'Bearer' });
        } catch (err) {
          return bad(400, err instanceof Error ? err.message : String(err));
        }
      }
      case 'GET /__emulator/counters':
        return ok(counters.snapshot());
      case 'POST /__emulator/reset':
        counters.reset();
        quotas?.reset();
        return ok({ ok: true });
      case 'POST /__emulator/wipe':
        wipe();
        return ok({ ok: true });
      case 'GET /__emulator/faults':
        return ok({ faults: faults.list() });
      case 'DELETE /__emulator/faults':
        faults.clear();
        return ok({ ok: true });
      case 'POST /__emulator/faults': {
        let rules: unknown;
        try {
          rules = json();
        } catch {
          return bad(400, 'the body is not JSON');
        }
        const list = Array.isArray(rules) ? rules : [rules];
        for (const rule of list) {
          const problem = checkFaultRule(rule);
          if (problem) return bad(400, problem);
        }
        for (const rule of list) faults.add(rule as FaultRule);
        return ok({ faults: faults.list() });
      }
      case 'GET /__emulator/notifications':
        if (url.searchParams.get('idle') === 'true') await notifier.idle();
        return ok({ deliveries: notifier.deliveries() });
      case 'DELETE /__emulator/notifications':
        notifier.clearLog();
        return ok({ ok: true });
      case 'POST /__emulator/keys/rotate':
        return ok({ kids: await identityTokens.rotate(), signingKid: await identityTokens.signingKid() });
      case 'GET /__emulator/errors':
        return ok({ errors: internalErrors });
      case 'GET /__emulator/files':
        return ok({
          files: [...store.files.values()].map((f) => ({
            id: f.id,
            name: f.name,
            mimeType: f.mimeType,
            owner: f.ownerEmail,
            parents: f.parents,
            ...(f.driveId !== undefined ? { driveId: f.driveId } : {}),
            version: f.version,
            modifiedTime: f.modifiedTime,
            trashed: f.trashed,
            permissions: f.permissions,
          })),
        });
      default: {
        if (serveAccountsAdmin({ accounts, store, consents, persist }, m, rawPath, text, res)) return;
        const answer = await serveAppsScript(appsScript, m, rawPath, url, text);
        if (answer) return sendJson(res, answer.status, answer.body, true);
        if (await ui.serve(m, rawPath, url, text, req.headers['content-type'] ?? '', res)) return;
        return bad(404, `no admin endpoint ${m} ${rawPath}; see scripts/sheets-emulator/README.md`);
      }
    }
  }

  async function serveIdentity(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
    const doc = await identityDocument(identityTokens, req.method ?? 'GET', rawPath, baseUrl, now());
    if (doc) return sendJson(res, 200, doc.body, false, doc.headers);
    sendJson(res, 404, { error: { code: 404, message: 'Not Found', status: 'NOT_FOUND' } }, true);
  }

  function wipe(): void {
    store.wipe();
    counters.reset();
    quotas?.reset();
    faults.clear();
    notifier.clearLog();
    appsScript.wipe();
    accounts.sharing.wipe();
    consents.clear();
    persist();
  }

  async function serveOAuthRequest(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    rawPath: string,
  ): Promise<void> {
    const text = await readBody(req);
    const oauthDeps = { accounts, now, knownScopes: scopesKnown };
    if (rawPath === '/token' || rawPath === '/o/oauth2/token') await latency.wait('oauth.token');
    if (!serveOAuth(oauthDeps, consents, req.method ?? 'GET', rawPath, url, text, req.headers, res)) {
      sendJson(
        res,
        405,
        { error: 'invalid_request', error_description: `Method ${req.method ?? ''} not allowed` },
        true,
      );
      return;
    }
    persist();
  }

  const server = createServer((req, res) => {
    const rawUrl = req.url ?? '/';
    const rawPath = rawUrl.split('?')[0] ?? '/';
    const url = new URL(rawUrl, 'http://emulator.invalid');
    const work = rawPath.startsWith('/__emulator/')
      ? serveAdmin(req, res, url, rawPath)
      : isOAuthPath(rawPath)
        ? serveOAuthRequest(req, res, url, rawPath)
        : rawPath.startsWith('/oauth2/') || rawPath === '/.well-known/openid-configuration'
          ? serveIdentity(req, res, rawPath)
          : serveApi(req, res, url, rawPath);
    work.catch((err: unknown) => {
      internalErrors.push(`${req.method ?? ''} ${rawPath}: ${String(err)}`);
      if (!res.headersSent) sendJson(res, 500, internalError().toBody(), true);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host}:${port}`;

  return {
    url: baseUrl,
    port,
    serviceAccountEmail,
    mintToken: (email = serviceAccountEmail, mintOptions = {}) => mint(email, mintOptions),
    registerAccount: (account) => {
      accounts.register(account, store);
      persist();
    },
    registerClient: (client) => {
      accounts.clients.register(client);
      persist();
    },
    createSharedDrive: (spec) => {
      const checked = parseSharedDrive(spec, accounts.directory);
      if (typeof checked === 'string') throw new Error(`bad shared drive: ${checked}`);
      return createSharedDrive(store, checked).id;
    },
    emails: () => accounts.sharing.outbox(),
    counters: () => counters.snapshot(),
    resetCounters: () => {
      counters.reset();
      quotas?.reset();
    },
    quotaUsage: () => quotas?.usage(),
    addFault: (rule) => {
      const problem = checkFaultRule(rule);
      if (problem) throw new Error(`bad fault rule: ${problem}`);
      faults.add(rule);
    },
    faults: () => faults.list(),
    clearFaults: () => faults.clear(),
    deliveries: () => notifier.deliveries(),
    notificationsIdle: () => notifier.idle(),
    wipe,
    internalErrors: () => [...internalErrors],
    context,
    appsScript,
    identityTokens,
    latency,
    uiEdit: (id, edit) => ui.uiEdit(id, edit),
    uiChange: (id, change) => ui.uiChange(id, change),
    triggersIdle: () => ui.triggersIdle(),
    view: (id, options) => ui.view(id, options),
    xlsx: (id) => ui.xlsx(id),
    stop: async () => {
      latency.close();
      notifier.close();
      await appsScript.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      persistence?.flush(); // last, so nothing a closing request did is lost
    },
  };
}

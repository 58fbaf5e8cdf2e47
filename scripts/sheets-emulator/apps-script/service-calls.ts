/** The main-thread side of a running script's service calls: properties, cache, UrlFetch, triggers, identity tokens. */
import { createHash } from 'node:crypto';
import { canRead, canWrite } from '../drive/access.js';
import type { DriveStore } from '../drive/store.js';
import type { IdentityTokens } from '../identity-tokens.js';
import type { Latency } from '../latency/latency.js';
import type { LatencyGroup } from '../latency/model.js';
import type { FileRecord } from '../types.js';
import type { Budgets } from './budgets.js';
import { TRIGGERS_PER_USER_PER_SCRIPT } from './budgets.js';
import type { CacheStore } from './cache.js';
import {
  addressUnavailable,
  missingScope,
  NO_DOCUMENT_ACCESS,
  requestFailed,
  SCOPES,
  ScriptException,
  TOO_MANY_TRIGGERS,
  unexpectedError,
  URLFETCH_EXHAUSTED,
} from './errors.js';
import type {
  ExecutionRecord,
  ScriptRecord,
  SpreadsheetRef,
  TriggerRecord,
  UrlFetchRecord,
} from './model.js';
import type { ServiceHandler } from './sandbox-pool.js';
import type { ScriptStore } from './scripts.js';

/** One execution as its service calls see it. */
export interface ExecutionContext {
  script: ScriptRecord;
  exec: ExecutionRecord;
  /** The effective user. */
  runAs: string;
}

/** A UrlFetchApp request as the sandbox sends it. */
export interface FetchRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  payload: string | number[] | null;
  contentType: string | null;
  muteHttpExceptions: boolean;
  followRedirects: boolean;
}

/** What the service calls need from the emulator. */
export interface ServiceDeps {
  scripts: ScriptStore;
  drive: DriveStore;
  budgets: Budgets;
  tokens: IdentityTokens;
  caches: CacheStore;
  now: () => Date;
  urlFetchTimeoutMs: number;
  /** Aborted when the emulator stops. */
  stopping: AbortSignal;
  /** Told about every UrlFetch call once it has ended (the legacy trigger log listens). */
  onUrlFetch: (ctx: ExecutionContext, request: FetchRequest, record: UrlFetchRecord) => void;
  /** Something persistent changed. */
  changed: () => void;
  /** Google's delays of UrlFetch and the properties and cache services; none when absent. */
  latency?: Latency;
}

/** How a spreadsheet looks to a script. */
export function spreadsheetRef(file: FileRecord): SpreadsheetRef {
  return { id: file.id, name: file.name, url: `https://docs.google.com/spreadsheets/d/${file.id}/edit` };
}

/** A trigger as ScriptApp's Trigger objects show it. */
function triggerData(t: TriggerRecord): Record<string, unknown> {
  return {
    uid: t.uid,
    handler: t.handler,
    source: t.source,
    eventType: t.eventType,
    ...(t.sourceId !== undefined ? { sourceId: t.sourceId } : {}),
  };
}

const MINUTES = [1, 5, 10, 15, 30];
const HOURS = [1, 2, 4, 6, 8, 12];
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const MAX_URL_LENGTH = 2048;

/** Apps Script's UrlFetch identifies itself so. */
function userAgent(scriptId: string): string {
  const id = createHash('sha256').update(scriptId).digest('base64url').slice(0, 30);
  return `Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: UAEmdDd${id})`;
}

/** The latency group of each properties and cache call (the model's measured service-call costs). */
const SERVICE_DELAYS = new Map<string, LatencyGroup>([
  ['props.get', 'appsScript.propertiesRead'],
  ['props.getAll', 'appsScript.propertiesRead'],
  ['props.set', 'appsScript.propertiesWrite'],
  ['props.delete', 'appsScript.propertiesWrite'],
  ['props.deleteAll', 'appsScript.propertiesWrite'],
  ['cache.get', 'appsScript.cacheGet'],
  ['cache.getAll', 'appsScript.cacheGet'],
  ['cache.put', 'appsScript.cachePut'],
  ['cache.remove', 'appsScript.cachePut'],
]);

const javaBytes = (buf: Buffer): number[] => Array.from(buf, (b) => (b > 127 ? b - 256 : b));

/** Builds the handler answering one execution's service calls. */
export function serviceCalls(deps: ServiceDeps, ctx: ExecutionContext): ServiceHandler {
  const { script, runAs } = ctx;
  const requireScope = (method: string, anyOf: string[]) => {
    const explicit = script.manifest.oauthScopes;
    if (explicit && !anyOf.some((s) => explicit.includes(s))) throw missingScope(method, anyOf);
  };

  function properties(store: unknown): Record<string, string> {
    if (store === 'script') return script.scriptProperties;
    if (store === 'user') return (script.userProperties[runAs] ??= {});
    if (store === 'document' && script.boundTo !== undefined) return script.documentProperties;
    throw new ScriptException('Invalid argument: store');
  }

  const cacheNamespace = (store: unknown) =>
    `${script.id}\n${String(store)}${store === 'user' ? `\n${runAs}` : ''}`;

  function createTrigger(spec: Record<string, unknown>): Record<string, unknown> {
    requireScope('ScriptApp.newTrigger', [SCOPES.scriptApp]);
    const handler = typeof spec.handler === 'string' ? spec.handler : '';
    if (handler === '') throw new ScriptException('Invalid argument: functionName');
    if (deps.scripts.triggersOf(script.id, runAs).length >= TRIGGERS_PER_USER_PER_SCRIPT)
      throw new ScriptException(TOO_MANY_TRIGGERS);
    const base = { uid: deps.scripts.newTriggerUid(), scriptId: script.id, creator: runAs, handler };
    let trigger: TriggerRecord;
    if (spec.source === 'SPREADSHEETS') {
      const id = typeof spec.sourceId === 'string' ? spec.sourceId : '';
      const file = deps.scripts.spreadsheet(id);
      if (!file) throw unexpectedError('forSpreadsheet', 'ScriptApp.TriggerBuilder');
      // The stricter reading: a trigger on a spreadsheet needs its creator to be able to edit it.
      if (!canWrite(file, runAs, deps.drive.lookup)) throw new ScriptException(NO_DOCUMENT_ACCESS);
      const eventType = spec.eventType === 'ON_CHANGE' ? 'ON_CHANGE' : 'ON_EDIT';
      trigger = {
        ...base,
        source: 'SPREADSHEETS',
        sourceId: file.id,
        eventType,
        createdAt: deps.now().toISOString(),
      };
    } else {
      trigger = {
        ...base,
        source: 'CLOCK',
        eventType: 'CLOCK',
        createdAt: deps.now().toISOString(),
        ...schedule(spec),
      };
    }
    deps.scripts.triggers.set(trigger.uid, trigger);
    deps.changed();
    return triggerData(trigger);
  }

  function schedule(spec: Record<string, unknown>): Pick<TriggerRecord, 'everyMs' | 'nextRunAt'> {
    const now = deps.now().getTime();
    if (spec.everyMinutes !== undefined) {
      const n = Number(spec.everyMinutes);
      if (!MINUTES.includes(n))
        throw new ScriptException('The value passed to everyMinutes must be one of 1, 5, 10, 15 or 30.');
      return { everyMs: n * 60_000, nextRunAt: now + n * 60_000 };
    }
    if (spec.everyHours !== undefined) {
      const n = Number(spec.everyHours);
      if (!HOURS.includes(n))
        throw new ScriptException('The value passed to everyHours must be one of 1, 2, 4, 6, 8 or 12.');
      return { everyMs: n * 3_600_000, nextRunAt: now + n * 3_600_000 };
    }
    if (spec.afterMs !== undefined) {
      const ms = Number(spec.afterMs);
      if (!Number.isFinite(ms) || ms < 0) throw new ScriptException('Invalid argument: durationMilliseconds');
      return { nextRunAt: now + ms };
    }
    throw new ScriptException('A time-based trigger needs a schedule (everyMinutes, everyHours or after).');
  }

  async function urlFetch(req: FetchRequest): Promise<unknown> {
    requireScope('UrlFetchApp.fetch', [SCOPES.externalRequest]);
    const record: UrlFetchRecord = {
      url: req.url,
      method: req.method,
      at: deps.now().toISOString(),
      status: 0,
      durationMs: 0,
    };
    const end = (error?: string) => {
      if (error) record.error = error;
      ctx.exec.urlFetch.push(record);
      deps.onUrlFetch(ctx, req, record);
    };
    if (deps.budgets.urlFetchSpent(runAs)) {
      end(URLFETCH_EXHAUSTED);
      throw new ScriptException(URLFETCH_EXHAUSTED);
    }
    deps.budgets.chargeUrlFetch(runAs);
    deps.changed();
    let url: URL;
    try {
      url = new URL(req.url);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
    } catch {
      end('Invalid argument');
      throw new ScriptException(`Invalid argument: ${req.url}`);
    }
    if (req.url.length > MAX_URL_LENGTH) {
      end('URL too long');
      throw new ScriptException('Limit Exceeded: URLFetch URL Length.');
    }
    if (!METHODS.has(req.method)) {
      end('Invalid method');
      throw new ScriptException(`Invalid argument: method`);
    }
    const headers: Record<string, string> = { 'User-Agent': userAgent(script.id), ...req.headers };
    if (req.contentType !== null) {
      for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-type') delete headers[k];
      headers['Content-Type'] = req.contentType;
    }
    const body =
      req.payload === null || req.method === 'GET'
        ? undefined
        : Array.isArray(req.payload)
          ? Buffer.from(req.payload.map((b) => b & 0xff))
          : req.payload;
    const started = performance.now();
    // UrlFetch's own overhead around the HTTP call (Google's fetch service, outside the script's sandbox).
    await deps.latency?.wait('appsScript.urlFetch');
    let res: Response;
    let bytes: Buffer;
    try {
      res = await fetch(url, {
        method: req.method,
        headers,
        ...(body !== undefined ? { body } : {}),
        redirect: req.followRedirects ? 'follow' : 'manual',
        signal: AbortSignal.any([deps.stopping, AbortSignal.timeout(deps.urlFetchTimeoutMs)]),
      });
      bytes = Buffer.from(await res.arrayBuffer());
    } catch (err) {
      record.durationMs = Math.round(performance.now() - started);
      const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
      end(`${err instanceof Error ? err.message : String(err)}${cause}`);
      throw addressUnavailable(req.url);
    }
    record.durationMs = Math.round(performance.now() - started);
    record.status = res.status;
    end();
    const text = bytes.toString('utf8');
    if (!req.muteHttpExceptions && res.status >= 400) throw requestFailed(req.url, res.status, text);
    return { code: res.status, headers: Object.fromEntries(res.headers), bytes: javaBytes(bytes), text };
  }

  async function identityToken(): Promise<string | null> {
    // "Gets an OpenID Connect identity token for the effective user, if the openid scope has been granted." The
    // scope is never detected automatically: only a manifest that lists it gets a token [doc ScriptApp, cloud-run].
    const explicit = script.manifest.oauthScopes;
    if (!explicit?.includes(SCOPES.openid)) return null;
    return deps.tokens.idToken({
      audience: script.clientId,
      email: runAs,
      includeEmail: explicit.includes(SCOPES.email),
    });
  }

  function openSpreadsheet(id: string): SpreadsheetRef {
    requireScope('SpreadsheetApp.openById', [SCOPES.spreadsheets, SCOPES.spreadsheetsReadonly]);
    const file = deps.scripts.spreadsheet(id);
    if (!file) throw unexpectedError('openById', 'SpreadsheetApp');
    if (!canRead(file, runAs, deps.drive.lookup)) throw new ScriptException(NO_DOCUMENT_ACCESS);
    return spreadsheetRef(file);
  }

  function activeSpreadsheet(): SpreadsheetRef | null {
    const file = script.boundTo !== undefined ? deps.scripts.spreadsheet(script.boundTo) : undefined;
    if (!file) return null;
    requireScope('SpreadsheetApp.getActiveSpreadsheet', [
      SCOPES.spreadsheetsCurrentOnly,
      SCOPES.spreadsheets,
      SCOPES.spreadsheetsReadonly,
    ]);
    return spreadsheetRef(file);
  }

  return async (op, raw) => {
    const a = (raw ?? {}) as Record<string, unknown>;
    const delay = SERVICE_DELAYS.get(op);
    if (delay && deps.latency) await deps.latency.wait(delay);
    switch (op) {
      case 'log':
        ctx.exec.logs.push(`${String(a.level)}: ${String(a.line)}`);
        return null;
      case 'props.get':
        return properties(a.store)[String(a.key)] ?? null;
      case 'props.getAll':
        return { ...properties(a.store) };
      case 'props.set': {
        const props = properties(a.store);
        if (a.deleteAllOthers === true) for (const k of Object.keys(props)) delete props[k];
        Object.assign(props, a.values as Record<string, string>);
        deps.changed();
        return null;
      }
      case 'props.delete':
        delete properties(a.store)[String(a.key)];
        deps.changed();
        return null;
      case 'props.deleteAll': {
        const props = properties(a.store);
        for (const k of Object.keys(props)) delete props[k];
        deps.changed();
        return null;
      }
      case 'cache.get':
        return deps.caches.get(cacheNamespace(a.store), String((a.keys as string[])[0]));
      case 'cache.getAll': {
        const out: Record<string, string> = {};
        for (const k of a.keys as string[]) {
          const v = deps.caches.get(cacheNamespace(a.store), k);
          if (v !== null) out[k] = v;
        }
        return out;
      }
      case 'cache.put':
        for (const [k, v] of Object.entries(a.values as Record<string, string>))
          deps.caches.put(cacheNamespace(a.store), k, v, Number(a.seconds));
        return null;
      case 'cache.remove':
        for (const k of a.keys as string[]) deps.caches.remove(cacheNamespace(a.store), k);
        return null;
      case 'fetch':
        return urlFetch(raw as FetchRequest);
      case 'identityToken':
        return identityToken();
      case 'trigger.create':
        return createTrigger(a);
      case 'trigger.list':
        requireScope('ScriptApp.getProjectTriggers', [SCOPES.scriptApp]);
        return deps.scripts.triggersOf(script.id, runAs).map(triggerData);
      case 'trigger.delete': {
        requireScope('ScriptApp.deleteTrigger', [SCOPES.scriptApp]);
        const t = deps.scripts.triggers.get(String(a.uid));
        if (t && t.scriptId === script.id && t.creator === runAs) {
          deps.scripts.triggers.delete(t.uid);
          deps.changed();
        }
        return null;
      }
      case 'spreadsheet.open':
        return openSpreadsheet(String(a.id));
      case 'spreadsheet.active':
        return activeSpreadsheet();
      case 'toast':
        ctx.exec.logs.push(`toast: ${typeof a.title === 'string' ? `${a.title}: ` : ''}${String(a.message)}`);
        return null;
      case 'userKey':
        return createHash('sha256').update(`${script.id}\n${runAs}`).digest('base64url').slice(0, 32);
      default:
        throw new ScriptException(`The emulator does not provide ${op}.`);
    }
  };
}

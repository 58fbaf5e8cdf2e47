/** Apps Script's global services (UrlFetchApp, ScriptApp, PropertiesService, ...) as a script sees them, built inside its sandbox. */
// installAppsScript is not called here: its source text is evaluated inside the script's vm context (sandbox.ts),
// so every object a script touches belongs to the script's own realm. It must therefore reference nothing outside
// its own body, and it reaches the emulator only through `host(op, json) → json`.
import type { ScriptEvent } from './model.js';

/** What the sandbox tells the services about the execution. */
export interface ServiceJob {
  scriptId: string;
  timeZone: string;
  /** Emulator time (ms) when the execution started: the script's clock starts there. */
  clockMs: number;
  effectiveUser: string;
  /** The active user's address, '' when Apps Script may not reveal it. */
  activeUser: string;
  /** Whether the manifest allows reading addresses (userinfo.email, or scopes left to Apps Script). */
  emailScope: boolean;
  bound: boolean;
  event: ScriptEvent | null;
}

/** What installAppsScript gives back: the event object to pass to the handler. */
export interface InstalledServices {
  event: unknown;
}

type Host = (op: string, payload: string) => string;
type Fn = (...args: never[]) => unknown;
type Dict = Record<string, unknown>;

/** Installs Apps Script's globals on `g` (the script's global object) and builds the event object. */
export function installAppsScript(g: Dict, host: Host, job: ServiceJob): InstalledServices {
  const EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';
  function exception(message: string): Error {
    const e = new Error(message);
    e.name = 'Exception';
    return e;
  }
  function call(op: string, args?: unknown): unknown {
    const reply = JSON.parse(host(op, JSON.stringify(args ?? null))) as {
      ok: boolean;
      value?: unknown;
      error?: string;
    };
    if (!reply.ok) throw exception(reply.error ?? 'We are sorry, a server error occurred.');
    return reply.value;
  }
  /** String(v), as a script's own code would convert it (enums print their name). */
  const str = (v: unknown): string => String(v);
  function enumOf(names: string[]): Record<string, Dict> {
    const out: Record<string, Dict> = {};
    for (const name of names) {
      out[name] = Object.freeze({ name: () => name, toString: () => name, toJSON: () => name });
    }
    return Object.freeze(out);
  }
  function text(args: unknown[]): string {
    return args
      .map((a) =>
        typeof a === 'string' ? a : a !== null && typeof a === 'object' ? JSON.stringify(a) : String(a),
      )
      .join(' ');
  }
  function log(level: string, line: string): void {
    call('log', { level, line });
  }

  // The script's clock is the emulator's, moving on in real time while the execution runs.
  const RealDate = g.Date as DateConstructor;
  const offset = job.clockMs - RealDate.now();
  const EmuDate = function (this: unknown, ...args: unknown[]): unknown {
    const now = RealDate.now() + offset;
    if (!new.target) return new RealDate(now).toString();
    return args.length === 0
      ? new RealDate(now)
      : new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
  } as unknown as Dict;
  EmuDate.prototype = RealDate.prototype;
  EmuDate.now = () => RealDate.now() + offset;
  EmuDate.parse = RealDate.parse;
  EmuDate.UTC = RealDate.UTC;
  g.Date = EmuDate;

  const logLines: string[] = [];
  const Logger = {
    log(format: unknown, ...values: unknown[]) {
      let i = 0;
      const line =
        values.length > 0
          ? String(format).replace(/%[sdfo]/g, (m) => (i < values.length ? text([values[i++]]) : m))
          : text([format]);
      logLines.push(line);
      log('info', line);
      return Logger;
    },
    getLog: () => logLines.join('\n'),
    clear: () => {
      logLines.length = 0;
    },
  };
  g.Logger = Logger;
  g.console = {
    log: (...a: unknown[]) => log('info', text(a)),
    info: (...a: unknown[]) => log('info', text(a)),
    warn: (...a: unknown[]) => log('warning', text(a)),
    error: (...a: unknown[]) => log('error', text(a)),
  };

  const Charset = enumOf(['US_ASCII', 'UTF_8']);
  const DigestAlgorithm = enumOf(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512']);
  const MacAlgorithm = enumOf(['HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512']);
  const charsetName = (c: unknown) => (c ? str(c) : 'UTF_8');
  function makeBlob(bytes: number[], contentType: string | null, name: string | null): Dict {
    const blob: Dict = {
      getBytes: () => bytes.slice(),
      getDataAsString: (charset?: unknown) => call('bytesToString', { bytes, charset: charsetName(charset) }),
      getContentType: () => contentType,
      setContentType: (t: string) => {
        contentType = t;
        return blob;
      },
      getName: () => name,
      setName: (n: string) => {
        name = n;
        return blob;
      },
    };
    return blob;
  }
  g.Utilities = {
    Charset,
    DigestAlgorithm,
    MacAlgorithm,
    getUuid: () => call('uuid'),
    computeHmacSha256Signature: (value: unknown, key: unknown, charset?: unknown) =>
      call('hmac', { algorithm: 'HMAC_SHA_256', value, key, charset: charsetName(charset) }),
    computeHmacSignature: (algorithm: unknown, value: unknown, key: unknown, charset?: unknown) =>
      call('hmac', { algorithm: String(algorithm), value, key, charset: charsetName(charset) }),
    computeDigest: (algorithm: unknown, value: unknown, charset?: unknown) =>
      call('digest', { algorithm: String(algorithm), value, charset: charsetName(charset) }),
    base64Encode: (data: unknown, charset?: unknown) =>
      call('base64Encode', { data, webSafe: false, charset: charsetName(charset) }),
    base64EncodeWebSafe: (data: unknown, charset?: unknown) =>
      call('base64Encode', { data, webSafe: true, charset: charsetName(charset) }),
    base64Decode: (encoded: unknown) => call('base64Decode', { encoded: String(encoded), webSafe: false }),
    base64DecodeWebSafe: (encoded: unknown) =>
      call('base64Decode', { encoded: String(encoded), webSafe: true }),
    newBlob: (data: unknown, contentType?: string, name?: string) =>
      makeBlob(
        typeof data === 'string' ? (call('stringToBytes', { text: data }) as number[]) : (data as number[]),
        contentType ?? null,
        name ?? null,
      ),
    sleep: (ms: unknown) => {
      call('sleep', { ms: Number(ms) });
    },
  };

  function makeProperties(store: string): Dict {
    const props: Dict = {
      getProperty: (key: unknown) => call('props.get', { store, key: String(key) }),
      getProperties: () => call('props.getAll', { store }),
      getKeys: () => Object.keys(call('props.getAll', { store }) as Dict),
      setProperty: (key: unknown, value: unknown) => {
        call('props.set', { store, values: { [String(key)]: String(value) }, deleteAllOthers: false });
        return props;
      },
      setProperties: (values: Dict, deleteAllOthers?: boolean) => {
        const strings: Record<string, string> = {};
        for (const k of Object.keys(values)) strings[k] = String(values[k]);
        call('props.set', { store, values: strings, deleteAllOthers: deleteAllOthers === true });
        return props;
      },
      deleteProperty: (key: unknown) => {
        call('props.delete', { store, key: String(key) });
        return props;
      },
      deleteAllProperties: () => {
        call('props.deleteAll', { store });
        return props;
      },
    };
    return props;
  }
  g.PropertiesService = {
    getScriptProperties: () => makeProperties('script'),
    getUserProperties: () => makeProperties('user'),
    getDocumentProperties: () => (job.bound ? makeProperties('document') : null),
  };

  function makeCache(store: string): Dict {
    return {
      get: (key: unknown) => call('cache.get', { store, keys: [String(key)] }) as string | null,
      getAll: (keys: unknown[]) => call('cache.getAll', { store, keys: keys.map(String) }),
      put: (key: unknown, value: unknown, seconds?: number) => {
        call('cache.put', { store, values: { [String(key)]: String(value) }, seconds: seconds ?? 600 });
      },
      putAll: (values: Dict, seconds?: number) => {
        const strings: Record<string, string> = {};
        for (const k of Object.keys(values)) strings[k] = String(values[k]);
        call('cache.put', { store, values: strings, seconds: seconds ?? 600 });
      },
      remove: (key: unknown) => {
        call('cache.remove', { store, keys: [String(key)] });
      },
      removeAll: (keys: unknown[]) => {
        call('cache.remove', { store, keys: keys.map(String) });
      },
    };
  }
  g.CacheService = {
    getScriptCache: () => makeCache('script'),
    getUserCache: () => makeCache('user'),
    getDocumentCache: () => (job.bound ? makeCache('document') : null),
  };

  interface FetchReply {
    code: number;
    headers: Record<string, string>;
    bytes: number[];
    text: string;
  }
  function makeResponse(r: FetchReply): Dict {
    return {
      getResponseCode: () => r.code,
      getContentText: (charset?: unknown) =>
        charset ? call('bytesToString', { bytes: r.bytes, charset: str(charset) }) : r.text,
      getContent: () => r.bytes.slice(),
      getHeaders: () => Object.assign({}, r.headers),
      getAllHeaders: () => Object.assign({}, r.headers),
      getBlob: () => makeBlob(r.bytes, r.headers['content-type'] ?? r.headers['Content-Type'] ?? null, null),
      getAs: () => makeBlob(r.bytes, null, null),
    };
  }
  function fetchRequest(url: unknown, params: unknown): Dict {
    const p = (params ?? {}) as Dict;
    let payload: unknown = p.payload;
    let contentType = typeof p.contentType === 'string' ? p.contentType : undefined;
    if (payload !== undefined && payload !== null && typeof payload === 'object' && !Array.isArray(payload)) {
      const form = payload as Dict;
      payload = Object.keys(form)
        .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(String(form[k]))}`)
        .join('&');
    } else if (payload !== undefined && payload !== null && !Array.isArray(payload)) {
      payload = str(payload);
    }
    if (payload !== undefined && payload !== null) contentType ??= 'application/x-www-form-urlencoded';
    const headers: Record<string, string> = {};
    const given = (p.headers ?? {}) as Dict;
    for (const k of Object.keys(given)) headers[k] = String(given[k]);
    return {
      url: String(url),
      method: str(p.method ?? 'get').toUpperCase(),
      headers,
      payload: payload ?? null,
      contentType: contentType ?? null,
      muteHttpExceptions: p.muteHttpExceptions === true,
      followRedirects: p.followRedirects !== false,
    };
  }
  g.UrlFetchApp = {
    fetch: (url: unknown, params?: unknown) =>
      makeResponse(call('fetch', fetchRequest(url, params)) as FetchReply),
    fetchAll: (requests: unknown[]) =>
      requests.map((r) => {
        const req = (typeof r === 'string' ? { url: r } : r) as Dict;
        return makeResponse(call('fetch', fetchRequest(req.url, req)) as FetchReply);
      }),
    getRequest: (url: unknown, params?: unknown) => fetchRequest(url, params),
  };

  const EventType = enumOf([
    'CLOCK',
    'ON_OPEN',
    'ON_EDIT',
    'ON_FORM_SUBMIT',
    'ON_CHANGE',
    'ON_EVENT_UPDATED',
  ]);
  const TriggerSource = enumOf(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
  const AuthMode = enumOf(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
  interface TriggerData {
    uid: string;
    handler: string;
    source: string;
    sourceId?: string;
    eventType: string;
  }
  function makeTrigger(t: TriggerData): Dict {
    return {
      getUniqueId: () => t.uid,
      getHandlerFunction: () => t.handler,
      getTriggerSourceId: () => t.sourceId ?? null,
      getTriggerSource: () => TriggerSource[t.source],
      getEventType: () => EventType[t.eventType],
      toString: () => 'Trigger',
    };
  }
  const createTrigger = (spec: Dict) => makeTrigger(call('trigger.create', spec) as TriggerData);
  function idOf(target: unknown): string | null {
    if (typeof target === 'string') return target;
    const t = target as Dict | null;
    return t && typeof t.getId === 'function' ? String((t.getId as Fn)()) : null;
  }
  g.ScriptApp = {
    EventType,
    TriggerSource,
    AuthMode,
    getScriptId: () => job.scriptId,
    getIdentityToken: () => call('identityToken'),
    getProjectTriggers: () => (call('trigger.list') as TriggerData[]).map(makeTrigger),
    getUserTriggers: (target: unknown) => {
      const id = idOf(target);
      return (call('trigger.list') as TriggerData[]).filter((t) => t.sourceId === id).map(makeTrigger);
    },
    deleteTrigger: (trigger: Dict) => {
      call('trigger.delete', { uid: String((trigger.getUniqueId as Fn)()) });
    },
    newTrigger: (handler: unknown) => {
      const name = String(handler);
      return {
        forSpreadsheet: (target: unknown) => {
          const sourceId = idOf(target);
          const on = (eventType: string) => ({
            create: () => createTrigger({ handler: name, source: 'SPREADSHEETS', sourceId, eventType }),
          });
          return { onEdit: () => on('ON_EDIT'), onChange: () => on('ON_CHANGE') };
        },
        timeBased: () => {
          const spec: Dict = { handler: name, source: 'CLOCK', eventType: 'CLOCK' };
          const builder: Dict = {
            everyMinutes: (n: number) => {
              spec.everyMinutes = n;
              return builder;
            },
            everyHours: (n: number) => {
              spec.everyHours = n;
              return builder;
            },
            after: (ms: number) => {
              spec.afterMs = ms;
              return builder;
            },
            create: () => createTrigger(spec),
          };
          return builder;
        },
      };
    },
  };

  interface SpreadsheetData {
    id: string;
    name: string;
    url: string;
  }
  function makeSpreadsheet(s: SpreadsheetData): Dict {
    return {
      getId: () => s.id,
      getName: () => s.name,
      getUrl: () => s.url,
      toast: (message: unknown, title?: unknown, timeoutSeconds?: unknown) => {
        call('toast', {
          message: String(message),
          title: title === undefined ? null : str(title),
          timeoutSeconds,
        });
      },
      toString: () => 'Spreadsheet',
    };
  }
  const active = () => {
    const s = call('spreadsheet.active') as SpreadsheetData | null;
    return s ? makeSpreadsheet(s) : null;
  };
  g.SpreadsheetApp = {
    AuthMode,
    openById: (id: unknown) =>
      makeSpreadsheet(call('spreadsheet.open', { id: String(id) }) as SpreadsheetData),
    openByUrl: (url: unknown) => {
      const m = /\/d\/([\w-]+)/.exec(String(url));
      if (!m) throw exception('Invalid argument: url');
      return makeSpreadsheet(call('spreadsheet.open', { id: m[1] }) as SpreadsheetData);
    },
    getActive: active,
    getActiveSpreadsheet: active,
    getUi: () => {
      throw exception('Cannot call SpreadsheetApp.getUi() from this context.');
    },
  };

  function makeUser(email: string, method: string): Dict {
    return {
      getEmail: () => {
        if (!job.emailScope)
          throw exception(
            `You do not have permission to call ${method}. Required permissions: ${EMAIL_SCOPE}`,
          );
        return email;
      },
      getUserLoginId: () => email,
      toString: () => email,
    };
  }
  g.Session = {
    getActiveUser: () => makeUser(job.activeUser, 'Session.getActiveUser'),
    getEffectiveUser: () => makeUser(job.effectiveUser, 'Session.getEffectiveUser'),
    getScriptTimeZone: () => job.timeZone,
    getTemporaryActiveUserKey: () => call('userKey'),
  };

  const e = job.event;
  if (!e) return { event: undefined };
  if (e.type === 'clock')
    return { event: Object.assign({ authMode: AuthMode.FULL, triggerUid: e.triggerUid }, e.fields) };
  const source = makeSpreadsheet(e.source);
  const user = makeUser(e.user, 'User.getEmail');
  if (e.type === 'change')
    return {
      event: { authMode: AuthMode.FULL, changeType: e.changeType, source, triggerUid: e.triggerUid, user },
    };
  const r = e.range;
  const sheet = {
    getName: () => r.sheetName,
    getSheetName: () => r.sheetName,
    getSheetId: () => r.sheetId,
    getParent: () => source,
    toString: () => 'Sheet',
  };
  const range = {
    getA1Notation: () => r.a1,
    getSheet: () => sheet,
    getRow: () => r.row,
    getColumn: () => r.column,
    getNumRows: () => r.numRows,
    getNumColumns: () => r.numColumns,
    getLastRow: () => r.row + r.numRows - 1,
    getLastColumn: () => r.column + r.numColumns - 1,
    toString: () => 'Range',
  };
  const edit: Dict = { authMode: AuthMode.FULL, range, source, triggerUid: e.triggerUid, user };
  if (e.value !== undefined) edit.value = e.value;
  if (e.oldValue !== undefined) edit.oldValue = e.oldValue;
  return { event: edit };
}

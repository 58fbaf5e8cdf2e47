/** The Apps Script runtime: runs real script source for a user, fires installable triggers as their creators, keeps budgets. */
import { randomUUID } from 'node:crypto';
import type { DriveStore } from '../drive/store.js';
import type { IdentityTokens } from '../identity-tokens.js';
import type { Latency } from '../latency/latency.js';
import { GoogleApiError } from '../types.js';
import type { AccountType, BudgetLimits, BudgetReport, SavedBudgets } from './budgets.js';
import { Budgets, GOOGLE_BUDGETS } from './budgets.js';
import { CacheStore } from './cache.js';
import { clockEventFields } from './clock.js';
import {
  AUTHORIZATION_REQUIRED,
  EXCEEDED_MAX_TIME,
  functionNotFound,
  RUNTIME_EXHAUSTED,
  SCOPES,
  ScriptException,
} from './errors.js';
import type {
  ExecutionRecord,
  ScriptEvent,
  ScriptRecord,
  SheetUiEvent,
  TriggerEventType,
  TriggerRecord,
  UrlFetchRecord,
} from './model.js';
import { SandboxPool } from './sandbox-pool.js';
import type { SandboxJob } from './sandbox.js';
import type { CreateScriptInput, SavedScripts } from './scripts.js';
import { checkManifest, checkSyntax, ScriptStore } from './scripts.js';
import type { ExecutionContext, FetchRequest } from './service-calls.js';
import { serviceCalls, spreadsheetRef } from './service-calls.js';

/** Tuning of the Apps Script half (`start({appsScript})`). */
export interface AppsScriptOptions {
  /** Overrides of Google's daily budgets (tests use small ones). */
  budgets?: Partial<Record<AccountType, Partial<BudgetLimits>>>;
  /** Longest execution (default Google's 6 minutes). */
  maxExecutionMs?: number;
  /** Per-call UrlFetch timeout (default 60 s). */
  urlFetchTimeoutMs?: number;
  /** Worker threads running scripts at once (default 4). */
  workers?: number;
  /** Runs due time-driven triggers every this many ms of real time (default 0: only `run-due`). */
  tickMs?: number;
}

/** What the runtime needs from the emulator. */
export interface RuntimeDeps {
  drive: DriveStore;
  tokens: IdentityTokens;
  now: () => Date;
  /** Something persistent changed. */
  changed: () => void;
  /** An emulator bug met while serving a script. */
  internalError: (detail: string) => void;
  /**
   * The Workspace domain of an address registered as a Workspace account (accounts/), else undefined: a consumer
   * account (gmail) — its quotas are lower, and it sees no other user's address.
   */
  workspaceDomainOf: (email: string) => string | undefined;
  /** Throws Google's refusal when `email` is no Google account (only accounts can own, open or run a script). */
  requireGoogleAccount: (email: string) => void;
  /** Google's delays (trigger scheduling, start-up, UrlFetch, properties); none when absent or off. */
  latency?: Latency;
}

/** An execution queued by a sheet event. */
export interface QueuedExecution {
  executionId: string;
  scriptId: string;
  triggerUid: string;
  eventType: TriggerEventType;
}

/** Apps Script state as persisted. */
export interface SavedAppsScript extends SavedScripts {
  budgets: SavedBudgets;
}

/** Listens to UrlFetch calls as they end. */
export type UrlFetchListener = (ctx: ExecutionContext, request: FetchRequest, record: UrlFetchRecord) => void;

interface Queued {
  script: ScriptRecord;
  functionName: string;
  runAs: string;
  activeUser: string;
  trigger?: TriggerRecord;
  event: ScriptEvent | null;
  chainKey?: string;
  uuids: string[];
}

const MAX_LOG = 1000;
const SIX_MINUTES = 6 * 60_000;

/** Runs scripts in worker threads and keeps their triggers, budgets and execution log. */
export class AppsScriptRuntime {
  readonly scripts: ScriptStore;
  readonly budgets: Budgets;
  private readonly caches: CacheStore;
  private readonly pool: SandboxPool;
  private readonly stopping = new AbortController();
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly listeners: UrlFetchListener[] = [];
  private readonly ticker: NodeJS.Timeout | undefined;
  private log: ExecutionRecord[] = [];

  constructor(
    private readonly deps: RuntimeDeps,
    private readonly options: AppsScriptOptions = {},
  ) {
    this.scripts = new ScriptStore(deps.drive, deps.now);
    this.budgets = new Budgets(deps.now, (email) => this.accountOf(email));
    this.caches = new CacheStore(deps.now);
    this.pool = new SandboxPool(
      options.workers ?? 4,
      (op, err) =>
        deps.internalError(
          `apps script ${op}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        ),
      (err): err is Error => err instanceof ScriptException,
      EXCEEDED_MAX_TIME,
    );
    if (options.tickMs && options.tickMs > 0) {
      this.ticker = setInterval(() => void this.runDue(), options.tickMs);
      this.ticker.unref();
    }
  }

  /** Consumer or Workspace, with the budgets that go with it. */
  accountOf(email: string): { type: AccountType; limits: BudgetLimits } {
    const type: AccountType = this.deps.workspaceDomainOf(email) === undefined ? 'consumer' : 'workspace';
    return { type, limits: { ...GOOGLE_BUDGETS[type], ...this.options.budgets?.[type] } };
  }

  /** Creates a project. */
  createScript(input: CreateScriptInput): ScriptRecord {
    if (typeof input.owner === 'string') this.deps.requireGoogleAccount(input.owner);
    const script = this.scripts.create(input);
    this.warmKeys(script);
    this.deps.changed();
    return script;
  }

  /** Key generation takes a moment: a script that can ask for ID tokens has it started now, not at its first call. */
  private warmKeys(script: ScriptRecord): void {
    if (!script.manifest.oauthScopes?.includes(SCOPES.openid)) return;
    this.deps.tokens.ready().catch((err: unknown) => this.deps.internalError(`signing keys: ${String(err)}`));
  }

  /** Changes the code or manifest, as an editor of the project saving in the editor. */
  updateScript(id: string, as: string, change: { source?: unknown; manifest?: unknown }): ScriptRecord {
    const script = this.scripts.get(id);
    this.scripts.requireOpener(script, as);
    if (change.source !== undefined) {
      if (typeof change.source !== 'string')
        throw new GoogleApiError(400, 'INVALID_ARGUMENT', 'source: a string');
      checkSyntax(change.source, 'Code.gs');
    }
    const manifest = change.manifest !== undefined ? checkManifest(change.manifest) : script.manifest;
    if (typeof change.source === 'string') script.source = change.source;
    script.manifest = manifest;
    this.warmKeys(script);
    this.deps.changed();
    return script;
  }

  /** Script Properties as the project settings page shows them to someone who can open the project. */
  readProperties(id: string, as: string): Record<string, string> {
    const script = this.scripts.get(id);
    this.scripts.requireOpener(script, as);
    return { ...script.scriptProperties };
  }

  /** Replaces the Script Properties, as someone who can open the project. */
  writeProperties(id: string, as: string, properties: Record<string, string>): Record<string, string> {
    const script = this.scripts.get(id);
    this.scripts.requireOpener(script, as);
    if (Object.values(properties).some((v) => typeof v !== 'string'))
      throw new GoogleApiError(400, 'INVALID_ARGUMENT', 'properties: an object of strings');
    script.scriptProperties = { ...properties };
    this.deps.changed();
    return { ...script.scriptProperties };
  }

  /** Deletes a project and its triggers. */
  deleteScript(id: string): boolean {
    const deleted = this.scripts.delete(id);
    if (deleted) this.deps.changed();
    return deleted;
  }

  /**
   * Presses Run in the editor as `as` (an owner or editor of the project): with `consent`, as if they clicked Allow
   * on the consent screen first. Resolves when the execution has ended.
   */
  async run(id: string, functionName: string, as: string, consent = false): Promise<ExecutionRecord> {
    const script = this.scripts.get(id);
    const who = as.trim().toLowerCase();
    this.deps.requireGoogleAccount(who);
    this.scripts.requireOpener(script, who);
    // The editor lists only public functions: a name ending in _ is private.
    if (!/^[A-Za-z_$][\w$]*$/.test(functionName) || functionName.endsWith('_'))
      throw new GoogleApiError(404, 'NOT_FOUND', functionNotFound(functionName));
    if (consent) {
      this.scripts.grant(script, who);
      this.deps.changed();
    }
    if (!this.scripts.authorised(script, who))
      throw new GoogleApiError(403, 'PERMISSION_DENIED', AUTHORIZATION_REQUIRED);
    return this.enqueue({ script, functionName, runAs: who, activeUser: who, event: null, uuids: [] }).done;
  }

  /** Records `email`'s consent to the project's current scopes (the consent screen's Allow). */
  consent(id: string, email: string): void {
    const script = this.scripts.get(id);
    const who = email.trim().toLowerCase();
    this.deps.requireGoogleAccount(who);
    this.scripts.requireOpener(script, who);
    this.scripts.grant(script, who);
    this.deps.changed();
  }

  /**
   * An edit or change typed in the Sheets UI: queues every installed trigger of any script on that spreadsheet
   * (onEdit and onChange for an edit, onChange for a change), each to run as its creator.
   */
  fireSheetEvent(spreadsheetId: string, ui: SheetUiEvent): QueuedExecution[] {
    const file = this.scripts.spreadsheet(spreadsheetId);
    if (!file) return [];
    const source = spreadsheetRef(file);
    const types: TriggerEventType[] = ui.kind === 'edit' ? ['ON_EDIT', 'ON_CHANGE'] : ['ON_CHANGE'];
    const out: QueuedExecution[] = [];
    for (const eventType of types) {
      for (const trigger of this.scripts.forSpreadsheet(spreadsheetId, eventType)) {
        const script = this.scripts.scripts.get(trigger.scriptId);
        if (!script) continue;
        const user = this.visibleUser(script, ui.user, trigger.creator);
        const event: ScriptEvent =
          eventType === 'ON_EDIT' && ui.kind === 'edit'
            ? {
                type: 'edit',
                triggerUid: trigger.uid,
                user,
                source,
                range: ui.range,
                ...(ui.value !== undefined ? { value: ui.value } : {}),
                ...(ui.oldValue !== undefined ? { oldValue: ui.oldValue } : {}),
              }
            : {
                type: 'change',
                triggerUid: trigger.uid,
                user,
                source,
                changeType: ui.kind === 'edit' ? 'EDIT' : ui.changeType,
              };
        const { exec } = this.enqueue({
          script,
          functionName: trigger.handler,
          runAs: trigger.creator,
          activeUser: user,
          trigger,
          event,
          chainKey: `sheet:${spreadsheetId}`,
          uuids: [],
        });
        out.push({
          executionId: exec.id,
          scriptId: script.id,
          triggerUid: trigger.uid,
          eventType,
        });
      }
    }
    return out;
  }

  /** Runs every time-driven trigger due on the emulator clock (once each, missed runs are not caught up). */
  async runDue(): Promise<ExecutionRecord[]> {
    const now = this.deps.now().getTime();
    const runs: Promise<ExecutionRecord>[] = [];
    for (const trigger of [...this.scripts.triggers.values()]) {
      if (trigger.source !== 'CLOCK' || trigger.nextRunAt === undefined || trigger.nextRunAt > now) continue;
      const script = this.scripts.scripts.get(trigger.scriptId);
      if (!script) continue;
      if (trigger.everyMs) {
        while (trigger.nextRunAt <= now) trigger.nextRunAt += trigger.everyMs;
      } else {
        delete trigger.nextRunAt;
      }
      this.deps.changed();
      const fields = clockEventFields(new Date(now), script.manifest.timeZone ?? 'America/New_York');
      runs.push(
        this.enqueue({
          script,
          functionName: trigger.handler,
          runAs: trigger.creator,
          activeUser: trigger.creator,
          trigger,
          event: { type: 'clock', triggerUid: trigger.uid, fields },
          chainKey: `clock:${trigger.uid}`,
          uuids: [],
        }).done,
      );
    }
    return Promise.all(runs);
  }

  /** Executions so far, oldest first (the last 1000), optionally of one script. */
  executions(scriptId?: string): ExecutionRecord[] {
    return this.log
      .filter((e) => scriptId === undefined || e.scriptId === scriptId)
      .map((e) => ({ ...e, urlFetch: e.urlFetch.map((u) => ({ ...u })), logs: [...e.logs] }));
  }

  /** One user's budgets: limits, use within the window and what is left. */
  quotas(email: string): BudgetReport {
    return this.budgets.report(email.trim().toLowerCase());
  }

  /** Calls `listener` for every UrlFetch call once it has ended. */
  onUrlFetch(listener: UrlFetchListener): void {
    this.listeners.push(listener);
  }

  /** Resolves when no execution is queued or running. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** For persistence. */
  save(): SavedAppsScript {
    return { ...this.scripts.save(), budgets: this.budgets.save() };
  }

  /** Restores save()'s output. */
  load(saved: SavedAppsScript | undefined): void {
    this.scripts.load(saved);
    this.budgets.load(saved?.budgets);
  }

  /** Forgets projects, triggers, caches, budgets' use and the execution log. */
  wipe(): void {
    this.scripts.wipe();
    this.budgets.clear();
    this.caches.clear();
    this.log = [];
  }

  /** Stops the ticker, aborts UrlFetch calls in flight and ends the workers. */
  async close(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.stopping.abort();
    await this.pool.close();
  }

  /**
   * Whether a script may see the active user's address: always the same account; otherwise only inside one
   * Workspace domain, never between consumer accounts [doc reference/base/session#getactiveuser].
   */
  private visibleUser(script: ScriptRecord, active: string, effective: string): string {
    if (script.userVisibility === 'always') return active;
    if (script.userVisibility === 'never') return '';
    if (active === effective) return active;
    const domain = this.deps.workspaceDomainOf(active);
    return domain !== undefined && domain === this.deps.workspaceDomainOf(effective) ? active : '';
  }

  private enqueue(q: Queued): { exec: ExecutionRecord; done: Promise<ExecutionRecord> } {
    const exec: ExecutionRecord = {
      id: randomUUID(),
      scriptId: q.script.id,
      function: q.functionName,
      ...(q.trigger ? { trigger: { uid: q.trigger.uid, eventType: q.trigger.eventType } } : {}),
      runAs: q.runAs,
      queuedAt: this.deps.now().toISOString(),
      status: 'queued',
      urlFetch: [],
      logs: [],
    };
    this.log.push(exec);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
    const previous = q.chainKey ? (this.chains.get(q.chainKey) ?? Promise.resolve()) : Promise.resolve();
    // Google schedules a spreadsheet trigger's execution a moment after the edit, whatever runs before it.
    const scheduled =
      q.trigger?.source === 'SPREADSHEETS' && this.deps.latency
        ? this.deps.latency.wait('appsScript.triggerDelay')
        : Promise.resolve();
    const done = Promise.all([previous, scheduled]).then(() => this.execute(q, exec));
    if (q.chainKey) {
      const key = q.chainKey;
      this.chains.set(key, done);
      void done.finally(() => {
        if (this.chains.get(key) === done) this.chains.delete(key);
      });
    }
    this.inflight.add(done);
    void done.finally(() => this.inflight.delete(done));
    return { exec, done };
  }

  private async execute(q: Queued, exec: ExecutionRecord): Promise<ExecutionRecord> {
    const { script, runAs } = q;
    const refuse = (error: string) => {
      exec.start = this.deps.now().toISOString();
      exec.durationMs = 0;
      exec.status = 'failed';
      exec.error = error;
      return exec;
    };
    if (!this.scripts.authorised(script, runAs)) return refuse(AUTHORIZATION_REQUIRED);
    if (q.trigger && this.budgets.runtimeSpent(runAs)) return refuse(RUNTIME_EXHAUSTED);
    const explicit = script.manifest.oauthScopes;
    // The emulator's own set-up (making its signing keys) happens before the script's time starts.
    if (explicit?.includes(SCOPES.openid)) {
      try {
        await this.deps.tokens.ready();
      } catch (err) {
        this.deps.internalError(`signing keys: ${String(err)}`);
        return refuse('We are sorry, a server error occurred. Please wait a bit and try again.');
      }
    }
    const job: SandboxJob = {
      scriptId: script.id,
      source: script.source,
      fileName: 'Code.gs',
      functionName: q.functionName,
      notFound: functionNotFound(q.functionName),
      uuids: q.uuids,
      services: {
        scriptId: script.id,
        timeZone: script.manifest.timeZone ?? 'America/New_York',
        clockMs: this.deps.now().getTime(),
        effectiveUser: runAs,
        activeUser: q.activeUser,
        emailScope: !explicit || explicit.includes(SCOPES.email),
        bound: script.boundTo !== undefined,
        event: q.event,
      },
    };
    const ctx: ExecutionContext = { script, exec, runAs };
    const handler = serviceCalls(
      {
        scripts: this.scripts,
        drive: this.deps.drive,
        budgets: this.budgets,
        tokens: this.deps.tokens,
        caches: this.caches,
        now: this.deps.now,
        urlFetchTimeoutMs: this.options.urlFetchTimeoutMs ?? 60_000,
        stopping: this.stopping.signal,
        onUrlFetch: (c, request, record) => this.listeners.forEach((l) => l(c, request, record)),
        changed: this.deps.changed,
        ...(this.deps.latency ? { latency: this.deps.latency } : {}),
      },
      ctx,
    );
    exec.status = 'running';
    exec.start = this.deps.now().toISOString();
    // On the latency model's time: a simulated day's delays count in the execution as waited ones do.
    const monotonic = () => this.deps.latency?.monotonicMs() ?? performance.now();
    const started = monotonic();
    // Apps Script's own start-up before the first line runs; Google counts it in the execution's time.
    await this.deps.latency?.wait('appsScript.startup');
    const result = await this.pool.run(job, handler, this.options.maxExecutionMs ?? SIX_MINUTES);
    // Google counts the whole execution, waits on UrlFetchApp included.
    exec.durationMs = Math.round(monotonic() - started);
    if (q.trigger) {
      this.budgets.chargeRuntime(runAs, exec.durationMs);
      this.deps.changed();
    }
    exec.status = result.status;
    if (result.error !== undefined) exec.error = result.error;
    if ('result' in result && result.result !== undefined) exec.result = result.result;
    return exec;
  }
}

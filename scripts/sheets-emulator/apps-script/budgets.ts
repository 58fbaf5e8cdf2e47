/** Apps Script's daily per-user quotas (triggers' runtime, UrlFetch calls), counted over a rolling 24 hours. */

/** The limits one account gets. */
export interface BudgetLimits {
  /** Total runtime of trigger executions. */
  triggerRuntimeMs: number;
  /** UrlFetchApp calls, from any execution. */
  urlFetchCalls: number;
}

/** Consumer (gmail.com) or Google Workspace account: their quotas differ. */
export type AccountType = 'consumer' | 'workspace';

/** Google's values [doc https://developers.google.com/apps-script/guides/services/quotas]. */
export const GOOGLE_BUDGETS: Record<AccountType, BudgetLimits> = {
  consumer: { triggerRuntimeMs: 90 * 60_000, urlFetchCalls: 20_000 },
  workspace: { triggerRuntimeMs: 6 * 3_600_000, urlFetchCalls: 100_000 },
};

/** "Triggers: 20 / user / script" [same page]. */
export const TRIGGERS_PER_USER_PER_SCRIPT = 20;

/**
 * Google: "Quotas are per user and reset 24 hours after the first request." A rolling window (each use counts for
 * 24 hours after it) never allows more in any 24 hours than that, so it is the stricter reading and the one modelled.
 */
export const WINDOW_MS = 24 * 3_600_000;

/** Usage is kept per minute so a day of calls stays small; a minute counts until 24 h after its end. */
const BUCKET_MS = 60_000;

/** One minute of one user's usage. */
interface Bucket {
  start: number;
  triggerRuntimeMs: number;
  urlFetchCalls: number;
}

/** Usage as persisted: per user, per minute. */
export type SavedBudgets = Record<string, Bucket[]>;

/** What the quotas endpoint shows for one user. */
export interface BudgetReport {
  user: string;
  accountType: AccountType;
  window: string;
  limits: BudgetLimits & { triggersPerUserPerScript: number };
  used: BudgetLimits;
  remaining: BudgetLimits;
}

/** Counts each user's usage and says when a budget is spent. */
export class Budgets {
  private usage = new Map<string, Bucket[]>();

  constructor(
    private readonly now: () => Date,
    private readonly accountOf: (email: string) => { type: AccountType; limits: BudgetLimits },
  ) {}

  /** Adds the runtime of one trigger execution. */
  chargeRuntime(email: string, ms: number): void {
    this.bucket(email).triggerRuntimeMs += ms;
  }

  /** Adds one UrlFetchApp call. */
  chargeUrlFetch(email: string): void {
    this.bucket(email).urlFetchCalls += 1;
  }

  /** Usage within the window. */
  used(email: string): BudgetLimits {
    const buckets = this.live(email);
    return {
      triggerRuntimeMs: buckets.reduce((n, b) => n + b.triggerRuntimeMs, 0),
      urlFetchCalls: buckets.reduce((n, b) => n + b.urlFetchCalls, 0),
    };
  }

  /** True when the user's trigger runtime is spent: a trigger execution does not start. */
  runtimeSpent(email: string): boolean {
    return this.used(email).triggerRuntimeMs >= this.accountOf(email).limits.triggerRuntimeMs;
  }

  /** True when the user's UrlFetch calls are spent: the next call throws. */
  urlFetchSpent(email: string): boolean {
    return this.used(email).urlFetchCalls >= this.accountOf(email).limits.urlFetchCalls;
  }

  /** Limits, use and what is left, for the admin endpoint. */
  report(email: string): BudgetReport {
    const account = this.accountOf(email);
    const used = this.used(email);
    return {
      user: email,
      accountType: account.type,
      window: 'rolling 24 hours (stricter than "reset 24 hours after the first request")',
      limits: { ...account.limits, triggersPerUserPerScript: TRIGGERS_PER_USER_PER_SCRIPT },
      used,
      remaining: {
        triggerRuntimeMs: Math.max(0, account.limits.triggerRuntimeMs - used.triggerRuntimeMs),
        urlFetchCalls: Math.max(0, account.limits.urlFetchCalls - used.urlFetchCalls),
      },
    };
  }

  /** For persistence. */
  save(): SavedBudgets {
    for (const email of [...this.usage.keys()]) this.live(email);
    return Object.fromEntries(this.usage);
  }

  /** Restores save()'s output. */
  load(saved: SavedBudgets | undefined): void {
    this.usage = new Map(Object.entries(saved ?? {}));
  }

  /** Forgets all usage (wipe). */
  clear(): void {
    this.usage.clear();
  }

  private live(email: string): Bucket[] {
    const since = this.now().getTime() - WINDOW_MS;
    const kept = (this.usage.get(email) ?? []).filter((b) => b.start + BUCKET_MS > since);
    if (kept.length > 0) this.usage.set(email, kept);
    else this.usage.delete(email);
    return kept;
  }

  private bucket(email: string): Bucket {
    const start = Math.floor(this.now().getTime() / BUCKET_MS) * BUCKET_MS;
    const buckets = this.live(email);
    let last = buckets.at(-1);
    if (last?.start !== start) {
      last = { start, triggerRuntimeMs: 0, urlFetchCalls: 0 };
      buckets.push(last);
      this.usage.set(email, buckets);
    }
    return last;
  }
}

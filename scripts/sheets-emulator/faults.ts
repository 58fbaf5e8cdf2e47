/** Fault injection: answer chosen methods with 429/500/503, Drive's 403 reasons, and/or latency, by count or rate. */
import { sharingRateLimitExceeded } from './accounts/errors.js';
import { internalError, unavailable } from './contract/errors.js';
import { driveRateLimitError, quotaKind, sheetsQuotaError } from './quotas.js';
import type { GoogleApiError } from './types.js';

/** One fault rule as POSTed to /__emulator/faults. */
export interface FaultRule {
  /** Status to answer with; omit for latency only. 403 needs a Drive `reason`. */
  status?: 403 | 429 | 500 | 503;
  /** With status 403: the Drive reason whose body to send (sharingRateLimitExceeded). */
  reason?: 'sharingRateLimitExceeded';
  /** Apply to this many matching requests, then retire (default: unlimited). */
  count?: number;
  /** Probability (0..1) that a matching request is hit (default 1). */
  rate?: number;
  /** Discovery method ids (e.g. "sheets.spreadsheets.values.get") or prefixes ending in "*"; default all. */
  methods?: string[];
  /** Delay before answering, in ms. */
  latencyMs?: number;
  /** Retry-After header value for 429/503. */
  retryAfterSeconds?: number;
}

/** What a request suffers: a delay and/or an error. */
export interface FaultOutcome {
  latencyMs: number;
  error?: GoogleApiError;
}

/** Checks a rule posted by a test; returns a message when it is malformed. */
export function checkFaultRule(rule: unknown): string | undefined {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return 'a fault is a JSON object';
  const r = rule as Record<string, unknown>;
  const known = ['status', 'reason', 'count', 'rate', 'methods', 'latencyMs', 'retryAfterSeconds'];
  const unknown = Object.keys(r).find((k) => !known.includes(k));
  if (unknown) return `unknown fault field "${unknown}"`;
  if (r.status !== undefined && ![403, 429, 500, 503].includes(r.status as number))
    return 'status must be 403, 429, 500 or 503';
  if ((r.status === 403) !== (r.reason !== undefined))
    return 'status 403 goes with a reason, and a reason with 403';
  if (r.reason !== undefined && r.reason !== 'sharingRateLimitExceeded')
    return "reason must be 'sharingRateLimitExceeded'";
  if (r.status === undefined && r.latencyMs === undefined) return 'give a status, a latencyMs, or both';
  if (r.count !== undefined && !(Number.isInteger(r.count) && (r.count as number) > 0))
    return 'count must be > 0';
  if (r.rate !== undefined && !(typeof r.rate === 'number' && r.rate >= 0 && r.rate <= 1))
    return 'rate is 0..1';
  if (r.latencyMs !== undefined && !(typeof r.latencyMs === 'number' && r.latencyMs >= 0))
    return 'latencyMs >= 0';
  if (
    r.retryAfterSeconds !== undefined &&
    !(Number.isInteger(r.retryAfterSeconds) && (r.retryAfterSeconds as number) >= 0)
  ) {
    return 'retryAfterSeconds must be an integer >= 0';
  }
  if (
    r.methods !== undefined &&
    !(Array.isArray(r.methods) && r.methods.every((m) => typeof m === 'string'))
  ) {
    return 'methods is a list of method ids';
  }
  return undefined;
}

function matches(rule: FaultRule, methodId: string): boolean {
  if (!rule.methods || rule.methods.length === 0) return true;
  return rule.methods.some((m) => (m.endsWith('*') ? methodId.startsWith(m.slice(0, -1)) : m === methodId));
}

/** The active fault rules. */
export class Faults {
  private rules: (FaultRule & { remaining?: number })[] = [];

  constructor(
    private readonly projectNumber: string,
    private readonly random: () => number = Math.random,
  ) {}

  /** Adds a rule (already checked with checkFaultRule). */
  add(rule: FaultRule): void {
    this.rules.push({ ...rule, ...(rule.count !== undefined ? { remaining: rule.count } : {}) });
  }

  /** The rules still active. */
  list(): FaultRule[] {
    return this.rules.map((r) => {
      const { remaining, ...rule } = r;
      return remaining === undefined ? rule : { ...rule, count: remaining };
    });
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /**
   * Decides what happens to one request of `methodId`; the first matching rule that fires wins. `fileName` names
   * the file the request is about (Drive's sharing-limit message quotes it).
   */
  draw(methodId: string, fileName = ''): FaultOutcome {
    for (const rule of this.rules) {
      if (!matches(rule, methodId)) continue;
      if (rule.rate !== undefined && this.random() >= rule.rate) continue;
      if (rule.remaining !== undefined) {
        rule.remaining -= 1;
        if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
      }
      return {
        latencyMs: rule.latencyMs ?? 0,
        ...(rule.status ? { error: this.errorFor(rule, methodId, fileName) } : {}),
      };
    }
    return { latencyMs: 0 };
  }

  private errorFor(rule: FaultRule, methodId: string, fileName: string): GoogleApiError {
    if (rule.status === 403) return sharingRateLimitExceeded(fileName);
    if (rule.status === 429) {
      const kind = quotaKind(methodId);
      return kind
        ? sheetsQuotaError(kind, 'user', this.projectNumber, 60, rule.retryAfterSeconds)
        : driveRateLimitError(rule.retryAfterSeconds);
    }
    const err = rule.status === 500 ? internalError() : unavailable();
    if (rule.retryAfterSeconds !== undefined) {
      Object.assign(err.extra, { headers: { 'Retry-After': String(rule.retryAfterSeconds) } });
    }
    return err;
  }
}

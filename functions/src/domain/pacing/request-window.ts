/**
 * Pacing batch work under Sheets' per-minute quotas: a sliding one-minute window of the reads and writes a run has
 * made, and how long to wait before the next unit of work so the window stays within its budget. Pure: times are
 * milliseconds given by the caller.
 */

/** Sheets requests per minute a batch run allows itself, for reads and for writes apart. */
export interface RequestBudget {
  readsPerMinute: number;
  writesPerMinute: number;
}

/**
 * Sheets allows 60 reads and 60 writes per minute per user (and 300 per project). Every call theodoi makes carries
 * one account (the coordinator's grant, or the shared drive's service account), so the per-user limit binds. A batch
 * run (the morning check, the dashboards, the sweep) keeps to 40 of each, leaving 20 a minute for officers' own syncs,
 * which run at the same time in other instances and answer people.
 */
export const BATCH_BUDGET: RequestBudget = { readsPerMinute: 40, writesPerMinute: 40 };

/** Requests of one unit of work (one directive checked, one dashboard rebuilt). */
export interface RequestCount {
  reads: number;
  writes: number;
}

const MINUTE_MS = 60_000;

/** The requests a run made in its last minute, and what the next ones must wait. */
export class RequestWindow {
  private readonly made: { at: number; reads: number; writes: number }[] = [];

  constructor(private readonly budget: RequestBudget = BATCH_BUDGET) {
    if (budget.readsPerMinute < 1 || budget.writesPerMinute < 1)
      throw new Error('A request budget allows at least one read and one write a minute');
  }

  /** Records `count` requests made at `at`. */
  record(at: number, count: RequestCount): void {
    if (count.reads > 0 || count.writes > 0) this.made.push({ at, reads: count.reads, writes: count.writes });
  }

  /**
   * How many ms to wait from `now` before making `next` requests, so that no minute holds more than the budget.
   * A unit of work larger than the budget alone waits for an empty window and then goes ahead.
   */
  waitBefore(now: number, next: RequestCount): number {
    this.forget(now);
    let wait = 0;
    for (const [key, limit] of [
      ['reads', this.budget.readsPerMinute],
      ['writes', this.budget.writesPerMinute],
    ] as const) {
      if (next[key] === 0) continue;
      const allowed = Math.max(0, limit - Math.min(next[key], limit));
      // Walk back from the newest: the first moment the requests inside the window drop to `allowed`.
      let inWindow = this.made.reduce((n, m) => n + m[key], 0);
      for (const m of this.made) {
        if (inWindow <= allowed) break;
        inWindow -= m[key];
        wait = Math.max(wait, m.at + MINUTE_MS - now);
      }
    }
    return wait;
  }

  private forget(now: number): void {
    while (this.made.length > 0 && this.made[0]!.at <= now - MINUTE_MS) this.made.shift();
  }
}

/** A batch run's pace under Sheets' per-minute quotas: wait before a unit of work when the last minute is full. */
import type { Clock } from '../clock.js';
import {
  BATCH_BUDGET,
  RequestWindow,
  type RequestBudget,
  type RequestCount,
} from '../domain/pacing/request-window.js';

/** Paces one run: `before` waits as long as the budget needs, `after` records what the work made. */
export interface Pacer {
  before(next: RequestCount): Promise<void>;
  after(made: RequestCount): void;
  /** Total time waited, in ms (reported by the run). */
  readonly waitedMs: number;
}

/** A pacer on `clock` (a manual clock moves on instead of waiting) for `budget`; `false` for none. */
export function createPacer(clock: Clock, budget: RequestBudget | false = BATCH_BUDGET): Pacer {
  const window = budget === false ? undefined : new RequestWindow(budget);
  const sleep = (ms: number) =>
    clock.sleep ? clock.sleep(ms) : new Promise<void>((resolve) => setTimeout(resolve, ms));
  let waitedMs = 0;
  return {
    async before(next) {
      const wait = window?.waitBefore(clock.now().getTime(), next) ?? 0;
      if (wait <= 0) return;
      waitedMs += wait;
      await sleep(wait);
    },
    after(made) {
      window?.record(clock.now().getTime(), made);
    },
    get waitedMs() {
      return waitedMs;
    },
  };
}

/** What one directive checked or one dashboard rebuilt is expected to cost before it runs. */
export const ONE_READ_ONE_WRITE: RequestCount = { reads: 1, writes: 1 };

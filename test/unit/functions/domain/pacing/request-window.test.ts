// A batch run paces itself: no minute holds more Sheets requests than its budget, and it waits no longer than needed.
import { describe, expect, it } from 'vitest';
import { RequestWindow } from '@theodoi/functions/domain/pacing/request-window';

const ONE = { reads: 1, writes: 1 };

/** Runs `units` of work through the window, each taking `workMs`, and returns when each started. */
function simulate(window: RequestWindow, units: number, workMs: number, per = ONE): number[] {
  const starts: number[] = [];
  let now = 0;
  for (let i = 0; i < units; i++) {
    now += window.waitBefore(now, per);
    starts.push(now);
    window.record(now, per);
    now += workMs;
  }
  return starts;
}

/** The most requests started in any minute. */
function busiestMinute(starts: readonly number[], per = 1): number {
  return Math.max(...starts.map((s) => starts.filter((t) => t >= s && t < s + 60_000).length * per));
}

describe('RequestWindow', () => {
  it('lets a run go at full speed while it stays under its budget', () => {
    expect(simulate(new RequestWindow({ readsPerMinute: 40, writesPerMinute: 40 }), 30, 500).at(-1)).toBe(
      29 * 500,
    );
  });

  it('keeps 200 directives (one read, one write each) to 40 a minute, and takes no longer than that needs', () => {
    const starts = simulate(new RequestWindow({ readsPerMinute: 40, writesPerMinute: 40 }), 200, 300);
    expect(busiestMinute(starts)).toBe(40);
    // 200 at 40 a minute: the last starts in the fifth minute.
    expect(starts.at(-1)!).toBeGreaterThanOrEqual(4 * 60_000);
    expect(starts.at(-1)!).toBeLessThan(5 * 60_000);
  });

  it('counts reads and writes apart: a run of reads only is not held back by the write budget', () => {
    const starts = simulate(new RequestWindow({ readsPerMinute: 40, writesPerMinute: 5 }), 40, 100, {
      reads: 1,
      writes: 0,
    });
    expect(starts.at(-1)).toBe(39 * 100);
  });

  it('lets a unit bigger than the budget through once the window is empty', () => {
    const window = new RequestWindow({ readsPerMinute: 10, writesPerMinute: 10 });
    window.record(0, { reads: 10, writes: 0 });
    expect(window.waitBefore(1_000, { reads: 25, writes: 0 })).toBe(59_000);
    expect(window.waitBefore(60_000, { reads: 25, writes: 0 })).toBe(0);
  });
});

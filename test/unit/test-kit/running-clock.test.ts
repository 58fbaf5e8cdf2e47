// The bench's day clock: work's own time passes on it, waits and jumps are skipped, and it never goes back.
import { describe, expect, it } from 'vitest';
import { RunningClock } from '@theodoi/test-kit/running-clock';

describe('RunningClock', () => {
  it("keeps the machine's pace and skips sleeps and jumps", async () => {
    let machine = 1000;
    const clock = new RunningClock('2026-03-17T00:30:00Z', () => machine);
    machine += 250; // work that took 250 ms
    expect(clock.now().toISOString()).toBe('2026-03-17T00:30:00.250Z');
    await clock.sleep(60_000); // a pacer's wait
    expect(clock.now().toISOString()).toBe('2026-03-17T00:31:00.250Z');
    clock.set('2026-03-17T01:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-03-17T01:00:00.000Z');
    clock.set('2026-03-17T00:45:00Z'); // already past: work ran late
    expect(clock.now().toISOString()).toBe('2026-03-17T01:00:00.000Z');
    expect(clock.skippedMs).toBe(30 * 60_000 - 250);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});

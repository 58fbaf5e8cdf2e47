// Delays on a simulated clock: calls side by side overlap, calls one after another add up, no real time waited.
import { describe, expect, it } from 'vitest';
import { Latency } from '@theodoi/sheets-emulator/latency/latency';
import { SimulatedDelays } from '@theodoi/sheets-emulator/latency/simulated-delays';

/** A clock that moves only when told to. */
function simulatedTime(start = 0) {
  let now = start;
  return { now: () => now, advanceTo: (ms: number) => void (now = Math.max(now, ms)) };
}

describe('SimulatedDelays', () => {
  it('overlaps delays started together and wakes them in order of their ends', async () => {
    const time = simulatedTime();
    const delays = new SimulatedDelays(time);
    const woke: [string, number][] = [];
    await Promise.all(
      (
        [
          ['write', 800],
          ['read', 450],
          ['files.get', 250],
        ] as const
      ).map(([name, ms]) => delays.sleep(ms).then(() => woke.push([name, time.now()]))),
    );
    expect(woke).toEqual([
      ['files.get', 250],
      ['read', 450],
      ['write', 800],
    ]);
  });

  it('adds up delays one after another', async () => {
    const time = simulatedTime(1000);
    const delays = new SimulatedDelays(time);
    await delays.sleep(450);
    await delays.sleep(800);
    expect(time.now()).toBe(2250);
  });
});

describe('Latency.simulate', () => {
  it('passes the drawn delays on the clock, waits none in real time, and measures on that clock', async () => {
    const time = simulatedTime();
    const latency = new Latency({ seed: 3, groups: { 'sheets.write': { medianMs: 60_000, p95Ms: 60_000 } } });
    latency.simulate(time);
    const started = performance.now();
    await latency.wait('sheets.write');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(time.now()).toBe(60_000);
    expect(latency.monotonicMs()).toBe(60_000);
    latency.simulate(undefined);
    expect(latency.monotonicMs()).not.toBe(60_000);
  });
});

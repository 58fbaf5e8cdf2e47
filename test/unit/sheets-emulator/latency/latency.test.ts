// Drawing delays: off means none at all; a seed gives the same delays again, per group whatever other groups draw;
// big bodies cost more where the model says so; custom settings scale and replace rows, and malformed ones are refused.
import { describe, expect, it } from 'vitest';
import { Latency, resolveLatency } from '@theodoi/sheets-emulator/latency/latency';
import { GOOGLE_LATENCY } from '@theodoi/sheets-emulator/latency/model';

const draws = (latency: Latency, n: number, group: 'sheets.read' | 'sheets.write' = 'sheets.read') =>
  Array.from({ length: n }, () => latency.sample(group));

describe('Latency', () => {
  it('is off by default: no delay is drawn and waiting returns at once', async () => {
    const latency = new Latency();
    expect(latency.enabled).toBe(false);
    expect(latency.model).toBeUndefined();
    expect(draws(latency, 5)).toEqual([0, 0, 0, 0, 0]);
    const started = performance.now();
    await latency.wait('sheets.write', 10 * 1024 * 1024);
    expect(performance.now() - started).toBeLessThan(20);
    expect(latency.drawn()).toEqual([]);
  });

  it('draws the same delays again from the same seed, and others from another seed', () => {
    const a = draws(new Latency({ seed: 7 }), 50);
    expect(draws(new Latency({ seed: 7 }), 50)).toEqual(a);
    expect(draws(new Latency({ seed: 8 }), 50)).not.toEqual(a);
    expect(draws(new Latency('google'), 50)).toEqual(draws(new Latency({ seed: 1 }), 50));
  });

  it("keeps each group's sequence whatever other groups draw in between", () => {
    const alone = new Latency('google');
    const mixed = new Latency('google');
    const reads: number[] = [];
    for (let i = 0; i < 20; i++) {
      mixed.sample('appsScript.triggerDelay');
      reads.push(mixed.sample('sheets.read'));
      mixed.sample('sheets.write', 5000);
    }
    expect(reads).toEqual(draws(alone, 20));
  });

  it('charges the bodies’ size where the model says big calls are slower', () => {
    const small = new Latency('google');
    const big = new Latency('google');
    for (let i = 0; i < 10; i++) {
      const kib = 800; // a 1,000-unit batchGet
      expect(big.sample('sheets.read', kib * 1024) - small.sample('sheets.read')).toBeCloseTo(
        kib * GOOGLE_LATENCY['sheets.read'].msPerKiB!,
        6,
      );
      expect(big.sample('sheets.write', kib * 1024) - small.sample('sheets.write')).toBeCloseTo(
        kib * GOOGLE_LATENCY['sheets.write'].msPerKiB!,
        6,
      );
      // The trigger path has no size term.
      expect(big.sample('appsScript.urlFetch', kib * 1024)).toBe(small.sample('appsScript.urlFetch'));
    }
  });

  it('waits the delay it drew and logs it', async () => {
    const latency = new Latency({ groups: { 'drive.get': { medianMs: 120, p95Ms: 120 } } });
    const started = performance.now();
    await latency.wait('drive.get');
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    expect(latency.drawn()).toEqual([{ group: 'drive.get', ms: 120 }]);
  });

  it('ends waits in progress when closed', async () => {
    const latency = new Latency({ groups: { 'drive.share': { medianMs: 60_000, p95Ms: 60_000 } } });
    const started = performance.now();
    const waiting = latency.wait('drive.share');
    latency.close();
    await waiting;
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('scales every row and replaces the rows given', () => {
    const resolved = resolveLatency({ scale: 0.5, groups: { 'oauth.token': { medianMs: 10, p95Ms: 30 } } })!;
    expect(resolved.model['sheets.read']).toEqual({ medianMs: 225, p95Ms: 600, msPerKiB: 0.5 });
    expect(resolved.model['oauth.token']).toEqual({ medianMs: 5, p95Ms: 15 });
    expect(draws(new Latency({ scale: 0 }), 3)).toEqual([0, 0, 0]);
  });

  it('refuses malformed settings, naming what is wrong', () => {
    expect(() => new Latency({ scale: -1 })).toThrow('latency: scale must be ≥ 0');
    expect(() => new Latency({ seed: 1.5 })).toThrow('latency: seed must be an integer');
    expect(() => new Latency({ groups: { 'sheets.read': { medianMs: 500, p95Ms: 400 } } })).toThrow(
      'latency: sheets.read: p95Ms must be ≥ medianMs',
    );
    expect(() => new Latency({ groups: { 'sheets.read': { medianMs: 0, p95Ms: 400 } } })).toThrow(
      'latency: sheets.read: medianMs must be > 0',
    );
    expect(() => new Latency({ groups: { 'sheets.reads': { medianMs: 1, p95Ms: 2 } } as never })).toThrow(
      'latency: no group "sheets.reads"',
    );
  });
});

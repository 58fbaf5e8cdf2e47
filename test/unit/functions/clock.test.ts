// The manual clock moves only forward, and luxon throws on invalid dates once the clock module is loaded.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ManualClock, VIETNAM_ZONE } from '@theodoi/functions/clock';

describe('ManualClock', () => {
  it('advances and refuses to go backwards', () => {
    const clock = new ManualClock('2024-03-18T16:59:59Z');
    clock.advance(1000);
    expect(clock.now().toISOString()).toBe('2024-03-18T17:00:00.000Z');
    expect(() => clock.set('2024-03-01T00:00:00Z')).toThrow(/backwards/);
  });

  it('shows a UTC instant in Vietnam time', () => {
    const clock = new ManualClock('2024-03-18T16:59:59Z');
    expect(DateTime.fromJSDate(clock.now(), { zone: VIETNAM_ZONE }).toFormat('HH:mm:ss dd/MM/yyyy')).toBe(
      '23:59:59 18/03/2024',
    );
  });

  it('makes luxon throw on an impossible date', () => {
    expect(() => DateTime.fromObject({ year: 2024, month: 2, day: 31 })).toThrow();
  });
});

describe('ManualClock.sleep', () => {
  it('moves the clock on at once instead of waiting', async () => {
    const clock = new ManualClock('2024-03-19T00:30:00Z');
    const started = performance.now();
    await clock.sleep(90_000);
    expect(clock.now().toISOString()).toBe('2024-03-19T00:31:30.000Z');
    expect(performance.now() - started).toBeLessThan(50);
  });
});

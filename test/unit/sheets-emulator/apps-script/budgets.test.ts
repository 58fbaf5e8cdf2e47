// Daily budgets count over a rolling 24 hours: use stays counted until a full day after it, whatever the time of day.
import { describe, expect, it } from 'vitest';
import { Budgets, GOOGLE_BUDGETS } from '@theodoi/sheets-emulator/apps-script/budgets';

const HOUR = 3_600_000;

describe('Budgets', () => {
  it('counts a use for 24 hours after it, then lets it go', () => {
    let now = Date.parse('2026-12-01T16:59:30Z');
    const budgets = new Budgets(
      () => new Date(now),
      () => ({ type: 'consumer', limits: { triggerRuntimeMs: 1000, urlFetchCalls: 2 } }),
    );
    budgets.chargeRuntime('a@gmail.com', 600);
    budgets.chargeUrlFetch('a@gmail.com');
    now += 8 * HOUR; // past midnight in Vietnam: no daily reset
    budgets.chargeRuntime('a@gmail.com', 500);
    budgets.chargeUrlFetch('a@gmail.com');
    expect(budgets.used('a@gmail.com')).toEqual({ triggerRuntimeMs: 1100, urlFetchCalls: 2 });
    expect(budgets.runtimeSpent('a@gmail.com')).toBe(true);
    expect(budgets.urlFetchSpent('a@gmail.com')).toBe(true);
    expect(budgets.used('b@gmail.com')).toEqual({ triggerRuntimeMs: 0, urlFetchCalls: 0 });
    now += 16 * HOUR; // exactly 24 h after the first use: still within its minute's day
    expect(budgets.used('a@gmail.com').triggerRuntimeMs).toBe(1100);
    now += 60_000;
    expect(budgets.used('a@gmail.com')).toEqual({ triggerRuntimeMs: 500, urlFetchCalls: 1 });
    expect(budgets.runtimeSpent('a@gmail.com')).toBe(false);
    expect(budgets.report('a@gmail.com')).toMatchObject({
      accountType: 'consumer',
      remaining: { triggerRuntimeMs: 500, urlFetchCalls: 1 },
    });
  });

  it('survives save and load', () => {
    const now = () => new Date('2026-12-01T00:00:00Z');
    const limits = () => ({ type: 'workspace' as const, limits: GOOGLE_BUDGETS.workspace });
    const first = new Budgets(now, limits);
    first.chargeRuntime('x@ubnd.gov.vn', 42);
    const second = new Budgets(now, limits);
    second.load(JSON.parse(JSON.stringify(first.save())) as ReturnType<Budgets['save']>);
    expect(second.used('x@ubnd.gov.vn')).toEqual({ triggerRuntimeMs: 42, urlFetchCalls: 0 });
  });
});

// Decree 09/2019 periods around real dates: 15→14 windows, keys and labels, deadlines, which period is open.
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import {
  cutoffWindow,
  formatPeriodKey,
  nextPeriodToOpen,
  openedPeriods,
  parsePeriodKey,
  parseSchedule,
  periodAt,
  periodLabel,
  periodOf,
  periodsOf,
  type ScheduleInput,
} from '@theodoi/functions/domain/periods/index';

const calendar = createCalendar();
const at = (iso: string) => new Date(iso);

const quarterly = parseSchedule({
  kind: 'quarterly',
  first: '2024-Q1',
  deadline: { type: 'working-days-after-cutoff', days: 2 },
});

describe('cut-off windows (15 → 14)', () => {
  const cases: { key: string; start: string; cutoff: string }[] = [
    { key: '2024-M01', start: '2023-12-15', cutoff: '2024-01-14' },
    { key: '2024-M03', start: '2024-02-15', cutoff: '2024-03-14' },
    { key: '2024-M12', start: '2024-11-15', cutoff: '2024-12-14' },
    { key: '2025-M01', start: '2024-12-15', cutoff: '2025-01-14' },
    { key: '2024-Q1', start: '2023-12-15', cutoff: '2024-03-14' },
    { key: '2024-Q2', start: '2024-03-15', cutoff: '2024-06-14' },
    { key: '2024-Q3', start: '2024-06-15', cutoff: '2024-09-14' },
    { key: '2024-Q4', start: '2024-09-15', cutoff: '2024-12-14' },
    { key: '2025-Q1', start: '2024-12-15', cutoff: '2025-03-14' },
    { key: '2024-H1', start: '2023-12-15', cutoff: '2024-06-14' },
    { key: '2024-9M', start: '2023-12-15', cutoff: '2024-09-14' },
    { key: '2024-Y', start: '2023-12-15', cutoff: '2024-12-14' },
  ];
  cases.forEach((tc) =>
    it(`${tc.key}: ${tc.start} → ${tc.cutoff}`, () => {
      expect(cutoffWindow(parsePeriodKey(tc.key))).toEqual({ start: tc.start, cutoff: tc.cutoff });
    }),
  );
});

describe('period keys and labels', () => {
  const cases: { key: string; label: string }[] = [
    { key: '2024-M03', label: 'Tháng 3/2024' },
    { key: '2024-M12', label: 'Tháng 12/2024' },
    { key: '2024-Q1', label: 'Quý I/2024' },
    { key: '2024-Q4', label: 'Quý IV/2024' },
    { key: '2024-H1', label: '6 tháng đầu năm 2024' },
    { key: '2024-9M', label: '9 tháng đầu năm 2024' },
    { key: '2024-Y', label: 'Năm 2024' },
  ];
  cases.forEach((tc) =>
    it(`${tc.key} reads "${tc.label}" and round-trips`, () => {
      const ref = parsePeriodKey(tc.key);
      expect(formatPeriodKey(ref)).toBe(tc.key);
      expect(periodLabel(ref)).toBe(tc.label);
    }),
  );

  ['2024-M13', '2024-M3', '2024-Q5', '2024-H2', '24-Q1', 'once', '2024-q1'].forEach((key) =>
    it(`refuses the key ${key}`, () => {
      expect(() => parsePeriodKey(key)).toThrow(RangeError);
    }),
  );
});

describe('deadlines', () => {
  const cases: { name: string; schedule: ScheduleInput; key: string; deadline: string; nominal?: string }[] =
    [
      {
        name: 'Quý I/2024, 2 working days after Thu 14/03 → Mon 18/03',
        schedule: {
          kind: 'quarterly',
          first: '2024-Q1',
          deadline: { type: 'working-days-after-cutoff', days: 2 },
        },
        key: '2024-Q1',
        deadline: '2024-03-18',
      },
      {
        name: 'Quý III/2024, cut-off on Sat 14/09 → Tue 17/09',
        schedule: {
          kind: 'quarterly',
          first: '2024-Q1',
          deadline: { type: 'working-days-after-cutoff', days: 2 },
        },
        key: '2024-Q3',
        deadline: '2024-09-17',
      },
      {
        name: 'Quý IV/2024 at the year end, cut-off on Sat 14/12 → Tue 17/12',
        schedule: {
          kind: 'quarterly',
          first: '2024-Q1',
          deadline: { type: 'working-days-after-cutoff', days: 2 },
        },
        key: '2024-Q4',
        deadline: '2024-12-17',
      },
      {
        name: 'Tháng 2/2024, cut-off inside Tết (Wed 14/02) → Fri 16/02',
        schedule: {
          kind: 'monthly',
          first: '2024-M01',
          deadline: { type: 'working-days-after-cutoff', days: 2 },
        },
        key: '2024-M02',
        deadline: '2024-02-16',
      },
      {
        name: 'Tháng 2/2026, cut-off on Sat 14/02 inside Tết 2026 → Tue 24/02',
        schedule: {
          kind: 'monthly',
          first: '2026-M01',
          deadline: { type: 'working-days-after-cutoff', days: 2 },
        },
        key: '2026-M02',
        deadline: '2026-02-24',
      },
      {
        name: 'a deadline on 30/04/2024 (a holiday) moves to the next working day, Thu 02/05',
        schedule: { kind: 'monthly', first: '2024-M01', deadline: { type: 'day-of-month', day: 30 } },
        key: '2024-M04',
        deadline: '2024-05-02',
        nominal: '2024-04-30',
      },
      {
        name: 'the same deadline under previous-working-day moves back to Fri 26/04',
        schedule: {
          kind: 'monthly',
          first: '2024-M01',
          deadline: { type: 'day-of-month', day: 30 },
          onNonWorkingDay: 'previous-working-day',
        },
        key: '2024-M04',
        deadline: '2024-04-26',
        nominal: '2024-04-30',
      },
      {
        name: 'the same deadline under keep stays on 30/04',
        schedule: {
          kind: 'monthly',
          first: '2024-M01',
          deadline: { type: 'day-of-month', day: 30 },
          onNonWorkingDay: 'keep',
        },
        key: '2024-M04',
        deadline: '2024-04-30',
      },
      {
        name: 'day 31 of February 2024 is its last day, Thu 29/02',
        schedule: { kind: 'monthly', first: '2024-M01', deadline: { type: 'day-of-month', day: 31 } },
        key: '2024-M02',
        deadline: '2024-02-29',
      },
      {
        name: 'Năm 2024 due on the 5th of the next month: Sun 05/01/2025 → Mon 06/01',
        schedule: {
          kind: 'annual',
          first: '2024-Y',
          deadline: { type: 'day-of-month', day: 5, monthsAfterCutoff: 1 },
        },
        key: '2024-Y',
        deadline: '2025-01-06',
        nominal: '2025-01-05',
      },
      {
        name: 'a per-period date replaces the rule',
        schedule: {
          kind: 'quarterly',
          first: '2024-Q1',
          deadline: { type: 'working-days-after-cutoff', days: 2 },
          deadlineOverrides: { '2024-Q1': '2024-03-20' },
        },
        key: '2024-Q1',
        deadline: '2024-03-20',
      },
      {
        name: 'a one-off deadline on mùng 1 Tết 2024 (Sat 10/02) moves to Thu 15/02',
        schedule: { kind: 'once', opensOn: '2024-02-05', deadline: '2024-02-10' },
        key: 'once',
        deadline: '2024-02-15',
        nominal: '2024-02-10',
      },
      {
        name: '6 tháng đầu năm 2025, 2 working days after Sat 14/06 → Tue 17/06',
        schedule: {
          kind: 'six-month',
          first: '2025-H1',
          deadline: { type: 'working-days-after-cutoff', days: 2 },
        },
        key: '2025-H1',
        deadline: '2025-06-17',
      },
    ];
  cases.forEach((tc) =>
    it(tc.name, () => {
      const period = periodOf(parseSchedule(tc.schedule), tc.key, calendar);
      expect(period.deadline).toBe(tc.deadline);
      expect(period.nominalDeadline).toBe(tc.nominal ?? tc.deadline);
    }),
  );

  it('Quý I/2024 opens at 00:00 15/12/2023 and its deadline ends at 23:59:59.999 on 18/03 (16:59:59.999 UTC)', () => {
    const period = periodOf(quarterly, '2024-Q1', calendar);
    expect(period).toMatchObject({
      key: '2024-Q1',
      label: 'Quý I/2024',
      start: '2023-12-15',
      cutoff: '2024-03-14',
    });
    expect(period.opensAt.toISOString()).toBe('2023-12-14T17:00:00.000Z');
    expect(period.deadlineEndsAt.toISOString()).toBe('2024-03-18T16:59:59.999Z');
  });

  it('refuses a key the schedule does not have', () => {
    expect(() => periodOf(quarterly, '2023-Q4', calendar)).toThrow(/has no period 2023-Q4/);
    expect(() => periodOf(quarterly, '2024-M03', calendar)).toThrow(/has no period 2024-M03/);
  });
});

describe('periodsOf', () => {
  const cases: { name: string; schedule: ScheduleInput; from: number; to: number; keys: string[] }[] = [
    {
      name: 'quarterly 2024–2025',
      schedule: {
        kind: 'quarterly',
        first: '2024-Q1',
        deadline: { type: 'working-days-after-cutoff', days: 2 },
      },
      from: 2024,
      to: 2025,
      keys: ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'],
    },
    {
      name: 'quarterly starting at Quý III and ending at Quý I of the next year',
      schedule: {
        kind: 'quarterly',
        first: '2024-Q3',
        last: '2025-Q1',
        deadline: { type: 'working-days-after-cutoff', days: 2 },
      },
      from: 2023,
      to: 2026,
      keys: ['2024-Q3', '2024-Q4', '2025-Q1'],
    },
    {
      name: 'nine-month reports, one a year',
      schedule: {
        kind: 'nine-month',
        first: '2024-9M',
        deadline: { type: 'working-days-after-cutoff', days: 2 },
      },
      from: 2024,
      to: 2026,
      keys: ['2024-9M', '2025-9M', '2026-9M'],
    },
    {
      name: 'a one-off inside the years',
      schedule: { kind: 'once', opensOn: '2024-02-05', deadline: '2024-03-29' },
      from: 2024,
      to: 2024,
      keys: ['once'],
    },
    {
      name: 'a one-off outside the years',
      schedule: { kind: 'once', opensOn: '2024-02-05', deadline: '2024-03-29' },
      from: 2025,
      to: 2026,
      keys: [],
    },
  ];
  cases.forEach((tc) =>
    it(tc.name, () => {
      expect(periodsOf(parseSchedule(tc.schedule), tc.from, tc.to, calendar).map((p) => p.key)).toEqual(
        tc.keys,
      );
    }),
  );

  it('monthly 2025 gives twelve periods with their windows', () => {
    const schedule = parseSchedule({
      kind: 'monthly',
      first: '2025-M01',
      deadline: { type: 'working-days-after-cutoff', days: 2 },
    });
    const periods = periodsOf(schedule, 2025, 2025, calendar);
    expect(periods).toHaveLength(12);
    expect(periods[0]).toMatchObject({ label: 'Tháng 1/2025', start: '2024-12-15', cutoff: '2025-01-14' });
    expect(periods[11]).toMatchObject({ label: 'Tháng 12/2025', start: '2025-11-15', cutoff: '2025-12-14' });
  });
});

describe('periodAt: the period open for reporting', () => {
  const cases: { name: string; instant: string; key: string | undefined }[] = [
    {
      name: 'nothing before Quý I/2024 opens (23:59:59.999 14/12/2023)',
      instant: '2023-12-14T16:59:59.999Z',
      key: undefined,
    },
    { name: 'Quý I/2024 from 00:00 15/12/2023', instant: '2023-12-14T17:00:00.000Z', key: '2024-Q1' },
    { name: 'Quý I/2024 on its cut-off day', instant: '2024-03-14T03:00:00.000Z', key: '2024-Q1' },
    {
      name: 'still Quý I/2024 at the last instant of its deadline, though Quý II has opened',
      instant: '2024-03-18T16:59:59.999Z',
      key: '2024-Q1',
    },
    {
      name: 'Quý II/2024 once Quý I’s deadline day has ended',
      instant: '2024-03-18T17:00:00.000Z',
      key: '2024-Q2',
    },
    {
      name: 'Quý IV/2024 until its deadline Tue 17/12/2024',
      instant: '2024-12-17T09:00:00.000Z',
      key: '2024-Q4',
    },
    {
      name: 'Quý I/2025 after it, across the year boundary',
      instant: '2024-12-18T02:00:00.000Z',
      key: '2025-Q1',
    },
  ];
  cases.forEach((tc) =>
    it(tc.name, () => {
      expect(periodAt(quarterly, at(tc.instant), calendar)?.key).toBe(tc.key);
    }),
  );

  it('a finished schedule keeps its last period, overdue', () => {
    const finished = parseSchedule({ ...quarterly, last: '2024-Q4' });
    expect(periodAt(finished, at('2025-02-01T00:00:00.000Z'), calendar)?.key).toBe('2024-Q4');
  });

  it('a six-month schedule stays on its last H1 until the next one opens on 15/12', () => {
    const sixMonth = parseSchedule({
      kind: 'six-month',
      first: '2024-H1',
      deadline: { type: 'working-days-after-cutoff', days: 2 },
    });
    expect(periodAt(sixMonth, at('2024-07-01T02:00:00.000Z'), calendar)?.key).toBe('2024-H1');
    expect(periodAt(sixMonth, at('2024-12-20T02:00:00.000Z'), calendar)?.key).toBe('2025-H1');
  });

  it('openedPeriods lists every period whose tab exists', () => {
    expect(openedPeriods(quarterly, at('2024-03-20T02:00:00.000Z'), calendar).map((p) => p.key)).toEqual([
      '2024-Q1',
      '2024-Q2',
    ]);
  });
});

describe('nextPeriodToOpen', () => {
  const cases: { name: string; instant: string; key: string | undefined; opensAt?: string }[] = [
    {
      name: 'before the first period: Quý I/2024',
      instant: '2023-11-01T02:00:00.000Z',
      key: '2024-Q1',
      opensAt: '2023-12-14T17:00:00.000Z',
    },
    {
      name: 'in January 2024: Quý II, opening 00:00 15/03/2024',
      instant: '2024-01-10T02:00:00.000Z',
      key: '2024-Q2',
      opensAt: '2024-03-14T17:00:00.000Z',
    },
    { name: 'at 23:59:59.999 14/03/2024: still Quý II', instant: '2024-03-14T16:59:59.999Z', key: '2024-Q2' },
    { name: 'at 00:00 15/03/2024: Quý III', instant: '2024-03-14T17:00:00.000Z', key: '2024-Q3' },
    { name: 'in December 2024: Quý II/2025', instant: '2024-12-16T02:00:00.000Z', key: '2025-Q2' },
  ];
  cases.forEach((tc) =>
    it(tc.name, () => {
      const next = nextPeriodToOpen(quarterly, at(tc.instant), calendar);
      expect(next?.key).toBe(tc.key);
      if (tc.opensAt) expect(next?.opensAt.toISOString()).toBe(tc.opensAt);
    }),
  );

  it('none once the last period has opened, and a one-off only before it opens', () => {
    const finished = parseSchedule({ ...quarterly, last: '2024-Q4' });
    expect(nextPeriodToOpen(finished, at('2024-10-01T02:00:00.000Z'), calendar)).toBeUndefined();
    const once = parseSchedule({ kind: 'once', opensOn: '2024-02-05', deadline: '2024-03-29' });
    expect(nextPeriodToOpen(once, at('2024-02-04T02:00:00.000Z'), calendar)?.key).toBe('once');
    expect(nextPeriodToOpen(once, at('2024-02-05T02:00:00.000Z'), calendar)).toBeUndefined();
  });

  it('refuses to guess a deadline in a year without calendar data', () => {
    const annual = parseSchedule({
      kind: 'annual',
      first: '2030-Y',
      deadline: { type: 'working-days-after-cutoff', days: 2 },
    });
    expect(() => nextPeriodToOpen(annual, at('2030-12-10T02:00:00.000Z'), calendar)).toThrow(
      /No holiday data for 2031/,
    );
  });
});

describe('parseSchedule', () => {
  const cases: { name: string; input: unknown; error: RegExp }[] = [
    {
      name: 'refuses a first period of another kind',
      input: {
        kind: 'quarterly',
        first: '2024-M01',
        deadline: { type: 'working-days-after-cutoff', days: 2 },
      },
      error: /2024-M01 is not a quarterly period/,
    },
    {
      name: 'refuses a last period before the first',
      input: {
        kind: 'quarterly',
        first: '2024-Q3',
        last: '2024-Q1',
        deadline: { type: 'working-days-after-cutoff', days: 2 },
      },
      error: /must not come before/,
    },
    {
      name: 'refuses a deadline before the cut-off day',
      input: { kind: 'monthly', first: '2024-M01', deadline: { type: 'day-of-month', day: 10 } },
      error: /on or after the 14th/,
    },
    {
      name: 'refuses an unknown kind',
      input: { kind: 'weekly', first: '2024-Q1', deadline: { type: 'working-days-after-cutoff', days: 2 } },
      error: /kind/,
    },
    {
      name: 'refuses a one-off due before it opens',
      input: { kind: 'once', opensOn: '2024-03-01', deadline: '2024-02-29' },
      error: /must not be before opensOn/,
    },
    {
      name: 'refuses an override key of another kind',
      input: {
        kind: 'quarterly',
        first: '2024-Q1',
        deadline: { type: 'working-days-after-cutoff', days: 2 },
        deadlineOverrides: { '2024-M03': '2024-03-20' },
      },
      error: /2024-M03 is not a quarterly period/,
    },
  ];
  cases.forEach((tc) =>
    it(tc.name, () => {
      expect(() => parseSchedule(tc.input)).toThrow(tc.error);
    }),
  );

  it('fills in the defaults', () => {
    expect(quarterly).toEqual({
      kind: 'quarterly',
      first: '2024-Q1',
      deadline: { type: 'working-days-after-cutoff', days: 2 },
      deadlineOverrides: {},
      onNonWorkingDay: 'next-working-day',
    });
  });
});

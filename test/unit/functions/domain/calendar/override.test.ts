// An organisation's own days off and working days, read from a file and applied over the national calendar.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCalendar, parseCalendarOverride } from '@theodoi/functions/domain/calendar/index';

const file = JSON.parse(
  readFileSync(new URL('./fixtures/calendar-override.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('with the example override file', () => {
  const national = createCalendar();
  const local = createCalendar({ override: parseCalendarOverride(file) });

  const cases: { name: string; date: string; national: boolean; local: boolean }[] = [
    { name: 'Mon 30/12/2024 becomes a day off', date: '2024-12-30', national: true, local: false },
    { name: 'Tue 31/12/2024 becomes a day off', date: '2024-12-31', national: true, local: false },
    { name: 'Sat 16/03/2024 becomes a working day', date: '2024-03-16', national: false, local: true },
    { name: 'Sat 23/03/2024 stays a weekend day', date: '2024-03-23', national: false, local: false },
  ];
  cases.forEach((tc) =>
    it(tc.name, () => {
      expect(national.isWorkingDay(tc.date)).toBe(tc.national);
      expect(local.isWorkingDay(tc.date)).toBe(tc.local);
    }),
  );

  it('working-day arithmetic follows the override', () => {
    expect(national.addWorkingDays('2024-12-27', 1)).toBe('2024-12-30');
    expect(local.addWorkingDays('2024-12-27', 1)).toBe('2025-01-02');
    expect(local.workingDaysBetween('2024-03-15', '2024-03-18')).toBe(2);
    const info = local.dayInfo('2024-03-16');
    expect(info.kind).toBe('organisation-working-day');
    expect(info.reason).toMatch(/thứ Bảy/);
  });
});

describe('parseCalendarOverride', () => {
  const cases: { name: string; input: unknown; error: RegExp }[] = [
    {
      name: 'refuses a day both off and worked',
      input: {
        daysOff: [{ from: '2024-12-30', to: '2024-12-31', reason: 'x' }],
        workingDays: [{ date: '2024-12-31', reason: 'y' }],
      },
      error: /2024-12-31 is also declared a day off/,
    },
    {
      name: 'refuses a reversed range',
      input: { daysOff: [{ from: '2024-12-31', to: '2024-12-30', reason: 'x' }] },
      error: /must not be before/,
    },
    {
      name: 'refuses a day off without a reason',
      input: { daysOff: [{ from: '2024-12-31', to: '2024-12-31' }] },
      error: /reason/,
    },
    {
      name: 'refuses an unreal date',
      input: { workingDays: [{ date: '2024-02-30', reason: 'x' }] },
      error: /yyyy-MM-dd/,
    },
    { name: 'refuses unknown fields', input: { extraHolidays: [] }, error: /extraHolidays/ },
  ];
  cases.forEach((tc) =>
    it(tc.name, () => {
      expect(() => parseCalendarOverride(tc.input)).toThrow(tc.error);
    }),
  );

  it('fills in empty lists', () => {
    expect(parseCalendarOverride({})).toEqual({ daysOff: [], workingDays: [] });
  });
});

// The built-in holiday data parses, carries its source and status, and matches domain-facts §4.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  ANNOUNCED_SCHEDULES,
  AnnouncedYearSchema,
  LUNAR_DATES,
  LunarYearSchema,
  weekdayOf,
} from '@theodoi/functions/domain/calendar/index';

describe('the lunar table (UTC+7)', () => {
  const facts: { year: number; tet: string; gioTo: string }[] = [
    { year: 2024, tet: '2024-02-10', gioTo: '2024-04-18' },
    { year: 2025, tet: '2025-01-29', gioTo: '2025-04-07' },
    { year: 2026, tet: '2026-02-17', gioTo: '2026-04-26' },
    { year: 2027, tet: '2027-02-06', gioTo: '2027-04-16' },
    { year: 2028, tet: '2028-01-26', gioTo: '2028-04-04' },
    { year: 2029, tet: '2029-02-13', gioTo: '2029-04-23' },
    { year: 2030, tet: '2030-02-02', gioTo: '2030-04-12' },
  ];
  facts.forEach((tc) =>
    it(`${tc.year}: Tết ${tc.tet}, Giỗ Tổ ${tc.gioTo}, 68–69 days apart`, () => {
      const entry = LUNAR_DATES.find((e) => e.year === tc.year);
      expect(entry).toMatchObject({ tet: tc.tet, gioTo: tc.gioTo });
      expect(LunarYearSchema.parse(entry)).toEqual(entry);
      // 10/3 lunar is two lunar months (29–30 days each; no leap 1st/2nd month in 2024–2030) and 9 days on.
      expect([68, 69].map((days) => addDays(tc.tet, days))).toContain(tc.gioTo);
      expect(tc.tet >= `${tc.year}-01-21` && tc.tet <= `${tc.year}-02-20`).toBe(true);
    }),
  );

  it('uses Vietnam’s date for Tết 2030 (02/02), not China’s (03/02)', () => {
    expect(LUNAR_DATES.find((e) => e.year === 2030)?.tet).toBe('2030-02-02');
  });

  it('refuses a lunar date outside its year', () => {
    expect(() =>
      LunarYearSchema.parse({ year: 2031, tet: '2030-01-23', gioTo: '2031-04-01', source: 's' }),
    ).toThrow(/must fall in 2031/);
  });
});

describe('the announced schedules', () => {
  ANNOUNCED_SCHEDULES.forEach((year) =>
    it(`${year.year} parses, each holiday with a source and a V/M status, make-up days on a Saturday`, () => {
      expect(AnnouncedYearSchema.parse(year)).toEqual(year);
      for (const holiday of year.holidays) {
        expect(holiday.source).toMatch(/domain-facts/);
        expect(['V', 'M']).toContain(holiday.status);
        for (const day of holiday.makeUpWorkingDays) expect(weekdayOf(day)).toBe(6);
      }
    }),
  );

  it('refuses a holiday listed twice and a day outside the year', () => {
    const tet = {
      holiday: 'tet-nguyen-dan',
      daysOff: [{ from: '2024-02-08', to: '2024-02-14' }],
      status: 'V',
      source: 's',
    };
    expect(() => AnnouncedYearSchema.parse({ year: 2024, holidays: [tet, tet] })).toThrow(
      /tet-nguyen-dan twice/,
    );
    expect(() => AnnouncedYearSchema.parse({ year: 2025, holidays: [tet] })).toThrow(
      /2024-02-08 is not in 2025/,
    );
  });

  it('refuses a range that ends before it starts', () => {
    const bad = {
      holiday: 'gio-to',
      daysOff: [{ from: '2024-04-18', to: '2024-04-17' }],
      status: 'V',
      source: 's',
    };
    expect(() => AnnouncedYearSchema.parse({ year: 2024, holidays: [bad] })).toThrow(/must not be before/);
  });
});

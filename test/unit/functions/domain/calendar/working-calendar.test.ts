// The national working calendar around real dates: announced 2024–2026 schedules, the 2027 default rule, weekends.
import { describe, expect, it } from 'vitest';
import {
  CalendarRangeError,
  createCalendar,
  eachDay,
  LUNAR_DATES,
  type DayKind,
  type HolidayId,
} from '@theodoi/functions/domain/calendar/index';

const calendar = createCalendar();

describe('isWorkingDay', () => {
  const cases: { name: string; date: string; working: boolean }[] = [
    { name: 'Tết Dương lịch 2024 (Mon 01/01, default rule) is off', date: '2024-01-01', working: false },
    { name: 'Tue 02/01/2024 is worked', date: '2024-01-02', working: true },
    {
      name: 'Wed 07/02/2024, the day before the Tết 2024 break, is worked',
      date: '2024-02-07',
      working: true,
    },
    { name: 'Thu 08/02/2024 opens the Tết 2024 break', date: '2024-02-08', working: false },
    { name: 'Mon 12/02/2024 (mùng 3 Tết) is off', date: '2024-02-12', working: false },
    { name: 'Wed 14/02/2024 closes the Tết 2024 break', date: '2024-02-14', working: false },
    { name: 'Thu 15/02/2024 is the first day back after Tết 2024', date: '2024-02-15', working: true },
    { name: 'Giỗ Tổ 2024 (Thu 18/04) is off', date: '2024-04-18', working: false },
    { name: 'Fri 26/04/2024 is worked before the 30/4 break', date: '2024-04-26', working: true },
    { name: 'Mon 29/04/2024 is off (swapped for Sat 04/05)', date: '2024-04-29', working: false },
    { name: '01/05/2024 is off', date: '2024-05-01', working: false },
    { name: 'Thu 02/05/2024 is worked', date: '2024-05-02', working: true },
    { name: 'Sat 04/05/2024 is the make-up working Saturday', date: '2024-05-04', working: true },
    { name: 'Sun 05/05/2024 is a weekend day', date: '2024-05-05', working: false },
    { name: 'Tue 03/09/2024 closes the Quốc khánh 2024 break', date: '2024-09-03', working: false },
    { name: 'Wed 04/09/2024 is worked', date: '2024-09-04', working: true },
    { name: 'Fri 24/01/2025 is worked before Tết 2025', date: '2025-01-24', working: true },
    { name: 'Mon 27/01/2025 is off for Tết 2025', date: '2025-01-27', working: false },
    { name: 'Fri 31/01/2025 is off for Tết 2025', date: '2025-01-31', working: false },
    { name: 'Mon 03/02/2025 is the first day back after Tết 2025', date: '2025-02-03', working: true },
    { name: 'Giỗ Tổ 2025 (Mon 07/04) is off', date: '2025-04-07', working: false },
    { name: 'Sat 26/04/2025 is the make-up working Saturday', date: '2025-04-26', working: true },
    { name: 'Fri 02/05/2025 is off (swapped for Sat 26/04)', date: '2025-05-02', working: false },
    { name: 'Mon 05/05/2025 is worked', date: '2025-05-05', working: true },
    { name: 'Fri 02/01/2026 is off for Tết Dương lịch 2026', date: '2026-01-02', working: false },
    { name: 'Sat 10/01/2026 is the make-up working Saturday', date: '2026-01-10', working: true },
    { name: 'Sun 11/01/2026 is a weekend day', date: '2026-01-11', working: false },
    { name: 'Fri 13/02/2026 is worked before Tết 2026', date: '2026-02-13', working: true },
    { name: 'Mon 16/02/2026 (last day of the lunar year) is off', date: '2026-02-16', working: false },
    { name: 'Fri 20/02/2026 is off for Tết 2026', date: '2026-02-20', working: false },
    { name: 'Mon 23/02/2026 is the first day back after Tết 2026', date: '2026-02-23', working: true },
    { name: 'Mon 27/04/2026 is off for Giỗ Tổ falling on Sunday 26/04', date: '2026-04-27', working: false },
    { name: 'Tue 28/04/2026 is worked', date: '2026-04-28', working: true },
    { name: 'Fri 01/05/2026 is off', date: '2026-05-01', working: false },
    { name: 'a Saturday (07/03/2026) is off', date: '2026-03-07', working: false },
    { name: 'a Sunday (08/03/2026) is off', date: '2026-03-08', working: false },
    { name: 'a Monday (09/03/2026) is worked', date: '2026-03-09', working: true },
    { name: '2027 default: Wed 03/02 is worked', date: '2027-02-03', working: true },
    { name: '2027 default: Thu 04/02 (28 Tết) is off', date: '2027-02-04', working: false },
    { name: '2027 default: Mon 08/02 (mùng 3) is off', date: '2027-02-08', working: false },
    { name: '2027 default: Tue 09/02 compensates mùng 1 on Saturday', date: '2027-02-09', working: false },
    { name: '2027 default: Wed 10/02 compensates mùng 2 on Sunday', date: '2027-02-10', working: false },
    { name: '2027 default: Thu 11/02 is the first day back', date: '2027-02-11', working: true },
    { name: '2027 default: Giỗ Tổ Fri 16/04 is off', date: '2027-04-16', working: false },
    { name: '2027 default: Mon 03/05 compensates 01/05 on Saturday', date: '2027-05-03', working: false },
    { name: '2027 default: Tue 04/05 is worked', date: '2027-05-04', working: true },
    {
      name: '2027 default: Fri 03/09 joins Quốc khánh (Thu 02/09) to the weekend',
      date: '2027-09-03',
      working: false,
    },
    { name: '2027 default: Wed 01/09 is worked', date: '2027-09-01', working: true },
  ];
  cases.forEach((tc) =>
    it(tc.name, () => {
      expect(calendar.isWorkingDay(tc.date)).toBe(tc.working);
    }),
  );
});

describe('dayInfo', () => {
  const cases: { name: string; date: string; kind: DayKind; holiday?: HolidayId }[] = [
    {
      name: 'a make-up Saturday names its holiday',
      date: '2024-05-04',
      kind: 'make-up-working-day',
      holiday: '30-4-1-5',
    },
    { name: 'a Tết day', date: '2024-02-12', kind: 'holiday', holiday: 'tet-nguyen-dan' },
    {
      name: 'a default-rule compensation day',
      date: '2027-02-09',
      kind: 'holiday',
      holiday: 'tet-nguyen-dan',
    },
    { name: 'a plain Saturday', date: '2024-03-09', kind: 'weekend' },
    { name: 'a plain weekday', date: '2024-03-18', kind: 'weekday' },
  ];
  cases.forEach((tc) =>
    it(tc.name, () => {
      const info = calendar.dayInfo(tc.date);
      expect(info.kind).toBe(tc.kind);
      expect(info.holiday).toBe(tc.holiday);
    }),
  );
});

describe('holidaysOf', () => {
  it('2024 Quốc khánh is announced [V]; 2025 Quốc khánh is announced but [M]; 2026 Quốc khánh is the default rule', () => {
    const block = (year: number) => calendar.holidaysOf(year).find((b) => b.holiday === 'quoc-khanh');
    expect(block(2024)).toMatchObject({ origin: 'announced', status: 'V' });
    expect(block(2025)).toMatchObject({ origin: 'announced', status: 'M' });
    expect(block(2026)).toMatchObject({
      origin: 'default-rule',
      status: 'M',
      daysOff: ['2026-09-01', '2026-09-02'],
    });
  });

  it('2027 comes wholly from the default rule, Tết around 06/02/2027 with Art. 111 compensation', () => {
    const blocks = calendar.holidaysOf(2027);
    expect(blocks.map((b) => b.origin)).toEqual(Array(5).fill('default-rule'));
    expect(blocks.find((b) => b.holiday === 'tet-nguyen-dan')?.daysOff).toEqual([
      '2027-02-04',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
    ]);
  });

  it('compensation skips days already off: 2028 Tết Dương lịch on Saturday is made up on Monday 03/01', () => {
    expect(calendar.holidaysOf(2028).find((b) => b.holiday === 'tet-duong-lich')?.daysOff).toEqual([
      '2028-01-01',
      '2028-01-03',
    ]);
  });
});

describe('addWorkingDays and neighbours', () => {
  const cases: { name: string; date: string; n: number; expected: string }[] = [
    {
      name: '2 working days after Thu 14/03/2024 is Mon 18/03',
      date: '2024-03-14',
      n: 2,
      expected: '2024-03-18',
    },
    {
      name: '1 working day after Wed 07/02/2024 skips Tết to Thu 15/02',
      date: '2024-02-07',
      n: 1,
      expected: '2024-02-15',
    },
    { name: '2 after Thu 25/04/2024 skips the 30/4 break', date: '2024-04-25', n: 2, expected: '2024-05-02' },
    {
      name: '2 after Thu 02/05/2024 lands on make-up Sat 04/05',
      date: '2024-05-02',
      n: 2,
      expected: '2024-05-04',
    },
    {
      name: '2 after Thu 24/04/2025 lands on make-up Sat 26/04',
      date: '2025-04-24',
      n: 2,
      expected: '2025-04-26',
    },
    { name: '1 after Tue 29/04/2025 is Mon 05/05', date: '2025-04-29', n: 1, expected: '2025-05-05' },
    {
      name: '1 after 31/12/2025 crosses into 2026 past Tết Dương lịch',
      date: '2025-12-31',
      n: 1,
      expected: '2026-01-05',
    },
    { name: '1 after Fri 09/01/2026 is make-up Sat 10/01', date: '2026-01-09', n: 1, expected: '2026-01-10' },
    { name: '1 after Fri 13/02/2026 skips Tết 2026', date: '2026-02-13', n: 1, expected: '2026-02-23' },
    {
      name: '1 after Wed 03/02/2027 skips default Tết 2027',
      date: '2027-02-03',
      n: 1,
      expected: '2027-02-11',
    },
    { name: '0 is the day itself, even a Saturday', date: '2024-03-16', n: 0, expected: '2024-03-16' },
    { name: '-1 from Thu 15/02/2024 goes back over Tết', date: '2024-02-15', n: -1, expected: '2024-02-07' },
    {
      name: '-1 from Mon 06/05/2024 is make-up Sat 04/05',
      date: '2024-05-06',
      n: -1,
      expected: '2024-05-04',
    },
  ];
  cases.forEach((tc) =>
    it(tc.name, () => {
      expect(calendar.addWorkingDays(tc.date, tc.n)).toBe(tc.expected);
    }),
  );

  it('lastWorkingDayBefore, lastWorkingDayOnOrBefore and nextWorkingDayOnOrAfter step over days off', () => {
    expect(calendar.lastWorkingDayBefore('2024-05-02')).toBe('2024-04-26');
    expect(calendar.lastWorkingDayBefore('2026-01-05')).toBe('2025-12-31');
    expect(calendar.lastWorkingDayOnOrBefore('2024-04-30')).toBe('2024-04-26');
    expect(calendar.lastWorkingDayOnOrBefore('2024-04-26')).toBe('2024-04-26');
    expect(calendar.nextWorkingDayOnOrAfter('2024-02-10')).toBe('2024-02-15');
    expect(calendar.nextWorkingDayOnOrAfter('2024-02-15')).toBe('2024-02-15');
  });

  it('refuses a fractional number of working days', () => {
    expect(() => calendar.addWorkingDays('2024-03-14', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  const cases: { name: string; a: string; b: string; expected: number }[] = [
    { name: 'the next working day is 1', a: '2024-03-18', b: '2024-03-19', expected: 1 },
    { name: 'the same day is 0', a: '2024-03-18', b: '2024-03-18', expected: 0 },
    { name: 'Friday to Monday is 1', a: '2024-03-15', b: '2024-03-18', expected: 1 },
    { name: 'across Tết 2024', a: '2024-02-07', b: '2024-02-16', expected: 2 },
    {
      name: 'across the 30/4 break, counting make-up Sat 04/05/2024',
      a: '2024-04-26',
      b: '2024-05-06',
      expected: 4,
    },
    {
      name: 'across the year end 2025/2026, counting make-up Sat 10/01',
      a: '2025-12-31',
      b: '2026-01-12',
      expected: 7,
    },
    { name: 'backwards is negative', a: '2024-03-19', b: '2024-03-18', expected: -1 },
    {
      name: 'the whole of 2024: 262 weekdays − 12 holidays + 1 make-up Saturday',
      a: '2024-01-01',
      b: '2024-12-31',
      expected: 251,
    },
    {
      name: 'the whole of 2027 by the default rule: 261 weekdays − 11',
      a: '2027-01-01',
      b: '2027-12-31',
      expected: 250,
    },
  ];
  cases.forEach((tc) =>
    it(tc.name, () => {
      expect(calendar.workingDaysBetween(tc.a, tc.b)).toBe(tc.expected);
    }),
  );
});

describe('years without data', () => {
  const cases: { name: string; run: () => unknown; year: number }[] = [
    { name: '2031 is past the lunar table', run: () => calendar.isWorkingDay('2031-03-03'), year: 2031 },
    { name: '2023 is before the data', run: () => calendar.isWorkingDay('2023-12-29'), year: 2023 },
    {
      name: 'counting into 2031 stops at the boundary',
      run: () => calendar.addWorkingDays('2030-12-31', 1),
      year: 2031,
    },
    {
      name: 'counting back into 2023',
      run: () => calendar.workingDaysBetween('2023-12-15', '2024-01-05'),
      year: 2023,
    },
  ];
  cases.forEach((tc) =>
    it(`${tc.name}: a CalendarRangeError naming ${tc.year}`, () => {
      expect(tc.run).toThrow(CalendarRangeError);
      expect(tc.run).toThrow(new RegExp(`No holiday data for ${tc.year}`));
    }),
  );

  it('a year becomes usable when its announced lunar holidays are given as data', () => {
    const extended = createCalendar({
      announced: [
        {
          year: 2031,
          holidays: [
            {
              holiday: 'tet-nguyen-dan',
              daysOff: [{ from: '2031-01-21', to: '2031-01-27' }],
              status: 'M',
              source: 'test',
            },
            {
              holiday: 'gio-to',
              daysOff: [{ from: '2031-04-01', to: '2031-04-01' }],
              status: 'M',
              source: 'test',
            },
          ],
        },
      ],
    });
    expect(extended.isWorkingDay('2031-01-22')).toBe(false);
    expect(extended.isWorkingDay('2031-01-28')).toBe(true);
    expect(extended.isWorkingDay('2031-05-01')).toBe(false);
  });

  it('rejects malformed dates', () => {
    expect(() => calendar.isWorkingDay('2024-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2024-2-3')).toThrow(RangeError);
  });
});

describe('replacing data and the default rule', () => {
  it('an announced holiday replaces the default rule for its year only', () => {
    const announced = createCalendar({
      announced: [
        {
          year: 2026,
          holidays: [
            {
              holiday: 'quoc-khanh',
              daysOff: [{ from: '2026-08-29', to: '2026-09-02' }],
              status: 'M',
              source: 'test',
            },
          ],
        },
      ],
    });
    expect(calendar.isWorkingDay('2026-08-31')).toBe(true);
    expect(announced.isWorkingDay('2026-08-31')).toBe(false);
    expect(announced.isWorkingDay('2026-01-10')).toBe(true);
  });

  it('the default rule choices are data: Quốc khánh 2026 on the day after, Tết 2027 with one day before', () => {
    const other = createCalendar({ defaultRule: { quocKhanhAdjacentDay: 'after', tetDaysBefore: 1 } });
    expect(other.isWorkingDay('2026-09-01')).toBe(true);
    expect(other.isWorkingDay('2026-09-03')).toBe(false);
    expect(other.isWorkingDay('2027-02-04')).toBe(true);
    expect(other.isWorkingDay('2027-02-11')).toBe(false);
  });

  it('refuses a bad default rule', () => {
    expect(() => createCalendar({ defaultRule: { tetDaysBefore: 6 } })).toThrow(/tetDaysBefore/);
  });
});

describe('the default rule against the announced years', () => {
  // Without announcements the rule must give the same weekdays off wherever the Government swapped no days.
  const ruleOnly = createCalendar({ builtIn: false, lunar: [...LUNAR_DATES] });
  const cases: { name: string; from: string; to: string }[] = [
    { name: 'Tết 2024', from: '2024-02-05', to: '2024-02-16' },
    { name: 'Tết 2025', from: '2025-01-20', to: '2025-02-07' },
    { name: 'Tết 2026', from: '2026-02-09', to: '2026-02-27' },
    { name: 'Giỗ Tổ 2024', from: '2024-04-15', to: '2024-04-19' },
    { name: 'Giỗ Tổ 2025', from: '2025-04-04', to: '2025-04-10' },
    { name: 'Giỗ Tổ 2026 (Sunday → Monday 27/04) and 30/4–1/5 2026', from: '2026-04-23', to: '2026-05-08' },
    { name: 'Quốc khánh 2024 (Monday → Tuesday 03/09)', from: '2024-08-28', to: '2024-09-06' },
    { name: 'Quốc khánh 2025 (Tuesday → Monday 01/09)', from: '2025-08-27', to: '2025-09-05' },
  ];
  cases.forEach((tc) =>
    it(`${tc.name}: same weekdays off`, () => {
      const days = eachDay(tc.from, tc.to);
      expect(days.map((d) => ruleOnly.isWorkingDay(d))).toEqual(days.map((d) => calendar.isWorkingDay(d)));
    }),
  );

  it('differs only by the announced swaps: Mon 29/04/2024 and Sat 04/05/2024', () => {
    const days = eachDay('2024-04-22', '2024-05-10');
    const differing = days.filter((d) => ruleOnly.isWorkingDay(d) !== calendar.isWorkingDay(d));
    expect(differing).toEqual(['2024-04-29', '2024-05-04']);
  });
});

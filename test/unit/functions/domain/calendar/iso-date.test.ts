// Calendar days and instants meet at Vietnam midnight: 17:00 UTC the day before; a day ends at 16:59:59.999 UTC.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { VIETNAM_ZONE } from '@theodoi/functions/clock';
import {
  addDays,
  endOfVietnamDay,
  isIsoDate,
  startOfVietnamDay,
  vietnamDateOf,
  weekdayOf,
  yearOf,
} from '@theodoi/functions/domain/calendar/iso-date';

describe('vietnamDateOf', () => {
  const cases: { name: string; instant: string; date: string }[] = [
    {
      name: '16:59:59.999 UTC is still 23:59:59.999 of the Vietnam day',
      instant: '2024-03-18T16:59:59.999Z',
      date: '2024-03-18',
    },
    {
      name: '17:00 UTC is 00:00 of the next Vietnam day',
      instant: '2024-03-18T17:00:00.000Z',
      date: '2024-03-19',
    },
    {
      name: 'New Year in Vietnam comes at 17:00 UTC on 31/12',
      instant: '2024-12-31T17:00:00.000Z',
      date: '2025-01-01',
    },
    {
      name: 'an early UTC morning is the same Vietnam day',
      instant: '2024-03-18T00:30:00.000Z',
      date: '2024-03-18',
    },
  ];
  cases.forEach((tc) =>
    it(tc.name, () => {
      expect(vietnamDateOf(new Date(tc.instant))).toBe(tc.date);
    }),
  );

  it('refuses an invalid instant', () => {
    expect(() => vietnamDateOf(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('day boundaries', () => {
  it('a Vietnam day runs from 17:00 UTC the day before to 16:59:59.999 UTC', () => {
    expect(startOfVietnamDay('2024-03-18').toISOString()).toBe('2024-03-17T17:00:00.000Z');
    expect(endOfVietnamDay('2024-03-18').toISOString()).toBe('2024-03-18T16:59:59.999Z');
  });

  it('isIsoDate accepts only real yyyy-MM-dd days', () => {
    expect(['2024-02-29', '2025-12-31'].map(isIsoDate)).toEqual([true, true]);
    expect(['2025-02-29', '2024-13-01', '2024-3-1', '18/03/2024', ''].map(isIsoDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('the fixed UTC+7 arithmetic agrees with the Asia/Ho_Chi_Minh zone', () => {
  // Every instant of 1976–2099 at a 97-minute-and-a-bit stride, and every day of 1999–2031 at a 3-day stride.
  it('vietnamDateOf, the day bounds, weekdays and addDays, against luxon in the IANA zone', () => {
    for (let ms = Date.UTC(1976, 0, 1); ms < Date.UTC(2100, 0, 1); ms += 5_851_111 * 97) {
      const instant = new Date(ms);
      expect(vietnamDateOf(instant)).toBe(DateTime.fromJSDate(instant, { zone: VIETNAM_ZONE }).toISODate());
    }
    for (
      let day = DateTime.fromISO('1999-01-01', { zone: VIETNAM_ZONE });
      day.year < 2032;
      day = day.plus({ days: 3 })
    ) {
      const iso = day.toISODate();
      expect(startOfVietnamDay(iso).getTime()).toBe(day.startOf('day').toMillis());
      expect(endOfVietnamDay(iso).getTime()).toBe(day.endOf('day').toMillis());
      expect(weekdayOf(iso)).toBe(day.weekday);
      expect(yearOf(iso)).toBe(day.year);
      expect(addDays(iso, 45)).toBe(day.plus({ days: 45 }).toISODate());
      expect(addDays(iso, -400)).toBe(day.minus({ days: 400 }).toISODate());
    }
  });

  it('refuses what is not a real day, as before', () => {
    for (const bad of ['2025-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-3-1', '']) {
      expect(() => addDays(bad, 1)).toThrow(RangeError);
      expect(() => weekdayOf(bad)).toThrow(RangeError);
    }
  });
});

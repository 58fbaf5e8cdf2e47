// Calendar days and instants meet at Vietnam midnight: 17:00 UTC the day before; a day ends at 16:59:59.999 UTC.
import { describe, expect, it } from 'vitest';
import {
  endOfVietnamDay,
  isIsoDate,
  startOfVietnamDay,
  vietnamDateOf,
} from '../../../functions/src/domain/calendar/index.js';

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

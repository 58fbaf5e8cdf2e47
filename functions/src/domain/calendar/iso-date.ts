/** Calendar days as ISO `yyyy-MM-dd` strings in Vietnam time, and their conversion to and from instants. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { VIETNAM_ZONE } from '../../clock.js';

// Calendar days travel as `yyyy-MM-dd` strings: they compare and sort as text, serialise to Firestore and JSON
// unchanged, and cannot carry a stray time or zone. Instants (submission times, "now") are JS `Date`s, as the
// injected Clock gives them. Every conversion between the two goes through Vietnam time (UTC+7, no DST).

/** A calendar day in Vietnam, written `yyyy-MM-dd`. */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar day written `yyyy-MM-dd` (2024-02-30 is not). */
export function isIsoDate(value: string): boolean {
  try {
    toVietnamDateTime(value);
    return true;
  } catch {
    return false;
  }
}

/** zod schema for a calendar day written `yyyy-MM-dd`. */
export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'must be a real date written yyyy-MM-dd' });

/** The start of `date` in Vietnam as a luxon DateTime; throws a RangeError for anything but a real `yyyy-MM-dd`. */
export function toVietnamDateTime(date: IsoDate): DateTime<true> {
  if (!ISO_DATE.test(date)) throw new RangeError(`Not a yyyy-MM-dd date: ${JSON.stringify(date)}`);
  try {
    return DateTime.fromISO(date, { zone: VIETNAM_ZONE });
  } catch {
    throw new RangeError(`Not a real date: ${date}`);
  }
}

/** Writes a luxon DateTime's Vietnam calendar day as `yyyy-MM-dd`. */
export function fromVietnamDateTime(value: DateTime): IsoDate {
  const date = value.setZone(VIETNAM_ZONE).toISODate();
  if (date === null || date.length !== 10) throw new RangeError(`Not a yyyy-MM-dd day: ${String(date)}`);
  return date;
}

/** The calendar year of `date`. */
export function yearOf(date: IsoDate): number {
  return toVietnamDateTime(date).year;
}

/** ISO weekday of `date`: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: IsoDate): number {
  return toVietnamDateTime(date).weekday;
}

/** The day `days` calendar days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromVietnamDateTime(toVietnamDateTime(date).plus({ days }));
}

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  toVietnamDateTime(to);
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The Vietnam calendar day on which `instant` falls. */
export function vietnamDateOf(instant: Date): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid instant');
  return fromVietnamDateTime(DateTime.fromJSDate(instant, { zone: VIETNAM_ZONE }));
}

/** The first instant of `date` in Vietnam (00:00 UTC+7, i.e. 17:00 UTC the day before). */
export function startOfVietnamDay(date: IsoDate): Date {
  return toVietnamDateTime(date).startOf('day').toJSDate();
}

/** The last instant of `date` in Vietnam: 23:59:59.999 UTC+7, i.e. 16:59:59.999 UTC. */
export function endOfVietnamDay(date: IsoDate): Date {
  return toVietnamDateTime(date).endOf('day').toJSDate();
}

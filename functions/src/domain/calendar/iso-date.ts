/** Calendar days as ISO `yyyy-MM-dd` strings in Vietnam time, and their conversion to and from instants. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { VIETNAM_ZONE } from '../../clock.js';

// Calendar days travel as `yyyy-MM-dd` strings: they compare and sort as text, serialise to Firestore and JSON
// unchanged, and cannot carry a stray time or zone. Instants (submission times, "now") are JS `Date`s, as the
// injected Clock gives them. Every conversion between the two goes through Vietnam time (UTC+7, no DST).
// Asia/Ho_Chi_Minh has been UTC+7 since 13/06/1975, so the conversions the sync and the summary make thousands of
// times per run use that fixed offset with plain Date arithmetic (a luxon DateTime in the IANA zone costs an Intl
// offset lookup each time); toVietnamDateTime stays for formatting. The tests check both agree.

/** Vietnam's offset from UTC, in milliseconds. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

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

/** Midnight UTC of `date`'s calendar day, in ms; throws a RangeError for anything but a real `yyyy-MM-dd`. */
function utcDayMs(date: IsoDate): number {
  if (!ISO_DATE.test(date)) throw new RangeError(`Not a yyyy-MM-dd date: ${JSON.stringify(date)}`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  // setUTCFullYear keeps years 0–99 as written (Date.UTC would add 1900); a day that rolls over is not real.
  const back = new Date(0);
  back.setUTCFullYear(year, month - 1, day);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`Not a real date: ${date}`);
  }
  return back.getTime();
}

/** Days already written, by UTC day number: a summary or a check asks the same few days for every unit. */
const isoOfDay = new Map<number, IsoDate>();
/** Past this many days kept, the cache starts afresh (a long-running process meets every day only once). */
const ISO_CACHE_DAYS = 4096;

/** The `yyyy-MM-dd` of the UTC calendar day containing `ms`. */
function isoOfUtcMs(ms: number): IsoDate {
  const day = Math.floor(ms / DAY_MS);
  const known = isoOfDay.get(day);
  if (known !== undefined) return known;
  const date = new Date(ms).toISOString();
  if (date.length !== 24) throw new RangeError(`Not a yyyy-MM-dd day: ${date}`);
  if (isoOfDay.size >= ISO_CACHE_DAYS) isoOfDay.clear();
  const iso = date.slice(0, 10);
  isoOfDay.set(day, iso);
  return iso;
}

/** The calendar year of `date`. */
export function yearOf(date: IsoDate): number {
  return new Date(utcDayMs(date)).getUTCFullYear();
}

/** ISO weekday of `date`: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: IsoDate): number {
  return new Date(utcDayMs(date)).getUTCDay() || 7;
}

/** The day `days` calendar days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return isoOfUtcMs(utcDayMs(date) + days * DAY_MS);
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
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid instant');
  return isoOfUtcMs(ms + VIETNAM_OFFSET_MS);
}

/** The first instant of `date` in Vietnam (00:00 UTC+7, i.e. 17:00 UTC the day before). */
export function startOfVietnamDay(date: IsoDate): Date {
  return new Date(utcDayMs(date) - VIETNAM_OFFSET_MS);
}

/** The last instant of `date` in Vietnam: 23:59:59.999 UTC+7, i.e. 16:59:59.999 UTC. */
export function endOfVietnamDay(date: IsoDate): Date {
  return new Date(utcDayMs(date) - VIETNAM_OFFSET_MS + DAY_MS - 1);
}

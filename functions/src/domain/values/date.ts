// Dates, as ISO yyyy-MM-dd: Sheets serial numbers (epoch 1899-12-30) and the ways Vietnamese officers write dates.
// Accepted text: 15/3/2024, 15/03/24 (two-digit years are 20yy), 15-03-2024, 15.03.2024, 2024-03-15,
// "ngày 15 tháng 3 năm 2024", optionally after a weekday or before a time of day, both ignored. Day before month.
import { foldText } from './fold.js';
import { formatViDate } from './display.js';
import type { CellOutcome, Found } from './issue.js';
import { accept, refuse } from './issue.js';

/** The range a date must fall in when the column sets no bounds: earlier or later is almost surely a slip. */
export const DEFAULT_DATE_RANGE = { min: '1990-01-01', max: '2099-12-31' } as const;

const SHEETS_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const MAX_SERIAL = 2_958_465; // 9999-12-31

const TIME_SUFFIX = /\s+\d{1,2}\s*(?::|h|g)\s*\d{0,2}(?::\d{2})?\s*(?:am|pm|sa|ch)?$/;
const DMY = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/;
const DM = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})$/;
const YMD = /^(\d{4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
const LEADING_NGAY = /^ngay\s*(?=\d)/;
// "Thứ Hai, 15/03/2024" (folded): the weekday adds nothing and is dropped, right or wrong.
const LEADING_WEEKDAY = /^(?:thu\s*(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s*nhat|cn)\s*,?\s*/;
const TRAILING_PUNCTUATION = /\s*[,.;]+$/;
const WORDS = /^(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*(?:nam|,|\/)\s*(\d{4}))?$/;

/** Bounds of a date column, as ISO dates. */
export interface DateBounds {
  min?: string | undefined;
  max?: string | undefined;
}

/** The ISO date of a Sheets serial number (the fraction, a time of day, is dropped); undefined when out of range. */
export function serialToIsoDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return undefined;
  return new Date(SHEETS_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** The Sheets serial number of an ISO date. */
export function isoDateToSerial(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - SHEETS_EPOCH_MS) / DAY_MS);
}

function inRange(iso: string, found: Found, bounds: DateBounds): CellOutcome {
  const min = bounds.min ?? DEFAULT_DATE_RANGE.min;
  const max = bounds.max ?? DEFAULT_DATE_RANGE.max;
  if (iso < min || iso > max) return refuse({ code: 'dateOutOfRange', found, min, max });
  return accept(iso);
}

/** Days in a month of the (proleptic) Gregorian calendar: day 0 of the next month is the last day of this one. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

function fromParts(day: number, month: number, year: number, found: Found, bounds: DateBounds): CellOutcome {
  if (month < 1 || month > 12) return refuse({ code: 'badMonth', found, month });
  if (year < 1000 || year > 9999) return refuse({ code: 'notDate', found });
  // Plain arithmetic: luxon's DateTime cost microseconds per cell, and a four-digit year with a real month and day is
  // a valid ISO date as it is.
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return refuse({ code: 'impossibleDate', found, month, year, daysInMonth: days });
  return inRange(`${year}-${twoDigits(month)}-${twoDigits(day)}`, found, bounds);
}

function expandYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

/** Reads a date as ISO yyyy-MM-dd, refusing impossible dates (31/02) and asking for the year when it is missing. */
export function parseDate(raw: string | number | boolean, bounds: DateBounds): CellOutcome {
  if (typeof raw === 'boolean') return refuse({ code: 'notDate', found: raw });
  if (typeof raw === 'number') {
    const iso = serialToIsoDate(raw);
    if (!iso) return refuse({ code: 'notDate', found: raw });
    return inRange(iso, formatViDate(iso), bounds);
  }
  const found = raw;
  if (raw.length > 60) return refuse({ code: 'notDate', found });
  const s = foldText(raw)
    .replace(LEADING_WEEKDAY, '')
    .replace(TIME_SUFFIX, '')
    .replace(TRAILING_PUNCTUATION, '')
    .replace(LEADING_NGAY, '');
  let m = DMY.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[3]), expandYear(m[4] ?? ''), found, bounds);
  m = YMD.exec(s);
  if (m) return fromParts(Number(m[4]), Number(m[3]), Number(m[1]), found, bounds);
  m = WORDS.exec(s) ?? DM.exec(s);
  if (m) {
    if (m[3] === undefined)
      return refuse({ code: 'missingYear', found, day: Number(m[1]), month: Number(m[2]) });
    return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), found, bounds);
  }
  return refuse({ code: 'notDate', found });
}

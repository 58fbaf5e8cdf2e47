/** Calendar days as Vietnamese coordinators write them (15/12/2026, 5-1-2027, 15.12.2026), read into `yyyy-MM-dd`; shown back with values/display.ts's formatViDate. */
import { isIsoDate, type IsoDate } from './iso-date.js';

const DAY_MONTH_YEAR = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/;

/**
 * The day written `dd/mm/yyyy` (or with `-` or `.`, day and month with or without their leading zero), or
 * already `yyyy-MM-dd`; null when the text is no real calendar day (30/02/2026 is not). Day first, always: a
 * Vietnamese date is never month-first.
 */
export function parseVietnameseDate(text: string): IsoDate | null {
  if (isIsoDate(text.trim())) return text.trim();
  const match = DAY_MONTH_YEAR.exec(text);
  if (!match) return null;
  const [, day, month, year] = match as unknown as [string, string, string, string];
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

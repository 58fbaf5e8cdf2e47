/** Dates as Vietnamese documents write them ("26/01/2024", "ngày 05 tháng 02 năm 2024", blanks left for the signer). */
import type { PartialDate } from './draft.js';

/** Matches "26/01/2024", "26-01-2024", "26.01.2024" (in loose-folded text). */
const NUMERIC_DATE = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`;

/** Matches "ngày 05 tháng 02 năm 2024" with any part left blank (in loose-folded text). */
const WORDED_DATE = String.raw`ngay\s*(\d{1,2})?[\s.…_]*thang\s*(\d{1,2})?[\s.…_]*nam\s*(\d{4})?`;

function toInt(text: string | undefined): number | null {
  return text === undefined || text === '' ? null : Number.parseInt(text, 10);
}

/** Whether a fully or partly given date can exist (day within its month, month 1–12). */
export function isPossibleDate(date: PartialDate): boolean {
  if (date.month !== null && (date.month < 1 || date.month > 12)) return false;
  if (date.day === null) return true;
  if (date.day < 1 || date.day > 31) return false;
  if (date.month === null) return true;
  const year = date.year ?? 2024; // a leap year, so 29/02 without a year is possible
  return date.day <= new Date(Date.UTC(year, date.month, 0)).getUTCDate();
}

/** Reads the first date in loose-folded text, worded or numeric; null when there is none. */
export function readDate(loose: string): { date: PartialDate; index: number; length: number } | null {
  const worded = new RegExp(WORDED_DATE).exec(loose);
  const numeric = new RegExp(String.raw`(?<![\d/])` + NUMERIC_DATE + String.raw`(?!\d)`).exec(loose);
  const first = [worded, numeric]
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a.index - b.index)[0];
  if (!first) return null;
  const date: PartialDate = { day: toInt(first[1]), month: toInt(first[2]), year: toInt(first[3]) };
  return { date, index: first.index, length: first[0].length };
}

/** Formats a partial date for messages: "26/01/2024", "…/02/2024". */
export function formatPartialDate(date: PartialDate): string {
  const two = (n: number | null): string => (n === null ? '…' : String(n).padStart(2, '0'));
  return `${two(date.day)}/${two(date.month)}/${date.year ?? '…'}`;
}

// How values appear inside Vietnamese messages: numbers as 1.234,5, dates as dd/MM/yyyy, long texts shortened.
import { validation } from '../../messages.vi.js';

const VI_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });
const FOUND_MAX = 60;
// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F]|\p{Cs}/gu;

/** A number the Vietnamese way: 1.234.567,5. */
export function formatViNumber(n: number): string {
  return Number.isFinite(n) ? VI_NUMBER.format(n) : String(n);
}

/** A fraction as a percentage: 0.755 → 75,5%. */
export function formatPercent(fraction: number): string {
  const points = Math.round(fraction * 1e8) / 1e6;
  return Number.isFinite(points) ? `${formatViNumber(points)}%` : formatViNumber(fraction);
}

/** An amount of money: 1.500.000 đồng. */
export function formatMoney(n: number): string {
  return `${formatViNumber(n)} ${validation.currencyUnit}`;
}

/** An ISO date yyyy-MM-dd as dd/MM/yyyy. */
export function formatViDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** A yes/no as Có/Không. */
export function formatYesNo(b: boolean): string {
  return b ? validation.yes : validation.no;
}

/** What the officer typed, fit to quote in a message: whitespace collapsed, unprintables replaced, cut at 60 characters. */
export function showFound(raw: string | number | boolean): string {
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  const source = typeof raw === 'number' ? formatViNumber(raw) : raw;
  // Cut before cleaning so that a 50,000-character paste costs no more than a short one.
  let flat = source.slice(0, FOUND_MAX * 4).replace(/\s+/g, ' ');
  const cut = source.length > FOUND_MAX * 4 || flat.length > FOUND_MAX;
  if (flat.length > FOUND_MAX) flat = flat.slice(0, FOUND_MAX - 1);
  if (/[\uD800-\uDBFF]$/.test(flat)) flat = flat.slice(0, -1);
  // Messages end up in sheet notes and Firestore: no control characters, no broken surrogates.
  flat = flat.replace(UNPRINTABLE, '\uFFFD');
  return cut ? `${flat}…` : flat;
}

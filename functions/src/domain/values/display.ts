// How values appear inside Vietnamese messages: numbers as 1.234,5, dates as dd/MM/yyyy, long texts shortened.
import { validation } from '../../messages.vi.js';

const VI_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });
const FOUND_MAX = 60;

/** A number the Vietnamese way: 1.234.567,5. */
export function formatViNumber(n: number): string {
  return Number.isFinite(n) ? VI_NUMBER.format(n) : String(n);
}

/** A fraction as a percentage: 0.755 → 75,5%. */
export function formatPercent(fraction: number): string {
  return `${formatViNumber(Math.round(fraction * 1e8) / 1e6)}%`;
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

/** What the officer typed, fit to quote in a message: whitespace collapsed, cut at 60 characters. */
export function showFound(raw: string | number | boolean): string {
  if (typeof raw === 'number') return formatViNumber(raw);
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  const flat = raw.replace(/\s+/g, ' ');
  if (flat.length <= FOUND_MAX) return flat;
  return `${Array.from(flat.slice(0, FOUND_MAX + 1))
    .slice(0, FOUND_MAX - 1)
    .join('')}…`;
}

/** Spreadsheet locales: separators, default date/number patterns, and parsing what a user types (USER_ENTERED). */
import type { sheets_v4 } from '@googleapis/sheets';

/** What a locale changes about typing and showing values. */
export interface LocaleInfo {
  decimal: string;
  group: string;
  /** Order of day, month and year in a typed or shown short date. */
  dateOrder: 'MDY' | 'DMY' | 'YMD';
  datePattern: string;
  timePattern: string;
  dateTimePattern: string;
  /** Currency symbol and the pattern Sheets gives typed currency amounts. */
  currencySymbol: string;
  currencyPattern: string;
  currencyBefore: boolean;
  monthNames: string[];
  monthShort: string[];
  dayNames: string[];
  dayShort: string[];
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const VI_MONTHS = Array.from({ length: 12 }, (_, i) => `tháng ${i + 1}`);
const VI_DAYS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const VI_DAYS_SHORT = ['CN', 'Th 2', 'Th 3', 'Th 4', 'Th 5', 'Th 6', 'Th 7'];

const EN_US: LocaleInfo = {
  decimal: '.',
  group: ',',
  dateOrder: 'MDY',
  datePattern: 'M/d/yyyy',
  timePattern: 'h:mm:ss am/pm',
  dateTimePattern: 'M/d/yyyy H:mm:ss',
  currencySymbol: '$',
  currencyPattern: '"$"#,##0.00',
  currencyBefore: true,
  monthNames: EN_MONTHS,
  monthShort: EN_MONTHS.map((m) => m.slice(0, 3)),
  dayNames: EN_DAYS,
  dayShort: EN_DAYS.map((d) => d.slice(0, 3)),
};

const VI_VN: LocaleInfo = {
  decimal: ',',
  group: '.',
  dateOrder: 'DMY',
  datePattern: 'dd/MM/yyyy',
  timePattern: 'HH:mm:ss',
  dateTimePattern: 'dd/MM/yyyy HH:mm:ss',
  currencySymbol: '₫',
  currencyPattern: '#,##0 [$₫]',
  currencyBefore: false,
  monthNames: VI_MONTHS,
  monthShort: Array.from({ length: 12 }, (_, i) => `thg ${i + 1}`),
  dayNames: VI_DAYS,
  dayShort: VI_DAYS_SHORT,
};

const EN_GB: LocaleInfo = {
  ...EN_US,
  dateOrder: 'DMY',
  datePattern: 'dd/MM/yyyy',
  timePattern: 'HH:mm:ss',
  dateTimePattern: 'dd/MM/yyyy HH:mm:ss',
  currencySymbol: '£',
  currencyPattern: '[$£-809]#,##0.00',
};

const DECIMAL_COMMA_DMY: LocaleInfo = {
  ...VI_VN,
  datePattern: 'dd.MM.yyyy',
  dateTimePattern: 'dd.MM.yyyy HH:mm:ss',
  currencySymbol: '€',
  currencyPattern: '#,##0.00 [$€]',
  monthNames: EN_MONTHS,
  monthShort: EN_US.monthShort,
  dayNames: EN_DAYS,
  dayShort: EN_US.dayShort,
};

/** Locale facts for a spreadsheet locale such as "vi_VN" or "en_US"; unknown locales fall back by their separators. */
export function localeInfo(locale: string | null | undefined): LocaleInfo {
  const l = (locale ?? 'en_US').replace('-', '_');
  if (l === 'vi_VN' || l === 'vi') return VI_VN;
  if (l === 'en_US' || l === 'en') return EN_US;
  if (l.startsWith('en_')) return EN_GB;
  try {
    const parts = new Intl.NumberFormat(l.replace('_', '-')).formatToParts(1234.5);
    if (parts.find((p) => p.type === 'decimal')?.value === ',') return DECIMAL_COMMA_DMY;
  } catch {
    // not a locale Intl knows: treat as en_US
  }
  return EN_US;
}

/** Days between 1899-12-30 (serial 0) and 1970-01-01. */
const EPOCH_OFFSET = 25569;
const DAY_MS = 86_400_000;

/** The serial number of a calendar date and time (no time zone: the spreadsheet's wall clock). */
export function toSerial(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number {
  return Date.UTC(y, m - 1, d) / DAY_MS + EPOCH_OFFSET + (hh * 3600 + mm * 60 + ss) / 86400;
}

/** Calendar parts of a serial number (rounded to the second). */
export function fromSerial(serial: number): {
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
  ss: number;
  weekday: number;
} {
  const ms = Math.round((serial - EPOCH_OFFSET) * 86400) * 1000;
  const t = new Date(ms);
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    hh: t.getUTCHours(),
    mm: t.getUTCMinutes(),
    ss: t.getUTCSeconds(),
    weekday: t.getUTCDay(),
  };
}

/** A value parsed from typed text, with the number format Sheets would attach. */
export interface Parsed {
  value: sheets_v4.Schema$ExtendedValue | null;
  format?: sheets_v4.Schema$NumberFormat;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Parses a number typed in this locale (grouping, decimal separator), or null. */
export function parseLocaleNumber(
  text: string,
  li: LocaleInfo,
): { value: number; grouped: boolean; decimals: number } | null {
  const g = escapeRe(li.group);
  const d = escapeRe(li.decimal);
  const re = new RegExp(`^([+-]?)((?:[0-9]{1,3}(?:${g}[0-9]{3})+)|[0-9]+)?(?:${d}([0-9]+))?$`);
  const m = re.exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const intPart = (m[2] ?? '0').split(li.group).join('');
  const frac = m[3] ?? '';
  const value = Number(`${m[1]}${intPart}${frac ? '.' + frac : ''}`);
  if (!Number.isFinite(value)) return null;
  return { value, grouped: (m[2] ?? '').includes(li.group), decimals: frac.length };
}

function groupedPattern(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 0 || y > 9999) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

const TIME_RE = /^([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?\s*(am|pm|AM|PM|sa|ch|SA|CH)?$/;

function parseTime(text: string): { hh: number; mm: number; ss: number } | null {
  const m = TIME_RE.exec(text);
  if (!m) return null;
  let hh = Number(m[1]);
  const mm = Number(m[2]);
  const ss = m[3] ? Number(m[3]) : 0;
  const ampm = m[4]?.toLowerCase();
  if (ampm) {
    if (hh < 1 || hh > 12) return null;
    if (ampm === 'pm' || ampm === 'ch') hh = hh === 12 ? 12 : hh + 12;
    else if (hh === 12) hh = 0;
  }
  if (hh > 23 || mm > 59 || ss > 59) return null;
  return { hh, mm, ss };
}

function parseDate(text: string, li: LocaleInfo): { y: number; m: number; d: number; iso: boolean } | null {
  let m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    return validDate(y, mo, d) ? { y, m: mo, d, iso: true } : null;
  }
  m = /^([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{2}|[0-9]{4})$/.exec(text);
  if (!m) return null;
  if (m[2] === '.' && li.group === '.' && li.datePattern.includes('/')) return null; // "1.234.567" is a number here
  const a = Number(m[1]);
  const b = Number(m[3]);
  const y = fullYear(m[4]!);
  const [d, mo] = li.dateOrder === 'MDY' ? [b, a] : [a, b];
  return validDate(y, mo, d) ? { y, m: mo, d, iso: false } : null;
}

/** Parses text the way Sheets does for USER_ENTERED input in the spreadsheet's locale. */
export function parseUserEntered(text: string, locale: string): Parsed {
  if (text === '') return { value: null };
  if (text.startsWith("'")) return { value: { stringValue: text.slice(1) } };
  if (text.startsWith('=') && text.length > 1) return { value: { formulaValue: text } };
  const li = localeInfo(locale);
  const t = text.trim();
  const upper = t.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: { boolValue: upper === 'TRUE' } };

  const num = parseLocaleNumber(t, li);
  if (num) {
    return num.grouped
      ? {
          value: { numberValue: num.value },
          format: { type: 'NUMBER', pattern: groupedPattern(num.decimals) },
        }
      : { value: { numberValue: num.value } };
  }
  if (t.endsWith('%')) {
    const p = parseLocaleNumber(t.slice(0, -1).trim(), li);
    if (p) {
      const pattern = p.decimals > 0 ? '0.00%' : '0%';
      return { value: { numberValue: p.value / 100 }, format: { type: 'PERCENT', pattern } };
    }
  }
  const sci = /^([+-]?[0-9]+(?:[.,][0-9]+)?)[eE]([+-]?[0-9]+)$/.exec(t);
  if (sci) {
    const mant = parseLocaleNumber(sci[1]!, li);
    if (mant) {
      return {
        value: { numberValue: Number(`${mant.value}e${sci[2]}`) },
        format: { type: 'SCIENTIFIC', pattern: '0.00E+00' },
      };
    }
  }
  const cur = escapeRe(li.currencySymbol);
  const curM = new RegExp(`^(-?)\\s*${cur}\\s*(.+)$|^(.+?)\\s*${cur}$`).exec(t);
  if (curM) {
    const body = curM[2] ?? curM[3] ?? '';
    const p = parseLocaleNumber(body.trim(), li);
    if (p) {
      const v = curM[1] === '-' ? -p.value : p.value;
      return { value: { numberValue: v }, format: { type: 'CURRENCY', pattern: li.currencyPattern } };
    }
  }
  const date = parseDate(t, li);
  if (date) {
    return {
      value: { numberValue: toSerial(date.y, date.m, date.d) },
      format: { type: 'DATE', pattern: date.iso ? 'yyyy-MM-dd' : li.datePattern },
    };
  }
  const sp = t.indexOf(' ');
  if (sp > 0) {
    const dd = parseDate(t.slice(0, sp), li);
    const tt = parseTime(t.slice(sp + 1).trim());
    if (dd && tt) {
      return {
        value: { numberValue: toSerial(dd.y, dd.m, dd.d, tt.hh, tt.mm, tt.ss) },
        format: { type: 'DATE_TIME', pattern: li.dateTimePattern },
      };
    }
  }
  const time = parseTime(t);
  if (time) {
    return {
      value: { numberValue: (time.hh * 3600 + time.mm * 60 + time.ss) / 86400 },
      format: { type: 'TIME', pattern: li.timePattern },
    };
  }
  return { value: { stringValue: text } };
}

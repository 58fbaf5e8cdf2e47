/** Rendering numbers, dates and times with a Sheets NumberFormat (type + pattern) in a locale. */
import type { sheets_v4 } from '@googleapis/sheets';
import { fromSerial } from './locale.js';
import type { LocaleInfo } from './locale.js';

/** True when the format shows a date, time or date-time. */
export function isDateFormat(f: sheets_v4.Schema$NumberFormat | undefined | null): boolean {
  return f?.type === 'DATE' || f?.type === 'TIME' || f?.type === 'DATE_TIME';
}

/** A number in Sheets' automatic ("General") format in this locale. */
export function formatGeneral(n: number, li: LocaleInfo): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  let s: string;
  if (abs >= 1e15 || abs < 1e-9) {
    const [mant, exp] = n.toExponential(5).split('e');
    const m = mant!.replace(/\.?0+$/, '');
    const e = Number(exp);
    s = `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  } else if (Number.isInteger(n)) {
    s = String(n);
  } else if ((s = String(n)).length <= 12 && !s.includes('e')) {
    // already short: at most 10 decimals and 15 significant digits
  } else {
    s = String(Number(Number(n.toPrecision(15)).toFixed(10)));
    if (s.includes('e')) s = n.toFixed(10).replace(/\.?0+$/, '');
  }
  return li.decimal === '.' ? s : s.replace('.', li.decimal);
}

type Tok = { kind: 'lit'; text: string } | { kind: 'code'; text: string };

function tokenize(section: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < section.length) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      out.push({ kind: 'lit', text: section.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      out.push({ kind: 'lit', text: section[i + 1] ?? '' });
      i += 2;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      if (inner.startsWith('$')) out.push({ kind: 'lit', text: inner.slice(1).split('-')[0] ?? '' });
      i = end < 0 ? section.length : end + 1;
    } else if (ch === '_') {
      out.push({ kind: 'lit', text: ' ' });
      i += 2;
    } else if (ch === '*') {
      i += 2;
    } else {
      out.push({ kind: 'code', text: ch });
      i++;
    }
  }
  return out;
}

function splitSections(pattern: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      cur += ch + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function groupDigits(intDigits: string, sep: string): string {
  let out = '';
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % 3 === 0) out += sep;
    out += intDigits[i];
  }
  return out;
}

/** A number section analysed once per pattern. */
interface NumberSection {
  literalOnly: boolean;
  toks: Tok[];
  percent: boolean;
  exp: { digits: number; plus: boolean } | null;
  grouping: boolean;
  minInt: number;
  maxFrac: number;
  minFrac: number;
  prefix: string;
  suffix: string;
}

const numberSections = new Map<string, NumberSection>();

function analyseNumberSection(section: string): NumberSection {
  const hit = numberSections.get(section);
  if (hit) return hit;
  const toks = tokenize(section);
  const codes = toks.filter((t) => t.kind === 'code').map((t) => t.text);
  const isDigit = (c: string): boolean => c === '0' || c === '#' || c === '?';
  const firstDigit = toks.findIndex((t) => t.kind === 'code' && isDigit(t.text));
  let lastDigit = -1;
  toks.forEach((t, i) => {
    if (t.kind === 'code' && isDigit(t.text)) lastDigit = i;
  });
  const expIdx = codes.findIndex((c) => c === 'E' || c === 'e');
  const dotIdx = codes.indexOf('.');
  const mantCodes = expIdx >= 0 ? codes.slice(0, expIdx) : codes;
  const hasDot = dotIdx >= 0 && (expIdx < 0 || dotIdx < expIdx);
  const intCodes = (hasDot ? mantCodes.slice(0, dotIdx) : mantCodes).filter((c) => isDigit(c) || c === ',');
  const fracCodes = hasDot ? mantCodes.slice(dotIdx + 1).filter(isDigit) : [];
  const out: NumberSection = {
    literalOnly: firstDigit < 0,
    toks,
    percent: codes.includes('%'),
    exp:
      expIdx >= 0
        ? { digits: codes.slice(expIdx + 2).filter(isDigit).length || 1, plus: codes[expIdx + 1] === '+' }
        : null,
    grouping: intCodes.some((c, i) => c === ',' && intCodes.slice(i + 1).some(isDigit)),
    minInt: intCodes.filter((c) => c === '0').length,
    maxFrac: fracCodes.length,
    minFrac: fracCodes.filter((c) => c === '0').length,
    prefix: toks
      .slice(0, Math.max(firstDigit, 0))
      .map((t) => (t.kind === 'lit' ? t.text : t.text === ',' || t.text === '.' ? '' : t.text))
      .join(''),
    suffix: toks
      .slice(lastDigit + 1)
      .filter(
        (t) => t.kind === 'lit' || (t.text !== 'E' && t.text !== 'e' && t.text !== '+' && t.text !== '-'),
      )
      .map((t) => (t.kind === 'lit' ? t.text : t.text === ',' ? '' : t.text))
      .join(''),
  };
  if (numberSections.size > 1000) numberSections.clear();
  numberSections.set(section, out);
  return out;
}

function formatNumberSection(n: number, section: string, li: LocaleInfo): string {
  const a = analyseNumberSection(section);
  if (a.literalOnly) {
    return a.toks
      .map((t) => (t.kind === 'lit' ? t.text : t.text === '@' ? formatGeneral(n, li) : t.text))
      .join('');
  }
  let v = Math.abs(n) * (a.percent ? 100 : 1);
  let expText = '';
  if (a.exp) {
    const e = v === 0 ? 0 : Math.floor(Math.log10(v));
    v = v / 10 ** e;
    const sign = e < 0 ? '-' : a.exp.plus ? '+' : '';
    expText = `E${sign}${String(Math.abs(e)).padStart(a.exp.digits, '0')}`;
  }
  let fixed = v.toFixed(a.maxFrac);
  let [intS, fracS = ''] = fixed.split('.');
  while (fracS.length > a.minFrac && fracS.endsWith('0')) fracS = fracS.slice(0, -1);
  intS = intS!.replace(/^0+/, '');
  if (intS.length < a.minInt) intS = intS.padStart(a.minInt, '0');
  if (a.grouping) intS = groupDigits(intS, li.group);
  fixed = fracS.length > 0 ? `${intS}${li.decimal}${fracS}` : intS;
  if (fixed === '') fixed = '0';
  return `${a.prefix}${fixed}${expText}${a.suffix}`;
}

const DATE_CODE = /^(y+|m+|d+|h+|s+|am\/pm|a\/p)/i;

type DateTok = { code?: string; text: string };
const dateSections = new Map<string, DateTok[]>();

function formatDateSection(serial: number, section: string, li: LocaleInfo): string {
  const p = fromSerial(serial);
  let joined = dateSections.get(section);
  if (!joined) {
    joined = dateTokens(section);
    if (dateSections.size > 1000) dateSections.clear();
    dateSections.set(section, joined);
  }
  return renderDate(p, joined, li);
}

function dateTokens(section: string): DateTok[] {
  const toks: DateTok[] = [];
  for (const t of tokenize(section)) {
    if (t.kind === 'lit') toks.push({ text: t.text });
    else if (
      toks.length > 0 &&
      toks[toks.length - 1]!.code &&
      t.text.toLowerCase() === toks[toks.length - 1]!.code
    ) {
      toks[toks.length - 1]!.text += t.text;
    } else {
      toks.push({ code: /[ymdhs]/i.test(t.text) ? t.text.toLowerCase() : undefined, text: t.text });
    }
  }
  // merge "am/pm" split into code pieces
  const joined: DateTok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const rest = toks
      .slice(i, i + 5)
      .map((x) => x.text)
      .join('');
    const m = /^(am\/pm|a\/p)/i.exec(rest);
    if (m && !toks[i]!.code) {
      let consumed = 0;
      let len = 0;
      while (len < m[0].length) len += toks[i + consumed++]!.text.length;
      joined.push({ code: m[0].toLowerCase(), text: m[0] });
      i += consumed - 1;
    } else joined.push(toks[i]!);
  }
  return joined;
}

function renderDate(p: ReturnType<typeof fromSerial>, joined: DateTok[], li: LocaleInfo): string {
  const has12h = joined.some((t) => t.code === 'am/pm' || t.code === 'a/p');
  const out: string[] = [];
  joined.forEach((t, i) => {
    const code = t.code;
    if (!code || !DATE_CODE.test(t.text)) {
      out.push(t.text);
      return;
    }
    const n = t.text.length;
    const c = code[0];
    if (c === 'y') out.push(n <= 2 ? String(p.y % 100).padStart(2, '0') : String(p.y));
    else if (c === 'd') {
      if (n === 1) out.push(String(p.d));
      else if (n === 2) out.push(String(p.d).padStart(2, '0'));
      else if (n === 3) out.push(li.dayShort[p.weekday]!);
      else out.push(li.dayNames[p.weekday]!);
    } else if (c === 'h') {
      let h = p.hh;
      if (has12h) h = h % 12 === 0 ? 12 : h % 12;
      out.push(n >= 2 ? String(h).padStart(2, '0') : String(h));
    } else if (c === 's') out.push(n >= 2 ? String(p.ss).padStart(2, '0') : String(p.ss));
    else if (c === 'm') {
      const prev = joined
        .slice(0, i)
        .reverse()
        .find((x) => x.code && x.code[0] !== undefined && /[ymdhs]/.test(x.code[0]));
      const next = joined
        .slice(i + 1)
        .find((x) => x.code && x.code[0] !== undefined && /[ymdhs]/.test(x.code[0]));
      const minute = n <= 2 && (prev?.code?.[0] === 'h' || next?.code?.[0] === 's');
      if (minute) out.push(n === 2 ? String(p.mm).padStart(2, '0') : String(p.mm));
      else if (n === 1) out.push(String(p.m));
      else if (n === 2) out.push(String(p.m).padStart(2, '0'));
      else if (n === 3) out.push(li.monthShort[p.m - 1]!);
      else out.push(li.monthNames[p.m - 1]!);
    } else if (code === 'am/pm') out.push(p.hh < 12 ? 'AM' : 'PM');
    else if (code === 'a/p') out.push(p.hh < 12 ? 'A' : 'P');
    else out.push(t.text);
  });
  return out.join('');
}

function defaultPattern(type: string | null | undefined, li: LocaleInfo): string | null {
  switch (type) {
    case 'NUMBER':
      return '#,##0.00';
    case 'PERCENT':
      return '0.00%';
    case 'CURRENCY':
      return li.currencyPattern;
    case 'SCIENTIFIC':
      return '0.00E+00';
    case 'DATE':
      return li.datePattern;
    case 'TIME':
      return li.timePattern;
    case 'DATE_TIME':
      return li.dateTimePattern;
    default:
      return null;
  }
}

const patterns = new Map<string, { sections: string[]; dateLike: boolean[] }>();

/** Renders a number with a NumberFormat (or General when absent) in the locale. */
export function formatNumber(
  n: number,
  f: sheets_v4.Schema$NumberFormat | undefined | null,
  li: LocaleInfo,
): string {
  const pattern = f?.pattern || defaultPattern(f?.type, li);
  if (!pattern || f?.type === 'TEXT') return formatGeneral(n, li);
  let compiled = patterns.get(pattern);
  if (!compiled) {
    const sections = splitSections(pattern);
    compiled = { sections, dateLike: sections.map(looksLikeDatePattern) };
    if (patterns.size > 1000) patterns.clear();
    patterns.set(pattern, compiled);
  }
  const { sections } = compiled;
  let i = 0;
  let v = n;
  if (n < 0 && sections.length > 1) {
    i = 1;
    v = -n;
  } else if (n === 0 && sections.length > 2) i = 2;
  const section = sections[i]!;
  if (isDateFormat(f) || compiled.dateLike[i]) return formatDateSection(v, section, li);
  const out = formatNumberSection(v, section, li);
  return v < 0 && !(n < 0 && sections.length > 1) && /[1-9]/.test(out) ? `-${out}` : out;
}

function looksLikeDatePattern(section: string): boolean {
  const codes = tokenize(section)
    .filter((t) => t.kind === 'code')
    .map((t) => t.text)
    .join('');
  return /[ydhs]/i.test(codes) || (/m/i.test(codes) && !/[0#?]/.test(codes));
}

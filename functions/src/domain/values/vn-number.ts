// Reads a number written the Vietnamese way ("1.200", "1,5", "1 200") or the English way ("1,234.5").
// Convention (vi_VN): "." groups thousands and "," marks decimals. A lone "." not followed by exactly three digits
// ("1.5") can only be a decimal point; "1,200" could be 1.200 or 1,2 and is reported as ambiguous.

/** A number read from text, with its digits kept so that callers can scale it exactly. */
export type NumberReading =
  | { kind: 'number'; value: number; negative: boolean; intDigits: string; fracDigits: string }
  | { kind: 'ambiguous'; found: string; grouped: number; decimal: number; negative: boolean }
  | { kind: 'none' };

const NONE: NumberReading = { kind: 'none' };
const SIGN = /^([+\-\u2212])\s*/;
const DIGITS = /^\d+$/;
const SPACE_GROUPED = /^(\d{1,3}(?: \d{3})+)(?:[.,](\d+))?$/;
const ONE_COMMA = /^(\d*),(\d+)$/;
const ONE_DOT = /^(\d*)\.(\d+)$/;
const THOUSANDS_CANDIDATE = /^[1-9]\d{0,2}[.,]\d{3}$/;
const VI_GROUPED = /^([1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?$/;
const EN_GROUPED = /^([1-9]\d{0,2}(?:,\d{3})+)(?:\.(\d+))?$/;

function make(negative: boolean, intDigits: string, fracDigits: string): NumberReading {
  const int = intDigits.replace(/^0+(?=\d)/, '') || '0';
  const frac = fracDigits.replace(/0+$/, '');
  const magnitude = Number(frac ? `${int}.${frac}` : int);
  if (!Number.isFinite(magnitude)) return NONE;
  const isZero = magnitude === 0;
  return {
    kind: 'number',
    value: negative && !isZero ? -magnitude : magnitude,
    negative: negative && !isZero,
    intDigits: int,
    fracDigits: frac,
  };
}

/** Reads a cleaned text as a number, or says it is none or ambiguous. */
export function readVnNumber(text: string): NumberReading {
  let s = text;
  let negative = false;
  const sign = SIGN.exec(s);
  if (sign) {
    negative = sign[1] !== '+';
    s = s.slice(sign[0].length);
  }
  if (s.length === 0 || s.length > 40) return NONE;
  if (DIGITS.test(s)) return make(negative, s, '');
  let m = SPACE_GROUPED.exec(s);
  if (m) return make(negative, (m[1] ?? '').replace(/ /g, ''), m[2] ?? '');
  if (THOUSANDS_CANDIDATE.test(s)) {
    const [int = '', frac = ''] = s.split(/[.,]/);
    if (s.includes('.')) return make(negative, int + frac, '');
    const decimal = make(negative, int, frac);
    const grouped = make(negative, int + frac, '');
    if (decimal.kind !== 'number' || grouped.kind !== 'number') return NONE;
    return { kind: 'ambiguous', found: text, grouped: grouped.value, decimal: decimal.value, negative };
  }
  m = ONE_COMMA.exec(s) ?? ONE_DOT.exec(s);
  if (m) return make(negative, m[1] ?? '', m[2] ?? '');
  m = VI_GROUPED.exec(s);
  if (m) return make(negative, (m[1] ?? '').replace(/\./g, ''), m[2] ?? '');
  m = EN_GROUPED.exec(s);
  if (m) return make(negative, (m[1] ?? '').replace(/,/g, ''), m[2] ?? '');
  return NONE;
}

/** The first number inside a text ("12 buổi" → 12), to suggest in a message; whole numbers only. */
export function firstWholeNumberIn(text: string): number | undefined {
  const m = /\d[\d., ]*\d|\d/.exec(text.slice(0, 100));
  if (!m) return undefined;
  const reading = readVnNumber(m[0]);
  return reading.kind === 'number' && Number.isSafeInteger(reading.value) ? reading.value : undefined;
}

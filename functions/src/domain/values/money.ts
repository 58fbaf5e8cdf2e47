// Amounts of money in đồng: 1500000, "1.500.000 đ", "1.500.000đ", "1.500.000 VNĐ", and "1,5 triệu" / "2 tỷ".
// Decision: the scale words nghìn/ngàn, triệu, tỷ/tỉ are accepted because officers write budgets that way and the
// result is exact (digits are shifted, not multiplied); a result with a fraction of a đồng is refused, as are
// colloquial forms ("1tr5", "500k") and compound amounts ("1 tỷ 200 triệu").
import { foldText } from './fold.js';
import { withinBounds } from './bounds.js';
import type { NumberBounds } from './number.js';
import type { CellOutcome, Found } from './issue.js';
import { refuse } from './issue.js';
import { readVnNumber } from './vn-number.js';

const MAX_CHARS = 60;
const CURRENCY_SUFFIX = /\s*(?:vnd|dong|d|₫)\.?$/;
const SCALES: ReadonlyArray<readonly [RegExp, number]> = [
  [/\s*(?:nghin|ngan)$/, 3],
  [/\s*trieu$/, 6],
  [/\s*(?:ty|ti)$/, 9],
];

/** Reads an amount of money as a whole number of đồng. */
export function parseMoney(raw: string | number | boolean, bounds: NumberBounds): CellOutcome {
  const found = raw;
  if (typeof raw === 'boolean') return refuse({ code: 'notMoney', found });
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw)) return refuse({ code: 'moneyFraction', found });
    return withinBounds(raw, found, bounds.min, bounds.max);
  }
  if (raw.length > MAX_CHARS) return refuse({ code: 'notMoney', found });
  let s = foldText(raw).replace(/^₫\s*/, '').replace(CURRENCY_SUFFIX, '');
  let shift = 0;
  for (const [pattern, exponent] of SCALES) {
    if (pattern.test(s)) {
      s = s.replace(pattern, '');
      shift = exponent;
      break;
    }
  }
  const reading = readVnNumber(s);
  if (reading.kind === 'none') return refuse({ code: 'notMoney', found });
  if (reading.kind === 'ambiguous') {
    // "1,500 triệu" reads naturally as 1,5 triệu; without a scale word "1,500" is a guess either way.
    if (shift === 0)
      return refuse({ code: 'ambiguousNumber', found, grouped: reading.grouped, decimal: reading.decimal });
    const [int = '', frac = ''] = s.replace(/^[+\-\u2212]\s*/, '').split(',');
    return shiftDigits(reading.negative, int, frac, shift, found, bounds);
  }
  return shiftDigits(reading.negative, reading.intDigits, reading.fracDigits, shift, found, bounds);
}

function shiftDigits(
  negative: boolean,
  intDigits: string,
  fracDigits: string,
  shift: number,
  found: Found,
  bounds: NumberBounds,
): CellOutcome {
  const padded = fracDigits.padEnd(shift, '0');
  const whole = intDigits + padded.slice(0, shift);
  const rest = padded.slice(shift);
  if (/[1-9]/.test(rest)) return refuse({ code: 'moneyFraction', found });
  const magnitude = Number(whole);
  if (!Number.isFinite(magnitude)) return refuse({ code: 'notMoney', found });
  return withinBounds(negative && magnitude !== 0 ? -magnitude : magnitude, found, bounds.min, bounds.max);
}

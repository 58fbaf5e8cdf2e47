// Percentages, stored as fractions as Sheets stores them (0.75 = 75%).
// Reading rule: a value written with "%" is in percent points ("75%", "75 %", "7,5%"). Without "%", a number above 1
// is percent points too ("75" → 75%), and a number from 0 to 1 is a fraction ("0,75" → 75%, "1" → 100%) — except a
// non-whole number above 1 arriving as a sheet number, which is a fraction because Sheets stores 120% as 1.2.
import { withinBounds } from './bounds.js';
import { formatPercent } from './display.js';
import type { NumberBounds } from './number.js';
import type { CellOutcome } from './issue.js';
import { refuse } from './issue.js';
import { readVnNumber } from './vn-number.js';

const MAX_CHARS = 40;
const PERCENT_SIGN = /\s*%$/;

function pointsToFraction(points: number): number {
  const text = String(points);
  // Shifting the decimal point in the text gives the nearest double to the intended value (33,3% → 0.333).
  return text.includes('e') ? points / 100 : Number(`${text}e-2`);
}

/** Reads a percentage as a fraction: 0.75, 75, "75%", "75", "0,75" all give 0.75. */
export function parsePercent(raw: string | number | boolean, bounds: NumberBounds): CellOutcome {
  const found = raw;
  if (typeof raw === 'boolean') return refuse({ code: 'notPercent', found });
  if (typeof raw === 'number') {
    const value = Number.isInteger(raw) && Math.abs(raw) > 1 ? pointsToFraction(raw) : raw;
    const outcome = withinBounds(value, found, bounds.min, bounds.max);
    // The officer sees the cell as a percentage (1.2 shows as 120%), so quote it that way.
    return outcome.kind === 'issue' && 'found' in outcome.issue
      ? refuse({ ...outcome.issue, found: formatPercent(value) })
      : outcome;
  }
  if (raw.length > MAX_CHARS) return refuse({ code: 'notPercent', found });
  const hasSign = PERCENT_SIGN.test(raw);
  const reading = readVnNumber(hasSign ? raw.replace(PERCENT_SIGN, '') : raw);
  if (reading.kind === 'none') return refuse({ code: 'notPercent', found });
  const number = reading.kind === 'ambiguous' ? reading.decimal : reading.value;
  const value = hasSign || Math.abs(number) > 1 ? pointsToFraction(number) : number;
  return withinBounds(value, found, bounds.min, bounds.max);
}

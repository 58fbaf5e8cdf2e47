// Whole numbers (counts) and decimal numbers, from sheet numbers or from text officers type.
import { withinBounds } from './bounds.js';
import { formatViNumber } from './display.js';
import type { CellOutcome } from './issue.js';
import { refuse } from './issue.js';
import { firstWholeNumberIn, readVnNumber } from './vn-number.js';

/** Bounds of a numeric column. */
export interface NumberBounds {
  min?: number | undefined;
  max?: number | undefined;
}

/** Reads a whole number: 5, "1.200", "1 200"; refuses "12 buổi", "1,5" and an ambiguous "1,200". */
export function parseInteger(raw: string | number | boolean, bounds: NumberBounds): CellOutcome {
  const found = raw;
  let value: number;
  if (typeof raw === 'number') {
    value = raw;
  } else if (typeof raw === 'boolean') {
    return refuse({ code: 'notInteger', found, example: '5' });
  } else {
    const reading = readVnNumber(raw);
    if (reading.kind === 'ambiguous')
      return refuse({ code: 'ambiguousNumber', found, grouped: reading.grouped, decimal: reading.decimal });
    if (reading.kind === 'none') {
      const hint = firstWholeNumberIn(raw);
      return refuse({ code: 'notInteger', found, example: hint === undefined ? '5' : String(hint) });
    }
    value = reading.value;
  }
  if (!Number.isInteger(value)) return refuse({ code: 'notWhole', found });
  return withinBounds(value, found, bounds.min, bounds.max);
}

/** Reads a decimal number: 1.5, "1,5", "1.234,5"; "1,200" follows the Vietnamese convention and is 1,2. */
export function parseDecimal(raw: string | number | boolean, bounds: NumberBounds): CellOutcome {
  const found = raw;
  let value: number;
  if (typeof raw === 'number') {
    value = raw;
  } else if (typeof raw === 'boolean') {
    return refuse({ code: 'notNumber', found, example: '1,5' });
  } else {
    const reading = readVnNumber(raw);
    if (reading.kind === 'none') {
      const hint = firstWholeNumberIn(raw);
      return refuse({ code: 'notNumber', found, example: hint === undefined ? '1,5' : formatViNumber(hint) });
    }
    value = reading.kind === 'ambiguous' ? reading.decimal : reading.value;
  }
  return withinBounds(value, found, bounds.min, bounds.max);
}

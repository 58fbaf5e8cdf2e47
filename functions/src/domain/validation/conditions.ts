// Evaluates the comparisons and conditions templates declare, on parsed values.
import type { ComparisonOp, Condition } from '@theodoi/sheets-schema/template-format';
import type { ParsedValue } from '../values/cell.js';

/** Whether `left op right` holds; values of different kinds are never ordered, only unequal. */
export function compareValues(left: ParsedValue, op: ComparisonOp, right: ParsedValue): boolean {
  if (op === 'eq') return left === right;
  if (op === 'ne') return left !== right;
  if (typeof left !== typeof right || typeof left === 'boolean') return false;
  switch (op) {
    case 'gt':
      return left > right;
    case 'gte':
      return left >= right;
    case 'lt':
      return left < right;
    case 'lte':
      return left <= right;
  }
}

/**
 * Whether a condition holds on a row's values. A value that is absent (blank or refused) satisfies only `empty`:
 * a rule never fires on a value the officer has not yet typed correctly.
 */
export function conditionHolds(
  condition: Condition,
  values: Readonly<Record<string, ParsedValue | null>>,
): boolean {
  const value = values[condition.column] ?? null;
  if (!('value' in condition)) return condition.op === 'filled' ? value !== null : value === null;
  return value !== null && compareValues(value, condition.op, condition.value);
}

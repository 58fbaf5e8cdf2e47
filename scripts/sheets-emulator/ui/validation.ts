/** Data validation as the Sheets UI applies it to what a person types: which entries break a cell's rule. */
import type { sheets_v4 } from '@googleapis/sheets';
import { clampToGrid, parseRange } from '../sheets/a1.js';
import { FormulaError } from '../sheets/formula-syntax.js';
import type { Scalar } from '../sheets/formula-syntax.js';
import { parseUserEntered } from '../sheets/locale.js';
import { getCell } from '../sheets/model.js';
import type { SheetData } from '../sheets/model.js';
import type { Renderer } from '../sheets/render.js';

function conditionValues(c: sheets_v4.Schema$BooleanCondition): string[] {
  return (c.values ?? []).map((v) => v.userEnteredValue ?? '');
}

/** A condition operand as a number: typed as in the spreadsheet's locale (numbers, dates), or plain digits. */
function operand(renderer: Renderer, text: string): number | undefined {
  const parsed = parseUserEntered(text, renderer.book.properties.locale).value?.numberValue;
  if (typeof parsed === 'number') return parsed;
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : undefined;
}

function rangeTexts(renderer: Renderer, ref: string): string[] | undefined {
  try {
    const rect = clampToGrid(parseRange(renderer.book, ref.replace(/^=/, '')));
    const out: string[] = [];
    for (let r = rect.startRow; r < rect.endRow; r++)
      for (let c = rect.startCol; c < rect.endCol; c++) out.push(renderer.formatted(rect.sheet, r, c) ?? '');
    return out;
  } catch {
    return undefined; // a reference that no longer resolves: Sheets then accepts nothing but we cannot tell
  }
}

function numberTest(
  type: string,
  v: number,
  a: number | undefined,
  b: number | undefined,
): boolean | undefined {
  if (a === undefined) return undefined;
  switch (type) {
    case 'GREATER':
    case 'AFTER':
      return v > a;
    case 'GREATER_THAN_EQ':
    case 'ON_OR_AFTER':
      return v >= a;
    case 'LESS':
    case 'BEFORE':
      return v < a;
    case 'LESS_THAN_EQ':
    case 'ON_OR_BEFORE':
      return v <= a;
    case 'EQ':
      return v === a;
    case 'NOT_EQ':
      return v !== a;
    case 'BETWEEN':
      return b !== undefined && v >= Math.min(a, b) && v <= Math.max(a, b);
    case 'NOT_BETWEEN':
      return b !== undefined && (v < Math.min(a, b) || v > Math.max(a, b));
    default:
      return undefined;
  }
}

/**
 * Whether the value shown in (r, c) satisfies the cell's rule. Empty cells always pass; conditions that are
 * not modelled (CUSTOM_FORMULA, relative dates, …) pass too.
 */
export function satisfiesRule(renderer: Renderer, sheet: SheetData, r: number, c: number): boolean {
  const rule = getCell(sheet, r, c)?.dataValidation;
  const cond = rule?.condition;
  if (!cond?.type) return true;
  const v: Scalar = renderer.effective(sheet, r, c);
  if (v === null || v === '') return true;
  if (v instanceof FormulaError) return false;
  const text = renderer.formatted(sheet, r, c) ?? '';
  const values = conditionValues(cond);
  const type = cond.type;
  if (type === 'ONE_OF_LIST') return values.includes(text) || values.includes(String(v));
  if (type === 'ONE_OF_RANGE') return rangeTexts(renderer, values[0] ?? '')?.includes(text) ?? true;
  if (type === 'BOOLEAN') return typeof v === 'boolean';
  if (type === 'NOT_BLANK') return true;
  if (type === 'BLANK') return false;
  if (type === 'TEXT_CONTAINS') return text.includes(values[0] ?? '');
  if (type === 'TEXT_NOT_CONTAINS') return !text.includes(values[0] ?? '');
  if (type === 'TEXT_EQ') return text === (values[0] ?? '');
  if (type === 'TEXT_STARTS_WITH') return text.startsWith(values[0] ?? '');
  if (type === 'TEXT_ENDS_WITH') return text.endsWith(values[0] ?? '');
  if (type === 'TEXT_IS_EMAIL') return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text);
  if (type === 'TEXT_IS_URL') return /^(https?:\/\/)?[^\s.]+\.\S+$/.test(text);
  if (type === 'DATE_IS_VALID') return typeof v === 'number' && v >= 0;
  const m = /^(NUMBER|DATE)_(.+)$/.exec(type);
  if (!m) return true; // CUSTOM_FORMULA and others are not evaluated here
  if (typeof v !== 'number') return false;
  const date = m[1] === 'DATE';
  if (date && (cond.values ?? []).some((x) => x.relativeDate)) return true;
  const [a, b] = values.map((x) => operand(renderer, x));
  const day = (x: number | undefined) => (date && x !== undefined ? Math.floor(x) : x);
  return numberTest(m[2]!, day(v)!, day(a), day(b)) ?? true;
}

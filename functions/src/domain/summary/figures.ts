/** Key figures: the template's columns shown per unit, each unit's accepted value, and the totals by summary rule. */
import { isNumericType, MAX_CELL_CHARS, type Template } from '@theodoi/sheets-schema/template-format';
import { summary as msg } from '../../messages.vi.js';
import { formatMoney, formatPercent, formatViDate, formatViNumber, formatYesNo } from '../values/display.js';
import type { FigureColumn, FigureTotal, FigureValue } from './model.js';

/** The template's key figures, in the order the template lists them. */
export function figureColumns(template: Template): FigureColumn[] {
  return template.keyFigures.flatMap((key) => {
    const column = template.columns.find((c) => c.key === key);
    if (!column) return [];
    return [
      {
        key,
        header: column.header,
        type: column.type,
        rule: column.summary,
        ...(column.summaryPhrase ? { phrase: column.summaryPhrase } : {}),
      },
    ];
  });
}

/** A unit's accepted value for a column, kept only when it has the column's kind (numbers finite, texts non-empty). */
export function figureValue(
  column: FigureColumn,
  accepted: Readonly<Record<string, unknown>> | null,
): FigureValue {
  const value = accepted?.[column.key];
  if (isNumericType(column.type)) return typeof value === 'number' && Number.isFinite(value) ? value : null;
  if (column.type === 'yesNo') return typeof value === 'boolean' ? value : null;
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Rounds away floating-point noise from sums and averages (0.1 + 0.2 = 0.3). */
function tidy(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/** Cuts a text to what one cell holds. */
export function fitCell(text: string): string {
  return text.length <= MAX_CELL_CHARS ? text : `${text.slice(0, MAX_CELL_CHARS - 1)}${msg.tooLong}`;
}

/** The totals row's value of a column over the units' values, by the column's summary rule. */
export function figureTotal(column: FigureColumn, values: readonly FigureValue[]): FigureTotal {
  const filled = values.filter((v): v is number | string | boolean => v !== null);
  switch (column.rule) {
    case 'sum':
    case 'average': {
      const numbers = filled.filter((v): v is number => typeof v === 'number');
      if (numbers.length === 0) return { rule: column.rule, value: null };
      const sum = numbers.reduce((a, b) => a + b, 0);
      return { rule: column.rule, value: tidy(column.rule === 'sum' ? sum : sum / numbers.length) };
    }
    case 'count':
      return { rule: 'count', value: filled.length };
    case 'list': {
      const texts = [...new Set(filled.map((v) => figureText(column, v)))];
      return { rule: 'list', value: texts.length ? fitCell(texts.join('; ')) : null };
    }
    case 'none':
      return { rule: 'none', value: null };
  }
}

/** A value written the Vietnamese way: 2.140, 1.500.000 đồng, 75%, 15/03/2024, Có. */
export function figureText(column: Pick<FigureColumn, 'type'>, value: number | string | boolean): string {
  if (typeof value === 'boolean') return formatYesNo(value);
  if (typeof value === 'number') {
    switch (column.type) {
      case 'money':
        return formatMoney(Math.round(value));
      case 'percent':
        return formatPercent(Math.round(value * 10_000) / 10_000);
      case 'integer':
      case 'decimal':
        return formatViNumber(Math.round(value * 100) / 100);
      default:
        return formatViNumber(value);
    }
  }
  return column.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatViDate(value) : value;
}

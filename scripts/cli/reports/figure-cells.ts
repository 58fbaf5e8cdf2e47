/** The text of a key figure or a total as the official report prints it (Vietnamese numbers, dates, yes/no). */
import {
  figureText,
  type FigureColumn,
  type FigureTotal,
  type FigureValue,
} from '@theodoi/functions/domain/summary/index';
import { formatViNumber } from '@theodoi/functions/domain/values/display';

/** A unit's figure as text; empty when the unit has none. */
export function figureCellText(column: FigureColumn, value: FigureValue): string {
  return value === null ? '' : figureText(column, value);
}

/** A totals-row cell as text by the column's rule: sums and averages formatted, counts as a number of units. */
export function totalCellText(column: FigureColumn, total: FigureTotal | undefined): string {
  if (!total || total.value === null) return '';
  if (total.rule === 'list') return total.value;
  if (total.rule === 'count') return formatViNumber(total.value);
  return figureText(column, total.value);
}

// Turns a row issue into the plain Vietnamese sentence officers read, using messages.vi.ts.
import type { Column, ComparisonOp, Condition, PresenceOp } from '@theodoi/sheets-schema/template-format';
import { isNumericType } from '@theodoi/sheets-schema/template-format';
import { validation as msg } from '../../messages.vi.js';
import type { ParsedValue } from '../values/cell.js';
import {
  formatMoney,
  formatPercent,
  formatViDate,
  formatViNumber,
  formatYesNo,
  showFound,
} from '../values/display.js';
import type { RowIssue } from './row-issue.js';

/** What describing may use beyond the issue: the current year, to complete a date typed without one. */
export interface DescribeContext {
  referenceYear?: number | undefined;
}

/** A parsed value as a message shows it: 1.200, 1.500.000 đồng, 75%, 15/03/2024, Có, "Hoàn thành". */
export function formatValue(column: Column, value: ParsedValue): string {
  if (typeof value === 'boolean') return formatYesNo(value);
  if (typeof value === 'number') {
    if (column.type === 'money') return formatMoney(value);
    if (column.type === 'percent') return formatPercent(value);
    return formatViNumber(value);
  }
  if (column.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatViDate(value);
  return `"${value}"`;
}

function formatBound(column: Column, bound: number | string): string {
  if (typeof bound === 'string') return formatViDate(bound);
  return formatValue(column, bound);
}

function describeCondition(condition: Condition, columns: ReadonlyMap<string, Column>): string {
  const column = columns.get(condition.column);
  const header = column?.header ?? condition.column;
  if (!('value' in condition)) return msg.condition(header, condition.op satisfies PresenceOp, '', false);
  const shown = column ? formatValue(column, condition.value) : String(condition.value);
  return msg.condition(
    header,
    condition.op satisfies ComparisonOp,
    shown,
    column ? isNumericType(column.type) : false,
  );
}

/** The message for one issue in one column. */
export function describeIssue(
  column: Column,
  issue: RowIssue,
  columns: ReadonlyMap<string, Column>,
  context: DescribeContext = {},
): string {
  const h = column.header;
  const found = 'found' in issue && issue.code !== 'compare' ? showFound(issue.found) : '';
  switch (issue.code) {
    case 'unreadable':
      return msg.unreadable(h);
    case 'formula':
      return msg.formula(h, isNumericType(column.type));
    case 'spreadsheetError':
      return msg.spreadsheetError(h, issue.error, msg.spreadsheetErrorMeanings[issue.error] ?? '');
    case 'brokenText':
      return msg.brokenText(h);
    case 'controlCharacter':
      return msg.controlCharacter(h, issue.codePoint);
    case 'lineBreak':
      return msg.lineBreak(h);
    case 'tooLong':
      return msg.tooLong(h, formatViNumber(issue.length), formatViNumber(issue.max));
    case 'notInteger':
      return msg.notInteger(h, found, issue.example);
    case 'notWhole':
      return msg.notWhole(h, found);
    case 'notNumber':
      return msg.notNumber(h, found, issue.example);
    case 'ambiguousNumber':
      return msg.ambiguousNumber(
        h,
        found,
        formatViNumber(issue.grouped),
        formatViNumber(issue.decimal),
        String(issue.grouped),
      );
    case 'belowMin':
      return issue.min === 0
        ? msg.negative(h, found)
        : msg.belowMin(h, found, formatBound(column, issue.min));
    case 'aboveMax':
      return msg.aboveMax(h, found, formatBound(column, issue.max));
    case 'notMoney':
      return msg.notMoney(h, found);
    case 'moneyFraction':
      return msg.moneyFraction(h, found);
    case 'notPercent':
      return msg.notPercent(h, found);
    case 'notDate':
      return msg.notDate(h, found);
    case 'missingYear':
      return msg.missingYear(
        h,
        found,
        context.referenceYear === undefined
          ? undefined
          : `${issue.day}/${issue.month}/${context.referenceYear}`,
      );
    case 'badMonth':
      return msg.badMonth(h, found, String(issue.month));
    case 'impossibleDate':
      return msg.impossibleDate(h, found, String(issue.month), String(issue.year), String(issue.daysInMonth));
    case 'dateOutOfRange':
      return msg.dateOutOfRange(h, found, formatViDate(issue.min), formatViDate(issue.max));
    case 'notYesNo':
      return msg.notYesNo(h, found);
    case 'notOption':
      return msg.notOption(h, found, issue.options);
    case 'notUrl':
      return msg.notUrl(h, found);
    case 'urlScheme':
      return msg.urlScheme(h, found);
    case 'notPhone':
      return msg.notPhone(h, found);
    case 'notEmail':
      return msg.notEmail(h, found);
    case 'required':
      return msg.required(h);
    case 'requiredWhen':
      return msg.requiredWhen(h, describeCondition(issue.when, columns));
    case 'compare': {
      const { rule } = issue;
      const numeric = isNumericType(column.type);
      let target: string;
      if (rule.otherColumn !== undefined) {
        const other = columns.get(rule.otherColumn);
        const otherHeader = other?.header ?? rule.otherColumn;
        const otherShown = other && issue.other !== undefined ? formatValue(other, issue.other) : '';
        target = msg.otherColumn(otherHeader, otherShown);
      } else {
        target = rule.value === undefined ? '' : formatValue(column, rule.value);
      }
      const condition = rule.when ? describeCondition(rule.when, columns) : undefined;
      return msg.compare(
        h,
        formatValue(column, issue.found),
        msg.expectation(rule.op, target, numeric),
        condition,
      );
    }
  }
}

// The verdict on one row: each cell parsed, required values and cross-field rules checked, errors in Vietnamese.
import type { Column, Rule, Template } from '@theodoi/sheets-schema/template-format';
import type { ParsedValue } from '../values/cell.js';
import { validation as msg } from '../../messages.vi.js';
import { compareValues, conditionHolds } from './conditions.js';
import type { DescribeContext } from './describe.js';
import { describeIssue } from './describe.js';
import type { IssueCode, RowIssue } from './row-issue.js';
import { isMissing } from './row-issue.js';
import { buildRowReader } from './row-schema.js';

/**
 * 'empty': nothing typed in the officer's columns; 'invalid': at least one value is wrong; 'incomplete': nothing is
 * wrong but a required value is missing; 'valid': accepted.
 */
export type RowStatus = 'empty' | 'incomplete' | 'invalid' | 'valid';

/** One problem of a row, for the status note: the column key and the Vietnamese sentence. */
export interface RowError {
  /** The column the error is about; '' when the row as a whole could not be read. */
  column: string;
  code: IssueCode | 'unreadableRow' | 'unstorable';
  message: string;
}

/** The verdict on one row. */
export interface RowVerdict {
  status: RowStatus;
  /** Every column's accepted value; null where the cell is blank or its value was refused. */
  values: Record<string, ParsedValue | null>;
  /** Errors in column order (value errors, then missing values and rule breaks of the same column). */
  errors: RowError[];
  /** Keys of text values that start like a formula: write them back only as string values (see asInertText). */
  inert: string[];
}

/** Options of a validator; the reference year completes dates typed without one in messages. */
export type ValidateOptions = DescribeContext;

/** A template compiled for validating many rows. */
export interface RowValidator {
  readonly template: Template;
  /**
   * The verdict on one row of raw cells keyed by column key; never throws. Cells listed in `formulas` hold a formula
   * (their text): refused, whatever it computes, so a figure never changes when the cells it refers to do.
   */
  validate(cells: Readonly<Record<string, unknown>>, options?: { formulas?: readonly string[] }): RowVerdict;
}

type CompareRule = Extract<Rule, { kind: 'compare' }>;
type RequiredWhenRule = Extract<Rule, { kind: 'requiredWhen' }>;

/** An issue found in a row, with the column it is about. */
interface Found {
  column: Column;
  issue: RowIssue;
}

/** Compiles a template once: the row reader, the column order, the rules with their columns. */
export function createRowValidator(template: Template, options: ValidateOptions = {}): RowValidator {
  const columns = template.columns;
  const byKey = new Map<string, Column>(columns.map((c) => [c.key, c]));
  const position = new Map<string, number>(columns.map((c, i) => [c.key, i]));
  const readRow = buildRowReader(template);
  const required = columns.filter((c) => c.required);
  // A requiredWhen rule on a column that is required anyway adds nothing.
  const requiredWhen = template.rules.flatMap((rule) => {
    const column = rule.kind === 'requiredWhen' ? byKey.get(rule.column) : undefined;
    return column && !column.required ? [{ rule: rule as RequiredWhenRule, column }] : [];
  });
  const compares = template.rules.flatMap((rule) => {
    const column = rule.kind === 'compare' ? byKey.get(rule.column) : undefined;
    return column ? [{ rule: rule as CompareRule, column }] : [];
  });

  /** Missing values and broken rules, in the order they are reported before sorting by column. */
  const ruleIssues = (
    blank: ReadonlySet<string>,
    values: Readonly<Record<string, ParsedValue | null>>,
  ): Found[] => {
    const found: Found[] = [];
    for (const column of required)
      if (blank.has(column.key)) found.push({ column, issue: { code: 'required' } });
    for (const { rule, column } of requiredWhen) {
      if (blank.has(rule.column) && conditionHolds(rule.when, values))
        found.push({ column, issue: { code: 'requiredWhen', when: rule.when } });
    }
    for (const { rule, column } of compares) {
      const value = values[rule.column] ?? null;
      if (value === null) continue;
      if (rule.when && !conditionHolds(rule.when, values)) continue;
      if (rule.otherColumn !== undefined) {
        const other = values[rule.otherColumn] ?? null;
        if (other !== null && !compareValues(value, rule.op, other))
          found.push({ column, issue: { code: 'compare', rule, found: value, other } });
      } else if (rule.value !== undefined && !compareValues(value, rule.op, rule.value)) {
        found.push({ column, issue: { code: 'compare', rule, found: value } });
      }
    }
    return found;
  };

  const validate = (
    cells: Readonly<Record<string, unknown>>,
    { formulas }: { formulas?: readonly string[] } = {},
  ): RowVerdict => {
    const outcomes = readRow(cells);
    if (!outcomes) {
      return {
        status: 'invalid',
        values: Object.fromEntries(columns.map((c) => [c.key, null])),
        errors: [{ column: '', code: 'unreadableRow', message: msg.unreadableRow }],
        inert: [],
      };
    }
    const values: Record<string, ParsedValue | null> = {};
    const blank = new Set<string>();
    const found: Found[] = [];
    const inert: string[] = [];
    let officerTyped = false;

    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const outcome = outcomes[i]!;
      if (outcome.kind === 'blank') {
        values[column.key] = null;
        blank.add(column.key);
        continue;
      }
      if (column.source === 'officer') officerTyped = true;
      if (formulas?.includes(column.key)) {
        values[column.key] = null;
        found.push({ column, issue: { code: 'formula' } });
      } else if (outcome.kind === 'issue') {
        values[column.key] = null;
        found.push({ column, issue: outcome.issue });
      } else {
        values[column.key] = outcome.value;
        if (outcome.inert) inert.push(column.key);
      }
    }
    if (!officerTyped) return { status: 'empty', values, errors: [], inert };

    found.push(...ruleIssues(blank, values));
    if (found.length === 0) return { status: 'valid', values, errors: [], inert };
    found.sort((a, b) => (position.get(a.column.key) ?? 0) - (position.get(b.column.key) ?? 0));
    const errors: RowError[] = found.map(({ column, issue }) => ({
      column: column.key,
      code: issue.code,
      message: describeIssue(column, issue, byKey, options),
    }));
    const status: RowStatus = found.every((f) => isMissing(f.issue)) ? 'incomplete' : 'invalid';
    return { status, values, errors, inert };
  };

  return { template, validate };
}

const compiled = new WeakMap<Template, Map<number | undefined, RowValidator>>();

/**
 * The verdict on one row of raw cells (as the Sheets API returns them, keyed by column key). The template is compiled
 * on first use and kept for as long as the template object lives.
 */
export function validateRow(
  template: Template,
  cells: Readonly<Record<string, unknown>>,
  options: ValidateOptions = {},
): RowVerdict {
  let byYear = compiled.get(template);
  if (!byYear) {
    byYear = new Map();
    compiled.set(template, byYear);
  }
  let validator = byYear.get(options.referenceYear);
  if (!validator) {
    validator = createRowValidator(template, options);
    byYear.set(options.referenceYear, validator);
  }
  return validator.validate(cells);
}

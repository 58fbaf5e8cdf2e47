// What can be wrong with a row: a cell's value, a missing required value, or a broken cross-field rule.
import type { Condition, Rule } from '@theodoi/sheets-schema/template-format';
import type { ParsedValue } from '../values/cell.js';
import type { ValueIssue } from '../values/issue.js';

/** A problem found in a row, attached to one column. */
export type RowIssue =
  | ValueIssue
  | { code: 'required' }
  | { code: 'requiredWhen'; when: Condition }
  | { code: 'compare'; rule: Extract<Rule, { kind: 'compare' }>; found: ParsedValue; other?: ParsedValue };

/** Every issue code, for callers that count or filter errors. */
export type IssueCode = RowIssue['code'];

/** Issues that mean "something is missing" rather than "something is wrong": they make a row incomplete. */
export function isMissing(issue: RowIssue): boolean {
  return issue.code === 'required' || issue.code === 'requiredWhen';
}

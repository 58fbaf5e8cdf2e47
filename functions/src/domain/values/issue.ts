// What can be wrong with one cell, as data: the message is rendered later, from messages.vi.ts, with the column's header.
import type { ParsedValue, SpreadsheetError } from './cell.js';

/** What the officer typed, as the cell held it; messages shorten it for display. */
export type Found = string | number | boolean;

/** A problem with one cell's value. */
export type ValueIssue =
  | { code: 'unreadable' }
  | { code: 'formula' }
  | { code: 'spreadsheetError'; error: SpreadsheetError }
  | { code: 'brokenText' }
  | { code: 'controlCharacter'; codePoint: string }
  | { code: 'lineBreak' }
  | { code: 'tooLong'; length: number; max: number }
  | { code: 'notInteger'; found: Found; example: string }
  | { code: 'notWhole'; found: Found }
  | { code: 'notNumber'; found: Found; example: string }
  | { code: 'ambiguousNumber'; found: Found; grouped: number; decimal: number }
  | { code: 'belowMin'; found: Found; min: number | string }
  | { code: 'aboveMax'; found: Found; max: number | string }
  | { code: 'notMoney'; found: Found }
  | { code: 'moneyFraction'; found: Found }
  | { code: 'notPercent'; found: Found }
  | { code: 'notDate'; found: Found }
  | { code: 'missingYear'; found: Found; day: number; month: number }
  | { code: 'badMonth'; found: Found; month: number }
  | { code: 'impossibleDate'; found: Found; month: number; year: number; daysInMonth: number }
  | { code: 'dateOutOfRange'; found: Found; min: string; max: string }
  | { code: 'notYesNo'; found: Found }
  | { code: 'notOption'; found: Found; options: readonly string[] }
  | { code: 'notUrl'; found: Found }
  | { code: 'urlScheme'; found: Found }
  | { code: 'notPhone'; found: Found }
  | { code: 'notEmail'; found: Found };

/** The outcome of reading one cell: nothing typed, an accepted value, or a problem. */
export type CellOutcome =
  | { readonly kind: 'blank' }
  | { readonly kind: 'ok'; readonly value: ParsedValue; readonly inert?: boolean }
  | { readonly kind: 'issue'; readonly issue: ValueIssue };

/** The shared outcome of an empty cell. */
export const BLANK: CellOutcome = Object.freeze({ kind: 'blank' });

/** An accepted value. */
export function accept(value: ParsedValue): CellOutcome {
  return { kind: 'ok', value };
}

/** A refused value. */
export function refuse(issue: ValueIssue): CellOutcome {
  return { kind: 'issue', issue };
}

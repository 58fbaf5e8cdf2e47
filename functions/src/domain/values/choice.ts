// Enum columns: the typed text must be one of the template's options, compared without case and diacritics.
import { foldText } from './fold.js';
import type { CellOutcome } from './issue.js';
import { accept, refuse } from './issue.js';

/** A matcher for one column's options: folded text → the option as declared. */
export type ChoiceMatcher = ReadonlyMap<string, string>;

/** Builds the matcher of a column's options (the template format guarantees they differ once folded). */
export function choiceMatcher(options: readonly string[]): ChoiceMatcher {
  return new Map(options.map((o) => [foldText(o), o]));
}

/** Reads a choice as the declared option: "hoàn thành" and "Hoan thanh" both give "Hoàn thành". */
export function parseChoice(
  raw: string | number | boolean,
  options: readonly string[],
  matcher: ChoiceMatcher,
): CellOutcome {
  const text = typeof raw === 'string' ? raw : String(raw);
  // A value picked from the dropdown is the option itself; folding it would find the same option.
  if (options.includes(text)) return accept(text);
  // Options are at most 100 characters (template format); a longer text cannot match and is not worth folding.
  const option = text.length > 200 ? undefined : matcher.get(foldText(text));
  return option === undefined ? refuse({ code: 'notOption', found: raw, options }) : accept(option);
}

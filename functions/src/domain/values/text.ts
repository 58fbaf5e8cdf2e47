// Text hygiene: NFC, invisible characters, odd spaces, control characters, the cell-size cap, formula-like text.
import type { ValueIssue } from './issue.js';

const ASCII_PRINTABLE = /^[\x20-\x7E]*$/;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /\p{Cs}/u;
const INVISIBLE_OR_ODD_SPACE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ANY_CONTROL_OR_BREAK = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
// Control characters other than tab, line feed and carriage return; those three are judged separately.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const TAB_OR_BREAK = /[\t\n\r\u2028\u2029]/;
const FORMULA_START = /^[=+\-@]/;

/** Google Sheets' limit on the characters of one cell, and so ours. */
export const TEXT_CAP = 50_000;

/** NFC, zero-width characters removed, non-breaking and other odd spaces made ordinary, trimmed. */
export function cleanText(raw: string): string {
  if (ASCII_PRINTABLE.test(raw)) return raw.trim();
  // The regex tests are cheap; the replacements run only on the rare text that needs them.
  const visible = INVISIBLE_OR_ODD_SPACE.test(raw)
    ? raw.replace(ZERO_WIDTH, '').replace(ODD_SPACES, ' ')
    : raw;
  return visible.normalize('NFC').trim();
}

/** Line endings made \n, for multi-line text. */
export function normaliseLineBreaks(text: string): string {
  return text.replace(LINE_BREAKS, '\n');
}

/** What is wrong with a cleaned text for a column, if anything: broken characters, control characters, length. */
export function checkText(
  text: string,
  options: { multiline: boolean; maxLength: number },
): ValueIssue | undefined {
  if (!ASCII_PRINTABLE.test(text)) {
    if (ANY_SURROGATE.test(text) && LONE_SURROGATE.test(text)) return { code: 'brokenText' };
    if (ANY_CONTROL_OR_BREAK.test(text)) {
      const control = CONTROL.exec(text);
      if (control) return { code: 'controlCharacter', codePoint: codePointName(control[0]) };
      if (!options.multiline && TAB_OR_BREAK.test(text)) return { code: 'lineBreak' };
    }
  }
  const max = Math.min(options.maxLength, TEXT_CAP);
  if (text.length > max) return { code: 'tooLong', length: text.length, max };
  return undefined;
}

function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Whether Sheets would read this text as a formula if it were written as user input (= + - @ first). */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A Sheets ExtendedValue that stores text literally, never as a formula: how writers must send officer text. */
export interface InertText {
  readonly stringValue: string;
}

/** Wraps text so that a writer sends it as a string value (updateCells' stringValue), never as user input. */
export function asInertText(text: string): InertText {
  return { stringValue: text };
}

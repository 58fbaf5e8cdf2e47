// Text hygiene: NFC, invisible characters, odd spaces, control characters, the cell-size cap, formula-like text.
import type { ValueIssue } from './issue.js';

// Text needing neither cleaning nor checking: printable ASCII, Latin letters with their diacritics (every precomposed
// Vietnamese letter among them), Latin-1 signs and common typographic punctuation, plus tab and line feed in the
// multi-line form. No such character is changed by NFC, alone or next to another such character, and none is a space
// other than U+0020 (and tab and line feed), a zero-width character, another control character, another line break or
// a surrogate (test/unit/domain/values/text.test.ts checks every character and every pair).
const PLAIN_LINE =
  /^[\x20-\x7E\u00A1-\u00AC\u00AE-\u024F\u1E00-\u1EFF\u2013\u2014\u2018\u2019\u201C\u201D\u2026]*$/;
const PLAIN_LINES =
  /^[\t\n\x20-\x7E\u00A1-\u00AC\u00AE-\u024F\u1E00-\u1EFF\u2013\u2014\u2018\u2019\u201C\u201D\u2026]*$/;
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

/**
 * Whether a text is plain: then cleaning it only trims it, line breaks need no normalising, and {@link checkText} finds
 * nothing but, perhaps, its length. Tab and line feed count as plain only in multi-line text.
 */
export function isPlainText(text: string, multiline: boolean): boolean {
  return (multiline ? PLAIN_LINES : PLAIN_LINE).test(text);
}

/** NFC, zero-width characters removed, non-breaking and other odd spaces made ordinary, trimmed. */
export function cleanText(raw: string): string {
  // One scan finds the usual text, which NFC leaves as it is; normalising only what may change is much cheaper.
  if (PLAIN_LINES.test(raw)) return raw.trim();
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
  if (!PLAIN_LINE.test(text)) {
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

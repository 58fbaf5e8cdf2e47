// Reads one raw cell for one column: blank, spreadsheet error, text hygiene, then the column type's parser.
import type { Column } from '@theodoi/sheets-schema/template-format';
import { spreadsheetErrorOf } from './cell.js';
import { choiceMatcher, parseChoice } from './choice.js';
import { parseDate } from './date.js';
import { parseEmail } from './email.js';
import type { CellOutcome } from './issue.js';
import { BLANK, refuse } from './issue.js';
import { parseMoney } from './money.js';
import { parseDecimal, parseInteger } from './number.js';
import { parsePercent } from './percent.js';
import { parsePhone } from './phone.js';
import {
  checkText,
  cleanText,
  isPlainText,
  normaliseLineBreaks,
  startsLikeFormula,
  TEXT_CAP,
} from './text.js';
import { parseUrl } from './url.js';
import { parseYesNo } from './yes-no.js';

type Present = string | number | boolean;

const NON_TEXT_MAX = 2_048;

/** A column's parser: from anything a cell may hold to an outcome; it never throws. */
export type CellParser = (raw: unknown) => CellOutcome;

function textParser(multiline: boolean, maxLength: number | undefined): (raw: Present) => CellOutcome {
  const options = { multiline, maxLength: maxLength ?? TEXT_CAP };
  return (raw) => {
    let text =
      typeof raw === 'string' ? raw : typeof raw === 'boolean' ? (raw ? 'TRUE' : 'FALSE') : String(raw);
    if (multiline) text = normaliseLineBreaks(text);
    const issue = checkText(text, options);
    if (issue) return refuse(issue);
    return startsLikeFormula(text) ? { kind: 'ok', value: text, inert: true } : { kind: 'ok', value: text };
  };
}

function typedParser(column: Column): (raw: Present) => CellOutcome {
  switch (column.type) {
    case 'integer':
      return (raw) => parseInteger(raw, column);
    case 'decimal':
      return (raw) => parseDecimal(raw, column);
    case 'money':
      return (raw) => parseMoney(raw, column);
    case 'percent':
      return (raw) => parsePercent(raw, column);
    case 'date':
      return (raw) => parseDate(raw, column);
    case 'enum': {
      const matcher = choiceMatcher(column.options);
      return (raw) => parseChoice(raw, column.options, matcher);
    }
    case 'yesNo':
      return parseYesNo;
    case 'url':
      return parseUrl;
    case 'phone':
      return parsePhone;
    case 'email':
      return parseEmail;
    case 'text':
      return textParser(false, column.maxLength);
    case 'longText':
      return textParser(true, column.maxLength);
  }
}

/** Reads a string cell: cleaned (unless too long to be worth it), then blank, a spreadsheet error or the typed value. */
function stringReader(typed: (raw: Present) => CellOutcome, isText: boolean): (raw: string) => CellOutcome {
  return (raw) => {
    // A value of any other type is a few dozen characters; its parser refuses a long text by length alone,
    // so a 50,000-character paste into a number column is not worth cleaning first.
    const text = isText || raw.length <= NON_TEXT_MAX ? cleanText(raw) : raw;
    if (text.length === 0) return BLANK;
    const error = spreadsheetErrorOf(text);
    return error ? refuse({ code: 'spreadsheetError', error }) : typed(text);
  };
}

/**
 * Reads a string cell of a text column. Plain text, what officers nearly always type, needs no cleaning, no line-break
 * normalising and no character checks: one scan, then only its length is checked. Any other text takes the general path.
 */
function textReader(
  typed: (raw: Present) => CellOutcome,
  multiline: boolean,
  maxLength: number,
): (raw: string) => CellOutcome {
  const general = stringReader(typed, true);
  const max = Math.min(maxLength, TEXT_CAP);
  return (raw) => {
    if (!isPlainText(raw, multiline)) return general(raw);
    const text = raw.trim();
    if (text.length === 0) return BLANK;
    const error = spreadsheetErrorOf(text);
    if (error) return refuse({ code: 'spreadsheetError', error });
    if (text.length > max) return refuse({ code: 'tooLong', length: text.length, max });
    return startsLikeFormula(text) ? { kind: 'ok', value: text, inert: true } : { kind: 'ok', value: text };
  };
}

/** Builds the parser of one column; build once per template, call once per cell. */
export function cellParser(column: Column): CellParser {
  const typed = typedParser(column);
  const isText = column.type === 'text' || column.type === 'longText';
  const readString = isText
    ? textReader(typed, column.type === 'longText', column.maxLength ?? TEXT_CAP)
    : stringReader(typed, false);
  return (raw) => {
    switch (typeof raw) {
      case 'undefined':
        return BLANK;
      case 'number':
        return Number.isFinite(raw) ? typed(raw) : refuse({ code: 'unreadable' });
      case 'boolean':
        return typed(raw);
      case 'string':
        return raw.length === 0 ? BLANK : readString(raw);
      default:
        return raw === null ? BLANK : refuse({ code: 'unreadable' });
    }
  };
}

/** Reads one cell for a column (convenience for one-off use; rows go through the row validator). */
export function parseCell(column: Column, raw: unknown): CellOutcome {
  return cellParser(column)(raw);
}

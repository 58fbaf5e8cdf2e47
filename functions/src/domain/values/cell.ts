// Raw cell values as the Sheets API returns them (UNFORMATTED_VALUE, SERIAL_NUMBER dates) and spreadsheet error values.

/** One cell as read from the Sheets API; trimmed trailing cells arrive as undefined. */
export type CellValue = string | number | boolean | null | undefined;

/** A value accepted into a report: a number, an ISO date or other text, or a yes/no. */
export type ParsedValue = number | string | boolean;

/** The error values a formula cell shows in Google Sheets. */
export const SPREADSHEET_ERRORS = [
  '#REF!',
  '#N/A',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#ERROR!',
  '#NUM!',
  '#NULL!',
] as const;
/** One of {@link SPREADSHEET_ERRORS}. */
export type SpreadsheetError = (typeof SPREADSHEET_ERRORS)[number];

const ERRORS_BY_TEXT = new Map<string, SpreadsheetError>(SPREADSHEET_ERRORS.map((e) => [e, e]));

/** The spreadsheet error a (cleaned) cell text stands for, if it is one. */
export function spreadsheetErrorOf(text: string): SpreadsheetError | undefined {
  if (text.charCodeAt(0) !== 35 /* # */ || text.length > 8) return undefined;
  return ERRORS_BY_TEXT.get(text.toUpperCase());
}

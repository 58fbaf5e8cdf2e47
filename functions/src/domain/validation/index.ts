// The validation domain's public surface: what the sync engine, the sheet writer and the store use.
export { validateRow, createRowValidator } from './validate-row.js';
export type { RowError, RowStatus, RowValidator, RowVerdict, ValidateOptions } from './validate-row.js';
export { buildCellsSchema, buildValuesSchema } from './row-schema.js';
export { canonicalJson, rowHash } from './row-hash.js';
export { describeIssue, formatValue } from './describe.js';
export type { IssueCode, RowIssue } from './row-issue.js';
export { asInertText, startsLikeFormula } from '../values/text.js';
export type { InertText } from '../values/text.js';
export { parseCell, cellParser } from '../values/parse-cell.js';
export { isoDateToSerial, serialToIsoDate } from '../values/date.js';
export type { CellValue, ParsedValue } from '../values/cell.js';

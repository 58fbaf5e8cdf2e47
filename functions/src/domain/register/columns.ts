/** The register tab's columns, in sheet order: who writes each (the coordinator or theodoi) and how it is entered. */

/** The keys of the register tab's columns, in sheet order. */
export const REGISTER_COLUMN_KEYS = [
  'text',
  'number',
  'date',
  'subject',
  'recipients',
  'tasks',
  'deadlines',
  'missing',
  'id',
  'template',
  'deadline',
  'confirmPast',
  'create',
  'link',
  'status',
  'close',
  'extensions',
  'extensionResults',
] as const;
/** One column's key. */
export type RegisterColumnKey = (typeof REGISTER_COLUMN_KEYS)[number];

/** The columns theodoi writes (grey on the sheet); the others are the coordinator's. */
export const THEODOI_COLUMNS: ReadonlySet<RegisterColumnKey> = new Set([
  'number',
  'date',
  'subject',
  'recipients',
  'tasks',
  'deadlines',
  'missing',
  'link',
  'status',
  'extensionResults',
]);

/** The coordinator's tick boxes. */
export const CHECKBOX_COLUMNS: ReadonlySet<RegisterColumnKey> = new Set(['confirmPast', 'create', 'close']);

/** The 0-based index of a column. */
export function columnIndex(key: RegisterColumnKey): number {
  return REGISTER_COLUMN_KEYS.indexOf(key);
}

/** 0-based index of the header row; the coordinator's rows start below it. */
export const REGISTER_HEADER_ROW = 0;
/** 0-based index of the first row a công văn is pasted in. */
export const FIRST_REGISTER_ROW = REGISTER_HEADER_ROW + 1;

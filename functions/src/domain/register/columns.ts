/** The register tab's columns, in sheet order: who writes each (the coordinator or theodoi) and how it is entered. */

/** Each column of the register tab, in sheet order, with who writes it: the coordinator, or theodoi (grey). */
const COLUMNS = [
  ['text', 'coordinator'],
  ['number', 'theodoi'],
  ['date', 'theodoi'],
  ['subject', 'theodoi'],
  ['recipients', 'theodoi'],
  ['tasks', 'theodoi'],
  ['deadlines', 'theodoi'],
  ['missing', 'theodoi'],
  ['id', 'coordinator'],
  ['template', 'coordinator'],
  ['deadline', 'coordinator'],
  ['confirmPast', 'coordinator'],
  ['create', 'coordinator'],
  ['link', 'theodoi'],
  ['status', 'theodoi'],
  ['close', 'coordinator'],
  ['extensions', 'coordinator'],
  ['extensionResults', 'theodoi'],
] as const;

/** One column's key. */
export type RegisterColumnKey = (typeof COLUMNS)[number][0];

/** The keys of the register tab's columns, in sheet order. */
export const REGISTER_COLUMN_KEYS: readonly RegisterColumnKey[] = COLUMNS.map(([key]) => key);

/** The columns theodoi writes (grey on the sheet); the others are the coordinator's. */
export const THEODOI_COLUMNS: ReadonlySet<RegisterColumnKey> = new Set(
  COLUMNS.filter(([, by]) => by === 'theodoi').map(([key]) => key),
);

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

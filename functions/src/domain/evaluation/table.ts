/** The columns of the evaluation's tables (the .xlsx, the .docx annex and the Sheets tab) under their part headings. */
import { evaluation as msg } from '../../messages.vi.js';
import { formatViNumber } from '../values/display.js';
import type { EvaluationRow } from './model.js';
import type { TallyCounts } from './tally.js';

/** The heading a column sits under; `unit` and `trailer` columns span both header rows. */
export type ColumnPart = 'unit' | 'reports' | 'tasks' | 'rows' | 'result' | 'trailer';

/** A column of a tally count, the score, its grade or rank, or a text. */
export type EvaluationColumn = { header: string; part: ColumnPart } & (
  | { kind: 'count'; key: keyof TallyCounts }
  | { kind: 'score' | 'grade' | 'rank' | 'groupRank' | 'stt' | 'unit' | 'notes' | 'directives' }
);

const count = (key: keyof TallyCounts, part: ColumnPart): EvaluationColumn => ({
  kind: 'count',
  key,
  part,
  header: msg.columns[key as keyof typeof msg.columns],
});
const c = msg.columns;

/** Every column: the workbook's and the Sheets tab's, with notes and the unit's directives. */
export const EVALUATION_COLUMNS: readonly EvaluationColumn[] = [
  { kind: 'stt', part: 'unit', header: c.stt },
  { kind: 'unit', part: 'unit', header: c.unit },
  count('reportsDue', 'reports'),
  count('reportsOnTime', 'reports'),
  count('reportsLate', 'reports'),
  count('reportsLateWorkingDays', 'reports'),
  count('reportsMissingAtDeadline', 'reports'),
  count('reportsMissing', 'reports'),
  count('tasksDue', 'tasks'),
  count('tasksOnTime', 'tasks'),
  count('tasksLate', 'tasks'),
  count('tasksOverdue', 'tasks'),
  count('corrected', 'rows'),
  count('awaitingCorrection', 'rows'),
  count('extended', 'rows'),
  { kind: 'score', part: 'result', header: c.score },
  { kind: 'grade', part: 'result', header: c.grade },
  { kind: 'rank', part: 'result', header: c.rank },
  { kind: 'groupRank', part: 'result', header: c.groupRank },
  { kind: 'notes', part: 'trailer', header: c.notes },
  { kind: 'directives', part: 'trailer', header: c.directives },
];

/** The annex's columns: what fits A4 landscape (notes go under the unit's name and below the table). */
export const ANNEX_COLUMNS: readonly EvaluationColumn[] = EVALUATION_COLUMNS.filter(
  (col) =>
    col.kind !== 'notes' &&
    col.kind !== 'directives' &&
    col.kind !== 'groupRank' &&
    !(col.kind === 'count' && col.key === 'awaitingCorrection'),
);

/** The part headings in column order, with how many columns each spans. */
export function partSpans(
  columns: readonly EvaluationColumn[],
): { part: ColumnPart; start: number; span: number }[] {
  const spans: { part: ColumnPart; start: number; span: number }[] = [];
  columns.forEach((col, i) => {
    const last = spans.at(-1);
    if (last && last.part === col.part && col.part !== 'unit' && col.part !== 'trailer') last.span += 1;
    else spans.push({ part: col.part, start: i, span: 1 });
  });
  return spans;
}

/** The heading of a part ("Chế độ báo cáo"); a `unit` or `trailer` column is its own heading. */
export function partHeading(part: ColumnPart): string | undefined {
  return part === 'reports'
    ? c.reports
    : part === 'tasks'
      ? c.tasks
      : part === 'rows'
        ? c.rows
        : part === 'result'
          ? c.result
          : undefined;
}

/** A score as documents print it: at most two decimals, Vietnamese comma ("87,5"). */
export function scoreText(score: number | null): string {
  return score === null ? '' : formatViNumber(score);
}

/** The value of a unit's cell: a number, a text, or null for an empty cell. */
export function cellValue(col: EvaluationColumn, row: EvaluationRow): number | string | null {
  switch (col.kind) {
    case 'count':
      return row.tally[col.key];
    case 'stt':
      return row.stt;
    case 'unit':
      return row.unitName;
    case 'score':
      return row.score?.total ?? null;
    case 'grade':
      return row.grade ?? (row.score === null ? msg.notScored : null);
    case 'rank':
      return row.rank;
    case 'groupRank':
      return row.groupRank;
    case 'notes':
      return row.notes.join('; ') || null;
    case 'directives':
      return row.byDirective.length ? msg.directivesLink(row.byDirective.length) : null;
  }
}

/**
 * The "Tình trạng nhiệm vụ" cells of a task tab (decision 007): each row's task status from its unit's accepted
 * progress and its effective deadline (an extension moves it), where the tab shows something else; pure. The sync
 * writes them in its one write for the rows it stores, the morning check for every row as days pass.
 */
import { TASK_STATUSES } from '@theodoi/sheets-schema/templates/tien-do-nhiem-vu';
import { isIsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { DeadlineCell } from '../deadlines/stale-cells.js';
import type { Period } from '../periods/periods.js';
import type { ExtendedDeadlines } from '../status/extensions.js';
import { extensionKey } from '../status/extensions.js';
import type { CellValue } from '../values/cell.js';
import type { TaskRow } from './task-rows.js';
import { taskStatus, taskStatusText, type TaskProgressInput, type TaskStatus } from './task-status.js';

/** The template's columns a task row's progress is read from (tien-do-nhiem-vu). */
export const TASK_PROGRESS_COLUMNS = { state: 'trang_thai', completedOn: 'ngay_hoan_thanh' } as const;
const STATE_OF: Readonly<Record<string, TaskProgressInput['state']>> = {
  [TASK_STATUSES[0]]: 'not-started',
  [TASK_STATUSES[1]]: 'in-progress',
  [TASK_STATUSES[2]]: 'completed',
};

/** A row's progress from its accepted values (null when nothing was accepted). */
export function taskProgressOf(
  values: Readonly<Record<string, unknown>> | null | undefined,
): TaskProgressInput {
  const state = values?.[TASK_PROGRESS_COLUMNS.state];
  const day = values?.[TASK_PROGRESS_COLUMNS.completedOn];
  return {
    state: typeof state === 'string' ? (STATE_OF[state] ?? null) : null,
    completedOn: typeof day === 'string' && isIsoDate(day) ? day : null,
  };
}

/** A task row's status now, with its effective deadline and whether an extension set it. */
export interface TaskRowStatus {
  status: TaskStatus;
  deadline: string;
  extendedTo?: string;
}

/** The status of `row` in `period`'s tab at `now`, from its accepted values. */
export function taskRowStatus(
  row: TaskRow,
  period: Pick<Period, 'key'>,
  acceptedValues: Readonly<Record<string, unknown>> | null | undefined,
  context: { now: Date; calendar: WorkingCalendar; extensions?: ExtendedDeadlines | undefined },
): TaskRowStatus {
  const extendedTo = context.extensions?.[extensionKey(period.key, row.key)];
  const deadline = extendedTo ?? row.deadline;
  const status = taskStatus({
    progress: taskProgressOf(acceptedValues),
    deadline,
    ongoing: row.ongoing,
    now: context.now,
    calendar: context.calendar,
  });
  return { status, deadline, ...(extendedTo ? { extendedTo } : {}) };
}

/**
 * The task-status cells of `rows` whose text differs from what the tab shows (`shownAt(rowIndex)`); rows without a
 * known position are skipped.
 */
export function staleTaskCells(input: {
  period: Pick<Period, 'key'>;
  rows: readonly TaskRow[];
  rowIndexOf: (rowKey: string) => number | undefined;
  shownAt: (rowIndex: number) => CellValue | undefined;
  acceptedOf: (rowKey: string) => Readonly<Record<string, unknown>> | null | undefined;
  now: Date;
  calendar: WorkingCalendar;
  extensions?: ExtendedDeadlines | undefined;
}): DeadlineCell[] {
  const cells: DeadlineCell[] = [];
  for (const row of input.rows) {
    const rowIndex = input.rowIndexOf(row.key);
    if (rowIndex === undefined) continue;
    const { status, extendedTo } = taskRowStatus(row, input.period, input.acceptedOf(row.key), input);
    const text = taskStatusText(status, extendedTo);
    const shown = input.shownAt(rowIndex);
    if ((shown === undefined || shown === null ? '' : String(shown)) !== text)
      cells.push({ rowIndex, text, code: status.code });
  }
  return cells;
}

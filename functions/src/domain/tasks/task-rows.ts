/**
 * Which task rows a period's tab holds and when each is due (decision 007). A directive of tasks has the tabs of its
 * schedule (periodic when a task recurs, one-off otherwise) and, beside periodic tabs, the tab `once` of the tasks
 * due by one day. A one-day task's row is in the tab `once`; a recurring task's row is in each period's tab, due on
 * that period's deadline; an ongoing task's row is in every tab of the schedule, never overdue as a whole.
 */
import type { IsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { ONCE_KEY } from '../periods/period-key.js';
import { openedPeriods, periodOf, type Period } from '../periods/periods.js';
import type { Schedule } from '../periods/schedule.js';
import { responsibleUnits, taskRowKey, type DirectiveTask, type TaskRole } from './task.js';

/** What the task rows of a directive are derived from. */
export interface TaskDirective {
  schedule: Schedule;
  tasks?: readonly DirectiveTask[] | undefined;
}

/** One (task × responsible unit) row of a period's tab. */
export interface TaskRow {
  /** `<unitCode>~<taskId>`: the row's marker and its report's id after the period key. */
  key: string;
  unitCode: string;
  taskId: string;
  /** The task's number in the document's order (1 for nv1). */
  taskNo: number;
  text: string;
  role: TaskRole;
  /** The row's own deadline (before any extension), moved off a day off. */
  deadline: IsoDate;
  /** "Thường xuyên": reported on in every period, never "quá hạn" as a whole. */
  ongoing: boolean;
}

/** Whether a directive is made of tasks. */
export function isTaskDirective(directive: { tasks?: readonly unknown[] | undefined }): boolean {
  return (directive.tasks?.length ?? 0) > 0;
}

/** The task's number in the document's order: nv3 → 3. */
export function taskNumber(taskId: string): number {
  return Number(taskId.replace(/^nv/, ''));
}

/**
 * The tab `once` of a periodic directive of tasks: it opens with the schedule's first period and is due on the
 * latest one-day task's deadline; undefined when no task is due by one day.
 */
function oneDayTasksPeriod(directive: TaskDirective, calendar: WorkingCalendar): Period | undefined {
  if (directive.schedule.kind === 'once') return undefined;
  const days = (directive.tasks ?? []).flatMap((t) => (t.due.kind === 'by' ? [t.due.date] : []));
  if (days.length === 0) return undefined;
  const first = periodOf(directive.schedule, directive.schedule.first, calendar);
  const deadline = [...days].sort().at(-1)!;
  const opensOn = first.start < deadline ? first.start : deadline;
  return periodOf(
    { kind: 'once', opensOn, deadline, onNonWorkingDay: 'next-working-day' },
    ONCE_KEY,
    calendar,
  );
}

/** The period of `key`: the schedule's, or the tab `once` of a periodic directive of tasks. */
export function directivePeriodOf(directive: TaskDirective, key: string, calendar: WorkingCalendar): Period {
  if (key === ONCE_KEY && directive.schedule.kind !== 'once' && isTaskDirective(directive)) {
    const period = oneDayTasksPeriod(directive, calendar);
    if (period) return period;
  }
  return periodOf(directive.schedule, key, calendar);
}

/** The periods a directive of tasks opens beside its schedule's: the tab `once`, when it has one. */
export function extraTaskPeriods(directive: TaskDirective, calendar: WorkingCalendar): Period[] {
  const period = isTaskDirective(directive) ? oneDayTasksPeriod(directive, calendar) : undefined;
  return period ? [period] : [];
}

/** The rows of `period`'s tab, in task order then lead first. */
export function taskRowsOf(directive: TaskDirective, period: Period, calendar: WorkingCalendar): TaskRow[] {
  const onceSchedule = directive.schedule.kind === 'once';
  return (directive.tasks ?? []).flatMap((task) => {
    const due = task.due;
    let deadline: IsoDate | undefined;
    if (period.key === ONCE_KEY) {
      if (due.kind === 'by') deadline = calendar.nextWorkingDayOnOrAfter(due.date);
      else if (due.kind === 'ongoing' && onceSchedule) deadline = period.deadline;
    } else if (due.kind !== 'by') deadline = period.deadline;
    if (deadline === undefined) return [];
    const dueOn = deadline;
    return responsibleUnits(task).map(({ unitCode, role }) => ({
      key: taskRowKey(unitCode, task.id),
      unitCode,
      taskId: task.id,
      taskNo: taskNumber(task.id),
      text: task.text,
      role,
      deadline: dueOn,
      ongoing: due.kind === 'ongoing',
    }));
  });
}

/**
 * The periods opened at `instant` (their tabs exist or open now): the schedule's, and for a directive of tasks the tab
 * `once` beside a periodic schedule's, from the day it opens.
 */
export function directiveOpenedPeriods(
  directive: TaskDirective,
  instant: Date,
  calendar: WorkingCalendar,
): Period[] {
  const extra = extraTaskPeriods(directive, calendar).filter((p) => p.opensAt <= instant);
  return [...extra, ...openedPeriods(directive.schedule, instant, calendar)];
}

/**
 * The Tổng hợp model of a directive of tasks from what Firestore holds now: the rows of its tab `once` and of the
 * recurring tasks' period due now, each with its status on its own (extended) deadline; the units' names.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import { ONCE_KEY } from '../domain/periods/period-key.js';
import { periodAt } from '../domain/periods/index.js';
import { taskRowStatus } from '../domain/tasks/task-cells.js';
import { directivePeriodOf, taskRowsOf } from '../domain/tasks/task-rows.js';
import {
  buildTaskSummary,
  type SummaryTaskRow,
  type TaskSummaryModel,
} from '../domain/tasks/task-summary.js';
import type { DirectiveRecord } from '../store/directives.js';
import { loadSummaryReports } from '../store/reports.js';
import { listUnits } from '../store/units.js';

/** The periods a task summary shows: the tab `once`, and the recurring tasks' period due now (when opened). */
export function taskSummaryPeriodKeys(
  directive: DirectiveRecord,
  now: Date,
  calendar: WorkingCalendar,
): string[] {
  const keys = directive.tabs[ONCE_KEY] ? [ONCE_KEY] : [];
  if (directive.schedule.kind === 'once') return keys;
  const due = periodAt(directive.schedule, now, calendar);
  const opened = Object.keys(directive.tabs)
    .filter((k) => k !== ONCE_KEY)
    .sort();
  const key = due && directive.tabs[due.key] ? due.key : opened.at(-1);
  return key ? [...keys, key] : keys;
}

/** Every task row shown in the summary, with its status at `now`, in task order. */
export async function taskSummaryRows(
  deps: { db: Firestore; calendar: WorkingCalendar },
  directive: DirectiveRecord,
  now: Date,
): Promise<SummaryTaskRow[]> {
  const keys = taskSummaryPeriodKeys(directive, now, deps.calendar);
  const reports = await Promise.all(keys.map((k) => loadSummaryReports(deps.db, directive.id, k)));
  return keys
    .flatMap((key, i) => {
      const period = directivePeriodOf(directive, key, deps.calendar);
      return taskRowsOf(directive, period, deps.calendar).map((row) => ({
        row,
        status: taskRowStatus(row, period, reports[i]!.get(row.key)?.acceptedValues, {
          now,
          calendar: deps.calendar,
          extensions: directive.extensions,
        }),
      }));
    })
    .sort((a, b) => a.row.taskNo - b.row.taskNo);
}

/** The Tổng hợp model of a directive of tasks at `now`. */
export async function taskSummaryFor(
  deps: { db: Firestore; calendar: WorkingCalendar },
  directive: DirectiveRecord,
  now: Date,
): Promise<TaskSummaryModel> {
  const [rows, units] = await Promise.all([
    taskSummaryRows(deps, directive, now),
    listUnits(deps.db, directive.organisation, { includeInactive: true }),
  ]);
  return buildTaskSummary({
    directive,
    rows,
    unitNames: new Map(units.map((u) => [u.code, u.name])),
    now,
  });
}

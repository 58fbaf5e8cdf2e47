/**
 * Which rows a directive asked of which units (decision 007), before anything is read of the reports: each unit's
 * report of every period the directive opened, or for a directive of tasks, each responsible unit's row of each task.
 */
import type { IsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { ONCE_KEY } from '../periods/period-key.js';
import { periodsOf } from '../periods/periods.js';
import type { PeriodicSchedule } from '../periods/schedule.js';
import type { OwedRow } from './obligation.js';

/** When a task is due (decision 007): by one day, on a periodic schedule of its own, or "thường xuyên". */
export type OwedTaskDue =
  { kind: 'by'; date: IsoDate } | { kind: 'periodic'; schedule: PeriodicSchedule } | { kind: 'ongoing' };

/** A task of a directive: its lead unit (chủ trì), its co-operating units (phối hợp) and when it is due. */
export interface OwedTask {
  id: string;
  lead: string;
  support: readonly string[];
  due: OwedTaskDue;
}

/** A period the directive opened (its tab exists: the units were asked), as `directives/{id}/periods` stores it. */
export interface OpenedPeriod {
  key: string;
  start: IsoDate;
  deadline: IsoDate;
}

/** What the rows of a directive are derived from. */
export interface OwedDirective {
  recipients: readonly string[];
  /** The directive's tasks; a directive without tasks has one report row per recipient and period. */
  tasks?: readonly OwedTask[] | undefined;
  /** The day the directive was closed: nothing whose period starts after it is owed. */
  closedOn?: IsoDate | undefined;
}

/** The task's units with their roles, the lead first; a unit named twice keeps its first role. */
function responsible(task: OwedTask): { unitCode: string; role: 'lead' | 'support' }[] {
  const seen = new Set<string>();
  return [
    { unitCode: task.lead, role: 'lead' as const },
    ...task.support.map((unitCode) => ({ unitCode, role: 'support' as const })),
  ].filter((u) => !seen.has(u.unitCode) && seen.add(u.unitCode));
}

/**
 * The rows `directive` owes: for a directive without tasks, every recipient's report of every opened period; for a
 * directive of tasks, per responsible unit: a task due by a day is one task row (period `once`, its deadline moved to
 * the next working day when it falls on a day off, as schedules do by default); a periodic task is one task row per
 * period of its own schedule named after `years` that started by the directive's closing; an ongoing task is a report
 * of its progress in every opened period of the directive (never overdue as a whole).
 */
export function owedRows(
  directive: OwedDirective,
  opened: readonly OpenedPeriod[],
  calendar: WorkingCalendar,
  years: { from: number; to: number },
): OwedRow[] {
  const periods = opened.filter((p) => directive.closedOn === undefined || p.start <= directive.closedOn);
  if (!directive.tasks || directive.tasks.length === 0)
    return periods.flatMap((p) =>
      directive.recipients.map((unitCode) => ({
        unitCode,
        kind: 'report' as const,
        periodKey: p.key,
        deadline: p.deadline,
      })),
    );
  return directive.tasks.flatMap((task) =>
    responsible(task).flatMap(({ unitCode, role }): OwedRow[] => {
      const row = { unitCode, taskId: task.id, role };
      switch (task.due.kind) {
        case 'by':
          return [
            {
              ...row,
              kind: 'task',
              periodKey: ONCE_KEY,
              deadline: calendar.nextWorkingDayOnOrAfter(task.due.date),
            },
          ];
        case 'periodic':
          return periodsOf(task.due.schedule, years.from, years.to, calendar)
            .filter((p) => directive.closedOn === undefined || p.start <= directive.closedOn)
            .map((p) => ({ ...row, kind: 'task', periodKey: p.key, deadline: p.deadline }));
        case 'ongoing':
          return periods.map((p) => ({ ...row, kind: 'report', periodKey: p.key, deadline: p.deadline }));
      }
    }),
  );
}

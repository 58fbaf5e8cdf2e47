/**
 * A task row's status on Vietnamese working days (decision 007), from the unit's accepted progress and the row's
 * effective deadline (an extension moves it): chưa thực hiện, đang thực hiện, hoàn thành đúng hạn, hoàn thành trễ
 * hạn (completed after the deadline), quá hạn (the deadline passed, not completed). An ongoing task is never
 * "quá hạn" as a whole, nor completed late.
 */
import { endOfVietnamDay, type IsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { workingDaysPast } from '../status/unit-status.js';
import { formatViDate } from '../values/display.js';
import { tasks as msg } from '../../messages.vi.js';

/** The statuses of a task row. */
export const TASK_STATUS_CODES = [
  'chua-thuc-hien',
  'dang-thuc-hien',
  'hoan-thanh-dung-han',
  'hoan-thanh-tre-han',
  'qua-han',
] as const;
/** One task status. */
export type TaskStatusCode = (typeof TASK_STATUS_CODES)[number];

/** What the unit reported, as accepted (a refused row counts as what was accepted before it, or nothing). */
export interface TaskProgressInput {
  state: 'not-started' | 'in-progress' | 'completed' | null;
  completedOn: IsoDate | null;
}

/** A task row's status, with the working days late or overdue. */
export interface TaskStatus {
  code: TaskStatusCode;
  /** Working days completed late, or overdue now; 0 otherwise. */
  workingDays: number;
}

/** The status of one task row at `now`. */
export function taskStatus(input: {
  progress: TaskProgressInput;
  deadline: IsoDate;
  ongoing: boolean;
  now: Date;
  calendar: WorkingCalendar;
}): TaskStatus {
  const { progress, deadline, ongoing, now, calendar } = input;
  if (progress.state === 'completed' && progress.completedOn !== null) {
    if (ongoing || progress.completedOn <= deadline) return { code: 'hoan-thanh-dung-han', workingDays: 0 };
    return {
      code: 'hoan-thanh-tre-han',
      workingDays: Math.max(
        1,
        calendar.workingDaysBetween(deadline, calendar.nextWorkingDayOnOrAfter(progress.completedOn)),
      ),
    };
  }
  if (!ongoing && now > endOfVietnamDay(deadline))
    return { code: 'qua-han', workingDays: workingDaysPast(deadline, now, calendar) };
  return { code: progress.state === 'in-progress' ? 'dang-thuc-hien' : 'chua-thuc-hien', workingDays: 0 };
}

/** "Hoàn thành trễ hạn (trễ 2 ngày làm việc)", "Quá hạn (quá hạn 3 ngày làm việc, gia hạn đến 15/12/2026)". */
export function taskStatusText(status: TaskStatus, extendedTo?: IsoDate): string {
  const details = [
    ...(status.code === 'hoan-thanh-tre-han' ? [msg.lateBy(status.workingDays)] : []),
    ...(status.code === 'qua-han' ? [msg.overdueBy(status.workingDays)] : []),
    ...(extendedTo ? [msg.extendedTo(formatViDate(extendedTo))] : []),
  ];
  const label = msg.status[status.code];
  return details.length > 0 ? `${label} (${details.join(', ')})` : label;
}

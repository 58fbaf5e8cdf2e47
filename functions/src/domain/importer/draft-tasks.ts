/**
 * The tasks of a directive file from an import draft's tasks (decision 007): `nv1`, `nv2`, … in the document's
 * order, the lead unit (chủ trì) and co-operating units (phối hợp) the importer resolved, and when each is due
 * ("trước ngày 30/9/2026" → by that day, "hằng tháng" → monthly, "thường xuyên" or no deadline → ongoing). A task
 * whose lead could not be resolved is returned apart, for the coordinator to be told or asked; pure.
 */
import { addDays, type IsoDate } from '../calendar/iso-date.js';
import { formatPeriodKey, periodsPerYear, type PeriodicKind } from '../periods/period-key.js';
import type { DirectiveTaskInput, TaskDue } from '../tasks/task.js';
import { isoOfPartialDate } from './choices.js';
import type { Deadline, DirectiveDraft } from './draft.js';

/** A draft task no unit could be found to lead. */
export interface UnassignedTask {
  /** The task's id in the directive file (`nv2`): its place in the document. */
  id: string;
  /** The task's number as the document prints it ("2", "II.1"). */
  label: string;
  text: string;
}

/** The tasks of a draft, and those that still need a lead. */
export interface DraftTasks {
  tasks: DirectiveTaskInput[];
  unassigned: UnassignedTask[];
}

const RECURRENCE_KIND: Readonly<Record<string, PeriodicKind | undefined>> = {
  month: 'monthly',
  quarter: 'quarterly',
  'half-year': 'six-month',
  year: 'annual',
};

/** Task text as the sheet shows it: its words on one line, at most 1,000 characters. */
function taskText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 1_000 ? `${line.slice(0, 999)}…` : line;
}

/** The key of the period of `kind` holding `day` ("2026-M10"). */
function periodKeyOf(kind: PeriodicKind, day: IsoDate): string {
  const per = periodsPerYear(kind);
  const index = Math.min(per, Math.ceil(Number(day.slice(5, 7)) / (12 / per)));
  return formatPeriodKey({ kind, year: Number(day.slice(0, 4)), index });
}

/** The last day of a month. */
function endOfMonth(year: number, month: number): IsoDate {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** When a deadline as read makes the task due; undefined when it names no day, period or recurrence. */
function dueOf(d: Deadline, opensOn: IsoDate, days: number): TaskDue | undefined {
  switch (d.kind) {
    case 'by-date':
    case 'on-date': {
      const date = isoOfPartialDate(d.date);
      return date ? { kind: 'by', date } : undefined;
    }
    case 'within-month':
      return d.date?.year && d.date.month
        ? { kind: 'by', date: endOfMonth(d.date.year, d.date.month) }
        : undefined;
    case 'within-quarter': {
      const year = d.date?.year;
      return year && d.quarter ? { kind: 'by', date: endOfMonth(year, d.quarter * 3) } : undefined;
    }
    case 'within-year':
      return d.date?.year ? { kind: 'by', date: `${d.date.year}-12-31` } : undefined;
    case 'periodic': {
      const kind = d.every ? RECURRENCE_KIND[d.every] : undefined;
      if (!kind) return { kind: 'ongoing' };
      return {
        kind: 'periodic',
        schedule: {
          kind,
          first: periodKeyOf(kind, opensOn),
          deadline: { type: 'working-days-after-cutoff', days },
          deadlineOverrides: {},
          onNonWorkingDay: 'next-working-day',
        },
      };
    }
    case 'continuous':
      return { kind: 'ongoing' };
  }
}

/**
 * The draft's tasks as a directive file's: each with the first deadline that says when it is due (ongoing when none
 * does); `leads` gives the lead of a task the importer could not resolve (by task id), as the coordinator answered.
 */
export function tasksFromDraft(
  draft: Pick<DirectiveDraft, 'tasks'>,
  options: { opensOn: IsoDate; periodicDays?: number; leads?: Readonly<Record<string, string>> },
): DraftTasks {
  const tasks: DirectiveTaskInput[] = [];
  const unassigned: UnassignedTask[] = [];
  draft.tasks.forEach((task, i) => {
    const id = `nv${i + 1}`;
    const text = taskText(task.text);
    const named = options.leads?.[id] ? [options.leads[id]] : task.lead.units;
    const lead = named[0];
    if (lead === undefined) {
      unassigned.push({ id, label: task.id, text });
      return;
    }
    const support = [...new Set([...named.slice(1), ...task.cooperating.units])].filter((u) => u !== lead);
    const due =
      task.deadlines
        .map((d) => dueOf(d, options.opensOn, options.periodicDays ?? 2))
        .find((d) => d !== undefined) ?? ({ kind: 'ongoing' } as const);
    tasks.push({ id, text, lead, support, due });
  });
  return { tasks, unassigned };
}

/**
 * The schedule of a directive of tasks: the recurring tasks' when some recur (they must share it), else one report
 * opening on `opensOn` and due on the latest task's day (on `opensOn` itself when no task has a day).
 */
export function taskDirectiveSchedule(
  tasks: readonly DirectiveTaskInput[],
  opensOn: IsoDate,
):
  | { kind: 'once'; opensOn: IsoDate; deadline: IsoDate }
  | Extract<DirectiveTaskInput['due'], { kind: 'periodic' }>['schedule']
  | 'mixed' {
  const periodic = tasks.flatMap((t) => (t.due.kind === 'periodic' ? [t.due.schedule] : []));
  const kinds = new Set(periodic.map((s) => s.kind));
  if (kinds.size > 1) return 'mixed';
  if (periodic[0]) return periodic[0];
  const days = tasks.flatMap((t) => (t.due.kind === 'by' ? [t.due.date] : [])).sort();
  const deadline = days.at(-1) ?? opensOn;
  return { kind: 'once', opensOn: opensOn <= deadline ? opensOn : deadline, deadline };
}

/**
 * Whether a draft reads as a directive of tasks, to propose the task form: at least two tasks each given to a named
 * unit. A report request ("các cơ quan, đơn vị báo cáo …; giao Phòng Nội vụ tổng hợp") has one at most.
 */
export function draftHasTasks(draft: Pick<DirectiveDraft, 'tasks'>): boolean {
  return draft.tasks.filter((t) => t.lead.units.length > 0).length >= 2;
}

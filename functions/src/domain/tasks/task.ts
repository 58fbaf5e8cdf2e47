/** A directive's tasks (decision 007): each given to a lead unit with co-operating units, and when it is due. */
import { z } from 'zod';
import { IsoDateSchema } from '../calendar/iso-date.js';
import { PeriodicScheduleSchema } from '../periods/schedule.js';

/** When a task is due: by one day, on a periodic schedule ("hằng tháng"), or "thường xuyên" (never overdue). */
export const TaskDueSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('by'), date: IsoDateSchema }),
  z.strictObject({ kind: z.literal('periodic'), schedule: PeriodicScheduleSchema }),
  z.strictObject({ kind: z.literal('ongoing') }),
]);
/** When a task is due. */
export type TaskDue = z.infer<typeof TaskDueSchema>;

/** One task of a directive file: `id` is `nv1`, `nv2`, … in the document's order; lead and support are unit codes. */
export const DirectiveTaskSchema = z.strictObject({
  id: z.string().regex(/^nv[1-9]\d{0,3}$/, 'task ids are nv1, nv2, …'),
  text: z.string().trim().min(1).max(1_000),
  lead: z.string().min(1),
  support: z.array(z.string().min(1)).default([]),
  due: TaskDueSchema,
});
/** A validated task. */
export type DirectiveTask = z.infer<typeof DirectiveTaskSchema>;
/** A task as written, before defaults. */
export type DirectiveTaskInput = z.input<typeof DirectiveTaskSchema>;

/** A unit's part in a task. */
export type TaskRole = 'lead' | 'support';

/** Separates the unit code and the task id in a task row's key (unit codes never hold it: report ids use it). */
const KEY_SEPARATOR = '~';

/** The key of a task row: `<unitCode>~<taskId>`; a report's id is `<periodKey>~<rowKey>` (decision 007). */
export function taskRowKey(unitCode: string, taskId: string): string {
  return `${unitCode}${KEY_SEPARATOR}${taskId}`;
}

/** The unit a row key belongs to: the key itself for a row-per-unit report, its first part for a task row. */
export function unitOfRowKey(rowKey: string): string {
  const at = rowKey.indexOf(KEY_SEPARATOR);
  return at < 0 ? rowKey : rowKey.slice(0, at);
}

/** The task a row key is about, or undefined for a row-per-unit report. */
export function taskOfRowKey(rowKey: string): string | undefined {
  const at = rowKey.indexOf(KEY_SEPARATOR);
  return at < 0 ? undefined : rowKey.slice(at + 1);
}

/** The row key of a stored report: its unit code, with its task id when it is a task row. */
export function rowKeyOf(unitCode: string, taskId: string | null | undefined): string {
  return taskId ? taskRowKey(unitCode, taskId) : unitCode;
}

/** The task's units with their roles, the lead first; a unit named twice keeps its first role. */
export function responsibleUnits(task: Pick<DirectiveTask, 'lead' | 'support'>): {
  unitCode: string;
  role: TaskRole;
}[] {
  const seen = new Set<string>();
  return [
    { unitCode: task.lead, role: 'lead' as const },
    ...task.support.map((unitCode) => ({ unitCode, role: 'support' as const })),
  ].filter((u) => !seen.has(u.unitCode) && seen.add(u.unitCode));
}

/** Every unit a task names, lead first, each once, in the order of the tasks. */
export function taskUnits(tasks: readonly Pick<DirectiveTask, 'lead' | 'support'>[]): string[] {
  return [...new Set(tasks.flatMap((t) => responsibleUnits(t).map((u) => u.unitCode)))];
}

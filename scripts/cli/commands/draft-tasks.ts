/**
 * The tasks of `directive create --from-draft` for a task form: read from the draft, a task whose lead the importer
 * could not resolve asked for in a terminal (or told and left out otherwise), the units added as recipients told.
 */
import type { IsoDate } from '@theodoi/functions/domain/calendar/iso-date';
import { draftIssueDate } from '@theodoi/functions/domain/importer/choices';
import type { DirectiveDraft } from '@theodoi/functions/domain/importer/draft';
import { taskDirectiveSchedule, tasksFromDraft } from '@theodoi/functions/domain/importer/draft-tasks';
import type { DirectiveTaskInput } from '@theodoi/functions/domain/tasks/task';
import { taskUnits } from '@theodoi/functions/domain/tasks/task';
import { tasks as msg } from '@theodoi/functions/messages.vi';
import type { Asker } from '../prompt.js';
import { UsageError } from '../usage-error.js';

/** The tasks to follow and the schedule they give the directive. */
export interface ChosenTasks {
  tasks: DirectiveTaskInput[];
  schedule: ReturnType<typeof taskDirectiveSchedule> & object;
}

/** The day a task directive opens: the document's date when it has one, else today (or `--opens`). */
export function taskOpensOn(draft: DirectiveDraft, opens: IsoDate | null, today: IsoDate): IsoDate {
  return opens ?? draftIssueDate(draft) ?? today;
}

/**
 * The draft's tasks with their leads: each task the importer left without a lead is asked for (its code) in a
 * terminal; without one, or left blank, it is told to the coordinator and left out, never dropped silently.
 */
export async function chooseTasks(
  draft: DirectiveDraft,
  context: {
    opensOn: IsoDate;
    periodicDays: number;
    asker: Asker | undefined;
    unitCodes: ReadonlySet<string>;
    tell: (line: string) => void;
  },
): Promise<ChosenTasks> {
  const options = { opensOn: context.opensOn, periodicDays: context.periodicDays };
  const first = tasksFromDraft(draft, options);
  const leads: Record<string, string> = {};
  for (const task of first.unassigned) {
    if (!context.asker) continue;
    const code = (await context.asker.ask(msg.askLead(task.label, task.text))).trim();
    if (code === '') continue;
    if (!context.unitCodes.has(code)) throw new UsageError(msg.unknownLead(code));
    leads[task.id] = code;
  }
  const { tasks, unassigned } = tasksFromDraft(draft, { ...options, leads });
  for (const task of unassigned) context.tell(msg.noLead(task.label, task.text));
  const kinds = new Set(draft.recipients.unitCodes);
  const added = taskUnits(tasks.map((t) => ({ lead: t.lead, support: t.support ?? [] }))).filter(
    (u) => !kinds.has(u),
  );
  if (added.length > 0) context.tell(msg.addedRecipients(added));
  const schedule = taskDirectiveSchedule(tasks, context.opensOn);
  if (schedule === 'mixed') throw new UsageError(msg.mixedRecurrence);
  return { tasks, schedule };
}

/**
 * What to do with one register row (pure): nothing yet (the coordinator reviews, or what blocks creation), create
 * its directive (or finish one an earlier run started), leave it to the run already creating it, or follow the
 * directive it created (close, extensions).
 */
import { ZodError } from 'zod';
import type { IsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { specFromDraft, type DirectiveSpec, type DirectiveSpecInput } from '../directive.js';
import { draftIssueDate, periodsAlreadyDue } from '../importer/choices.js';
import { taskDirectiveSchedule, tasksFromDraft } from '../importer/draft-tasks.js';
import type { DirectiveTaskInput } from '../tasks/task.js';
import type { DirectiveDraft } from '../importer/draft.js';
import { onceSchedule, type DirectiveProposal, type FormChoice } from '../importer/proposal.js';
import { formatViDate } from '../values/display.js';
import { register as msg } from '../../messages.vi.js';
import { deadlineOf, type RegisterRow } from './row.js';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/;

/** Whether `text` is a well-formed directive id (lower-case ASCII, digits and "-", 3–64 characters). */
export function isDirectiveId(text: string): boolean {
  return ID_PATTERN.test(text);
}
/** How long a creation may be in flight before another run takes it over (a creation takes seconds). */
export const CREATION_IN_FLIGHT_MS = 2 * 60 * 1000;

/** Where the directive a row names stands in Firestore. */
export type StoredState =
  | { state: 'none' }
  | { state: 'provisioning'; updatedAt?: Date }
  | { state: 'open' | 'closed'; spreadsheetUrl: string; units: number; notShared: number };

/** What the sync does with a row. */
export type RowDecision =
  | { kind: 'empty' }
  | { kind: 'review'; blockers: string[] }
  | { kind: 'create'; spec: DirectiveSpec }
  | { kind: 'busy' }
  | { kind: 'follow'; directiveId: string };

/** What deciding needs besides the row. */
export interface DecideContext {
  draft: DirectiveDraft | null;
  proposal: DirectiveProposal | null;
  forms: readonly FormChoice[];
  /** The stored directive the row's marker names, else the one its id cell names. */
  stored: StoredState;
  now: Date;
  today: IsoDate;
  calendar: WorkingCalendar;
}

/** The form a "Mẫu báo cáo" cell names, by title or reference. */
export function formNamed(forms: readonly FormChoice[], text: string): FormChoice | undefined {
  const wanted = text.trim().toLowerCase();
  return forms.find((f) => f.title.toLowerCase() === wanted || f.ref.toLowerCase() === wanted);
}

/** The directive the row's inputs describe, or every reason it cannot be made yet (in Vietnamese). */
export function rowSpec(
  row: RegisterRow,
  context: Pick<DecideContext, 'draft' | 'proposal' | 'forms' | 'today' | 'calendar'>,
): { spec: DirectiveSpec } | { blockers: string[] } {
  const { draft, proposal } = context;
  if (!draft || !proposal) return { blockers: [msg.noText] };
  const blockers: string[] = [];
  const id = row.cells.id;
  if (id === '') blockers.push(msg.noId);
  else if (!ID_PATTERN.test(id)) blockers.push(msg.badId(id));
  const form = row.cells.template === '' ? undefined : formNamed(context.forms, row.cells.template);
  if (row.cells.template === '') blockers.push(msg.noTemplate);
  else if (!form) blockers.push(msg.unknownTemplate(row.cells.template));
  // A directive of tasks is due by its tasks' own deadlines: the "Hạn báo cáo" cell is not asked for.
  const tasks = form?.shape === 'row-per-task' ? registerTasks(draft, context.today) : undefined;
  if (tasks && 'blockers' in tasks) blockers.push(...tasks.blockers);
  const deadline = row.cells.deadline === '' ? null : deadlineOf(row.cells.deadline);
  if (!tasks && row.cells.deadline === '') blockers.push(msg.noDeadline);
  else if (row.cells.deadline !== '' && deadline === null) blockers.push(msg.badDeadline(row.cells.deadline));
  if (draft.subject === null) blockers.push(msg.noSubject);
  if (draft.issuer.name === null) blockers.push(msg.noIssuer);
  if (draft.recipients.unitCodes.length === 0) blockers.push(msg.noRecipients);
  if (blockers.length > 0 || !form) return { blockers };
  const chosen = tasks && 'tasks' in tasks ? tasks : undefined;
  const schedule = chosen ? chosen.schedule : deadline && onceSchedule(deadline, null, draft, context.today);
  if (!schedule) return { blockers };
  let spec: DirectiveSpec;
  try {
    spec = specFromDraft(draft, {
      id,
      template: form.ref,
      schedule,
      ...(chosen ? { tasks: chosen.tasks } : {}),
      coordinators: proposal.coordinators,
      contact: proposal.contact,
    });
  } catch (error) {
    if (error instanceof ZodError) return { blockers: [msg.badId(id)] };
    throw error;
  }
  const due = periodsAlreadyDue(spec.schedule, context.today, context.calendar);
  if (!row.confirmPast && due.length > 0)
    return { blockers: [msg.pastDeadline(formatViDate(due[0]!.deadline), formatViDate(context.today))] };
  return { spec };
}

/**
 * The tasks of a draft followed with a task form, as the command line reads them (importer/draft-tasks.ts), opening
 * on the document's date; a task no unit leads blocks creation (the register cannot ask), as do mixed recurrences.
 */
function registerTasks(
  draft: DirectiveDraft,
  today: IsoDate,
): { tasks: DirectiveTaskInput[]; schedule: DirectiveSpecInput['schedule'] } | { blockers: string[] } {
  const opensOn = draftIssueDate(draft) ?? today;
  const { tasks, unassigned } = tasksFromDraft(draft, { opensOn });
  if (unassigned.length > 0) return { blockers: unassigned.map((t) => msg.taskWithoutLead(t.label, t.text)) };
  const schedule = taskDirectiveSchedule(tasks, opensOn);
  if (schedule === 'mixed') return { blockers: [msg.mixedRecurrence] };
  return { tasks, schedule };
}

/** Decides what the sync does with `row`. */
export function decideRow(row: RegisterRow, context: DecideContext): RowDecision {
  const { stored } = context;
  if (row.directiveId) {
    // theodoi started creating a directive from this row: whatever the cells say now, it is that directive.
    if (stored.state === 'open' || stored.state === 'closed')
      return { kind: 'follow', directiveId: row.directiveId };
    // "Đang tạo…" on the row and a recent record: another run is creating it now. A run that failed says so on the
    // row instead, and one that died leaves the record to age: either way the next sync resumes the creation.
    if (
      stored.state === 'provisioning' &&
      row.cells.status === msg.creating &&
      stored.updatedAt &&
      context.now.getTime() - stored.updatedAt.getTime() < CREATION_IN_FLIGHT_MS
    )
      return { kind: 'busy' };
    const made = rowSpec(
      { ...row, cells: { ...row.cells, id: row.directiveId }, confirmPast: true },
      context,
    );
    return 'spec' in made ? { kind: 'create', spec: made.spec } : { kind: 'review', blockers: made.blockers };
  }
  if (row.cells.text === '') return { kind: 'empty' };
  // An id another directive already has is said at once, before the coordinator ticks.
  if (stored.state !== 'none') return { kind: 'review', blockers: [msg.idTaken(row.cells.id)] };
  if (!row.create) return { kind: 'review', blockers: [] };
  const made = rowSpec(row, context);
  if ('blockers' in made) return { kind: 'review', blockers: made.blockers };
  return { kind: 'create', spec: made.spec };
}

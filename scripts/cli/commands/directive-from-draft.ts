/**
 * `theodoi directive create --from-draft draft.json`: completes a reviewed import draft into a directive with what
 * no document says (id, report form, schedule), proposed from the draft, asked in a terminal or given as flags.
 */
import { ZodError } from 'zod';
import { type IsoDate } from '@theodoi/functions/domain/calendar/iso-date';
import { parseVietnameseDate } from '@theodoi/functions/domain/calendar/vietnamese-date';
import { formatViDate } from '@theodoi/functions/domain/values/display';
import type { WorkingCalendar } from '@theodoi/functions/domain/calendar/working-calendar';
import {
  type DirectiveSpec,
  type DirectiveSpecInput,
  specFromDraft,
} from '@theodoi/functions/domain/directive';
import { draftDeadlines, periodsAlreadyDue } from '@theodoi/functions/domain/importer/choices';
import {
  DRAFT_FORMAT,
  type DirectiveDraft,
  parseDirectiveDraft,
} from '@theodoi/functions/domain/importer/draft';
import {
  currentPeriodKey,
  type FormChoice,
  onceSchedule,
  proposeDirective,
} from '@theodoi/functions/domain/importer/proposal';
import type { PeriodicKind } from '@theodoi/functions/domain/periods/period-key';
import { listTemplates } from '@theodoi/sheets-schema/registry';
import { invalidFileMessage } from '../invalid-file.js';
import { fromDraft as msg } from '../messages.vi.js';
import type { Asker } from '../prompt.js';
import { UsageError } from '../usage-error.js';
import { chooseTasks, taskOpensOn, type ChosenTasks } from './draft-tasks.js';

/** The flags of `directive create` that complete a draft. */
export interface DraftFlags {
  id?: string;
  template?: string;
  subject?: string;
  issuer?: string;
  /** One report due on this day (dd/mm/yyyy). */
  deadline?: string;
  /** The day a one-off report opens (dd/mm/yyyy); default the document's date, or today. */
  opens?: string;
  /** A periodic schedule: thang, quy, 6-thang, 9-thang, nam (or monthly, quarterly, six-month, nine-month, annual). */
  period?: string;
  from?: string;
  to?: string;
  /** Working days after each period's cut-off the report is due (default 2). */
  days?: string;
  coordinator?: string[];
  /** Create even when a deadline has already passed. */
  yes?: boolean;
}

/** What completing a draft needs besides the draft and the flags. */
export interface DraftContext {
  draftFile: string;
  today: IsoDate;
  calendar: WorkingCalendar;
  /** The organisation's coordinator as stored, proposed as the directive's coordinator and contact. */
  coordinator?: { email?: string | undefined; person?: string | undefined };
  /** Present in a terminal: missing choices are asked, with the proposal as default. */
  asker?: Asker | undefined;
  /** The organisation's unit codes, to check a task's lead typed in answer. */
  unitCodes?: ReadonlySet<string>;
  /** Where what the coordinator should know goes (a task left out, units added as recipients). */
  tell?: (line: string) => void;
}

const PERIOD_NAMES: Readonly<Record<string, PeriodicKind | 'once'>> = {
  'mot-lan': 'once',
  once: 'once',
  thang: 'monthly',
  monthly: 'monthly',
  quy: 'quarterly',
  quarterly: 'quarterly',
  '6-thang': 'six-month',
  'six-month': 'six-month',
  '9-thang': 'nine-month',
  'nine-month': 'nine-month',
  nam: 'annual',
  annual: 'annual',
};

/** Validates a draft file's content, or says in Vietnamese what is wrong with it. */
export function readDraft(file: string, data: unknown): DirectiveDraft {
  if ((data as { format?: unknown } | null)?.format !== DRAFT_FORMAT)
    throw new UsageError(msg.notADraft(file));
  try {
    return parseDirectiveDraft(data);
  } catch (error) {
    if (error instanceof ZodError) throw new UsageError(invalidFileMessage(file, error, msg.reimport));
    throw error;
  }
}

/** The directive made of the draft and the coordinator's choices; throws a UsageError saying what is missing. */
export async function directiveFromDraft(
  draft: DirectiveDraft,
  flags: DraftFlags,
  context: DraftContext,
): Promise<DirectiveSpec> {
  const { asker } = context;
  const proposal = proposeDirective(draft, {
    today: context.today,
    templates: listTemplates(),
    coordinator: context.coordinator,
  });
  const id = await choose(flags.id, proposal.id, msg.askId, msg.missingId, asker);
  const subject =
    draft.subject ?? (await choose(flags.subject, null, msg.askSubject, msg.missingSubject, asker));
  const issuer =
    draft.issuer.name ?? (await choose(flags.issuer, null, msg.askIssuer, msg.missingIssuer, asker));
  const template = await chooseTemplate(flags.template, proposal.forms, asker);
  const tasks = isTaskForm(template) ? await draftTasks(draft, flags, context) : undefined;
  const schedule =
    tasks && !scheduleFlagged(flags) ? tasks.schedule : await chooseSchedule(draft, flags, context);
  const coordinators = flags.coordinator ?? proposal.coordinators;
  let spec: DirectiveSpec;
  try {
    spec = specFromDraft(
      { ...draft, subject, issuer: { ...draft.issuer, name: issuer } },
      {
        id,
        template,
        schedule,
        ...(tasks ? { tasks: tasks.tasks } : {}),
        coordinators,
        contact: proposal.contact,
      },
    );
  } catch (error) {
    if (error instanceof ZodError) throw new UsageError(invalidFileMessage(context.draftFile, error));
    throw error;
  }
  await confirmPastDeadlines(spec, flags, context);
  return spec;
}

async function choose(
  given: string | undefined,
  proposed: string | null,
  question: string,
  missing: string,
  asker: Asker | undefined,
): Promise<string> {
  if (given !== undefined && given.trim() !== '') return given.trim();
  if (asker) {
    const answer = (await asker.ask(question, proposed ?? undefined)).trim();
    if (answer !== '') return answer;
  } else if (proposed !== null) return proposed;
  throw new UsageError(missing);
}

/** The report form: given, the proposed one when it is the only one (or outside a terminal), or asked among them. */
async function chooseTemplate(
  given: string | undefined,
  forms: readonly FormChoice[],
  asker: Asker | undefined,
): Promise<string> {
  if (given) return given;
  if (forms.length === 1 || !asker) return forms[0]!.ref;
  const listing = forms.map((t, i) => `  ${i + 1}. ${t.title} (${t.ref})`).join('\n');
  const answer = await asker.ask(`${msg.askTemplate}\n${listing}\n${msg.askChoice}`, '1');
  return forms[Number(answer) - 1]?.ref ?? answer;
}

function isTaskForm(ref: string): boolean {
  return listTemplates().some((t) => (t.ref === ref || t.id === ref) && t.shape === 'row-per-task');
}

/** Whether the flags give the schedule themselves (then the tasks' own recurrence does not). */
function scheduleFlagged(flags: DraftFlags): boolean {
  return flags.deadline !== undefined || flags.period !== undefined;
}

async function draftTasks(
  draft: DirectiveDraft,
  flags: DraftFlags,
  context: DraftContext,
): Promise<ChosenTasks> {
  const opens = flags.opens === undefined ? null : dateFlag(flags.opens, '--opens');
  const days = Number(flags.days ?? '2');
  if (!Number.isInteger(days) || days < 0 || days > 60) throw new UsageError(msg.badDays(flags.days ?? ''));
  return chooseTasks(draft, {
    opensOn: taskOpensOn(draft, opens, context.today),
    periodicDays: days,
    asker: context.asker,
    unitCodes: context.unitCodes ?? new Set(),
    tell: context.tell ?? (() => undefined),
  });
}

function dateFlag(text: string, flag: string): IsoDate {
  const iso = parseVietnameseDate(text);
  if (iso === null) throw new UsageError(msg.badDate(flag, text));
  return iso;
}

function periodicSchedule(kind: PeriodicKind, first: string, last: string | undefined, days: string) {
  const n = Number(days);
  if (!Number.isInteger(n) || n < 0 || n > 60) throw new UsageError(msg.badDays(days));
  return {
    kind,
    first,
    ...(last ? { last } : {}),
    deadline: { type: 'working-days-after-cutoff' as const, days: n },
  };
}

function periodKind(text: string): PeriodicKind | 'once' {
  const kind = PERIOD_NAMES[text.trim().toLowerCase()];
  if (!kind) throw new UsageError(msg.badPeriod(text));
  return kind;
}

async function chooseSchedule(
  draft: DirectiveDraft,
  flags: DraftFlags,
  context: DraftContext,
): Promise<DirectiveSpecInput['schedule']> {
  const { asker, today } = context;
  const opens = flags.opens === undefined ? null : dateFlag(flags.opens, '--opens');
  if (flags.deadline !== undefined)
    return onceSchedule(dateFlag(flags.deadline, '--deadline'), opens, draft, today);
  const given = flags.period === undefined ? undefined : periodKind(flags.period);
  if (given !== undefined && given !== 'once')
    return periodicSchedule(given, flags.from ?? currentPeriodKey(given, today), flags.to, flags.days ?? '2');
  const deadlines = draftDeadlines(draft);
  const detected = deadlines.at(-1);
  if (!asker) {
    // Outside a terminal the công văn's own deadline is taken only when it gives exactly one.
    if (deadlines.length === 1 && detected) return onceSchedule(detected, opens, draft, today);
    throw new UsageError(msg.missingSchedule);
  }
  const answer = await asker.ask(msg.askDeadline, detected ? formatViDate(detected) : undefined);
  if (answer.trim() !== '') return onceSchedule(dateFlag(answer, msg.deadlineAnswer), opens, draft, today);
  const kind = periodKind(await asker.ask(msg.askPeriod, 'quy'));
  if (kind === 'once') throw new UsageError(msg.missingSchedule);
  const first = await asker.ask(msg.askFirst, currentPeriodKey(kind, today));
  const last = (await asker.ask(msg.askLast)).trim();
  const days = await asker.ask(msg.askDays, '2');
  return periodicSchedule(kind, first.trim(), last === '' ? undefined : last, days);
}

/** A deadline already past would flag every unit at the next check: the coordinator confirms it first. */
async function confirmPastDeadlines(
  spec: DirectiveSpec,
  flags: DraftFlags,
  context: DraftContext,
): Promise<void> {
  const due = [
    ...periodsAlreadyDue(spec.schedule, context.today, context.calendar).map(
      (p) => `${p.label} (hạn ${formatViDate(p.deadline)})`,
    ),
    ...(spec.tasks ?? []).flatMap((t) =>
      t.due.kind === 'by' && t.due.date < context.today
        ? [msg.pastTask(t.id.slice(2), formatViDate(t.due.date))]
        : [],
    ),
  ];
  if (due.length === 0 || flags.yes) return;
  const question = msg.pastDeadline(due, formatViDate(context.today));
  if (!context.asker) throw new UsageError(`${question}\n${msg.confirmWithYes}`);
  if (!(await context.asker.confirm(`${question}\n${msg.confirmQuestion}`)))
    throw new UsageError(msg.stopped);
}

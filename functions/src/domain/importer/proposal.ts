/**
 * What theodoi proposes for a draft before the coordinator decides (the directive's id, its report form, a one-off
 * schedule from the document's deadlines, its coordinator and contact): one pure function used by
 * `theodoi directive create --from-draft` and by the register tab "Sổ theo dõi văn bản", so both propose the same.
 */
import type { IsoDate } from '../calendar/iso-date.js';
import { formatPeriodKey, periodsPerYear, type PeriodicKind } from '../periods/period-key.js';
import { draftDeadlines, draftIssueDate, proposedDirectiveId } from './choices.js';
import { draftHasTasks } from './draft-tasks.js';
import type { DirectiveDraft } from './draft.js';

/** A report form as the proposal sees it: its reference ("cchc-tuyen-truyen@1"), its shape and its title. */
export interface FormChoice {
  readonly ref: string;
  readonly shape: string;
  readonly title: string;
}

/** The organisation's coordinator as stored: proposed as the directive's coordinator and contact. */
export interface CoordinatorOfRecord {
  readonly email?: string | undefined;
  readonly person?: string | undefined;
}

/** What theodoi proposes for a draft; null where nothing can be proposed and the coordinator must decide. */
export interface DirectiveProposal {
  id: string | null;
  /** The report form proposed (a ref); null when no form fits the draft. */
  template: string | null;
  /** The forms the coordinator may choose from, the proposed one first. */
  forms: FormChoice[];
  /** Every full date the document's tasks are due by, earliest first. */
  deadlines: IsoDate[];
  /** A one-off report due on the document's deadline when it gives exactly one; null otherwise. */
  schedule: OnceSchedule | null;
  coordinators: string[];
  contact: { person?: string; email?: string };
}

/** A one-off report's schedule. */
export interface OnceSchedule {
  kind: 'once';
  opensOn: IsoDate;
  deadline: IsoDate;
}

/**
 * The forms a draft can be followed with, the proposed first: a draft made of tasks (two or more given to a named
 * unit, `draftHasTasks`) is offered every form with the task forms first; a report request only the forms of one row
 * per unit (its "tasks" are what to report, not work to follow task by task).
 */
export function formsFor(
  draft: Pick<DirectiveDraft, 'tasks'>,
  templates: readonly FormChoice[],
  provisionable: (form: FormChoice) => boolean = () => true,
): FormChoice[] {
  const usable = templates.filter(provisionable);
  const taskForms = usable.filter((t) => t.shape === 'row-per-task');
  const unitForms = usable.filter((t) => t.shape === 'row-per-unit');
  return draftHasTasks(draft) ? [...taskForms, ...unitForms] : unitForms;
}

/** A one-off report due on `deadline`, opening on the document's date when it comes first, else today. */
export function onceSchedule(
  deadline: IsoDate,
  opens: IsoDate | null,
  draft: Pick<DirectiveDraft, 'date'>,
  today: IsoDate,
): OnceSchedule {
  const issued = draftIssueDate(draft);
  const opensOn =
    opens ?? (issued !== null && issued <= deadline ? issued : today <= deadline ? today : deadline);
  return { kind: 'once', opensOn, deadline };
}

/** The key of the period of `kind` holding `today` ("2026-Q4"). */
export function currentPeriodKey(kind: PeriodicKind, today: IsoDate): string {
  const month = Number(today.slice(5, 7));
  const index = Math.ceil(month / (12 / periodsPerYear(kind)));
  return formatPeriodKey({
    kind,
    year: Number(today.slice(0, 4)),
    index: Math.min(index, periodsPerYear(kind)),
  });
}

/** Everything theodoi proposes for `draft` on `today`, from the shipped `templates` and the stored coordinator. */
export function proposeDirective(
  draft: DirectiveDraft,
  context: {
    today: IsoDate;
    templates: readonly FormChoice[];
    coordinator?: CoordinatorOfRecord | undefined;
    provisionable?: (form: FormChoice) => boolean;
  },
): DirectiveProposal {
  const forms = formsFor(draft, context.templates, context.provisionable);
  const deadlines = draftDeadlines(draft);
  const email = context.coordinator?.email;
  const person = context.coordinator?.person;
  return {
    id: proposedDirectiveId(draft),
    template: forms[0]?.ref ?? null,
    forms,
    deadlines,
    // Only a document giving exactly one deadline proposes it: with several, which one the report follows is a choice.
    schedule: deadlines.length === 1 ? onceSchedule(deadlines[0]!, null, draft, context.today) : null,
    coordinators: email ? [email] : [],
    contact: { ...(person ? { person } : {}), ...(email ? { email } : {}) },
  };
}

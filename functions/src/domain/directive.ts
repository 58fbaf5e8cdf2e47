/** A directive as the coordinator registers it: the document's facts, its recipients, template and schedule. */
import { z } from 'zod';
import { IsoDateSchema } from './calendar/iso-date.js';
import { parseVietnameseDate } from './calendar/vietnamese-date.js';
import { ScheduleSchema } from './periods/schedule.js';
import { DirectiveTaskSchema, taskUnits } from './tasks/task.js';

/** The format tag of a directive file given to `theodoi directive create`. */
export const DIRECTIVE_FORMAT = 'theodoi/directive@1';

/** A directive file: what `theodoi directive create --file` reads (a reviewed import draft, completed). */
export const DirectiveSpecSchema = z.strictObject({
  format: z.literal(DIRECTIVE_FORMAT),
  /** Stable id used in Firestore paths, e.g. "thap-muoi-cchc-2024". */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/),
  organisation: z.string().min(1),
  /** Number and symbol as printed ("06/UBND-HCC"), or null when not yet numbered. */
  number: z.string().min(1).nullable(),
  /** Date of issue, or null when the draft left the day blank. */
  date: IsoDateSchema.nullable(),
  kind: z.string().min(1).default('cong-van'),
  issuer: z.string().min(1),
  subject: z.string().min(1),
  /** Recipient unit codes, in the order rows are laid out. */
  recipients: z.array(z.string().min(1)).min(1),
  /** Report template, `id@version`. */
  template: z.string().regex(/^[a-z][a-z0-9-]*@\d+$/),
  schedule: ScheduleSchema,
  contact: z
    .strictObject({
      person: z.string().optional(),
      phone: z.string().optional(),
      email: z.email().optional(),
    })
    .default({}),
  /** E-mails of the coordinators who follow the directive (editors of every row, readers of everything). */
  coordinators: z.array(z.email()).default([]),
  /**
   * The directive's tasks (decision 007), for a template of shape 'row-per-task': one row per task and responsible
   * unit. Every lead and co-operating unit must be among the recipients.
   */
  tasks: z.array(DirectiveTaskSchema).max(500).optional(),
  /** References, tasks and the rest of the import draft, kept as read for the record and the report. */
  document: z.record(z.string(), z.unknown()).optional(),
});
/** A validated directive file. */
export type DirectiveSpec = z.infer<typeof DirectiveSpecSchema>;
/** A directive file as written, before defaults. */
export type DirectiveSpecInput = z.input<typeof DirectiveSpecSchema>;

/** Checks a directive file's tasks: each id given once, every task's unit among the recipients. */
function checkTasks(spec: z.infer<typeof DirectiveSpecSchema>, ctx: z.RefinementCtx): void {
  if (!spec.tasks) return;
  const ids = new Set<string>();
  spec.tasks.forEach((t, i) => {
    if (ids.has(t.id))
      ctx.addIssue({ code: 'custom', path: ['tasks', i, 'id'], message: `duplicate task id ${t.id}` });
    ids.add(t.id);
  });
  const recipients = new Set(spec.recipients);
  const outside = taskUnits(spec.tasks).filter((u) => !recipients.has(u));
  if (outside.length > 0)
    ctx.addIssue({
      code: 'custom',
      path: ['recipients'],
      message: `task units not among the recipients: ${outside.join(', ')}`,
    });
}

/** Validates a directive file, its dates written dd/mm/yyyy or yyyy-MM-dd; throws a ZodError naming each bad field. */
export function parseDirectiveSpec(input: unknown): DirectiveSpec {
  return DirectiveSpecSchema.superRefine(checkTasks).parse(withIsoDates(input));
}

/** A date field as written, read day-first when it is a real Vietnamese date; anything else left for zod to name. */
function isoIfDate(value: unknown): unknown {
  return typeof value === 'string' ? (parseVietnameseDate(value) ?? value) : value;
}

/**
 * The directive file with its calendar days (`date`, the schedule's `opensOn`, `deadline` and `deadlineOverrides`,
 * each task's `due.date`) turned into `yyyy-MM-dd`: a coordinator writes 15/12/2026, the stored record keeps one form.
 */
export function withIsoDates(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const spec = { ...(input as Record<string, unknown>) };
  if ('date' in spec) spec.date = isoIfDate(spec.date);
  const schedule = spec.schedule;
  if (typeof schedule === 'object' && schedule !== null && !Array.isArray(schedule)) {
    const s = { ...(schedule as Record<string, unknown>) };
    if ('opensOn' in s) s.opensOn = isoIfDate(s.opensOn);
    if (typeof s.deadline === 'string') s.deadline = isoIfDate(s.deadline);
    if (typeof s.deadlineOverrides === 'object' && s.deadlineOverrides !== null)
      s.deadlineOverrides = Object.fromEntries(
        Object.entries(s.deadlineOverrides as Record<string, unknown>).map(([k, v]) => [k, isoIfDate(v)]),
      );
    spec.schedule = s;
  }
  if (Array.isArray(spec.tasks))
    spec.tasks = spec.tasks.map((task: unknown) => {
      if (typeof task !== 'object' || task === null) return task;
      const t = task as Record<string, unknown>;
      const due = t.due as Record<string, unknown> | undefined;
      if (due?.kind === 'by') return { ...t, due: { ...due, date: isoIfDate(due.date) } };
      if (due?.kind === 'periodic' && typeof due.schedule === 'object')
        return {
          ...t,
          due: {
            ...due,
            schedule: (withIsoDates({ schedule: due.schedule }) as { schedule: unknown }).schedule,
          },
        };
      return t;
    });
  return spec;
}

/** What the coordinator decides that no document says: id, template, schedule, contact, coordinators. */
export interface DirectiveChoices {
  id: string;
  /** The tasks to follow (from the draft, see importer/draft-tasks.ts), for a task template. */
  tasks?: DirectiveSpecInput['tasks'];
  template: string;
  schedule: DirectiveSpecInput['schedule'];
  contact?: DirectiveSpecInput['contact'];
  coordinators?: string[];
}

/** The parts of an import draft a directive file is made from (see domain/importer/draft.ts). */
export interface DraftFacts {
  organisation: string;
  kind: string | null;
  issuer: { name: string | null };
  numberSymbol: { raw: string; number: number | null } | null;
  date: { year: number | null; month: number | null; day: number | null } | null;
  subject: string | null;
  recipients: { unitCodes: string[] };
}

/** Completes a reviewed import draft into a directive file; fields the draft lacks stay null, never invented. */
export function specFromDraft(
  draft: DraftFacts & Record<string, unknown>,
  choices: DirectiveChoices,
): DirectiveSpec {
  const d = draft.date;
  const date =
    d?.year && d.month && d.day
      ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`
      : null;
  return parseDirectiveSpec({
    format: DIRECTIVE_FORMAT,
    id: choices.id,
    organisation: draft.organisation,
    number: draft.numberSymbol?.number ? draft.numberSymbol.raw : null,
    date,
    kind: draft.kind ?? 'cong-van',
    issuer: draft.issuer.name,
    subject: draft.subject,
    recipients: withTaskUnits(draft.recipients.unitCodes, choices.tasks),
    template: choices.template,
    schedule: choices.schedule,
    contact: choices.contact ?? {},
    coordinators: choices.coordinators ?? [],
    ...(choices.tasks && choices.tasks.length > 0 ? { tasks: choices.tasks } : {}),
    document: draft,
  });
}

/**
 * The recipients with every unit a task is given to: a unit leading or co-operating on a task is asked to report on
 * it, so it is a recipient even when "Kính gửi" did not name it (the CLI says which were added).
 */
export function withTaskUnits(
  recipients: readonly string[],
  tasks: DirectiveSpecInput['tasks'] | undefined,
): string[] {
  const units = taskUnits((tasks ?? []).map((t) => ({ lead: t.lead, support: t.support ?? [] })));
  return [...new Set([...recipients, ...units])];
}

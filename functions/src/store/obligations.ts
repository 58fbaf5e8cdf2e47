/**
 * Loads what units owed across an organisation's directives (open and closed) over a range of days: the obligations
 * of decision 007, from each directive's periods, reports, versions and extensions. Per directive: one query for its
 * opened periods, one for its extensions, one for its reports per 30 period keys (Firestore's `in` limit), and one
 * batched read of the versions of the reports that had more than one (a report's only version is the report itself).
 */
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { IsoDateSchema, vietnamDateOf, type IsoDate } from '../domain/calendar/iso-date.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import type { EvaluationDirective } from '../domain/evaluation/model.js';
import type { ExtensionGrant, Obligation, ObligationVersion } from '../domain/evaluation/obligation.js';
import { TASK_PROGRESS_COLUMNS, taskProgressOf } from '../domain/tasks/task-cells.js';
import { owedRows, type OpenedPeriod, type OwedTask } from '../domain/evaluation/owed-rows.js';
import { PeriodicScheduleSchema } from '../domain/periods/schedule.js';
import { extensionGrants, listExtensions, rowReportId } from './extensions.js';
import { directivePath } from './paths.js';

/** Firestore's limit on the values of an `in` filter. */
const IN_LIMIT = 30;
/** Documents per batched read of versions. */
const GET_ALL_CHUNK = 300;
/** Directives read at once. */
const CONCURRENT_DIRECTIVES = 8;

const TimestampLike = z.custom<{ toDate(): Date }>(
  (v) => typeof (v as { toDate?: unknown })?.toDate === 'function',
);

/** A task as decision 007 stores it in the directive (read leniently: only what the rows need). */
const StoredTaskSchema = z
  .object({
    id: z.string().min(1),
    lead: z.string().min(1),
    support: z.array(z.string().min(1)).default([]),
    due: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('by'), date: IsoDateSchema }).loose(),
      z.object({ kind: z.literal('periodic'), schedule: PeriodicScheduleSchema }).loose(),
      z.object({ kind: z.literal('ongoing') }).loose(),
    ]),
  })
  .loose();

const DIRECTIVE_FIELDS = [
  'id',
  'number',
  'date',
  'subject',
  'recipients',
  'spreadsheetUrl',
  'status',
  'tasks',
  'closedAt',
  'updatedAt',
] as const;
const DirectiveSchema = z
  .object({
    id: z.string(),
    number: z.string().nullable().default(null),
    date: IsoDateSchema.nullable().default(null),
    subject: z.string(),
    recipients: z.array(z.string()).default([]),
    spreadsheetUrl: z.string().default(''),
    status: z.enum(['open', 'closed']),
    tasks: z.array(StoredTaskSchema).optional(),
    /** When the coordinator closed the directive; nothing whose period starts after is owed. */
    closedAt: TimestampLike.optional(),
    updatedAt: TimestampLike.optional(),
  })
  .loose();
type StoredDirective = z.infer<typeof DirectiveSchema>;

const PeriodSchema = z.object({ key: z.string(), start: IsoDateSchema, deadline: IsoDateSchema }).loose();
const ReportSchema = z
  .object({
    unitCode: z.string(),
    periodKey: z.string(),
    taskId: z.string().nullable().optional(),
    status: z.enum(['empty', 'incomplete', 'invalid', 'valid']),
    version: z.number().int().min(1),
    firstSubmittedAt: TimestampLike.nullable().default(null),
    lastChangedAt: TimestampLike,
    values: z.record(z.string(), z.unknown()).default({}),
  })
  .loose();
type StoredReport = z.infer<typeof ReportSchema>;
const VersionSchema = z
  .object({
    version: z.number().int().min(1),
    status: z.enum(['empty', 'incomplete', 'invalid', 'valid']),
    at: TimestampLike,
    values: z.record(z.string(), z.unknown()).default({}),
  })
  .loose();

/** What the loader read, for the record and the tests. */
export interface ObligationReads {
  /** Queries run (directives, periods, extensions, reports). */
  queries: number;
  /** Batched reads of versions. */
  batchedReads: number;
  /** Documents read, of every kind. */
  documents: number;
  /** Version documents among them. */
  versions: number;
}

/** The obligations of an organisation's directives over a range. */
export interface LoadedObligations {
  directives: EvaluationDirective[];
  obligations: Obligation[];
  /** Each directive's recipients, oldest directive first ("Kính gửi" follows the organisation's official order). */
  recipientLists: string[][];
  reads: ObligationReads;
}

/** What to load. */
export interface LoadObligationsRequest {
  organisationId: string;
  range: { from: IsoDate; to: IsoDate };
  calendar: WorkingCalendar;
}

function closedOn(directive: StoredDirective): IsoDate | undefined {
  const at = directive.closedAt ?? (directive.status === 'closed' ? directive.updatedAt : undefined);
  return at ? vietnamDateOf(at.toDate()) : undefined;
}

const rowKey = (row: { periodKey: string; unitCode: string; taskId?: string | null | undefined }) =>
  rowReportId({ periodKey: row.periodKey, unitCode: row.unitCode, taskId: row.taskId ?? undefined });
const inRange = (day: IsoDate, range: { from: IsoDate; to: IsoDate }) => day >= range.from && day <= range.to;

/** The obligations of one directive whose deadline, or an extension's day, falls in the range. */
async function directiveObligations(
  db: Firestore,
  directive: StoredDirective,
  request: LoadObligationsRequest,
  reads: ObligationReads,
): Promise<Obligation[]> {
  const base = directivePath(directive.id);
  const [periodSnap, extensions] = await Promise.all([
    db.collection(`${base}/periods`).select('key', 'start', 'deadline').get(),
    listExtensions(db, directive.id),
  ]);
  reads.queries += 2;
  reads.documents += periodSnap.size + extensions.length;
  const opened: OpenedPeriod[] = periodSnap.docs.flatMap((d) => {
    const p = PeriodSchema.safeParse(d.data());
    return p.success ? [{ key: p.data.key, start: p.data.start, deadline: p.data.deadline }] : [];
  });
  const grants = new Map<string, ExtensionGrant[]>(extensions.map((e) => [e.reportId, extensionGrants(e)]));
  const { range } = request;
  const tasks: OwedTask[] | undefined = directive.tasks?.map((t) => ({
    id: t.id,
    lead: t.lead,
    support: t.support,
    due:
      t.due.kind === 'by'
        ? { kind: 'by', date: t.due.date }
        : t.due.kind === 'periodic'
          ? { kind: 'periodic', schedule: t.due.schedule }
          : { kind: 'ongoing' },
  }));
  const years = { from: Number(range.from.slice(0, 4)) - 1, to: Number(range.to.slice(0, 4)) };
  const rows = owedRows(
    { recipients: directive.recipients, tasks, closedOn: closedOn(directive) },
    opened,
    request.calendar,
    years,
  ).filter(
    (row) =>
      inRange(row.deadline, range) || (grants.get(rowKey(row)) ?? []).some((g) => inRange(g.until, range)),
  );
  if (rows.length === 0) return [];

  const isTaskDirective = (tasks?.length ?? 0) > 0;
  const progressFields = isTaskDirective
    ? [`values.${TASK_PROGRESS_COLUMNS.state}`, `values.${TASK_PROGRESS_COLUMNS.completedOn}`]
    : [];
  const reports = new Map<string, { ref: DocumentReference; report: StoredReport }>();
  const keys = [...new Set(rows.map((r) => r.periodKey))].sort();
  for (let i = 0; i < keys.length; i += IN_LIMIT) {
    const snap = await db
      .collection(`${base}/reports`)
      .where('periodKey', 'in', keys.slice(i, i + IN_LIMIT))
      .select(
        'unitCode',
        'periodKey',
        'taskId',
        'status',
        'version',
        'firstSubmittedAt',
        'lastChangedAt',
        ...progressFields,
      )
      .get();
    reads.queries += 1;
    reads.documents += snap.size;
    for (const doc of snap.docs) {
      const parsed = ReportSchema.safeParse(doc.data());
      if (parsed.success) reports.set(rowKey(parsed.data), { ref: doc.ref, report: parsed.data });
    }
  }

  const wanted = new Set(rows.map(rowKey));
  const versionRefs = [...reports]
    .filter(([key, r]) => wanted.has(key) && r.report.version > 1)
    .flatMap(([, r]) =>
      Array.from({ length: r.report.version }, (_, v) =>
        r.ref.collection('versions').doc(String(v + 1).padStart(6, '0')),
      ),
    );
  const versions = new Map<string, ObligationVersion[]>();
  for (let i = 0; i < versionRefs.length; i += GET_ALL_CHUNK) {
    const snaps = await db.getAll(...versionRefs.slice(i, i + GET_ALL_CHUNK), {
      fieldMask: ['version', 'status', 'at', ...progressFields],
    });
    reads.batchedReads += 1;
    for (const snap of snaps) {
      if (!snap.exists) continue;
      reads.documents += 1;
      reads.versions += 1;
      const parsed = VersionSchema.safeParse(snap.data());
      if (!parsed.success) continue;
      const key = snap.ref.parent.parent!.id;
      const list = versions.get(key) ?? [];
      list.push({
        at: parsed.data.at.toDate(),
        status: parsed.data.status,
        ...(isTaskDirective ? { progress: taskProgressOf(parsed.data.values) } : {}),
      });
      versions.set(key, list);
    }
  }

  return rows.map((row): Obligation => {
    const key = rowKey(row);
    const stored = reports.get(key);
    const report = stored?.report;
    const history: ObligationVersion[] = !report
      ? []
      : report.version > 1
        ? (versions.get(stored.ref.id) ?? []).sort((a, b) => a.at.getTime() - b.at.getTime())
        : [
            {
              // A report's only version is the report itself, stored when it last changed.
              at: report.lastChangedAt.toDate(),
              status: report.status,
              ...(isTaskDirective ? { progress: taskProgressOf(report.values) } : {}),
            },
          ];
    return {
      directiveId: directive.id,
      unitCode: row.unitCode,
      kind: row.kind,
      periodKey: row.periodKey,
      ...(row.taskId === undefined ? {} : { taskId: row.taskId }),
      ...(row.role === undefined ? {} : { role: row.role }),
      deadline: row.deadline,
      extensions: grants.get(key) ?? [],
      firstSubmittedAt: report?.firstSubmittedAt?.toDate() ?? null,
      versions: history,
    };
  });
}

/**
 * Every obligation of `request.organisationId`'s directives, open and closed, whose deadline or extended day falls
 * in `request.range` (the evaluation then keeps those whose deadline in force does), and the directives they belong
 * to. Periods are those the directive opened (`directives/{id}/periods`): a period whose tab never opened was never
 * asked of anyone.
 */
export async function loadObligations(
  db: Firestore,
  request: LoadObligationsRequest,
): Promise<LoadedObligations> {
  const reads: ObligationReads = { queries: 1, batchedReads: 0, documents: 0, versions: 0 };
  const snap = await db
    .collection('directives')
    .where('organisation', '==', request.organisationId)
    .select(...DIRECTIVE_FIELDS)
    .get();
  reads.documents += snap.size;
  const directives = snap.docs
    .map((d) => DirectiveSchema.parse(d.data()))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
  const obligations: Obligation[][] = new Array<Obligation[]>(directives.length);
  let next = 0;
  const worker = async () => {
    while (next < directives.length) {
      const i = next++;
      obligations[i] = await directiveObligations(db, directives[i]!, request, reads);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_DIRECTIVES, directives.length) }, worker));
  return {
    directives: directives.map((d) => ({
      id: d.id,
      number: d.number,
      date: d.date,
      subject: d.subject,
      spreadsheetUrl: d.spreadsheetUrl,
      status: d.status,
    })),
    obligations: obligations.flat(),
    recipientLists: directives.map((d) => d.recipients),
    reads,
  };
}

/** The Firestore adapter's reads of unit reports: their latest state, for the sync and for the summary. */
import type { DocumentData, Firestore, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { SummaryReport } from '../domain/summary/model.js';
import type { StoredReportState } from '../domain/sync/plan-sync.js';
import type { RowError } from '../domain/validation/validate-row.js';
import { rowKeyOf } from '../domain/tasks/task.js';
import { TimestampLike } from './timestamp.js';

const StoredReportSchema = z
  .object({
    unitCode: z.string(),
    /** A task row's task (decision 007); its row key is `<unitCode>~<taskId>`. */
    taskId: z.string().nullable().optional(),
    periodKey: z.string(),
    status: z.enum(['empty', 'incomplete', 'invalid', 'valid']),
    rawHash: z.string(),
    version: z.number().int().min(1),
    sheetHash: z.string().nullable().default(null),
    marked: z.array(z.string()).default([]),
    values: z.record(z.string(), z.unknown()),
    errors: z.array(z.object({ column: z.string(), code: z.string(), message: z.string() })).default([]),
    acceptedValues: z.record(z.string(), z.unknown()).nullable().default(null),
    acceptedVersion: z.number().int().nullable().default(null),
    firstSubmittedAt: TimestampLike.nullable().default(null),
    lastChangedAt: TimestampLike,
  })
  .loose();

/** A unit's stored report in one period (or one task row's). */
export interface StoredReport extends StoredReportState {
  /** The row key: the unit's code, or `<unitCode>~<taskId>` for a task row (decision 007). */
  unitCode: string;
  values: Record<string, unknown>;
  acceptedValues: Record<string, unknown> | null;
  acceptedVersion: number | null;
  /** The first time the report became complete and valid: when the unit "submitted". */
  firstSubmittedAt: Date | null;
  lastChangedAt: Date;
}

/**
 * Every stored report of the given periods, by period key then row key (one query), read as StoredReport
 * (not `cells`: the raw cells stay in Firestore).
 */
export async function loadReports(
  db: Firestore,
  directiveId: string,
  periodKeys: readonly string[],
): Promise<Map<string, Map<string, StoredReport>>> {
  const byPeriod = new Map<string, Map<string, StoredReport>>(periodKeys.map((k) => [k, new Map()]));
  for await (const data of reportData(db, directiveId, periodKeys, STORED_REPORT_FIELDS)) {
    const r = StoredReportSchema.parse(data);
    byPeriod.get(r.periodKey)?.set(rowKeyOf(r.unitCode, r.taskId), {
      unitCode: rowKeyOf(r.unitCode, r.taskId),
      status: r.status,
      rawHash: r.rawHash,
      version: r.version,
      sheetHash: r.sheetHash,
      marked: r.marked,
      values: r.values,
      // Written by commitSync from RowError values; read back as such.
      errors: r.errors as RowError[],
      acceptedValues: r.acceptedValues,
      acceptedVersion: r.acceptedVersion,
      firstSubmittedAt: r.firstSubmittedAt?.toDate() ?? null,
      lastChangedAt: r.lastChangedAt.toDate(),
    });
  }
  return byPeriod;
}

/** The stored reports of one period as the summary reads them (only the fields it uses), by unit code. */
export async function loadSummaryReports(
  db: Firestore,
  directiveId: string,
  periodKey: string,
): Promise<Map<string, SummaryReport>> {
  const reports = new Map<string, SummaryReport>();
  for await (const data of reportData(db, directiveId, [periodKey], SUMMARY_REPORT_FIELDS)) {
    const r = SummaryReportSchema.parse(data);
    if (r.periodKey !== periodKey) continue;
    reports.set(rowKeyOf(r.unitCode, r.taskId), {
      status: r.status,
      errors: r.errors,
      acceptedValues: r.acceptedValues,
      firstSubmittedAt: r.firstSubmittedAt?.toDate() ?? null,
      lastChangedAt: r.lastChangedAt.toDate(),
    });
  }
  return reports;
}

const STORED_REPORT_FIELDS = Object.keys(StoredReportSchema.shape);
const SummaryReportSchema = StoredReportSchema.pick({
  unitCode: true,
  taskId: true,
  periodKey: true,
  status: true,
  errors: true,
  acceptedValues: true,
  firstSubmittedAt: true,
  lastChangedAt: true,
});
const SUMMARY_REPORT_FIELDS = Object.keys(SummaryReportSchema.shape);

/**
 * The `fields` of the report documents of `periodKeys`, one document at a time. Read as a stream: `get()` would
 * hold every snapshot at once (5,000 in a large directive, tens of MiB), and a finished query's stream keeps
 * them until its gRPC call ends.
 */
async function* reportData(
  db: Firestore,
  directiveId: string,
  periodKeys: readonly string[],
  fields: readonly string[],
): AsyncGenerator<DocumentData> {
  const collection = db.collection(`directives/${directiveId}/reports`);
  // `in` takes at most 30 values; beyond that read the directive's reports whole.
  const query = periodKeys.length <= 30 ? collection.where('periodKey', 'in', [...periodKeys]) : collection;
  for await (const doc of query.select(...fields).stream() as AsyncIterable<QueryDocumentSnapshot>) {
    yield doc.data();
  }
}

/** The Firestore adapter for unit reports: their latest state, every version, and one snapshot per sync. */
import type {
  CollectionReference,
  DocumentData,
  Firestore,
  QueryDocumentSnapshot,
  WriteBatch,
} from 'firebase-admin/firestore';
import { z } from 'zod';
import type { SummaryReport } from '../domain/summary/model.js';
import type { ReportChange, StatusWrite, StoredReportState, SyncPlan } from '../domain/sync/plan-sync.js';
import type { RowError } from '../domain/validation/validate-row.js';
import { reportId, snapshotPath } from './paths.js';
import { TimestampLike } from './timestamp.js';

const StoredReportSchema = z
  .object({
    unitCode: z.string(),
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

/** A unit's stored report in one period. */
export interface StoredReport extends StoredReportState {
  unitCode: string;
  values: Record<string, unknown>;
  acceptedValues: Record<string, unknown> | null;
  acceptedVersion: number | null;
  /** The first time the report became complete and valid: when the unit "submitted". */
  firstSubmittedAt: Date | null;
  lastChangedAt: Date;
}

/**
 * Every stored report of the given periods, by period key then unit code (one query), read as StoredReport
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
    byPeriod.get(r.periodKey)?.set(r.unitCode, {
      unitCode: r.unitCode,
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
    reports.set(r.unitCode, {
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

/** What one sync records besides the reports. */
export interface SnapshotInfo {
  syncId: string;
  trigger: string;
  startedAt: Date;
  durationMs: number;
  calls: { sheetsReads: number; sheetsWrites: number };
}

/** One period's plan and the stored reports it was made against. */
export interface PeriodSync {
  periodKey: string;
  plan: SyncPlan;
  stored: ReadonlyMap<string, StoredReport>;
}

/**
 * Writes per commit. Firestore takes up to 500, but encoding a 500-write commit of large reports builds ~20 MiB
 * of short-lived objects that outlive young-generation collections and pile up in the old generation; 100-write
 * commits keep that garbage small and take no longer here (measured by bench/memory.ts).
 */
export const SYNC_BATCH_WRITES = 100;

/** One document write of a sync, applied to the batch being filled. */
type SyncWrite = (batch: WriteBatch) => void;

/**
 * Stores a sync: each changed report (latest state + a new version, never deleting an older one), the
 * status bookkeeping of unchanged reports whose cell was rewritten, and one snapshot. Returns documents written.
 * Each batch's documents are built only when that batch is filled, so no more than one batch is held at once.
 */
export async function commitSync(
  db: Firestore,
  directiveId: string,
  periods: readonly PeriodSync[],
  info: SnapshotInfo,
  now: Date,
): Promise<number> {
  const reports = db.collection(`directives/${directiveId}/reports`);
  let written = 0;
  let batch = db.batch();
  let inBatch = 0;
  for (const write of syncWrites(db, reports, directiveId, periods, info, now)) {
    write(batch);
    written += 1;
    inBatch += 1;
    if (inBatch === SYNC_BATCH_WRITES) {
      await batch.commit();
      batch = db.batch();
      inBatch = 0;
    }
  }
  if (inBatch > 0) await batch.commit();
  return written;
}

/** A sync's writes in order, each built when it is reached: per period the changed reports, then the snapshot. */
function* syncWrites(
  db: Firestore,
  reports: CollectionReference,
  directiveId: string,
  periods: readonly PeriodSync[],
  info: SnapshotInfo,
  now: Date,
): Generator<SyncWrite> {
  for (const { periodKey, plan, stored } of periods) {
    const statusByUnit = new Map<string, StatusWrite>(plan.statusWrites.map((w) => [w.unitCode, w]));
    for (const change of plan.changes) {
      const ref = reports.doc(reportId(periodKey, change.unitCode));
      const doc = reportDoc(
        change,
        stored.get(change.unitCode),
        statusByUnit.get(change.unitCode),
        periodKey,
        now,
      );
      yield (b) => b.set(ref, doc);
      yield (b) =>
        b.create(ref.collection('versions').doc(String(change.version).padStart(6, '0')), {
          version: change.version,
          status: change.status,
          cells: change.cells,
          values: change.values,
          errors: change.errors,
          rawHash: change.rawHash,
          rowIndex: change.rowIndex,
          syncId: info.syncId,
          trigger: info.trigger,
          at: now,
        });
    }
    const changedUnits = new Set(plan.changes.map((c) => c.unitCode));
    for (const w of plan.statusWrites) {
      if (changedUnits.has(w.unitCode) || !stored.has(w.unitCode)) continue;
      const ref = reports.doc(reportId(periodKey, w.unitCode));
      yield (b) => b.update(ref, { sheetHash: w.sheetHash, marked: w.mark });
    }
  }
  yield (b) =>
    b.set(db.doc(snapshotPath(directiveId, info.syncId)), {
      syncId: info.syncId,
      trigger: info.trigger,
      startedAt: info.startedAt,
      durationMs: info.durationMs,
      calls: info.calls,
      periods: Object.fromEntries(
        periods.map(({ periodKey, plan }) => [
          periodKey,
          {
            counts: plan.counts,
            changed: plan.changes.map((c) => c.unitCode),
            verdicts: Object.fromEntries([...plan.verdicts].map(([unit, v]) => [unit, v.status])),
            statusCellsWritten: plan.statusWrites.length,
          },
        ]),
      ),
    });
}

function reportDoc(
  change: ReportChange,
  before: StoredReport | undefined,
  sheet: StatusWrite | undefined,
  periodKey: string,
  now: Date,
): Record<string, unknown> {
  const valid = change.status === 'valid';
  return {
    unitCode: change.unitCode,
    periodKey,
    status: change.status,
    rawHash: change.rawHash,
    version: change.version,
    cells: change.cells,
    values: change.values,
    errors: change.errors,
    // Accepted figures survive later invalid or deleted entries: the summary and the record keep them.
    acceptedValues: valid ? change.values : (before?.acceptedValues ?? null),
    acceptedVersion: valid ? change.version : (before?.acceptedVersion ?? null),
    firstSubmittedAt: before?.firstSubmittedAt ?? (valid ? now : null),
    lastChangedAt: now,
    sheetHash: sheet?.sheetHash ?? before?.sheetHash ?? null,
    marked: sheet ? sheet.mark : (before?.marked ?? []),
  };
}

/** The Firestore adapter for unit reports: their latest state, every version, and one snapshot per sync. */
import type { Firestore, WriteBatch } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { ReportChange, StatusWrite, StoredReportState, SyncPlan } from '../domain/sync/plan-sync.js';
import type { RowError } from '../domain/validation/validate-row.js';
import { reportId, snapshotPath } from './paths.js';
import { MAX_BATCH_WRITES } from './units.js';

const TimestampLike = z.custom<{ toDate(): Date }>(
  (v) => typeof (v as { toDate?: unknown })?.toDate === 'function',
);

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

/** Every stored report of the given periods, by period key then unit code (one query). */
export async function loadReports(
  db: Firestore,
  directiveId: string,
  periodKeys: readonly string[],
): Promise<Map<string, Map<string, StoredReport>>> {
  const collection = db.collection(`directives/${directiveId}/reports`);
  // `in` takes at most 30 values; beyond that read the directive's reports whole.
  const snap = await (
    periodKeys.length <= 30 ? collection.where('periodKey', 'in', [...periodKeys]) : collection
  ).get();
  const byPeriod = new Map<string, Map<string, StoredReport>>(periodKeys.map((k) => [k, new Map()]));
  for (const doc of snap.docs) {
    const r = StoredReportSchema.parse(doc.data());
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
 * Stores a sync: each changed report (latest state + a new version, never deleting an older one), the
 * status bookkeeping of unchanged reports whose cell was rewritten, and one snapshot. Returns documents written.
 */
export async function commitSync(
  db: Firestore,
  directiveId: string,
  periods: readonly PeriodSync[],
  info: SnapshotInfo,
  now: Date,
): Promise<number> {
  const reports = db.collection(`directives/${directiveId}/reports`);
  const writes: ((batch: WriteBatch) => void)[] = [];
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
      writes.push((b) => b.set(ref, doc));
      writes.push((b) =>
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
        }),
      );
    }
    const changedUnits = new Set(plan.changes.map((c) => c.unitCode));
    for (const w of plan.statusWrites) {
      if (changedUnits.has(w.unitCode) || !stored.has(w.unitCode)) continue;
      const ref = reports.doc(reportId(periodKey, w.unitCode));
      writes.push((b) => b.update(ref, { sheetHash: w.sheetHash, marked: w.mark }));
    }
  }
  writes.push((b) =>
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
    }),
  );
  for (let i = 0; i < writes.length; i += MAX_BATCH_WRITES) {
    const batch = db.batch();
    for (const write of writes.slice(i, i + MAX_BATCH_WRITES)) write(batch);
    await batch.commit();
  }
  return writes.length;
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

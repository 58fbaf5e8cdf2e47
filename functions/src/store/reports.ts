/** The Firestore adapter for unit reports: their latest state, every version, and one snapshot per sync. */
import type { Firestore, WriteBatch } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { ReportChange, StatusWrite, StoredReportState, SyncPlan } from '../domain/sync/plan-sync.js';
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

/** Every stored report of a period, by unit code (one query). */
export async function loadReports(
  db: Firestore,
  directiveId: string,
  periodKey: string,
): Promise<Map<string, StoredReport>> {
  const snap = await db
    .collection(`directives/${directiveId}/reports`)
    .where('periodKey', '==', periodKey)
    .get();
  const reports = new Map<string, StoredReport>();
  for (const doc of snap.docs) {
    const r = StoredReportSchema.parse(doc.data());
    reports.set(r.unitCode, {
      unitCode: r.unitCode,
      status: r.status,
      rawHash: r.rawHash,
      version: r.version,
      sheetHash: r.sheetHash,
      marked: r.marked,
      values: r.values,
      acceptedValues: r.acceptedValues,
      acceptedVersion: r.acceptedVersion,
      firstSubmittedAt: r.firstSubmittedAt?.toDate() ?? null,
      lastChangedAt: r.lastChangedAt.toDate(),
    });
  }
  return reports;
}

/** What one sync records besides the reports. */
export interface SnapshotInfo {
  syncId: string;
  trigger: string;
  periodKey: string;
  startedAt: Date;
  durationMs: number;
  calls: { sheetsReads: number; sheetsWrites: number };
}

/**
 * Stores a sync: each changed report (latest state + a new version, never deleting an older one), the
 * status bookkeeping of unchanged reports whose cell was rewritten, and one snapshot. Returns documents written.
 */
export async function commitSync(
  db: Firestore,
  directiveId: string,
  plan: SyncPlan,
  stored: ReadonlyMap<string, StoredReport>,
  info: SnapshotInfo,
  now: Date,
): Promise<number> {
  const reports = db.collection(`directives/${directiveId}/reports`);
  const writes: ((batch: WriteBatch) => void)[] = [];
  const statusByUnit = new Map<string, StatusWrite>(plan.statusWrites.map((w) => [w.unitCode, w]));

  for (const change of plan.changes) {
    const ref = reports.doc(reportId(info.periodKey, change.unitCode));
    const before = stored.get(change.unitCode);
    const sheet = statusByUnit.get(change.unitCode);
    writes.push((b) => b.set(ref, reportDoc(change, before, sheet, info, now)));
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
    writes.push((b) =>
      b.update(reports.doc(reportId(info.periodKey, w.unitCode)), { sheetHash: w.sheetHash, marked: w.mark }),
    );
  }
  writes.push((b) =>
    b.set(db.doc(snapshotPath(directiveId, info.syncId)), {
      syncId: info.syncId,
      trigger: info.trigger,
      periodKey: info.periodKey,
      startedAt: info.startedAt,
      durationMs: info.durationMs,
      counts: plan.counts,
      changed: plan.changes.map((c) => c.unitCode),
      verdicts: Object.fromEntries([...plan.verdicts].map(([unit, v]) => [unit, v.status])),
      calls: info.calls,
      statusCellsWritten: plan.statusWrites.length,
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
  info: SnapshotInfo,
  now: Date,
): Record<string, unknown> {
  const valid = change.status === 'valid';
  return {
    unitCode: change.unitCode,
    periodKey: info.periodKey,
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

/**
 * Storing a sync (Firestore first, before anything reaches the sheet): each changed report (latest state and a new
 * version, never deleting an older one, long texts stored apart), the status bookkeeping of unchanged reports whose
 * cell was rewritten, and one snapshot. A unit's row Firestore cannot store is that unit's problem only: a document
 * over Firestore's size is never sent, and a commit Firestore refuses is retried unit by unit, so every other unit
 * is stored and the refused ones are returned for the sync to say so on their rows.
 */
import type { DocumentReference, Firestore, WriteBatch } from 'firebase-admin/firestore';
import type { SyncSource } from '../domain/sync/attribution.js';
import type { ReportChange, StatusWrite, SyncPlan } from '../domain/sync/plan-sync.js';
import { documentSize, MAX_COMMIT_BYTES, MAX_DOCUMENT_BYTES } from './document-size.js';
import { clippedValues, storedCells, textsOf } from './long-text.js';
import { reportId, snapshotPath } from './paths.js';
import type { StoredReport } from './reports.js';
import { taskOfRowKey, unitOfRowKey, type TaskRole } from '../domain/tasks/task.js';

/** Who the sync's versions are owed to. */
export interface Attribution {
  source: SyncSource;
  /** The verified identity of whoever asked for the sync. */
  requestedBy?: string;
  /** The person who typed a unit's row, when known. */
  editorOf?: (unitCode: string) => string | undefined;
}

/** What one sync records besides the reports. */
export interface SnapshotInfo {
  syncId: string;
  trigger: string;
  startedAt: Date;
  durationMs: number;
  calls: { sheetsReads: number; sheetsWrites: number };
  attribution: Attribution;
}

/** One period's plan and the stored reports it was made against. */
export interface PeriodSync {
  periodKey: string;
  plan: SyncPlan;
  stored: ReadonlyMap<string, StoredReport>;
  /** A directive of tasks: each task row's role (lead/support), by row key, stored on its report (decision 007). */
  roles?: ReadonlyMap<string, TaskRole>;
}

/**
 * Writes per commit. Firestore takes up to 500, but encoding a 500-write commit of large reports builds ~20 MiB
 * of short-lived objects that outlive young-generation collections and pile up in the old generation; 100-write
 * commits keep that garbage small and take no longer here (measured by bench/memory.ts).
 */
export const SYNC_BATCH_WRITES = 100;

/** The sizes a sync keeps its documents and commits under. */
export interface StoreLimits {
  documentBytes: number;
  commitBytes: number;
  commitWrites: number;
}

/** Firestore's own limits, with a margin for what the estimate leaves out. */
export const FIRESTORE_LIMITS: StoreLimits = {
  documentBytes: MAX_DOCUMENT_BYTES - 16 * 1024,
  commitBytes: MAX_COMMIT_BYTES - 1_048_576,
  commitWrites: SYNC_BATCH_WRITES,
};

/** A unit's row that was not stored, and its largest cell (what to shorten). */
export interface UnstorableRow {
  periodKey: string;
  unitCode: string;
  rowIndex: number;
  /** The column key of the row's longest cell; '' when it has none. */
  column: string;
}

/** What the commit did. */
export interface CommittedSync {
  written: number;
  unstorable: UnstorableRow[];
}

/** gRPC INVALID_ARGUMENT: Firestore refused a write itself (a document too large, a value it cannot hold). */
const INVALID_ARGUMENT = 3;

interface DocWrite {
  ref: DocumentReference;
  op: 'set' | 'create' | 'update';
  data: Record<string, unknown>;
}

/** The writes of one unit's report (or one status update), committed together or not at all. */
interface WriteGroup {
  writes: DocWrite[];
  bytes: number;
  /** The unit's row, for a changed report. */
  row?: UnstorableRow;
  tooLarge: boolean;
}

/**
 * Stores a sync; returns documents written and the rows not stored. Each batch's documents are built only when
 * that batch is filled, so no more than one batch is held at once.
 */
export async function commitSync(
  db: Firestore,
  directiveId: string,
  periods: readonly PeriodSync[],
  info: SnapshotInfo,
  now: Date,
  limits: StoreLimits = FIRESTORE_LIMITS,
): Promise<CommittedSync> {
  const committer = new Committer(db, limits);
  for (const group of writeGroups(db, directiveId, periods, info, now, limits)) {
    await committer.add(group);
  }
  await committer.finish((unstorable) => snapshotWrite(db, directiveId, periods, info, unstorable));
  return { written: committer.written, unstorable: committer.unstorable };
}

/** Fills batches by count and bytes and commits them; isolates the groups of a batch Firestore refuses. */
class Committer {
  written = 0;
  readonly unstorable: UnstorableRow[] = [];
  private pending: WriteGroup[] = [];
  private writes = 0;
  private bytes = 0;

  constructor(
    private readonly db: Firestore,
    private readonly limits: StoreLimits,
  ) {}

  async add(group: WriteGroup): Promise<void> {
    if (group.tooLarge) {
      if (group.row) this.unstorable.push(group.row);
      return;
    }
    if (
      this.pending.length > 0 &&
      (this.writes + group.writes.length > this.limits.commitWrites ||
        this.bytes + group.bytes > this.limits.commitBytes)
    ) {
      await this.flush();
    }
    this.pending.push(group);
    this.writes += group.writes.length;
    this.bytes += group.bytes;
  }

  /** Commits what is pending with the last write (the snapshot), built once the rows not stored are known. */
  async finish(last: (unstorable: readonly UnstorableRow[]) => DocWrite): Promise<void> {
    const isolated = await this.flush(() => last(this.unstorable));
    if (isolated) await this.commit([last(this.unstorable)]);
  }

  /** Commits the pending groups (and `extra`); true when the batch was refused and its groups were isolated. */
  private async flush(extra?: () => DocWrite): Promise<boolean> {
    const groups = this.pending;
    this.pending = [];
    this.writes = 0;
    this.bytes = 0;
    const writes = groups.flatMap((g) => g.writes);
    try {
      await this.commit(extra ? [...writes, extra()] : writes);
      return false;
    } catch (error) {
      if (!refused(error)) throw error;
    }
    for (const group of groups) {
      try {
        await this.commit(group.writes);
      } catch (error) {
        if (!refused(error)) throw error;
        if (group.row) this.unstorable.push(group.row);
      }
    }
    return extra !== undefined;
  }

  private async commit(writes: readonly DocWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const batch = this.db.batch();
    for (const w of writes) apply(batch, w);
    await batch.commit();
    this.written += writes.length;
  }
}

function apply(batch: WriteBatch, w: DocWrite): void {
  if (w.op === 'set') batch.set(w.ref, w.data);
  else if (w.op === 'create') batch.create(w.ref, w.data);
  else batch.update(w.ref, w.data);
}

function refused(error: unknown): boolean {
  return (error as { code?: unknown }).code === INVALID_ARGUMENT;
}

/** Per period: each changed report's group, then the status updates of unchanged reports. */
function* writeGroups(
  db: Firestore,
  directiveId: string,
  periods: readonly PeriodSync[],
  info: SnapshotInfo,
  now: Date,
  limits: StoreLimits,
): Generator<WriteGroup> {
  const reports = db.collection(`directives/${directiveId}/reports`);
  for (const { periodKey, plan, stored, roles } of periods) {
    const statusByUnit = new Map<string, StatusWrite>(plan.statusWrites.map((w) => [w.unitCode, w]));
    for (const change of plan.changes) {
      const ref = reports.doc(reportId(periodKey, change.unitCode));
      const { cells, texts } = storedCells(change.cells);
      const writes: DocWrite[] = [
        ...texts.map(({ id, text }) => ({
          ref: textsOf(ref).doc(id),
          op: 'set' as const,
          data: { text, chars: text.length, at: now },
        })),
        {
          ref,
          op: 'set',
          data: reportDoc(
            change,
            cells,
            stored.get(change.unitCode),
            statusByUnit.get(change.unitCode),
            periodKey,
            now,
            roles,
          ),
        },
        {
          ref: ref.collection('versions').doc(String(change.version).padStart(6, '0')),
          op: 'create',
          data: versionDoc(change, cells, info, now),
        },
      ];
      const row = {
        periodKey,
        unitCode: change.unitCode,
        rowIndex: change.rowIndex,
        column: longestCell(change),
      };
      yield sized(writes, limits, row);
    }
    const changedUnits = new Set(plan.changes.map((c) => c.unitCode));
    for (const w of plan.statusWrites) {
      if (changedUnits.has(w.unitCode) || !stored.has(w.unitCode)) continue;
      const ref = reports.doc(reportId(periodKey, w.unitCode));
      yield sized([{ ref, op: 'update', data: { sheetHash: w.sheetHash, marked: w.mark } }], limits);
    }
  }
}

function sized(writes: DocWrite[], limits: StoreLimits, row?: UnstorableRow): WriteGroup {
  const sizes = writes.map((w) => documentSize(w.ref.path, w.data));
  return {
    writes,
    bytes: sizes.reduce((a, b) => a + b, 0),
    tooLarge: sizes.some((size) => size > limits.documentBytes),
    ...(row ? { row } : {}),
  };
}

/** The key of the change's longest text cell: what the officer is asked to shorten ('' without text). */
function longestCell(change: ReportChange): string {
  let column = '';
  let longest = 0;
  for (const [key, value] of Object.entries(change.cells)) {
    const length = typeof value === 'string' ? value.length : 0;
    if (length > longest) [column, longest] = [key, length];
  }
  return column;
}

function versionDoc(
  change: ReportChange,
  cells: Record<string, unknown>,
  { syncId, trigger, attribution }: SnapshotInfo,
  now: Date,
): Record<string, unknown> {
  const editor = attribution.editorOf?.(change.unitCode);
  return {
    version: change.version,
    status: change.status,
    cells,
    ...(change.formulas ? { formulas: change.formulas } : {}),
    values: clippedValues(change.values),
    errors: change.errors,
    rawHash: change.rawHash,
    rowIndex: change.rowIndex,
    syncId,
    trigger,
    source: attribution.source,
    ...(attribution.requestedBy ? { requestedBy: attribution.requestedBy } : {}),
    ...(editor ? { editor } : {}),
    at: now,
  };
}

function reportDoc(
  change: ReportChange,
  cells: Record<string, unknown>,
  before: StoredReport | undefined,
  sheet: StatusWrite | undefined,
  periodKey: string,
  now: Date,
  roles: ReadonlyMap<string, TaskRole> | undefined,
): Record<string, unknown> {
  const valid = change.status === 'valid';
  const values = clippedValues(change.values);
  // A task row's key is `<unitCode>~<taskId>`: the report names its unit, its task and the unit's role apart.
  const taskId = taskOfRowKey(change.unitCode);
  const role = roles?.get(change.unitCode);
  return {
    unitCode: unitOfRowKey(change.unitCode),
    ...(taskId ? { taskId } : {}),
    ...(role ? { role } : {}),
    periodKey,
    status: change.status,
    rawHash: change.rawHash,
    version: change.version,
    cells,
    ...(change.formulas ? { formulas: change.formulas } : {}),
    values,
    errors: change.errors,
    // Accepted figures survive later invalid or deleted entries: the summary and the record keep them.
    acceptedValues: valid ? values : (before?.acceptedValues ?? null),
    acceptedVersion: valid ? change.version : (before?.acceptedVersion ?? null),
    firstSubmittedAt: before?.firstSubmittedAt ?? (valid ? now : null),
    lastChangedAt: now,
    sheetHash: sheet?.sheetHash ?? before?.sheetHash ?? null,
    marked: sheet ? sheet.mark : (before?.marked ?? []),
  };
}

function snapshotWrite(
  db: Firestore,
  directiveId: string,
  periods: readonly PeriodSync[],
  info: SnapshotInfo,
  unstorable: readonly UnstorableRow[],
): DocWrite {
  const notStored = new Set(unstorable.map((u) => `${u.periodKey}~${u.unitCode}`));
  return {
    ref: db.doc(snapshotPath(directiveId, info.syncId)),
    op: 'set',
    data: {
      syncId: info.syncId,
      trigger: info.trigger,
      source: info.attribution.source,
      ...(info.attribution.requestedBy ? { requestedBy: info.attribution.requestedBy } : {}),
      startedAt: info.startedAt,
      durationMs: info.durationMs,
      calls: info.calls,
      periods: Object.fromEntries(
        periods.map(({ periodKey, plan }) => [
          periodKey,
          {
            counts: plan.counts,
            changed: plan.changes
              .map((c) => c.unitCode)
              .filter((unit) => !notStored.has(`${periodKey}~${unit}`)),
            verdicts: Object.fromEntries([...plan.verdicts].map(([unit, v]) => [unit, v.status])),
            statusCellsWritten: plan.statusWrites.length,
            ...(unstorable.some((u) => u.periodKey === periodKey)
              ? { notStored: unstorable.filter((u) => u.periodKey === periodKey).map((u) => u.unitCode) }
              : {}),
          },
        ]),
      ),
    },
  };
}

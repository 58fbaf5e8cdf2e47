/** The Firestore adapter for deadline flags: one document per period and unit, raised, updated and resolved. */
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { UnitStatus } from '../domain/status/index.js';
import { MAX_BATCH_WRITES } from './units.js';

/** The statuses that raise a flag: a unit to chase (due soon, overdue, with errors) or a late report on record. */
export const FLAG_KINDS = ['sap-den-han', 'qua-han', 'tre-han', 'co-loi'] as const;
/** One flag kind. */
export type FlagKind = (typeof FLAG_KINDS)[number];

/** The id of a unit's flag in one period: `<periodKey>~<unitCode>`. */
export const flagId = (periodKey: string, unitCode: string) => `${periodKey}~${unitCode}`;

const TimestampLike = z.custom<{ toDate(): Date }>(
  (v) => typeof (v as { toDate?: unknown })?.toDate === 'function',
);

/** The figures a flag carries; null where its kind has none. */
export interface FlagDetail {
  workingDaysLeft: number | null;
  workingDaysOverdue: number | null;
  workingDaysLate: number | null;
  issueCount: number | null;
}

const StoredFlagSchema = z
  .object({
    periodKey: z.string(),
    unitCode: z.string(),
    kind: z.enum(FLAG_KINDS),
    raisedAt: TimestampLike,
    resolvedAt: TimestampLike.nullable(),
    workingDaysLeft: z.number().nullable().default(null),
    workingDaysOverdue: z.number().nullable().default(null),
    workingDaysLate: z.number().nullable().default(null),
    issueCount: z.number().nullable().default(null),
    history: z
      .array(z.object({ kind: z.enum(FLAG_KINDS), raisedAt: TimestampLike, endedAt: TimestampLike }))
      .default([]),
  })
  .loose();

/** A stored flag: the latest kind raised for a unit in a period, and whether it is still up. */
export interface StoredFlag extends FlagDetail {
  periodKey: string;
  unitCode: string;
  kind: FlagKind;
  raisedAt: Date;
  /** When the unit stopped being flagged; null while the flag is up. */
  resolvedAt: Date | null;
  /** Earlier kinds of this flag (e.g. "sắp đến hạn" before "quá hạn"), oldest first. */
  history: { kind: FlagKind; raisedAt: Date; endedAt: Date }[];
}

/** What happens to one flag. */
export type FlagChange =
  | {
      type: 'raised' | 'updated' | 'resolved';
      periodKey: string;
      unitCode: string;
      doc: Record<string, unknown>;
    }
  | { type: 'unchanged' };

/** Whether a status raises a flag. */
export function isFlagged(status: UnitStatus): status is Extract<UnitStatus, { code: FlagKind }> {
  return (FLAG_KINDS as readonly string[]).includes(status.code);
}

/** The figures of a status, as a flag stores them. */
export function flagDetail(status: UnitStatus): FlagDetail {
  const detail: FlagDetail = {
    workingDaysLeft: null,
    workingDaysOverdue: null,
    workingDaysLate: null,
    issueCount: null,
  };
  // "Có lỗi" keeps how late it is, not how many days are left: that would rewrite the flag every day.
  const timing = status.code === 'co-loi' ? status.timing : status;
  if (status.code === 'co-loi') detail.issueCount = status.issueCount;
  if (status.code === 'sap-den-han') detail.workingDaysLeft = status.workingDaysLeft;
  if (timing.code === 'qua-han') detail.workingDaysOverdue = timing.workingDaysOverdue;
  if (timing.code === 'tre-han') detail.workingDaysLate = timing.workingDaysLate;
  return detail;
}

function sameDetail(a: FlagDetail, b: FlagDetail): boolean {
  return (
    a.workingDaysLeft === b.workingDaysLeft &&
    a.workingDaysOverdue === b.workingDaysOverdue &&
    a.workingDaysLate === b.workingDaysLate &&
    a.issueCount === b.issueCount
  );
}

/**
 * What a unit's status at `now` does to its stored flag: raise it (first time, or again after it was resolved),
 * update it (same kind, other figures; a new kind ends the old one in `history`), resolve it, or nothing.
 */
export function flagChange(
  periodKey: string,
  unitCode: string,
  status: UnitStatus,
  before: StoredFlag | undefined,
  now: Date,
): FlagChange {
  const up = before !== undefined && before.resolvedAt === null;
  if (!isFlagged(status)) {
    if (!up) return { type: 'unchanged' };
    return {
      type: 'resolved',
      periodKey,
      unitCode,
      doc: {
        ...flagDoc(before, before.kind, before, before.raisedAt),
        resolvedAt: now,
        resolvedAs: status.code,
      },
    };
  }
  const detail = flagDetail(status);
  if (up && before.kind === status.code && sameDetail(before, detail)) return { type: 'unchanged' };
  const kindChanged = up && before.kind !== status.code;
  const history = [
    ...(before?.history ?? []),
    ...(kindChanged ? [{ kind: before.kind, raisedAt: before.raisedAt, endedAt: now }] : []),
  ];
  const raisedAt = up && !kindChanged ? before.raisedAt : now;
  return {
    type: up && !kindChanged ? 'updated' : 'raised',
    periodKey,
    unitCode,
    doc: { ...flagDoc({ periodKey, unitCode, history }, status.code, detail, raisedAt), resolvedAt: null },
  };
}

function flagDoc(
  where: Pick<StoredFlag, 'periodKey' | 'unitCode' | 'history'>,
  kind: FlagKind,
  detail: FlagDetail,
  raisedAt: Date,
): Record<string, unknown> {
  return {
    periodKey: where.periodKey,
    unitCode: where.unitCode,
    kind,
    raisedAt,
    workingDaysLeft: detail.workingDaysLeft,
    workingDaysOverdue: detail.workingDaysOverdue,
    workingDaysLate: detail.workingDaysLate,
    issueCount: detail.issueCount,
    history: where.history,
  };
}

/** Every stored flag of the given periods, by period key then unit code (one query). */
export async function loadFlags(
  db: Firestore,
  directiveId: string,
  periodKeys: readonly string[],
): Promise<Map<string, Map<string, StoredFlag>>> {
  const collection = db.collection(`directives/${directiveId}/flags`);
  const byPeriod = new Map<string, Map<string, StoredFlag>>(periodKeys.map((k) => [k, new Map()]));
  if (periodKeys.length === 0) return byPeriod;
  const snap = await (
    periodKeys.length <= 30 ? collection.where('periodKey', 'in', [...periodKeys]) : collection
  ).get();
  for (const doc of snap.docs) {
    const f = StoredFlagSchema.parse(doc.data());
    byPeriod.get(f.periodKey)?.set(f.unitCode, {
      periodKey: f.periodKey,
      unitCode: f.unitCode,
      kind: f.kind,
      raisedAt: f.raisedAt.toDate(),
      resolvedAt: f.resolvedAt?.toDate() ?? null,
      workingDaysLeft: f.workingDaysLeft,
      workingDaysOverdue: f.workingDaysOverdue,
      workingDaysLate: f.workingDaysLate,
      issueCount: f.issueCount,
      history: f.history.map((h) => ({
        kind: h.kind,
        raisedAt: h.raisedAt.toDate(),
        endedAt: h.endedAt.toDate(),
      })),
    });
  }
  return byPeriod;
}

/** Writes the changed flags (whole documents, in batches of 500); returns the number of documents written. */
export async function commitFlags(
  db: Firestore,
  directiveId: string,
  changes: readonly FlagChange[],
  now: Date,
): Promise<number> {
  const writes = changes.filter((c) => c.type !== 'unchanged');
  for (let i = 0; i < writes.length; i += MAX_BATCH_WRITES) {
    const batch = db.batch();
    for (const c of writes.slice(i, i + MAX_BATCH_WRITES))
      batch.set(db.doc(`directives/${directiveId}/flags/${flagId(c.periodKey, c.unitCode)}`), {
        ...c.doc,
        updatedAt: now,
      });
    await batch.commit();
  }
  return writes.length;
}

/** The Firestore adapter for deadline flags: one document per period and unit (the rules are in domain/deadlines). */
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { FLAG_KINDS, type FlagChange, type StoredFlag } from '../domain/deadlines/flags.js';
import { MAX_BATCH_WRITES } from './units.js';
import { TimestampLike } from './timestamp.js';

/** The id of a unit's flag in one period: `<periodKey>~<unitCode>`. */
export const flagId = (periodKey: string, unitCode: string) => `${periodKey}~${unitCode}`;

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
        ...c.flag,
        updatedAt: now,
      });
    await batch.commit();
  }
  return writes.length;
}

/**
 * The Firestore adapter for notices to the coordinator about a directive's spreadsheet (a report tab recreated
 * after it was deleted, a unit's row Firestore could not store): one document each, open until the deadline check
 * has reported it.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { TimestampLike } from './timestamp.js';

/** What a notice is about: a report tab recreated, a unit's row Firestore could not store. */
export const NOTICE_KINDS = ['tab-recreated', 'row-not-stored'] as const;

/** A notice as the use cases raise it. */
export interface Notice {
  kind: (typeof NOTICE_KINDS)[number];
  periodKey: string;
  /** The tab's title and sheet id. */
  title: string;
  sheetId: number;
  /** A recreated tab: the sheet id of the tab that was deleted, and the units whose stored cells were written back. */
  previousSheetId?: number;
  refilledUnits?: number;
  /** A row not stored: its unit and 0-based row. */
  unitCode?: string;
  rowIndex?: number;
  /** What the coordinator is told, in Vietnamese. */
  message: string;
}

/** A stored notice. */
export interface StoredNotice extends Notice {
  id: string;
  raisedAt: Date;
}

const StoredNoticeSchema = z
  .object({
    kind: z.enum(NOTICE_KINDS),
    periodKey: z.string(),
    title: z.string(),
    sheetId: z.number().int(),
    previousSheetId: z.number().int().optional(),
    refilledUnits: z.number().int().optional(),
    unitCode: z.string().optional(),
    rowIndex: z.number().int().optional(),
    message: z.string(),
    raisedAt: TimestampLike,
  })
  .loose();

/** The id of a notice: one per recreated tab (`<kind>~<periodKey>~<sheetId>`), one per unit's row not stored. */
export const noticeId = (n: Pick<Notice, 'kind' | 'periodKey' | 'sheetId' | 'unitCode'>) =>
  n.kind === 'row-not-stored'
    ? `${n.kind}~${n.periodKey}~${n.unitCode ?? ''}`
    : `${n.kind}~${n.periodKey}~${n.sheetId}`;

const noticesOf = (db: Firestore, directiveId: string) => db.collection(`directives/${directiveId}/notices`);

/** Stores new open notices in one batch; returns the number of documents written. */
export async function raiseNotices(
  db: Firestore,
  directiveId: string,
  notices: readonly Notice[],
  now: Date,
): Promise<number> {
  if (notices.length === 0) return 0;
  const batch = db.batch();
  for (const n of notices) {
    batch.set(noticesOf(db, directiveId).doc(noticeId(n)), { ...n, raisedAt: now, resolvedAt: null });
  }
  await batch.commit();
  return notices.length;
}

/** The directive's open notices, oldest first (one query). */
export async function loadOpenNotices(db: Firestore, directiveId: string): Promise<StoredNotice[]> {
  const snap = await noticesOf(db, directiveId).where('resolvedAt', '==', null).get();
  return snap.docs
    .map((doc) => {
      const n = StoredNoticeSchema.parse(doc.data());
      return { ...n, id: doc.id, raisedAt: n.raisedAt.toDate() };
    })
    .sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime());
}

/** Closes notices once the coordinator has been told (in the deadline check's report); returns documents written. */
export async function resolveNotices(
  db: Firestore,
  directiveId: string,
  ids: readonly string[],
  now: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const batch = db.batch();
  for (const id of ids)
    batch.update(noticesOf(db, directiveId).doc(id), { resolvedAt: now, resolvedAs: 'reported' });
  await batch.commit();
  return ids.length;
}

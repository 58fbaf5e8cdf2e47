/**
 * The Firestore adapter for extensions of a unit's deadline (gia hạn, decision 007): one document per report row,
 * `directives/{id}/extensions/{reportId}`, never deleted — a later extension replaces it and the earlier one is kept
 * in `previous[]`, so who granted what, when, and what it replaced stays on record.
 *
 * Usage (the coordinator's `directive extend` command): `grantExtension(db, directiveId, {unitCode, periodKey,
 * taskId?, until, grantedBy, reason}, clock.now())`; statuses read `getExtension`; the evaluation reads
 * `listExtensions` and `extensionGrants`.
 */
import { FieldPath, type Firestore, type Transaction } from 'firebase-admin/firestore';
import { z } from 'zod';
import { IsoDateSchema, type IsoDate } from '../domain/calendar/iso-date.js';
import type { ExtensionGrant } from '../domain/evaluation/obligation.js';
import { directivePath, reportId } from './paths.js';

/** The report row an extension is for: a unit's report of a period, or its row of a task. */
export interface ExtensionRow {
  unitCode: string;
  periodKey: string;
  /** The task of a task row; absent for a row-per-unit report. */
  taskId?: string | undefined;
}

/** The id of a report row (decision 007): `<periodKey>~<unitCode>`, or `<periodKey>~<unitCode>~<taskId>` for a task. */
export function rowReportId(row: ExtensionRow): string {
  const id = reportId(row.periodKey, row.unitCode);
  return row.taskId === undefined ? id : `${id}~${row.taskId}`;
}

/** The path of a row's extension document. */
export const extensionPath = (directiveId: string, row: ExtensionRow) =>
  `${directivePath(directiveId)}/extensions/${rowReportId(row)}`;

/** What the coordinator grants. */
export const ExtensionRequestSchema = z.strictObject({
  unitCode: z.string().min(1),
  periodKey: z.string().min(1),
  taskId: z.string().min(1).optional(),
  /** The new deadline: the unit is on time until the end of this day (Vietnam time). */
  until: IsoDateSchema,
  /** Who granted it (the coordinator's e-mail). */
  grantedBy: z.string().min(1),
  /** Why, as the coordinator wrote it (the unit's request, the document that allowed it). */
  reason: z.string().trim().min(1),
});
/** An extension request. */
export type ExtensionRequest = z.input<typeof ExtensionRequestSchema>;

/** One grant as recorded. */
export interface ExtensionRecord {
  until: IsoDate;
  grantedAt: Date;
  grantedBy: string;
  reason: string;
}

/** A row's extension document: the grant in force and the grants it replaced, oldest first. */
export interface StoredExtension extends ExtensionRecord {
  reportId: string;
  unitCode: string;
  periodKey: string;
  taskId: string | null;
  previous: ExtensionRecord[];
}

const TimestampLike = z.custom<{ toDate(): Date }>(
  (v) => typeof (v as { toDate?: unknown })?.toDate === 'function',
);
const RecordSchema = z.object({
  until: IsoDateSchema,
  grantedAt: TimestampLike,
  grantedBy: z.string(),
  reason: z.string(),
});
const StoredExtensionSchema = RecordSchema.extend({
  unitCode: z.string(),
  periodKey: z.string(),
  taskId: z.string().nullable().default(null),
  previous: z.array(RecordSchema).default([]),
}).loose();

const record = (r: z.infer<typeof RecordSchema>): ExtensionRecord => ({
  until: r.until,
  grantedAt: r.grantedAt.toDate(),
  grantedBy: r.grantedBy,
  reason: r.reason,
});

function fromDoc(id: string, data: unknown): StoredExtension {
  const e = StoredExtensionSchema.parse(data);
  return {
    reportId: id,
    unitCode: e.unitCode,
    periodKey: e.periodKey,
    taskId: e.taskId,
    ...record(e),
    previous: e.previous.map(record),
  };
}

/** A directive that is not registered. */
export class UnknownDirectiveError extends Error {
  constructor(readonly directiveId: string) {
    super(`Directive ${directiveId} is not registered`);
    this.name = 'UnknownDirectiveError';
  }
}

/**
 * Records an extension of one row's deadline at `now`, in one transaction: a row already extended keeps its earlier
 * grant in `previous[]`. Refuses a malformed request (ZodError) and a directive that is not registered
 * (UnknownDirectiveError). Whether the new day makes sense (after the deadline, the directive still open) is the
 * caller's decision. Returns the document as stored.
 */
export async function grantExtension(
  db: Firestore,
  directiveId: string,
  request: ExtensionRequest,
  now: Date,
): Promise<StoredExtension> {
  const r = ExtensionRequestSchema.parse(request);
  const ref = db.doc(extensionPath(directiveId, r));
  return db.runTransaction(async (tx: Transaction) => {
    const [directive, before] = await tx.getAll(db.doc(directivePath(directiveId)), ref);
    if (!directive || !before) throw new Error('getAll returned fewer documents than asked');
    if (!directive.exists) throw new UnknownDirectiveError(directiveId);
    const earlier = before.exists ? fromDoc(ref.id, before.data()) : undefined;
    const previous = earlier
      ? [
          ...earlier.previous,
          {
            until: earlier.until,
            grantedAt: earlier.grantedAt,
            grantedBy: earlier.grantedBy,
            reason: earlier.reason,
          },
        ]
      : [];
    const stored: StoredExtension = {
      reportId: ref.id,
      unitCode: r.unitCode,
      periodKey: r.periodKey,
      taskId: r.taskId ?? null,
      until: r.until,
      grantedAt: now,
      grantedBy: r.grantedBy,
      reason: r.reason,
      previous,
    };
    const { reportId: _id, ...doc } = stored;
    tx.set(ref, doc);
    // The deadline in force is also kept on the directive, where every status computation already reads.
    tx.update(directive.ref, new FieldPath('extensions', ref.id), r.until);
    return stored;
  });
}

/** A row's extension document; undefined when the row was never extended. */
export async function getExtension(
  db: Firestore,
  directiveId: string,
  row: ExtensionRow,
): Promise<StoredExtension | undefined> {
  const snap = await db.doc(extensionPath(directiveId, row)).get();
  return snap.exists ? fromDoc(snap.id, snap.data()) : undefined;
}

/** Every extension of a directive (one query), ordered by report id. */
export async function listExtensions(db: Firestore, directiveId: string): Promise<StoredExtension[]> {
  const snap = await db.collection(`${directivePath(directiveId)}/extensions`).get();
  return snap.docs.map((d) => fromDoc(d.id, d.data())).sort((a, b) => a.reportId.localeCompare(b.reportId));
}

/** The grants of an extension document, oldest first, as the evaluation reads them. */
export function extensionGrants(extension: StoredExtension): ExtensionGrant[] {
  return [...extension.previous, extension]
    .map((g) => ({ until: g.until, grantedAt: g.grantedAt }))
    .sort((a, b) => a.grantedAt.getTime() - b.grantedAt.getTime());
}

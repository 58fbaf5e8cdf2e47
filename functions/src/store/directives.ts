/**
 * The Firestore adapter for registered directives: register, read, list open ones, record new, renamed and
 * recreated tabs, and whether theodoi can still open the spreadsheet.
 */
import { FieldPath, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { IsoDateSchema } from '../domain/calendar/iso-date.js';
import { DirectiveSpecSchema, type DirectiveSpec } from '../domain/directive.js';
import type { Period } from '../domain/periods/periods.js';
import { directivePath } from './paths.js';
import { TimestampLike } from './timestamp.js';

/**
 * A report tab: its sheet id and title, and the layout theodoi provisioned (each column's key by index, each unit's
 * row by code), kept beside the markers so a marker missing or altered is repaired from it. Tabs recorded before
 * layouts were kept have none: the first sync records it.
 */
const TabSchema = z.object({
  sheetId: z.number().int(),
  title: z.string(),
  columns: z.array(z.string()).optional(),
  rows: z.record(z.string(), z.number().int()).optional(),
});
/** A report tab as recorded. */
export type TabRecord = z.infer<typeof TabSchema>;

/** Set while theodoi cannot open the spreadsheet (deleted, or no longer shared with it); null once it can again. */
const AccessLostSchema = z.object({
  state: z.literal('lost'),
  reason: z.enum(['not-found', 'permission-denied']),
  /** The first failed attempt of this loss. */
  since: TimestampLike,
  /** The latest failed attempt. */
  lastFailedAt: TimestampLike,
  /** What the coordinator is told, in Vietnamese. */
  message: z.string(),
});
/** A directive's lost access to its spreadsheet, as stored. */
export type AccessLost = z.infer<typeof AccessLostSchema>;

/** A directive as stored: its file plus where its spreadsheet is and what state it is in. */
export const DirectiveRecordSchema = DirectiveSpecSchema.omit({ format: true })
  .extend({
    spreadsheetId: z.string(),
    spreadsheetUrl: z.string(),
    /** Report tabs by period key. */
    tabs: z.record(z.string(), TabSchema),
    status: z.enum(['open', 'closed']),
    /** The Drive push channel watching the spreadsheet, when notifications are configured. */
    watch: z.object({ channelId: z.string(), resourceId: z.string(), expiration: z.number() }).optional(),
    /** Whether the Tổng hợp tab holds theodoi's chart (so a rewrite replaces it). */
    summaryChart: z.boolean().optional(),
    access: AccessLostSchema.nullable().optional(),
    /** Units' extended deadlines (gia hạn) by row key, kept here by grantExtension so statuses need no more reads. */
    extensions: z.record(z.string(), IsoDateSchema).optional(),
  })
  .loose();
/** A stored directive. */
export type DirectiveRecord = z.infer<typeof DirectiveRecordSchema>;

/** A directive id that is already registered. */
export class DirectiveExistsError extends Error {
  constructor(readonly directiveId: string) {
    super(`Directive ${directiveId} is already registered`);
    this.name = 'DirectiveExistsError';
  }
}

/** Registers a provisioned directive and its periods in one batch; refuses an id already registered. */
export async function registerDirective(
  db: Firestore,
  spec: DirectiveSpec,
  sheet: {
    spreadsheetId: string;
    spreadsheetUrl: string;
    tabs: ({ periodKey: string } & TabRecord)[];
  },
  periods: readonly Period[],
  now: Date,
): Promise<void> {
  const { format: _format, ...fields } = spec;
  const ref = db.doc(directivePath(spec.id));
  const batch = db.batch();
  batch.create(ref, {
    ...fields,
    spreadsheetId: sheet.spreadsheetId,
    spreadsheetUrl: sheet.spreadsheetUrl,
    tabs: Object.fromEntries(sheet.tabs.map(({ periodKey, ...tab }) => [periodKey, tab])),
    status: 'open',
    createdAt: now,
    updatedAt: now,
  });
  for (const p of periods) batch.set(ref.collection('periods').doc(p.key), periodDoc(p));
  try {
    await batch.commit();
  } catch (error) {
    if ((error as { code?: unknown }).code === 6) throw new DirectiveExistsError(spec.id);
    throw error;
  }
}

/** Whether a directive with this id is registered. */
export async function directiveExists(db: Firestore, directiveId: string): Promise<boolean> {
  return (await db.doc(directivePath(directiveId)).get()).exists;
}

/** The stored directive, validated; undefined when not registered. */
export async function getDirective(db: Firestore, directiveId: string): Promise<DirectiveRecord | undefined> {
  const snap = await db.doc(directivePath(directiveId)).get();
  return snap.exists ? parseDirectiveRecord(snap.data()) : undefined;
}

/** A directive document as read (by a transaction, say), validated. */
export function parseDirectiveRecord(document: unknown): DirectiveRecord {
  return DirectiveRecordSchema.parse(document);
}

/** Every directive, open or closed, newest first (by the day it was created). */
export async function listDirectives(db: Firestore): Promise<(DirectiveRecord & { createdAt?: Date })[]> {
  const snap = await db.collection('directives').get();
  return snap.docs
    .map((d) => {
      const createdAt = (d.get('createdAt') as { toDate?: () => Date } | undefined)?.toDate?.();
      return { ...DirectiveRecordSchema.parse(d.data()), ...(createdAt ? { createdAt } : {}) };
    })
    .sort(
      (a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0) || a.id.localeCompare(b.id),
    );
}

/** Marks a directive closed: the checks, the sweep and the triggers leave it; its data stays. */
export async function closeDirective(
  db: Firestore,
  directiveId: string,
  by: string,
  now: Date,
): Promise<void> {
  await db
    .doc(directivePath(directiveId))
    .update({ status: 'closed', closedAt: now, closedBy: by, updatedAt: now });
}

/** Every open directive. */
export async function listOpenDirectives(db: Firestore): Promise<DirectiveRecord[]> {
  const snap = await db.collection('directives').where('status', '==', 'open').get();
  return snap.docs.map((d) => DirectiveRecordSchema.parse(d.data()));
}

/** The directive registered for a spreadsheet, if any. */
export async function findDirectiveBySpreadsheet(
  db: Firestore,
  spreadsheetId: string,
): Promise<DirectiveRecord | undefined> {
  const snap = await db.collection('directives').where('spreadsheetId', '==', spreadsheetId).limit(1).get();
  const doc = snap.docs[0];
  return doc ? DirectiveRecordSchema.parse(doc.data()) : undefined;
}

function periodDoc(p: Period): Record<string, unknown> {
  return {
    key: p.key,
    kind: p.kind,
    label: p.label,
    start: p.start,
    cutoff: p.cutoff,
    nominalDeadline: p.nominalDeadline,
    deadline: p.deadline,
    opensAt: p.opensAt,
    deadlineEndsAt: p.deadlineEndsAt,
  };
}

/** Records the directive's open Drive channel. */
export async function setDirectiveWatch(
  db: Firestore,
  directiveId: string,
  watch: { channelId: string; resourceId: string; expiration: number },
): Promise<void> {
  await db.doc(directivePath(directiveId)).update({ watch });
}

/** The directive whose Drive channel has this id, if any. */
export async function findDirectiveByChannel(
  db: Firestore,
  channelId: string,
): Promise<DirectiveRecord | undefined> {
  const snap = await db.collection('directives').where('watch.channelId', '==', channelId).limit(1).get();
  const doc = snap.docs[0];
  return doc ? DirectiveRecordSchema.parse(doc.data()) : undefined;
}

/** Records report tabs opened for new periods: the directive's `tabs` entries and `periods/{key}`, in one batch. */
export async function recordPeriodTabs(
  db: Firestore,
  directiveId: string,
  opened: readonly { period: Period; tab: TabRecord }[],
  now: Date,
): Promise<number> {
  if (opened.length === 0) return 0;
  const ref = db.doc(directivePath(directiveId));
  const batch = db.batch();
  const tabs = Object.fromEntries(opened.map(({ period, tab }) => [period.key, tabRecord(tab)]));
  batch.set(ref, { tabs, updatedAt: now }, { merge: true });
  for (const { period } of opened) batch.set(ref.collection('periods').doc(period.key), periodDoc(period));
  await batch.commit();
  return 1 + opened.length;
}

/**
 * Records the tabs' current sheet ids and titles (a tab recreated, a title renamed by hand) and, where given, their
 * layout (columns moved, rows sorted, a layout recorded for the first time), in one write. A layout replaces the
 * recorded one whole.
 */
export async function recordTabs(
  db: Firestore,
  directiveId: string,
  tabs: Readonly<Record<string, TabRecord>>,
  now: Date,
): Promise<number> {
  if (Object.keys(tabs).length === 0) return 0;
  // Field by field (a period key is no plain field name): a layout's `rows` replace the recorded map, not merge into it.
  const pairs: unknown[] = [];
  for (const [periodKey, tab] of Object.entries(tabs)) {
    for (const [field, value] of Object.entries(tabRecord(tab)))
      pairs.push(new FieldPath('tabs', periodKey, field), value);
  }
  await db.doc(directivePath(directiveId)).update('updatedAt', now, ...pairs);
  return 1;
}

/** A tab record with only the fields it has. */
function tabRecord(tab: TabRecord): TabRecord {
  const { sheetId, title, columns, rows } = tab;
  return { sheetId, title, ...(columns ? { columns } : {}), ...(rows ? { rows } : {}) };
}

/** Marks the directive as one whose spreadsheet theodoi cannot open; `since` is kept from an earlier mark. */
export async function markAccessLost(
  db: Firestore,
  directiveId: string,
  lost: { reason: AccessLost['reason']; since: Date; message: string },
  now: Date,
): Promise<void> {
  await db.doc(directivePath(directiveId)).update({
    access: {
      state: 'lost',
      reason: lost.reason,
      since: lost.since,
      lastFailedAt: now,
      message: lost.message,
    },
  });
}

/** Clears the mark once theodoi has opened the spreadsheet again. */
export async function clearAccessLost(db: Firestore, directiveId: string): Promise<void> {
  await db.doc(directivePath(directiveId)).update({ access: null });
}

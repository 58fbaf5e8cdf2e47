/**
 * The Firestore adapter for registered directives: register (before the spreadsheet exists), record the spreadsheet
 * and its sharing as provisioning goes, read, list open ones, record new, renamed and recreated tabs, and whether
 * theodoi can still open the spreadsheet.
 */
import { FieldPath, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { IsoDateSchema } from '../domain/calendar/iso-date.js';
import { DirectiveSpecSchema, type DirectiveSpec } from '../domain/directive.js';
import type { Period } from '../domain/periods/periods.js';
import { SHARING_STATUSES, type SharingOutcome } from '../domain/sharing.js';
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

/** Where one address stands with the spreadsheet, as stored. */
const SharingOutcomeSchema = z
  .object({
    address: z.string(),
    unitCodes: z.array(z.string()),
    status: z.enum(SHARING_STATUSES),
    reason: z.string().optional(),
    at: TimestampLike,
  })
  .transform((o): SharingOutcome => ({ ...o, at: o.at.toDate() }));

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
    watch: z
      .object({
        channelId: z.string(),
        resourceId: z.string(),
        expiration: z.number(),
        /** The channel's own random token (channels opened before tokens were per channel have none). */
        token: z.string().optional(),
      })
      .optional(),
    /** Whether the Tổng hợp tab holds theodoi's chart (so a rewrite replaces it). */
    summaryChart: z.boolean().optional(),
    /**
     * The spreadsheet's Drive version theodoi has seen whole: every change up to it read by a sync or made by
     * theodoi's own write (decision 011). The sweep does not read a spreadsheet Drive lists at this version.
     */
    seenVersion: z.string().optional(),
    access: AccessLostSchema.nullable().optional(),
    /** Where each address stands with the spreadsheet (store/directives.ts recordSharing). */
    sharing: z.array(SharingOutcomeSchema).optional(),
    /** Units' extended deadlines (gia hạn) by row key, kept here by grantExtension so statuses need no more reads. */
    extensions: z.record(z.string(), IsoDateSchema).optional(),
  })
  .loose();
/** A stored directive. */
export type DirectiveRecord = z.infer<typeof DirectiveRecordSchema>;

/**
 * A directive registered whose spreadsheet is not finished: registered first, so a failure at any later step is
 * resumed by running the same command again, never leaving a second spreadsheet behind.
 */
const ProvisioningRecordSchema = DirectiveSpecSchema.omit({ format: true })
  .extend({
    status: z.literal('provisioning'),
    /** The report tabs planned, by period key. */
    tabs: z.record(z.string(), TabSchema),
    /** Set as soon as the spreadsheet exists. */
    spreadsheetId: z.string().optional(),
    spreadsheetUrl: z.string().optional(),
  })
  .loose();
/** A directive whose provisioning has not finished. */
export type ProvisioningRecord = z.infer<typeof ProvisioningRecordSchema>;

/** A directive as stored, told apart by how far its provisioning got. */
export type StoredDirective =
  { state: 'provisioning'; record: ProvisioningRecord } | { state: 'ready'; record: DirectiveRecord };

/** A directive read where only a provisioned one will do, while its provisioning has not finished. */
export class DirectiveNotReadyError extends Error {
  constructor(readonly directiveId: string) {
    super(
      `Directive ${directiveId} is still being provisioned: run "theodoi directive create" with its file again`,
    );
    this.name = 'DirectiveNotReadyError';
  }
}

/** A directive id that is already registered. */
export class DirectiveExistsError extends Error {
  constructor(readonly directiveId: string) {
    super(`Directive ${directiveId} is already registered`);
    this.name = 'DirectiveExistsError';
  }
}

/**
 * Registers a directive before its spreadsheet exists (status `provisioning`), with the tabs planned for it and its
 * periods, in one batch; refuses an id already registered.
 */
export async function registerDirective(
  db: Firestore,
  spec: DirectiveSpec,
  tabs: readonly ({ periodKey: string } & TabRecord)[],
  periods: readonly Period[],
  now: Date,
): Promise<void> {
  const { format: _format, ...fields } = spec;
  const ref = db.doc(directivePath(spec.id));
  const batch = db.batch();
  batch.create(ref, {
    ...fields,
    tabs: Object.fromEntries(tabs.map(({ periodKey, ...tab }) => [periodKey, tab])),
    status: 'provisioning',
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

/** Records the directive's spreadsheet the moment it exists (before it is shaped). */
export async function recordSpreadsheet(
  db: Firestore,
  directiveId: string,
  sheet: { spreadsheetId: string; spreadsheetUrl: string },
  now: Date,
): Promise<void> {
  await db.doc(directivePath(directiveId)).update({ ...sheet, updatedAt: now });
}

/** Marks the directive open once its spreadsheet is shaped: from now on it is synced and checked. */
export async function markProvisioned(db: Firestore, directiveId: string, now: Date): Promise<void> {
  await db.doc(directivePath(directiveId)).update({ status: 'open', updatedAt: now });
}

/** Records where each address stands with the spreadsheet (the whole list, in one write). */
export async function recordSharing(
  db: Firestore,
  directiveId: string,
  outcomes: readonly SharingOutcome[],
  now: Date,
): Promise<void> {
  const sharing = outcomes.map(({ reason, ...o }) => (reason === undefined ? o : { ...o, reason }));
  await db.doc(directivePath(directiveId)).update({ sharing, updatedAt: now });
}

/** The directive as stored, provisioned or not; undefined when not registered. */
export async function loadDirective(
  db: Firestore,
  directiveId: string,
): Promise<StoredDirective | undefined> {
  const snap = await db.doc(directivePath(directiveId)).get();
  if (!snap.exists) return undefined;
  const document = snap.data();
  return document?.status === 'provisioning'
    ? { state: 'provisioning', record: ProvisioningRecordSchema.parse(document) }
    : { state: 'ready', record: DirectiveRecordSchema.parse(document) };
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

/** A directive document as read (by a transaction, say), validated; a directive still provisioning is refused. */
export function parseDirectiveRecord(document: unknown): DirectiveRecord {
  const fields = document as { id?: unknown; status?: unknown } | undefined;
  if (fields?.status === 'provisioning') throw new DirectiveNotReadyError(String(fields.id));
  return DirectiveRecordSchema.parse(document);
}

/** Every provisioned directive, open or closed, newest first (by the day it was created). */
export async function listDirectives(db: Firestore): Promise<(DirectiveRecord & { createdAt?: Date })[]> {
  const snap = await db.collection('directives').get();
  // A directive still being provisioned has no spreadsheet yet: `directive create` resumes it, nobody lists it.
  return snap.docs
    .filter((d) => d.get('status') !== 'provisioning')
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

/** Records the spreadsheet's Drive version theodoi has seen whole (decision 011); one document write. */
export async function recordSeenVersion(db: Firestore, directiveId: string, version: string): Promise<void> {
  await db.doc(directivePath(directiveId)).update({ seenVersion: version });
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
  return doc ? parseDirectiveRecord(doc.data()) : undefined;
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
  watch: { channelId: string; resourceId: string; expiration: number; token: string },
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

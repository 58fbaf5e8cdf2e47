/**
 * The Firestore adapter for organisations and their units: import from a file, list, and what theodoi learnt of each
 * address (whether it is a Google account), kept on the units across re-imports.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { UnitSchema, type Organisation, type Unit } from '../domain/organisation.js';
import { normaliseAddress, type AddressCheck } from '../domain/sharing.js';
import { TimestampLike } from './timestamp.js';

const ORGANISATIONS = 'organisations';
const UNITS = 'units';
/** Firestore allows at most 500 writes in one batch. */
export const MAX_BATCH_WRITES = 500;

const StoredAddressCheckSchema = z
  .object({ address: z.string(), googleAccount: z.boolean(), checkedAt: TimestampLike })
  .transform((c): AddressCheck => ({ ...c, checkedAt: c.checkedAt.toDate() }));

const StoredUnitSchema = UnitSchema.extend({
  active: z.boolean(),
  position: z.number().int().min(0).optional(),
  /** What probes found of the unit's addresses (store/units.ts recordAddressChecks). */
  addressChecks: z.array(StoredAddressCheckSchema).optional(),
}).loose();
/**
 * A unit as stored: the unit, whether it is still part of the organisation, its place in the organisation's file
 * (0-based; absent for units imported before theodoi kept it), and what is known of its addresses.
 */
export type StoredUnit = Unit & { active: boolean; position?: number; addressChecks?: AddressCheck[] };

/** What an import changed. */
export interface ImportResult {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Units no longer in the file: kept (reports refer to them) but marked inactive. */
  retired: string[];
  writes: number;
}

/** Writes the organisation and its units, touching only what changed; units missing from the file are retired. */
export async function importOrganisation(db: Firestore, org: Organisation, now: Date): Promise<ImportResult> {
  const orgRef = db.collection(ORGANISATIONS).doc(org.id);
  const [orgSnap, unitSnaps] = await Promise.all([orgRef.get(), orgRef.collection(UNITS).get()]);
  const stored = new Map(unitSnaps.docs.map((d) => [d.id, d.data()]));
  const result: ImportResult = { created: [], updated: [], unchanged: [], retired: [], writes: 0 };
  const writes: { ref: FirebaseFirestore.DocumentReference; data: Record<string, unknown> }[] = [];

  const { units, ...orgFields } = org;
  // The dashboard spreadsheet and the address checks are theodoi's, not the file's: a re-import keeps them.
  const kept = Object.fromEntries(
    [
      'dashboardSpreadsheetId',
      'dashboardSpreadsheetUrl',
      'dashboardFingerprint',
      'dashboardSharedWith',
      'dashboardEvaluationChart',
      'addressChecks',
    ].flatMap((key) => {
      const value: unknown = orgSnap.data()?.[key];
      return value === undefined ? [] : [[key, value]];
    }),
  );
  const orgData = { ...orgFields, unitCount: units.length, ...kept };
  if (!orgSnap.exists || !sameFields(orgSnap.data() ?? {}, orgData)) {
    writes.push({ ref: orgRef, data: { ...orgData, updatedAt: now } });
  }
  for (const [position, unit] of units.entries()) {
    const before = stored.get(unit.code);
    const checks: unknown = before?.addressChecks;
    // The file's order is the organisation's: lists and dashboards follow it.
    const data = {
      ...unit,
      active: true,
      position,
      ...(checks === undefined ? {} : { addressChecks: checks }),
    };
    stored.delete(unit.code);
    if (before && sameFields(before, data)) {
      result.unchanged.push(unit.code);
      continue;
    }
    (before ? result.updated : result.created).push(unit.code);
    writes.push({ ref: orgRef.collection(UNITS).doc(unit.code), data: { ...data, updatedAt: now } });
  }
  for (const [code, before] of stored) {
    if (before.active === false) continue;
    result.retired.push(code);
    writes.push({
      ref: orgRef.collection(UNITS).doc(code),
      data: { ...before, active: false, updatedAt: now },
    });
  }
  for (let i = 0; i < writes.length; i += MAX_BATCH_WRITES) {
    const batch = db.batch();
    for (const w of writes.slice(i, i + MAX_BATCH_WRITES)) batch.set(w.ref, w.data);
    await batch.commit();
  }
  result.writes = writes.length;
  return result;
}

/**
 * The organisation's units, validated, in the order of the organisation's file (a unit dropped from it stays at its
 * last place; units stored without a place come after, by group then code); inactive ones only when asked.
 */
export async function listUnits(
  db: Firestore,
  orgId: string,
  options: { includeInactive?: boolean } = {},
): Promise<StoredUnit[]> {
  const snap = await db.collection(ORGANISATIONS).doc(orgId).collection(UNITS).get();
  return snap.docs
    .map((d) => StoredUnitSchema.parse(d.data()) as StoredUnit)
    .filter((u) => options.includeInactive || u.active)
    .sort(
      (a, b) =>
        (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) ||
        Number(b.active) - Number(a.active) ||
        a.group.localeCompare(b.group) ||
        a.code.localeCompare(b.code, 'en', { numeric: true }),
    );
}

const StoredOrganisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    parent: z.string().optional(),
    place: z.string(),
    coordinator: z.object({ unitCode: z.string(), email: z.string().optional() }).loose(),
    groups: z.array(z.object({ id: z.string(), name: z.string() }).loose()).default([]),
    dashboardSpreadsheetId: z.string().optional(),
    dashboardSpreadsheetUrl: z.string().optional(),
    /** A hash of the dashboard's last written content apart from its time line (an unchanged rebuild is skipped). */
    dashboardFingerprint: z.string().optional(),
    /** Who the dashboard was shared with (the coordinator, when theodoi acts as another account). */
    dashboardSharedWith: z.array(z.string()).optional(),
    /** Whether the dashboard's "Đánh giá đơn vị" tab has its chart (the next rewrite deletes it first). */
    dashboardEvaluationChart: z.boolean().optional(),
  })
  .loose();
/** An organisation document as stored (without its units), with the dashboard's spreadsheet once created. */
export type StoredOrganisation = z.infer<typeof StoredOrganisationSchema>;

/** The stored organisation, validated; undefined when not imported. */
export async function getOrganisation(db: Firestore, orgId: string): Promise<StoredOrganisation | undefined> {
  const snap = await db.collection(ORGANISATIONS).doc(orgId).get();
  return snap.exists ? StoredOrganisationSchema.parse(snap.data()) : undefined;
}

/** Records the organisation's dashboard spreadsheet and its address (merged into the organisation document). */
export async function setDashboardSpreadsheet(
  db: Firestore,
  orgId: string,
  spreadsheet: { spreadsheetId: string; spreadsheetUrl: string },
): Promise<void> {
  await db.collection(ORGANISATIONS).doc(orgId).set(
    {
      dashboardSpreadsheetId: spreadsheet.spreadsheetId,
      dashboardSpreadsheetUrl: spreadsheet.spreadsheetUrl,
    },
    { merge: true },
  );
}

/** Records who the dashboard has been shared with. */
export async function setDashboardSharedWith(
  db: Firestore,
  orgId: string,
  addresses: readonly string[],
): Promise<void> {
  await db.collection(ORGANISATIONS).doc(orgId).set({ dashboardSharedWith: addresses }, { merge: true });
}

/**
 * Records the fingerprint of what the dashboard was last rewritten with and, when given, whether its evaluation tab
 * has its chart now (one document write).
 */
export async function setDashboardFingerprint(
  db: Firestore,
  orgId: string,
  fingerprint: string,
  state: { evaluationChart?: boolean } = {},
): Promise<void> {
  await db
    .collection(ORGANISATIONS)
    .doc(orgId)
    .set(
      {
        dashboardFingerprint: fingerprint,
        ...(state.evaluationChart === undefined ? {} : { dashboardEvaluationChart: state.evaluationChart }),
      },
      { merge: true },
    );
}

/** What probes found of every address of the organisation (its units' and the organisation's own), by address. */
export async function loadAddressChecks(db: Firestore, orgId: string): Promise<Map<string, AddressCheck>> {
  const orgRef = db.collection(ORGANISATIONS).doc(orgId);
  const [orgSnap, unitSnaps] = await Promise.all([orgRef.get(), orgRef.collection(UNITS).get()]);
  const all: unknown[] = [
    orgSnap.data()?.addressChecks,
    ...unitSnaps.docs.map((d): unknown => d.data().addressChecks),
  ];
  const checks = new Map<string, AddressCheck>();
  for (const list of all) {
    for (const check of z
      .array(StoredAddressCheckSchema)
      .catch([])
      .parse(list ?? [])) {
      const seen = checks.get(check.address);
      if (!seen || seen.checkedAt < check.checkedAt) checks.set(check.address, check);
    }
  }
  return checks;
}

/**
 * Remembers what probes found: on every unit (active or not) that lists the address among its editors, and on the
 * organisation for an address no unit lists (a coordinator's); one batch.
 */
export async function recordAddressChecks(
  db: Firestore,
  orgId: string,
  found: readonly AddressCheck[],
): Promise<number> {
  if (found.length === 0) return 0;
  const orgRef = db.collection(ORGANISATIONS).doc(orgId);
  const [orgSnap, unitSnaps] = await Promise.all([orgRef.get(), orgRef.collection(UNITS).get()]);
  const byAddress = new Map(found.map((c) => [normaliseAddress(c.address), c]));
  const unlisted = new Set(byAddress.keys());
  const batch = db.batch();
  let writes = 0;
  for (const doc of unitSnaps.docs) {
    const editors = z.array(z.string()).catch([]).parse(doc.get('editors')).map(normaliseAddress);
    const mine = editors.filter((e) => byAddress.has(e));
    if (mine.length === 0) continue;
    for (const e of mine) unlisted.delete(e);
    batch.update(doc.ref, {
      addressChecks: merged(
        doc.get('addressChecks'),
        mine.map((e) => byAddress.get(e)!),
      ),
    });
    writes += 1;
  }
  if (unlisted.size > 0) {
    const own = [...unlisted].map((e) => byAddress.get(e)!);
    batch.set(orgRef, { addressChecks: merged(orgSnap.get('addressChecks'), own) }, { merge: true });
    writes += 1;
  }
  await batch.commit();
  return writes;
}

/** Stored checks with `fresh` ones replacing those of the same address. */
function merged(stored: unknown, fresh: readonly AddressCheck[]): AddressCheck[] {
  const replaced = new Set(fresh.map((c) => c.address));
  const kept = z
    .array(StoredAddressCheckSchema)
    .catch([])
    .parse(stored ?? [])
    .filter((c) => !replaced.has(c.address));
  return [...kept, ...fresh];
}

/** Compares the fields of `next` with `before`, ignoring bookkeeping fields. */
function sameFields(before: Record<string, unknown>, next: Record<string, unknown>): boolean {
  const strip = ({ updatedAt: _u, ...rest }: Record<string, unknown>) => rest;
  return canonical(strip(before)) === canonical(strip(next));
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The editors of the given units (one read of just those documents), by unit code. */
export async function unitEditors(
  db: Firestore,
  orgId: string,
  codes: readonly string[],
): Promise<Map<string, string[]>> {
  if (codes.length === 0) return new Map();
  const units = db.collection(ORGANISATIONS).doc(orgId).collection(UNITS);
  const docs = await db.getAll(...codes.map((code) => units.doc(code)), { fieldMask: ['editors'] });
  return new Map(
    docs.map((doc, i) => {
      const editors: unknown = doc.get('editors');
      const list = Array.isArray(editors) ? editors.filter((e): e is string => typeof e === 'string') : [];
      return [codes[i]!, list.map((e) => e.toLowerCase())];
    }),
  );
}

/** The organisations registered in Firestore, by id (the evaluation picks the only one when none is named). */
import type { Firestore } from 'firebase-admin/firestore';
import {
  OrganisationSchema,
  parseOrganisation,
  UnitSchema,
  type Organisation,
} from '../domain/organisation.js';
import { listUnits } from './units.js';

/** The ids of every imported organisation, sorted. */
export async function listOrganisationIds(db: Firestore): Promise<string[]> {
  const snap = await db.collection('organisations').select().get();
  return snap.docs.map((d) => d.id).sort();
}

/** The id of the organisation whose dashboard (with its register tab) is `spreadsheetId`; undefined when none. */
export async function findOrganisationByDashboard(
  db: Firestore,
  spreadsheetId: string,
): Promise<string | undefined> {
  const snap = await db
    .collection('organisations')
    .where('dashboardSpreadsheetId', '==', spreadsheetId)
    .select()
    .limit(1)
    .get();
  return snap.docs[0]?.id;
}

/** Every organisation with a dashboard spreadsheet: its id, the spreadsheet, its coordinator's address. */
export async function listDashboards(
  db: Firestore,
): Promise<{ organisationId: string; spreadsheetId: string; coordinator?: string }[]> {
  const snap = await db.collection('organisations').get();
  return snap.docs
    .flatMap((d) => {
      const spreadsheetId = d.get('dashboardSpreadsheetId') as unknown;
      const coordinator = d.get('coordinator.email') as unknown;
      if (typeof spreadsheetId !== 'string') return [];
      return [
        {
          organisationId: d.id,
          spreadsheetId,
          ...(typeof coordinator === 'string' ? { coordinator } : {}),
        },
      ];
    })
    .sort((a, b) => a.organisationId.localeCompare(b.organisationId));
}

/** The dashboards of the organisations whose coordinator is `email` (any case). */
export async function dashboardsOfCoordinator(
  db: Firestore,
  email: string,
): Promise<{ organisationId: string; spreadsheetId: string }[]> {
  const wanted = email.toLowerCase();
  return (await listDashboards(db))
    .filter((d) => d.coordinator?.toLowerCase() === wanted)
    .map(({ organisationId, spreadsheetId }) => ({ organisationId, spreadsheetId }));
}

/**
 * The organisation as its file described it (its active units, in its order), read back from Firestore for the
 * importer; undefined when not imported.
 */
export async function loadOrganisation(db: Firestore, orgId: string): Promise<Organisation | undefined> {
  const ref = db.collection('organisations').doc(orgId);
  const [doc, units] = await Promise.all([ref.get(), listUnits(db, orgId)]);
  if (!doc.exists) return undefined;
  const fields = doc.data() as Record<string, unknown>;
  const unitKeys = Object.keys(UnitSchema.shape);
  return parseOrganisation({
    ...Object.fromEntries(
      Object.keys(OrganisationSchema.shape)
        .filter((k) => k in fields)
        .map((k) => [k, fields[k]]),
    ),
    units: units.map((u) =>
      Object.fromEntries(unitKeys.filter((k) => k in u).map((k) => [k, (u as Record<string, unknown>)[k]])),
    ),
  });
}

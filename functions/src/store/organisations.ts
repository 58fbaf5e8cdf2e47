/** The organisations registered in Firestore, by id (the evaluation picks the only one when none is named). */
import type { Firestore } from 'firebase-admin/firestore';

/** The ids of every imported organisation, sorted. */
export async function listOrganisationIds(db: Firestore): Promise<string[]> {
  const snap = await db.collection('organisations').select().get();
  return snap.docs.map((d) => d.id).sort();
}

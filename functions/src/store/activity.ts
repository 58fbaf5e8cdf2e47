/** When officers last changed a directive's reports: the latest `lastChangedAt` among its report documents. */
import type { Firestore, Timestamp } from 'firebase-admin/firestore';

/** The latest change of any of the directive's reports (one indexed query, one document); undefined with none. */
export async function lastReportChange(db: Firestore, directiveId: string): Promise<Date | undefined> {
  const snap = await db
    .collection(`directives/${directiveId}/reports`)
    .orderBy('lastChangedAt', 'desc')
    .limit(1)
    .select('lastChangedAt')
    .get();
  const at = snap.docs[0]?.get('lastChangedAt') as Timestamp | undefined;
  return at?.toDate();
}

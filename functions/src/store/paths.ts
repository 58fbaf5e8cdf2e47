/** Firestore paths of theodoi's documents, in one place (see docs/ARCHITECTURE.md for the data model). */

/** The directive document. */
export const directivePath = (directiveId: string) => `directives/${directiveId}`;
/** The id of a unit's report in one period: `<periodKey>~<unitCode>`. */
export const reportId = (periodKey: string, unitCode: string) => `${periodKey}~${unitCode}`;
/** A unit's latest report in one period. */
export const reportPath = (directiveId: string, periodKey: string, unitCode: string) =>
  `directives/${directiveId}/reports/${reportId(periodKey, unitCode)}`;
/** One version of a report; zero-padded so ids sort by version. */
export const versionPath = (directiveId: string, periodKey: string, unitCode: string, version: number) =>
  `${reportPath(directiveId, periodKey, unitCode)}/versions/${String(version).padStart(6, '0')}`;
/** One sync's snapshot. */
export const snapshotPath = (directiveId: string, syncId: string) =>
  `directives/${directiveId}/snapshots/${syncId}`;
/** A processed trigger delivery (idempotency). */
export const eventPath = (deliveryId: string) => `events/${deliveryId}`;

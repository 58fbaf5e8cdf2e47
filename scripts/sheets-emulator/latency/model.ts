/** The latency model of real Google: method groups, their distributions (README "Latency model" gives the sources). */
import { quotaKind } from '../quotas.js';

/** A group of calls that take about as long as each other on Google. */
export type LatencyGroup =
  | 'sheets.read'
  | 'sheets.write'
  | 'sheets.create'
  | 'drive.get'
  | 'drive.list'
  | 'drive.write'
  | 'drive.share'
  | 'drive.changes'
  | 'drive.watch'
  | 'oauth.token'
  | 'appsScript.triggerDelay'
  | 'appsScript.startup'
  | 'appsScript.urlFetch'
  | 'appsScript.propertiesRead'
  | 'appsScript.propertiesWrite'
  | 'appsScript.cacheGet'
  | 'appsScript.cachePut';

/** A log-normal delay (median and 95th percentile, ms), plus a cost per KiB of request and response bodies. */
export interface LatencyDistribution {
  medianMs: number;
  p95Ms: number;
  /** Added per KiB of request + response body, where reports show big calls are slower. */
  msPerKiB?: number;
}

/** A delay for every group. */
export type LatencyModel = Record<LatencyGroup, LatencyDistribution>;

/**
 * What public reports give for real Google, as a caller in a Google Cloud region sees it (README "Latency model":
 * each row's sources and how thin they are).
 */
export const GOOGLE_LATENCY: LatencyModel = {
  'sheets.read': { medianMs: 450, p95Ms: 1200, msPerKiB: 1 },
  'sheets.write': { medianMs: 800, p95Ms: 2000, msPerKiB: 2 },
  'sheets.create': { medianMs: 1500, p95Ms: 4000 },
  'drive.get': { medianMs: 250, p95Ms: 800 },
  'drive.list': { medianMs: 700, p95Ms: 3000 },
  'drive.write': { medianMs: 700, p95Ms: 2000 },
  'drive.share': { medianMs: 1500, p95Ms: 5000 },
  'drive.changes': { medianMs: 300, p95Ms: 1000 },
  'drive.watch': { medianMs: 400, p95Ms: 1200 },
  'oauth.token': { medianMs: 200, p95Ms: 800 },
  'appsScript.triggerDelay': { medianMs: 800, p95Ms: 2500 },
  'appsScript.startup': { medianMs: 300, p95Ms: 1000 },
  'appsScript.urlFetch': { medianMs: 200, p95Ms: 600 },
  'appsScript.propertiesRead': { medianMs: 28, p95Ms: 45 },
  'appsScript.propertiesWrite': { medianMs: 55, p95Ms: 120 },
  'appsScript.cacheGet': { medianMs: 3, p95Ms: 7 },
  'appsScript.cachePut': { medianMs: 90, p95Ms: 120 },
};

/** Every group, in the table's order. */
export const LATENCY_GROUPS = Object.keys(GOOGLE_LATENCY) as LatencyGroup[];

const DRIVE_GROUPS: Record<string, LatencyGroup> = {
  'drive.files.get': 'drive.get',
  'drive.permissions.get': 'drive.get',
  'drive.permissions.list': 'drive.get',
  'drive.drives.get': 'drive.get',
  'drive.drives.list': 'drive.list',
  'drive.files.list': 'drive.list',
  'drive.files.create': 'drive.write',
  'drive.files.copy': 'drive.write',
  'drive.files.update': 'drive.write',
  'drive.files.delete': 'drive.write',
  'drive.permissions.create': 'drive.share',
  'drive.permissions.update': 'drive.share',
  'drive.permissions.delete': 'drive.share',
  'drive.changes.list': 'drive.changes',
  'drive.changes.getStartPageToken': 'drive.changes',
  'drive.files.watch': 'drive.watch',
  'drive.changes.watch': 'drive.watch',
  'drive.channels.stop': 'drive.watch',
};

/** The group of a discovery method id; undefined for a method the model has no figure for. */
export function groupOfMethod(methodId: string): LatencyGroup | undefined {
  if (methodId === 'sheets.spreadsheets.create') return 'sheets.create';
  const kind = quotaKind(methodId);
  if (kind) return kind === 'read' ? 'sheets.read' : 'sheets.write';
  return DRIVE_GROUPS[methodId];
}

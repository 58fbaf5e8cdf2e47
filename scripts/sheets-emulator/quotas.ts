/** Google's per-minute Sheets request quotas (per user and per project) and their exact 429 bodies. */
import { VerbatimApiError } from './contract/errors.js';
import type { GoogleApiError } from './types.js';

/** Read or write, as the Sheets quota buckets count them. */
export type QuotaKind = 'read' | 'write';

/** The limits per minute; Google's documented values by default. */
export interface QuotaLimits {
  readPerUser: number;
  readPerProject: number;
  writePerUser: number;
  writePerProject: number;
}

/** Google's documented Sheets limits: 300/min/project and 60/min/user, reads and writes apart. */
export const GOOGLE_SHEETS_LIMITS: QuotaLimits = {
  readPerUser: 60,
  readPerProject: 300,
  writePerUser: 60,
  writePerProject: 300,
};

const READ_METHODS = new Set([
  'sheets.spreadsheets.get',
  'sheets.spreadsheets.getByDataFilter',
  'sheets.spreadsheets.developerMetadata.get',
  'sheets.spreadsheets.developerMetadata.search',
  'sheets.spreadsheets.values.get',
  'sheets.spreadsheets.values.batchGet',
  'sheets.spreadsheets.values.batchGetByDataFilter',
]);

/** Which Sheets bucket a method draws on (reads retrieve data; everything else writes); undefined for Drive. */
export function quotaKind(methodId: string): QuotaKind | undefined {
  if (!methodId.startsWith('sheets.')) return undefined;
  return READ_METHODS.has(methodId) ? 'read' : 'write';
}

/** The 429 Google sends when a Sheets quota is exhausted (body verbatim from real responses). */
export function sheetsQuotaError(
  kind: QuotaKind,
  scope: 'user' | 'project',
  projectNumber: string,
  limit: number,
  retryAfterSeconds?: number,
): GoogleApiError {
  const metric = kind === 'read' ? 'Read requests' : 'Write requests';
  const limitName = scope === 'user' ? `${metric} per minute per user` : `${metric} per minute`;
  const message =
    `Quota exceeded for quota metric '${metric}' and limit '${limitName}' of service ` +
    `'sheets.googleapis.com' for consumer 'project_number:${projectNumber}'.`;
  const camelKind = kind === 'read' ? 'Read' : 'Write';
  const body = {
    error: {
      code: 429,
      message,
      errors: [{ message, domain: 'global', reason: 'rateLimitExceeded' }],
      status: 'RESOURCE_EXHAUSTED',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'RATE_LIMIT_EXCEEDED',
          domain: 'googleapis.com',
          metadata: {
            service: 'sheets.googleapis.com',
            consumer: `projects/${projectNumber}`,
            quota_metric: `sheets.googleapis.com/${kind}_requests`,
            quota_limit: `${camelKind}RequestsPerMinutePer${scope === 'user' ? 'User' : 'Project'}`,
            quota_unit: scope === 'user' ? '1/min/{project}/{user}' : '1/min/{project}',
            quota_location: 'global',
            quota_limit_value: String(limit),
          },
        },
      ],
    },
  };
  const headers: Record<string, string> =
    retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) };
  return new VerbatimApiError(429, 'RESOURCE_EXHAUSTED', message, body, headers);
}

/** Drive's 429 (its own wording, from Drive's error guide). */
export function driveRateLimitError(retryAfterSeconds?: number): GoogleApiError {
  const message = 'Rate Limit Exceeded';
  const body = {
    error: { code: 429, message, errors: [{ domain: 'usageLimits', reason: 'rateLimitExceeded', message }] },
  };
  const headers: Record<string, string> =
    retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) };
  return new VerbatimApiError(429, 'RESOURCE_EXHAUSTED', message, body, headers);
}

/** The fullest one-minute bucket seen of one kind, and who filled it (per user). */
export interface QuotaPeak {
  perUser: number;
  /** The caller whose bucket was the fullest. */
  user: string | undefined;
  perProject: number;
}

/** What the buckets have held since the last reset: the peaks, and the requests refused with a 429. */
export interface QuotaUsage {
  read: QuotaPeak;
  write: QuotaPeak;
  /** 429s sent, by kind and the bucket that was full. */
  refused: Record<`${QuotaKind}:${'user' | 'project'}`, number>;
}

function noUsage(): QuotaUsage {
  return {
    read: { perUser: 0, user: undefined, perProject: 0 },
    write: { perUser: 0, user: undefined, perProject: 0 },
    refused: { 'read:user': 0, 'read:project': 0, 'write:user': 0, 'write:project': 0 },
  };
}

/** Fixed one-minute buckets per user and per project, refilled each minute as Google's are. */
export class QuotaTracker {
  private minute = -1;
  private readonly used = new Map<string, number>();
  private peaks = noUsage();

  constructor(
    private readonly limits: QuotaLimits,
    private readonly projectNumber: string,
  ) {}

  /** Counts one request, or throws the 429 when a bucket is full (a refused request is not counted). */
  charge(methodId: string, email: string, now: Date): void {
    const kind = quotaKind(methodId);
    if (!kind) return;
    const minute = Math.floor(now.getTime() / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.used.clear();
    }
    const retryAfter = Math.max(1, Math.ceil(((minute + 1) * 60_000 - now.getTime()) / 1000));
    const userKey = `${kind}:user:${email}`;
    const projectKey = `${kind}:project`;
    const userLimit = kind === 'read' ? this.limits.readPerUser : this.limits.writePerUser;
    const projectLimit = kind === 'read' ? this.limits.readPerProject : this.limits.writePerProject;
    if ((this.used.get(userKey) ?? 0) >= userLimit) {
      this.peaks.refused[`${kind}:user`] += 1;
      throw sheetsQuotaError(kind, 'user', this.projectNumber, userLimit, retryAfter);
    }
    if ((this.used.get(projectKey) ?? 0) >= projectLimit) {
      this.peaks.refused[`${kind}:project`] += 1;
      throw sheetsQuotaError(kind, 'project', this.projectNumber, projectLimit, retryAfter);
    }
    const perUser = (this.used.get(userKey) ?? 0) + 1;
    const perProject = (this.used.get(projectKey) ?? 0) + 1;
    this.used.set(userKey, perUser);
    this.used.set(projectKey, perProject);
    const peak = this.peaks[kind];
    if (perUser > peak.perUser) Object.assign(peak, { perUser, user: email });
    peak.perProject = Math.max(peak.perProject, perProject);
  }

  /** The fullest buckets and the 429s since the last reset (the bench's peak requests per minute). */
  usage(): QuotaUsage {
    return structuredClone(this.peaks);
  }

  /** Empties the buckets and forgets the peaks. */
  reset(): void {
    this.used.clear();
    this.peaks = noUsage();
  }
}

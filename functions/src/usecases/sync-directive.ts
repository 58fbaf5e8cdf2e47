/**
 * syncDirective: one read of the report tab, every row validated, changed reports stored with a new
 * version (Firestore first), then one write of the status cells that changed. Serialised per directive.
 */
import { randomUUID } from 'node:crypto';
import type { sheets_v4 } from '@googleapis/sheets';
import type { Firestore } from 'firebase-admin/firestore';
import { loadTemplate } from '../../../sheets-schema/registry.js';
import type { Clock } from '../clock.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import { vietnamDateOf } from '../domain/calendar/iso-date.js';
import { periodAt } from '../domain/periods/index.js';
import { reportRows, type ReadColumn } from '../domain/sync/report-rows.js';
import { duplicateWrites, planSync } from '../domain/sync/plan-sync.js';
import { createRowValidator, type RowStatus } from '../domain/validation/validate-row.js';
import { syncErrors as msg, validation as validationMessages } from '../messages.vi.js';
import type { GoogleClients } from '../sheets/clients.js';
import { readReportColumns } from '../sheets/read-report.js';
import { FIRST_UNIT_ROW, SYSTEM_KEYS } from '../sheets/report-layout.js';
import { statusRequests, statusText } from '../sheets/write-status.js';
import { getDirective, type DirectiveRecord } from '../store/directives.js';
import { commitSync, loadReports, type PeriodSync } from '../store/reports.js';
import { acquireSyncLease, releaseSyncLease } from '../store/sync-lease.js';
import { UserFacingError } from './errors.js';
import { writeStatusesAndSummary } from './sync-summary.js';

/** What a sync needs. */
export interface SyncDeps {
  db: Firestore;
  clients: GoogleClients;
  clock: Clock;
  calendar: WorkingCalendar;
}

/** One period tab's part of a sync. */
export interface PeriodOutcome {
  counts: Record<RowStatus, number>;
  changedUnits: number;
  statusCellsWritten: number;
}

/** What one sync did, for the caller, the logs and the snapshot. */
export interface SyncOutcome {
  directiveId: string;
  /** 'coalesced': another sync was running and will run again for this request. */
  result: 'synced' | 'coalesced';
  syncId: string;
  /** The period tab synced when one was asked for or only one exists; otherwise the period due now. */
  periodKey?: string;
  /** Counts of `periodKey`'s tab. */
  counts?: Record<RowStatus, number>;
  /** Per period tab read. */
  periods?: Record<string, PeriodOutcome>;
  /** Across every tab read. */
  changedUnits?: number;
  statusCellsWritten?: number;
  firestoreWrites?: number;
  /** Whether the Tổng hợp tab was rewritten in the same write. */
  summaryRewritten?: boolean;
  calls?: { sheetsReads: number; sheetsWrites: number };
  durationMs?: number;
  /** How many times the sync ran to absorb edits that arrived while it ran. */
  runs?: number;
}

/** Options of one sync request. */
export interface SyncRequest {
  directiveId: string;
  trigger: string;
  /** Read only this period's tab; by default every report tab of the directive, in the same one read. */
  periodKey?: string;
}

/** Syncs a directive, or leaves a mark for the sync already running to run again. */
export async function syncDirective(deps: SyncDeps, request: SyncRequest): Promise<SyncOutcome> {
  const syncId = `${deps.clock.now().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
  if (!(await acquireSyncLease(deps.db, request.directiveId, syncId, deps.clock.now()))) {
    return { directiveId: request.directiveId, result: 'coalesced', syncId };
  }
  let outcome: SyncOutcome | undefined;
  let runs = 0;
  try {
    do {
      runs += 1;
      outcome = mergeRuns(outcome, await syncOnce(deps, request, syncId, runs));
    } while (await releaseSyncLease(deps.db, request.directiveId, syncId, deps.clock.now()));
  } catch (error) {
    await releaseSyncLease(deps.db, request.directiveId, syncId, deps.clock.now()).catch(() => false);
    throw error;
  }
  return { ...outcome, runs };
}

async function syncOnce(
  deps: SyncDeps,
  request: SyncRequest,
  syncId: string,
  run: number,
): Promise<SyncOutcome> {
  const started = performance.now();
  const startedAt = deps.clock.now();
  const directive = await getDirective(deps.db, request.directiveId);
  if (!directive) throw new UserFacingError(msg.unknownDirective(request.directiveId), 'unknown-directive');
  if (request.periodKey && !directive.tabs[request.periodKey]) {
    throw new UserFacingError(msg.noTab(request.periodKey), 'no-tab');
  }
  const periodKeys = request.periodKey ? [request.periodKey] : Object.keys(directive.tabs).sort();
  const template = loadTemplate(directive.template);
  const inputs = template.columns.map((c) => c.key);
  const keys = [SYSTEM_KEYS.code, ...inputs, SYSTEM_KEYS.status, SYSTEM_KEYS.updatedAt];
  const [read, stored] = await Promise.all([
    readReportColumns(deps.clients, directive.spreadsheetId, periodKeys, keys),
    loadReports(deps.db, directive.id, periodKeys),
  ]);
  const validator = createRowValidator(template, {
    referenceYear: Number(vietnamDateOf(startedAt).slice(0, 4)),
  });

  const periods: PeriodSync[] = [];
  const requests: sheets_v4.Schema$Request[] = [];
  for (const periodKey of periodKeys) {
    const tab = directive.tabs[periodKey]!;
    const columns = read.get(periodKey)?.columns ?? new Map<string, ReadColumn>();
    if (columns.size === 0) throw new UserFacingError(msg.tabMissing(tab.title), 'tab-missing');
    if (!columns.has(SYSTEM_KEYS.code) || !columns.has(SYSTEM_KEYS.status)) {
      throw new UserFacingError(msg.systemColumnMissing(tab.title), 'column-missing');
    }
    const { rows, duplicates } = reportRows(
      columns,
      { code: SYSTEM_KEYS.code, status: SYSTEM_KEYS.status, inputs },
      FIRST_UNIT_ROW,
    );
    const storedHere = stored.get(periodKey) ?? new Map();
    const plan = planSync(rows, storedHere, validator, statusText);
    periods.push({ periodKey, plan, stored: storedHere });
    requests.push(
      ...statusRequests(
        [
          ...plan.statusWrites,
          ...duplicateWrites(duplicates, rows, statusText, validationMessages.duplicateUnit),
        ],
        {
          sheetId: tab.sheetId,
          columnOf: new Map([...columns].map(([key, c]) => [key, c.columnIndex])),
          statusKey: SYSTEM_KEYS.status,
          updatedAtKey: SYSTEM_KEYS.updatedAt,
        },
        startedAt,
      ),
    );
  }
  const headline =
    request.periodKey ??
    (periodKeys.length === 1 ? periodKeys[0]! : currentPeriodKey(directive, startedAt, deps.calendar));
  const calls = { sheetsReads: 1, sheetsWrites: requests.length > 0 ? 1 : 0 };
  const runId = run === 1 ? syncId : `${syncId}-${run}`;
  // Store first: nothing is shown to an officer as accepted that Firestore does not hold.
  const firestoreWrites = await commitSync(
    deps.db,
    directive.id,
    periods,
    {
      syncId: runId,
      trigger: request.trigger,
      startedAt,
      durationMs: Math.round(performance.now() - started),
      calls,
    },
    deps.clock.now(),
  );
  const written = await writeStatusesAndSummary(deps, directive, headline, requests, startedAt);
  calls.sheetsWrites = written.sheetsWrites;

  const byPeriod = Object.fromEntries(
    periods.map(({ periodKey, plan }) => [
      periodKey,
      {
        counts: plan.counts,
        changedUnits: plan.changes.length,
        statusCellsWritten: plan.statusWrites.length,
      },
    ]),
  );
  return {
    directiveId: directive.id,
    result: 'synced',
    syncId: runId,
    periodKey: headline,
    ...(byPeriod[headline] ? { counts: byPeriod[headline].counts } : {}),
    periods: byPeriod,
    changedUnits: periods.reduce((n, p) => n + p.plan.changes.length, 0),
    statusCellsWritten: periods.reduce((n, p) => n + p.plan.statusWrites.length, 0),
    firestoreWrites: firestoreWrites + written.firestoreWrites,
    summaryRewritten: written.summary,
    calls,
    durationMs: Math.round(performance.now() - started),
  };
}

/** One outcome for runs made under one lease: the latest run's state, the work of all of them added up. */
function mergeRuns(before: SyncOutcome | undefined, latest: SyncOutcome): SyncOutcome {
  if (!before) return latest;
  const add = (a?: number, b?: number) => (a ?? 0) + (b ?? 0);
  return {
    ...latest,
    changedUnits: add(before.changedUnits, latest.changedUnits),
    statusCellsWritten: add(before.statusCellsWritten, latest.statusCellsWritten),
    firestoreWrites: add(before.firestoreWrites, latest.firestoreWrites),
    calls: {
      sheetsReads: add(before.calls?.sheetsReads, latest.calls?.sheetsReads),
      sheetsWrites: add(before.calls?.sheetsWrites, latest.calls?.sheetsWrites),
    },
    summaryRewritten: Boolean(before.summaryRewritten || latest.summaryRewritten),
    durationMs: add(before.durationMs, latest.durationMs),
  };
}

/** The period due now, or the latest tab when the schedule has no period open now. */
function currentPeriodKey(directive: DirectiveRecord, now: Date, calendar: WorkingCalendar): string {
  const due = periodAt(directive.schedule, now, calendar);
  if (due && directive.tabs[due.key]) return due.key;
  const keys = Object.keys(directive.tabs).sort();
  const latest = keys.at(-1);
  if (!latest) throw new UserFacingError(msg.noTab('—'), 'no-tab');
  return latest;
}

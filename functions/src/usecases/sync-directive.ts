/**
 * syncDirective: one read of the report tab, every row validated, changed reports stored with a new
 * version (Firestore first), then one write of the status cells that changed. Serialised per directive.
 * A report tab deleted by hand is recreated from the template and refilled from Firestore in that same write;
 * a renamed one is followed; a spreadsheet theodoi can no longer open marks the directive until it can again.
 */
import { randomUUID } from 'node:crypto';
import type { sheets_v4 } from '@googleapis/sheets';
import type { Firestore } from 'firebase-admin/firestore';
import { loadTemplate } from '../../../sheets-schema/registry.js';
import type { Clock } from '../clock.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import { vietnamDateOf } from '../domain/calendar/iso-date.js';
import { periodAt } from '../domain/periods/index.js';
import { duplicateWrites, planSync } from '../domain/sync/plan-sync.js';
import { createRowValidator, type RowStatus } from '../domain/validation/validate-row.js';
import { syncErrors as msg, validation as validationMessages } from '../messages.vi.js';
import type { GoogleClients } from '../sheets/clients.js';
import { readReportColumns } from '../sheets/read-report.js';
import { restoredStatusRequests } from '../sheets/recreate-tab-plan.js';
import { SYSTEM_KEYS } from '../sheets/report-layout.js';
import { statusRequests, statusText } from '../sheets/write-status.js';
import { beforeDeadline, FIRESTORE_TIMEOUT_MS } from '../store/deadline.js';
import { getDirective, recordTabs, type DirectiveRecord } from '../store/directives.js';
import { raiseNotices } from '../store/notices.js';
import { commitSync, loadReports, type PeriodSync, type StoredReport } from '../store/reports.js';
import { acquireSyncLease, releaseSyncLease } from '../store/sync-lease.js';
import { UserFacingError } from './errors.js';
import {
  planTabRecreation,
  recreatedTabRecords,
  recreatedTabsOutcome,
  recreationNotices,
  type RecreatedTab,
  type RecreatedTabOutcome,
} from './recreate-tabs.js';
import { noteAccessLost, noteAccessRestored } from './spreadsheet-access.js';
import type { SyncEvents } from './sync-events.js';
import { readSource, recreatedSource, renamedTabs } from './sync-tabs.js';
import { writeStatusesAndSummary } from './sync-summary.js';

/** What a sync needs. */
export interface SyncDeps {
  db: Firestore;
  clients: GoogleClients;
  clock: Clock;
  calendar: WorkingCalendar;
  /** Theodoi's account: recreates a deleted report tab with its protections, and is named in access errors. */
  serviceAccount?: string;
  /** Named events for the logs (tab recreated, access lost or restored). */
  events?: Partial<SyncEvents>;
  /** How long one Firestore step may take before the sync fails; FIRESTORE_TIMEOUT_MS by default. */
  firestoreTimeoutMs?: number;
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
  /** Report tabs deleted by hand and recreated by this sync, refilled with the stored cells. */
  recreatedTabs?: RecreatedTabOutcome[];
  /** Period keys whose tab was renamed by hand; the directive's record now has the new title. */
  renamedTabs?: string[];
  /** Whether this sync cleared the directive's lost-access mark. */
  accessRestored?: boolean;
  /** What the coordinator should know, in Vietnamese (a tab recreated). */
  notices?: string[];
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
  const store = firestoreStep(deps);
  const release = () =>
    store(releaseSyncLease(deps.db, request.directiveId, syncId, deps.clock.now()), 'releasing the lease');
  const leased = acquireSyncLease(deps.db, request.directiveId, syncId, deps.clock.now());
  if (!(await store(leased, 'taking the lease'))) {
    return { directiveId: request.directiveId, result: 'coalesced', syncId };
  }
  let outcome: SyncOutcome | undefined;
  let runs = 0;
  try {
    do {
      runs += 1;
      outcome = mergeRuns(outcome, await syncOnce(deps, request, syncId, runs));
    } while (await release());
  } catch (error) {
    await release().catch(() => false);
    throw error;
  }
  return { ...outcome, runs };
}

/** Runs a Firestore step under the sync's deadline: a Firestore that does not answer fails the sync clearly. */
function firestoreStep(deps: SyncDeps) {
  return <T>(work: Promise<T>, step: string) =>
    beforeDeadline(work, deps.firestoreTimeoutMs ?? FIRESTORE_TIMEOUT_MS, step);
}

async function syncOnce(
  deps: SyncDeps,
  request: SyncRequest,
  syncId: string,
  run: number,
): Promise<SyncOutcome> {
  const directive = await firestoreStep(deps)(
    getDirective(deps.db, request.directiveId),
    'reading the directive',
  );
  if (!directive) throw new UserFacingError(msg.unknownDirective(request.directiveId), 'unknown-directive');
  try {
    return await syncSpreadsheet(deps, request, directive, syncId, run);
  } catch (error) {
    throw (await noteAccessLost(deps, directive, error, deps.clock.now())) ?? error;
  }
}

async function syncSpreadsheet(
  deps: SyncDeps,
  request: SyncRequest,
  directive: DirectiveRecord,
  syncId: string,
  run: number,
): Promise<SyncOutcome> {
  const started = performance.now();
  const startedAt = deps.clock.now();
  const store = firestoreStep(deps);
  if (request.periodKey && !directive.tabs[request.periodKey]) {
    throw new UserFacingError(msg.noTab(request.periodKey), 'no-tab');
  }
  const periodKeys = request.periodKey ? [request.periodKey] : Object.keys(directive.tabs).sort();
  const template = loadTemplate(directive.template);
  const inputs = template.columns.map((c) => c.key);
  const keys = [SYSTEM_KEYS.code, ...inputs, SYSTEM_KEYS.status, SYSTEM_KEYS.updatedAt];
  const [read, stored] = await Promise.all([
    readReportColumns(deps.clients, directive.spreadsheetId, periodKeys, keys),
    store(loadReports(deps.db, directive.id, periodKeys), 'reading the stored reports'),
  ]);
  // No column of a recorded tab read: deleted by hand. It is planned anew, filled with what Firestore holds.
  const gone = periodKeys.filter((key) => (read.get(key)?.columns.size ?? 0) === 0);
  const recreated =
    gone.length > 0
      ? await planTabRecreation(deps, directive, template, gone, startedAt)
      : new Map<string, RecreatedTab>();
  const validator = createRowValidator(template, {
    referenceYear: Number(vietnamDateOf(startedAt).slice(0, 4)),
  });

  const periods: PeriodSync[] = [];
  const requests: sheets_v4.Schema$Request[] = [];
  for (const periodKey of periodKeys) {
    const recreation = recreated.get(periodKey);
    const source = recreation
      ? recreatedSource(recreation)
      : readSource(directive.tabs[periodKey]!, read.get(periodKey), inputs);
    const storedHere = stored.get(periodKey) ?? new Map<string, StoredReport>();
    const plan = planSync(source.rows, storedHere, validator, statusText);
    periods.push({ periodKey, plan, stored: storedHere });
    const writes = [
      ...plan.statusWrites,
      ...duplicateWrites(source.duplicates, source.rows, statusText, validationMessages.duplicateUnit),
    ];
    const target = {
      sheetId: source.sheetId,
      columnOf: source.columnOf,
      statusKey: SYSTEM_KEYS.status,
      updatedAtKey: SYSTEM_KEYS.updatedAt,
    };
    requests.push(
      ...(recreation
        ? [
            ...recreation.plan.requests,
            ...restoredStatusRequests(writes, target, (u) => storedHere.get(u)?.lastChangedAt, startedAt),
          ]
        : statusRequests(writes, target, startedAt)),
    );
  }
  const headline =
    request.periodKey ??
    (periodKeys.length === 1 ? periodKeys[0]! : currentPeriodKey(directive, startedAt, deps.calendar));
  const calls = {
    sheetsReads: gone.length > 0 ? 2 : 1,
    sheetsWrites: requests.length > 0 ? 1 : 0,
  };
  const runId = run === 1 ? syncId : `${syncId}-${run}`;
  // Store first: nothing is shown to an officer as accepted that Firestore does not hold.
  const firestoreWrites = await store(
    commitSync(
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
    ),
    'storing the reports (nothing was written to the sheet)',
  );
  // A recreated tab is recorded before it is added: if the write fails, the next sync finds it missing again.
  const renamed = renamedTabs(directive, read);
  const tabWrites = await store(
    recordTabs(deps.db, directive.id, { ...renamed, ...recreatedTabRecords(recreated) }, deps.clock.now()),
    'recording the tabs',
  );
  const written = await writeStatusesAndSummary(deps, directive, headline, requests, startedAt);
  calls.sheetsWrites = written.sheetsWrites;
  const notices = recreationNotices(directive, recreated.values(), startedAt);
  const noticeWrites = await store(
    raiseNotices(deps.db, directive.id, notices, deps.clock.now()),
    'recording the notices',
  );
  const recreatedTabs = recreatedTabsOutcome(recreated);
  for (const { periodKey, sheetId, previousSheetId, refilledUnits } of recreatedTabs) {
    deps.events?.reportTabRecreated?.({
      directiveId: directive.id,
      periodKey,
      sheetId,
      previousSheetId,
      refilledUnits,
    });
  }
  const accessRestored = await noteAccessRestored(deps, directive);

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
    firestoreWrites:
      firestoreWrites + tabWrites + written.firestoreWrites + noticeWrites + (accessRestored ? 1 : 0),
    summaryRewritten: written.summary,
    calls,
    durationMs: Math.round(performance.now() - started),
    ...(recreatedTabs.length > 0 ? { recreatedTabs, notices: notices.map((n) => n.message) } : {}),
    ...(Object.keys(renamed).length > 0 ? { renamedTabs: Object.keys(renamed) } : {}),
    ...(accessRestored ? { accessRestored } : {}),
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
    ...joined({
      recreatedTabs: [...(before.recreatedTabs ?? []), ...(latest.recreatedTabs ?? [])],
      renamedTabs: [...new Set([...(before.renamedTabs ?? []), ...(latest.renamedTabs ?? [])])],
      notices: [...(before.notices ?? []), ...(latest.notices ?? [])],
    }),
    ...(before.accessRestored || latest.accessRestored ? { accessRestored: true } : {}),
  };
}

/** The lists that have entries (an outcome leaves out empty ones). */
function joined(
  lists: Required<Pick<SyncOutcome, 'recreatedTabs' | 'renamedTabs' | 'notices'>>,
): Partial<SyncOutcome> {
  return Object.fromEntries(Object.entries(lists).filter(([, list]) => list.length > 0));
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

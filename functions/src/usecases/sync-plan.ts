/**
 * The first half of a sync: one read of the report tabs, every row validated and planned, the changed reports
 * stored (Firestore first). It returns only what the write and the outcome need, so the rows, plans and stored
 * reports it held are garbage once it returns (a 5,000-unit sync holds tens of MiB of them).
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { Firestore } from 'firebase-admin/firestore';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import type { Clock } from '../clock.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import { vietnamDateOf } from '../domain/calendar/iso-date.js';
import { syncedDeadlineCells } from '../domain/deadlines/synced-cells.js';
import { periodAt, periodOf } from '../domain/periods/index.js';
import { duplicateWrites, planSync } from '../domain/sync/plan-sync.js';
import { createRowValidator, type RowStatus } from '../domain/validation/validate-row.js';
import { syncErrors as msg, validation as validationMessages } from '../messages.vi.js';
import type { GoogleClients } from '../sheets/api/clients.js';
import { readReportColumns, type ReadReport } from '../sheets/api/read-columns.js';
import { deadlineRequests } from '../sheets/layout/deadline-cells.js';
import { FIRST_UNIT_ROW, SYSTEM_KEYS } from '../sheets/layout/report-tab.js';
import { statusRequests, statusText } from '../sheets/layout/status-cells.js';
import { firestoreStep } from '../store/deadline.js';
import type { DirectiveRecord } from '../store/directives.js';
import { commitSync, loadReports, type PeriodSync, type StoredReport } from '../store/reports.js';
import { UserFacingError } from './errors.js';
import type { RecreatedTab } from './recreate-tabs.js';
import { renamedTabs, syncSources } from './sync-sources.js';

/** What reading, planning and storing need. */
export interface PlanDeps {
  db: Firestore;
  clients: GoogleClients;
  clock: Clock;
  calendar: WorkingCalendar;
  /** The account theodoi acts as: recreates a deleted report tab with its protections. */
  actingAccount?: string;
  /** How long one Firestore step may take before the sync fails; FIRESTORE_TIMEOUT_MS by default. */
  firestoreTimeoutMs?: number;
  /** Working days before a deadline that count as "sắp đến hạn", as the deadline check counts them. */
  dueSoonWorkingDays?: number;
}

/** What the sync was asked for: why it runs, and which period's tab (every report tab by default). */
export interface PlanRequest {
  trigger: string;
  /** Read only this period's tab; by default every report tab of the directive, in the same one read. */
  periodKey?: string;
}

/** One period tab's part of a sync. */
export interface PeriodOutcome {
  counts: Record<RowStatus, number>;
  changedUnits: number;
  statusCellsWritten: number;
}

/** What the rest of the sync needs once the reports are stored. */
export interface StoredSync {
  /** The period the outcome and the summary are about. */
  headline: string;
  /** The status writes (and recreated tabs), for the one batchUpdate. */
  requests: sheets_v4.Schema$Request[];
  /** The snapshot's Sheets calls; `sheetsWrites` is updated by the caller once it has written. */
  calls: { sheetsReads: number; sheetsWrites: number };
  recreated: Map<string, RecreatedTab>;
  /** Tabs renamed by hand, with the title they have now. */
  renamed: Record<string, { sheetId: number; title: string }>;
  tally: { byPeriod: Record<string, PeriodOutcome>; changedUnits: number; statusCellsWritten: number };
  /** Documents written by commitSync. */
  firestoreWrites: number;
}

/** When this run started, and its id in the snapshot. */
export interface RunInfo {
  runId: string;
  /** performance.now() at the start. */
  started: number;
  startedAt: Date;
}

/** Reads the tabs, plans every row and stores the changed reports; nothing is written to the sheet. */
export async function readPlanAndStore(
  deps: PlanDeps,
  request: PlanRequest,
  directive: DirectiveRecord,
  { runId, started, startedAt }: RunInfo,
): Promise<StoredSync> {
  const store = firestoreStep(deps);
  if (request.periodKey && !directive.tabs[request.periodKey]) {
    throw new UserFacingError(msg.noTab(request.periodKey), 'no-tab');
  }
  const periodKeys = request.periodKey ? [request.periodKey] : Object.keys(directive.tabs).sort();
  const template = loadTemplate(directive.template);
  const keys = [
    SYSTEM_KEYS.code,
    ...template.columns.map((c) => c.key),
    SYSTEM_KEYS.status,
    SYSTEM_KEYS.deadline,
    SYSTEM_KEYS.updatedAt,
  ];
  const [read, stored] = await Promise.all([
    readReportColumns(deps.clients, directive.spreadsheetId, periodKeys, keys),
    store(loadReports(deps.db, directive.id, periodKeys), 'reading the stored reports'),
  ]);
  // A tab deleted by hand is recovered first and comes back as a source like the others.
  const { sources, recreated, sheetsReads } = await syncSources(
    deps,
    directive,
    template,
    read,
    stored,
    startedAt,
  );
  const validator = createRowValidator(template, {
    referenceYear: Number(vietnamDateOf(startedAt).slice(0, 4)),
  });

  const periods: PeriodSync[] = [];
  const requests: sheets_v4.Schema$Request[] = [];
  for (const source of sources) {
    const storedHere = stored.get(source.periodKey) ?? new Map<string, StoredReport>();
    const plan = planSync(source.rows, storedHere, validator, statusText);
    periods.push({ periodKey: source.periodKey, plan, stored: storedHere });
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
    requests.push(...source.prelude, ...statusRequests(writes, target, startedAt, source.stampedAt));
  }
  const storedAt = deps.clock.now();
  requests.push(...deadlineCellRequests(deps, directive, periods, read, storedAt));
  const headline =
    request.periodKey ??
    (periodKeys.length === 1 ? periodKeys[0]! : currentPeriodKey(directive, startedAt, deps.calendar));
  const calls = { sheetsReads: 1 + sheetsReads, sheetsWrites: requests.length > 0 ? 1 : 0 };
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
      storedAt,
    ),
    'storing the reports (nothing was written to the sheet)',
  );
  return {
    headline,
    requests,
    calls,
    recreated,
    renamed: renamedTabs(directive, read),
    tally: tallyOf(periods),
    firestoreWrites,
  };
}

/**
 * The "Tình hình báo cáo" cells of the reports this sync changes, as the morning check will write them from what
 * is stored at `storedAt`, so a row never says "✔ Đã tiếp nhận" beside "Quá hạn chưa báo cáo". A recreated tab
 * (nothing read) already has its whole column in its prelude.
 */
function deadlineCellRequests(
  deps: Pick<PlanDeps, 'calendar' | 'dueSoonWorkingDays'>,
  directive: DirectiveRecord,
  periods: readonly PeriodSync[],
  read: ReadonlyMap<string, ReadReport>,
  storedAt: Date,
): sheets_v4.Schema$Request[] {
  const recipients = new Set(directive.recipients);
  return periods.flatMap(({ periodKey, plan, stored }) => {
    const columns = read.get(periodKey)?.columns;
    const code = columns?.get(SYSTEM_KEYS.code);
    const deadline = columns?.get(SYSTEM_KEYS.deadline);
    if (!code || !deadline || plan.changes.length === 0) return [];
    const cells = syncedDeadlineCells({
      period: periodOf(directive.schedule, periodKey, deps.calendar),
      storedAt,
      calendar: deps.calendar,
      ...(deps.dueSoonWorkingDays === undefined ? {} : { dueSoonWorkingDays: deps.dueSoonWorkingDays }),
      recipients,
      changes: plan.changes,
      before: stored,
      codeCells: code.cells,
      deadlineCells: deadline.cells,
      firstRow: FIRST_UNIT_ROW,
      extensions: directive.extensions,
    });
    return deadlineRequests(directive.tabs[periodKey]!.sheetId, deadline.columnIndex, cells);
  });
}

/** Per period and in all: verdict counts, changed units and status cells written. */
function tallyOf(periods: readonly PeriodSync[]): StoredSync['tally'] {
  return {
    byPeriod: Object.fromEntries(
      periods.map(({ periodKey, plan }) => [
        periodKey,
        {
          counts: plan.counts,
          changedUnits: plan.changes.length,
          statusCellsWritten: plan.statusWrites.length,
        },
      ]),
    ),
    changedUnits: periods.reduce((n, p) => n + p.plan.changes.length, 0),
    statusCellsWritten: periods.reduce((n, p) => n + p.plan.statusWrites.length, 0),
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

/**
 * The first half of a sync: one read of the report tabs, every row validated and planned, the changed reports
 * stored (Firestore first). It returns only what the write and the outcome need, so the rows, plans and stored
 * reports it held are garbage once it returns (a 5,000-unit sync holds tens of MiB of them).
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { Firestore } from 'firebase-admin/firestore';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import type { Template } from '@theodoi/sheets-schema/template-format';
import type { Clock } from '../clock.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import { vietnamDateOf } from '../domain/calendar/iso-date.js';
import { syncedDeadlineCells } from '../domain/deadlines/synced-cells.js';
import { periodAt, periodOf } from '../domain/periods/index.js';
import { sourceOfTrigger, type SyncSource } from '../domain/sync/attribution.js';
import { planSync, withRowsNotStored, type ReportChange } from '../domain/sync/plan-sync.js';
import { staleTaskCells } from '../domain/tasks/task-cells.js';
import { directivePeriodOf, isTaskDirective, taskRowsOf } from '../domain/tasks/task-rows.js';
import { responsibleUnits, taskRowKey, type TaskRole } from '../domain/tasks/task.js';
import type { CellValue } from '../domain/values/cell.js';
import { createRowValidator, type RowError, type RowStatus } from '../domain/validation/validate-row.js';
import { syncErrors as msg, validation as validationMessages } from '../messages.vi.js';
import type { GoogleClients } from '../sheets/api/clients.js';
import { readReportTabs } from '../sheets/api/read-report-tabs.js';
import { deadlineRequests } from '../sheets/layout/deadline-cells.js';
import { FIRST_UNIT_ROW, SYSTEM_KEYS } from '../sheets/layout/report-tab.js';
import { statusRequests, statusText } from '../sheets/layout/status-cells.js';
import { commitSync, type PeriodSync, type UnstorableRow } from '../store/commit-sync.js';
import { firestoreStep } from '../store/deadline.js';
import type { DirectiveRecord, TabRecord } from '../store/directives.js';
import { loadReports, type StoredReport } from '../store/reports.js';
import { UserFacingError } from './errors.js';
import type { RecreatedTab } from './recreate-tabs.js';
import { editorsOf } from './sync-editors.js';
import { syncSources, type TabSource } from './sync-sources.js';

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

/** What the sync was asked for: why it runs, which period's tab (every report tab by default), and by whom. */
export interface PlanRequest {
  trigger: string;
  /** Read only this period's tab; by default every report tab of the directive, in the same one read. */
  periodKey?: string;
  /** How the sync was asked for, when the trigger string does not say it. */
  source?: SyncSource;
  /** The verified identity of whoever asked (a trigger's ID token e-mail, a coordinator). */
  by?: string;
  /** Who Drive says edited the spreadsheet last, when the caller knows it (the sweep reads it with the changes). */
  editor?: string;
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
  /** The status writes (and recreated tabs, and layout repairs), for the one batchUpdate. */
  requests: sheets_v4.Schema$Request[];
  /** The snapshot's Sheets calls; `sheetsWrites` is updated by the caller once it has written. */
  calls: { sheetsReads: number; sheetsWrites: number; driveReads: number };
  recreated: Map<string, RecreatedTab>;
  /** Tabs whose record changes (renamed, columns moved, rows sorted, a layout recorded the first time). */
  records: Record<string, TabRecord>;
  /** Period keys of the tabs renamed by hand. */
  renamed: string[];
  tally: { byPeriod: Record<string, PeriodOutcome>; changedUnits: number; statusCellsWritten: number };
  /** Documents written by commitSync. */
  firestoreWrites: number;
  /** Rows Firestore could not store, and what the coordinator should know (Vietnamese). */
  notStored: (UnstorableRow & { title: string })[];
  problems: string[];
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
  const [tabs, stored] = await Promise.all([
    readReportTabs(deps.clients, directive.spreadsheetId, { periodKeys }),
    store(loadReports(deps.db, directive.id, periodKeys), 'reading the stored reports'),
  ]);
  // A tab deleted by hand is recovered first and comes back as a source like the others.
  const { sources, recreated, sheetsReads, problems } = await syncSources(
    deps,
    directive,
    template,
    tabs,
    periodKeys,
    stored,
    startedAt,
  );
  const validator = createRowValidator(template, {
    referenceYear: Number(vietnamDateOf(startedAt).slice(0, 4)),
  });
  const roles = taskRoles(directive);
  let periods: PeriodSync[] = sources.map((source) => {
    const storedHere = stored.get(source.periodKey) ?? new Map<string, StoredReport>();
    return {
      periodKey: source.periodKey,
      plan: planSync(source.rows, storedHere, validator, statusText),
      stored: storedHere,
      ...(roles ? { roles } : {}),
    };
  });
  const changed = periods.some((p) => p.plan.changes.length > 0);
  const editors = changed ? await editorsOf(deps, directive, request, periods) : undefined;
  const source = request.source ?? sourceOfTrigger(request.trigger);
  // The snapshot is written with the reports: whether the sheet will be written is what the plan says now.
  const willWrite = sources.some((s, i) => s.prelude.length > 0 || periods[i]!.plan.statusWrites.length > 0);
  const calls = {
    sheetsReads: 1 + sheetsReads,
    sheetsWrites: willWrite ? 1 : 0,
    driveReads: editors?.driveReads ?? 0,
  };
  const storedAt = deps.clock.now();
  // Store first: nothing is shown to an officer as accepted that Firestore does not hold.
  const committed = await store(
    commitSync(
      deps.db,
      directive.id,
      periods,
      {
        syncId: runId,
        trigger: request.trigger,
        startedAt,
        durationMs: Math.round(performance.now() - started),
        calls: { sheetsReads: calls.sheetsReads, sheetsWrites: calls.sheetsWrites },
        attribution: {
          source,
          ...(request.by ? { requestedBy: request.by } : {}),
          ...(editors ? { editorOf: editors.editorOf } : {}),
        },
      },
      storedAt,
    ),
    'storing the reports (nothing was written to the sheet)',
  );
  periods = periods.map((p, i) => ({
    ...p,
    plan: withRowsNotStored(
      p.plan,
      sources[i]!.rows,
      refusalsOf(committed.unstorable, p.periodKey, template),
      statusText,
    ),
  }));
  const requests = [
    ...sources.flatMap((source, i) => writeRequests(source, periods[i]!, startedAt)),
    ...deadlineCellRequests(deps, directive, sources, periods, committed.unstorable, storedAt),
  ];
  calls.sheetsWrites = requests.length > 0 ? 1 : 0;
  const headline =
    request.periodKey ??
    (periodKeys.length === 1 ? periodKeys[0]! : currentPeriodKey(directive, startedAt, deps.calendar));
  const titleOf = new Map(sources.map((s) => [s.periodKey, s.title]));
  return {
    headline,
    requests,
    calls,
    recreated,
    records: Object.fromEntries(sources.flatMap((s) => (s.record ? [[s.periodKey, s.record]] : []))),
    renamed: sources
      .filter((s) => directive.tabs[s.periodKey] && s.title !== directive.tabs[s.periodKey]!.title)
      .filter((s) => !recreated.has(s.periodKey))
      .map((s) => s.periodKey),
    tally: tallyOf(periods),
    firestoreWrites: committed.written,
    notStored: committed.unstorable.map((u) => ({ ...u, title: titleOf.get(u.periodKey) ?? u.periodKey })),
    problems,
  };
}

/** A source's requests: what comes first (a recreated tab, layout repairs), then its status cells. */
function writeRequests(source: TabSource, { plan }: PeriodSync, now: Date): sheets_v4.Schema$Request[] {
  const target = {
    sheetId: source.sheetId,
    columnOf: source.columnOf,
    statusKey: SYSTEM_KEYS.status,
    updatedAtKey: SYSTEM_KEYS.updatedAt,
  };
  return [...source.prelude, ...statusRequests(plan.statusWrites, target, now, source.stampedAt)];
}

/**
 * The "Tình hình báo cáo" cells of the reports this sync stored, as the morning check will write them from what is
 * stored at `storedAt`, so a row never says "✔ Đã tiếp nhận" beside "Quá hạn chưa báo cáo". Each unit's cell is
 * on its own row (found by its marker); a recreated tab (nothing read) already has its whole column in its prelude.
 */
function deadlineCellRequests(
  deps: Pick<PlanDeps, 'calendar' | 'dueSoonWorkingDays'>,
  directive: DirectiveRecord,
  sources: readonly TabSource[],
  periods: readonly PeriodSync[],
  unstorable: readonly UnstorableRow[],
  storedAt: Date,
): sheets_v4.Schema$Request[] {
  const recipients = new Set(directive.recipients);
  return sources.flatMap((source, i) => {
    const { periodKey, plan, stored } = periods[i]!;
    const shown = source.deadlineShown;
    const refused = new Set(unstorable.filter((u) => u.periodKey === periodKey).map((u) => u.unitCode));
    const changes = plan.changes.filter((c) => !refused.has(c.unitCode));
    if (!shown || changes.length === 0) return [];
    if (isTaskDirective(directive)) {
      const cells = syncedTaskCells(deps.calendar, directive, source, changes, stored, storedAt);
      return deadlineRequests(source.sheetId, shown.columnIndex, cells);
    }
    // The code and deadline columns as the unit rows are: each unit's code on its own row, whatever the cell shows.
    const codeCells: CellValue[] = [];
    const deadlineCells: CellValue[] = [];
    for (const row of source.rows) {
      codeCells[row.rowIndex] = row.unitCode;
      deadlineCells[row.rowIndex] = shown.textAt(row.rowIndex);
    }
    const cells = syncedDeadlineCells({
      period: periodOf(directive.schedule, periodKey, deps.calendar),
      storedAt,
      calendar: deps.calendar,
      ...(deps.dueSoonWorkingDays === undefined ? {} : { dueSoonWorkingDays: deps.dueSoonWorkingDays }),
      recipients,
      changes,
      before: stored,
      codeCells,
      deadlineCells,
      firstRow: FIRST_UNIT_ROW,
      extensions: directive.extensions,
    });
    return deadlineRequests(source.sheetId, shown.columnIndex, cells);
  });
}

/** Each task row's role (lead/support) by row key, for a directive of tasks. */
function taskRoles(directive: DirectiveRecord): Map<string, TaskRole> | undefined {
  if (!isTaskDirective(directive)) return undefined;
  const roles = new Map<string, TaskRole>();
  for (const task of directive.tasks ?? [])
    for (const { unitCode, role } of responsibleUnits(task)) roles.set(taskRowKey(unitCode, task.id), role);
  return roles;
}

/**
 * The "Tình trạng nhiệm vụ" cells of the task rows this sync stored, from their progress as now accepted (a refused
 * change keeps what was accepted before), in the sync's one write: a row completed on time reads so at once.
 */
function syncedTaskCells(
  calendar: WorkingCalendar,
  directive: DirectiveRecord,
  source: TabSource,
  changes: readonly ReportChange[],
  stored: ReadonlyMap<string, StoredReport>,
  storedAt: Date,
) {
  const period = directivePeriodOf(directive, source.periodKey, calendar);
  const changed = new Map(changes.map((c) => [c.unitCode, c]));
  const rowIndex = new Map(source.rows.map((r) => [r.unitCode, r.rowIndex]));
  return staleTaskCells({
    period,
    rows: taskRowsOf(directive, period, calendar).filter((r) => changed.has(r.key)),
    rowIndexOf: (key) => rowIndex.get(key),
    shownAt: (row) => source.deadlineShown?.textAt(row),
    acceptedOf: (key) => {
      const change = changed.get(key)!;
      return change.status === 'valid' ? change.values : stored.get(key)?.acceptedValues;
    },
    now: storedAt,
    calendar,
    extensions: directive.extensions,
  });
}

/** The refusal each row Firestore could not store gets, naming its longest cell, by unit code. */
function refusalsOf(
  unstorable: readonly UnstorableRow[],
  periodKey: string,
  template: Template,
): Map<string, RowError> {
  const headerOf = new Map(template.columns.map((c) => [c.key, c.header]));
  return new Map(
    unstorable
      .filter((u) => u.periodKey === periodKey)
      .map((u) => {
        const header = headerOf.get(u.column);
        const message = header ? validationMessages.unstorable(header) : validationMessages.unstorableRow;
        return [u.unitCode, { column: header ? u.column : '', code: 'unstorable', message }];
      }),
  );
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

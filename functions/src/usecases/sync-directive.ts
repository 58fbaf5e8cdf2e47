/**
 * syncDirective: one read of the report tab, every row validated, changed reports stored with a new
 * version (Firestore first), then one write of the status cells that changed. Serialised per directive.
 */
import { randomUUID } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { loadTemplate } from '../../../sheets-schema/registry.js';
import type { Clock } from '../clock.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import { vietnamDateOf } from '../domain/calendar/iso-date.js';
import { periodAt } from '../domain/periods/index.js';
import { reportRows } from '../domain/sync/report-rows.js';
import { planSync } from '../domain/sync/plan-sync.js';
import { createRowValidator, type RowStatus } from '../domain/validation/validate-row.js';
import { syncErrors as msg } from '../messages.vi.js';
import type { GoogleClients } from '../sheets/clients.js';
import { readReportColumns } from '../sheets/read-report.js';
import { FIRST_UNIT_ROW, SYSTEM_KEYS } from '../sheets/report-layout.js';
import { statusRequests, statusText, writeStatuses } from '../sheets/write-status.js';
import { getDirective, type DirectiveRecord } from '../store/directives.js';
import { commitSync, loadReports } from '../store/reports.js';
import { acquireSyncLease, releaseSyncLease } from '../store/sync-lease.js';
import { UserFacingError } from './errors.js';

/** What a sync needs. */
export interface SyncDeps {
  db: Firestore;
  clients: GoogleClients;
  clock: Clock;
  calendar: WorkingCalendar;
}

/** What one sync did, for the caller, the logs and the snapshot. */
export interface SyncOutcome {
  directiveId: string;
  /** 'coalesced': another sync was running and will run again for this request. */
  result: 'synced' | 'coalesced';
  syncId: string;
  periodKey?: string;
  counts?: Record<RowStatus, number>;
  changedUnits?: number;
  statusCellsWritten?: number;
  firestoreWrites?: number;
  calls?: { sheetsReads: number; sheetsWrites: number };
  durationMs?: number;
  /** How many times the sync ran to absorb edits that arrived while it ran. */
  runs?: number;
}

/** Options of one sync request. */
export interface SyncRequest {
  directiveId: string;
  trigger: string;
  /** The report tab to read; by default the tab of the period due now. */
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
      outcome = await syncOnce(deps, request, syncId, runs);
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
  const periodKey = request.periodKey ?? currentPeriodKey(directive, startedAt, deps.calendar);
  const tab = directive.tabs[periodKey];
  if (!tab) throw new UserFacingError(msg.noTab(periodKey), 'no-tab');

  const template = loadTemplate(directive.template);
  const inputs = template.columns.map((c) => c.key);
  const keys = [SYSTEM_KEYS.code, ...inputs, SYSTEM_KEYS.status, SYSTEM_KEYS.updatedAt];
  const read = await readReportColumns(deps.clients, directive.spreadsheetId, periodKey, keys);
  if (read.columns.size === 0) throw new UserFacingError(msg.tabMissing(tab.title), 'tab-missing');
  for (const key of [SYSTEM_KEYS.code, SYSTEM_KEYS.status]) {
    if (!read.columns.has(key))
      throw new UserFacingError(msg.systemColumnMissing(tab.title), 'column-missing');
  }
  const { rows } = reportRows(
    read.columns,
    { code: SYSTEM_KEYS.code, status: SYSTEM_KEYS.status, inputs },
    FIRST_UNIT_ROW,
  );
  const stored = await loadReports(deps.db, directive.id, periodKey);
  const validator = createRowValidator(template, {
    referenceYear: Number(vietnamDateOf(startedAt).slice(0, 4)),
  });
  const plan = planSync(rows, stored, validator, statusText);

  const requests = statusRequests(
    plan.statusWrites,
    {
      sheetId: tab.sheetId,
      columnOf: new Map([...read.columns].map(([key, c]) => [key, c.columnIndex])),
      statusKey: SYSTEM_KEYS.status,
      updatedAtKey: SYSTEM_KEYS.updatedAt,
    },
    startedAt,
  );
  const calls = { sheetsReads: 1, sheetsWrites: requests.length > 0 ? 1 : 0 };
  const runId = run === 1 ? syncId : `${syncId}-${run}`;
  // Store first: nothing is shown to an officer as accepted that Firestore does not hold.
  const firestoreWrites = await commitSync(
    deps.db,
    directive.id,
    plan,
    stored,
    {
      syncId: runId,
      trigger: request.trigger,
      periodKey,
      startedAt,
      durationMs: Math.round(performance.now() - started),
      calls,
    },
    deps.clock.now(),
  );
  await writeStatuses(deps.clients, directive.spreadsheetId, requests);
  return {
    directiveId: directive.id,
    result: 'synced',
    syncId: runId,
    periodKey,
    counts: plan.counts,
    changedUnits: plan.changes.length,
    statusCellsWritten: plan.statusWrites.length,
    firestoreWrites,
    calls,
    durationMs: Math.round(performance.now() - started),
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

/**
 * checkDeadlines: for every open directive, load → plan → commit → write. Load: the stored reports, flags and
 * notices, and one Sheets read of the code and "Tình hình báo cáo" columns. Plan (domain/deadlines, pure): each
 * recipient's status, the flags that change, the stale cells, the next periods' tabs, the "Nhắc việc" list.
 * Commit: the flags, before anything reaches the sheet. Write: one batchUpdate (with Tổng hợp). Then the new tabs
 * are recorded and the notices reported are closed. Every Firestore step runs under a deadline.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import type { Clock } from '../clock.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import { planDeadlineCheck } from '../domain/deadlines/plan-check.js';
import type { ReminderItem } from '../domain/deadlines/reminders.js';
import { periodAt, type Period } from '../domain/periods/index.js';
import { directiveOpenedPeriods, isTaskDirective, taskRowsOf } from '../domain/tasks/task-rows.js';
import type { UnitStatusCode } from '../domain/status/index.js';
import { sendBatchUpdate } from '../sheets/api/batch-update.js';
import type { GoogleClients } from '../sheets/api/clients.js';
import type { RequestBudget } from '../domain/pacing/request-window.js';
import { deadlineCheckRequests } from '../sheets/layout/deadline-check.js';
import { firestoreStep } from '../store/deadline.js';
import { listOpenDirectives, recordPeriodTabs, type DirectiveRecord } from '../store/directives.js';
import { commitFlags } from '../store/flags.js';
import { resolveNotices } from '../store/notices.js';
import { listUnits, type StoredUnit } from '../store/units.js';
import { loadDeadlineCheck } from './load-deadline-check.js';
import { createPacer, ONE_READ_ONE_WRITE } from './pace.js';
import { noteAccessLost, noteAccessRestored } from './spreadsheet-access.js';
import { directiveFailure, type DirectiveFailure } from './sync-failure.js';
import type { SyncEvents } from './sync-events.js';
import { withOwnWrites } from './own-writes.js';
import { writeStatusesAndSummary } from './sync-summary.js';

/** What the deadline check needs. */
export interface CheckDeadlinesDeps {
  db: Firestore;
  clients: GoogleClients;
  clock: Clock;
  calendar: WorkingCalendar;
  /** The account theodoi acts as: sole editor of the system columns of a tab it opens. */
  actingAccount: string;
  /** Working days before a deadline that count as "sắp đến hạn" (the status module's default when absent). */
  dueSoonWorkingDays?: number;
  /** Named events for the logs (a spreadsheet's access lost or restored). */
  events?: Partial<SyncEvents>;
  /** How long one Firestore step may take before the directive's check fails; FIRESTORE_TIMEOUT_MS by default. */
  firestoreTimeoutMs?: number;
  /** Sheets requests a minute the check allows itself (BATCH_BUDGET by default), or false not to pace. */
  budget?: RequestBudget | false;
}

/** What the check did to one directive. */
export interface DirectiveCheck {
  directiveId: string;
  /** Units per status, by period key. */
  periods: Record<string, Record<UnitStatusCode, number>>;
  /** Period keys whose tab this check opened. */
  openedTabs: string[];
  flags: { raised: number; updated: number; resolved: number; unchanged: number };
  deadlineCellsWritten: number;
  /**
   * What the coordinator should know, in Vietnamese: what could not be shown (a tab or a system column gone), and
   * notices raised since the last check (a tab recreated), each reported once.
   */
  problems: string[];
  /** Sheets calls, and Drive files.get calls telling theodoi's own writes from others' (decision 011). */
  calls: { sheetsReads: number; sheetsWrites: number; driveReads: number };
  firestoreWrites: number;
}

/** The whole check: per directive, failures, and the reminder list. */
export interface DeadlineCheck {
  checkedAt: Date;
  directives: DirectiveCheck[];
  /** Directives not checked; `code` names a known cause ('access-lost', 'quota', 'store-unavailable', …). */
  failed: DirectiveFailure[];
  reminders: ReminderItem[];
  /** How long the check waited to stay under Sheets' per-minute quotas, in ms. */
  pacedMs: number;
}

/** Options of one check. */
export interface CheckDeadlinesOptions {
  /** Called for each directive the check could not finish; the others go on. */
  onError?: (directiveId: string, error: unknown) => void;
}

/** Checks every open directive at the clock's now; one directive failing does not stop the others. */
export async function checkDeadlines(
  deps: CheckDeadlinesDeps,
  options: CheckDeadlinesOptions = {},
): Promise<DeadlineCheck> {
  const now = deps.clock.now();
  const directives = await firestoreStep(deps)(listOpenDirectives(deps.db), 'listing the open directives');
  const unitsOf = unitsByOrganisation(deps);
  const result: DeadlineCheck = { checkedAt: now, directives: [], failed: [], reminders: [], pacedMs: 0 };
  const pace = createPacer(deps.clock, deps.budget);
  for (const directive of directives.sort((a, b) => a.id.localeCompare(b.id))) {
    await pace.before(ONE_READ_ONE_WRITE);
    try {
      const { check, reminders } = await checkDirective(
        deps,
        directive,
        now,
        await unitsOf(directive.organisation),
      );
      pace.after({ reads: check.calls.sheetsReads, writes: check.calls.sheetsWrites });
      if (await noteAccessRestored(deps, directive)) check.firestoreWrites += 1;
      result.directives.push(check);
      result.reminders.push(...reminders);
    } catch (error) {
      // A failed directive may have made its read and its write: count them, to stay on the safe side.
      pace.after(ONE_READ_ONE_WRITE);
      options.onError?.(directive.id, error);
      const lost = await noteAccessLost(deps, directive, error, now);
      result.failed.push(directiveFailure(directive.id, lost ?? error));
    }
  }
  result.pacedMs = pace.waitedMs;
  return result;
}

/**
 * Checks one directive now (after its deadlines changed: an extension, say): its statuses, flags and Tổng hợp
 * rewritten as the morning check would. Reminders are not sent; the caller has the directive already.
 */
export async function checkOneDirective(
  deps: CheckDeadlinesDeps,
  directive: DirectiveRecord,
): Promise<DirectiveCheck> {
  const units = await unitsByOrganisation(deps)(directive.organisation);
  return (await checkDirective(deps, directive, deps.clock.now(), units)).check;
}

/** Each organisation's units (inactive ones too), listed once per check. */
function unitsByOrganisation(deps: CheckDeadlinesDeps) {
  const byOrg = new Map<string, Promise<Map<string, StoredUnit>>>();
  return (orgId: string) => {
    let units = byOrg.get(orgId);
    if (!units) {
      const listed = listUnits(deps.db, orgId, { includeInactive: true });
      units = firestoreStep(deps)(listed, 'listing the units').then(
        (list) => new Map(list.map((u) => [u.code, u])),
      );
      byOrg.set(orgId, units);
    }
    return units;
  };
}

async function checkDirective(
  deps: CheckDeadlinesDeps,
  directive: DirectiveRecord,
  now: Date,
  units: ReadonlyMap<string, StoredUnit>,
): Promise<{ check: DirectiveCheck; reminders: ReminderItem[] }> {
  const periods = directiveOpenedPeriods(directive, now, deps.calendar);
  const taskRows = isTaskDirective(directive)
    ? (period: Period) => taskRowsOf(directive, period, deps.calendar)
    : undefined;
  const check: DirectiveCheck = {
    directiveId: directive.id,
    periods: {},
    openedTabs: [],
    flags: { raised: 0, updated: 0, resolved: 0, unchanged: 0 },
    deadlineCellsWritten: 0,
    problems: [],
    calls: { sheetsReads: 0, sheetsWrites: 0, driveReads: 0 },
    firestoreWrites: 0,
  };
  if (periods.length === 0) return { check, reminders: [] };
  const store = firestoreStep(deps);

  const loaded = await loadDeadlineCheck(deps, directive, periods);
  check.calls.sheetsReads = loaded.sheetsReads;
  const plan = planDeadlineCheck({
    directive,
    periods,
    now,
    calendar: deps.calendar,
    ...(deps.dueSoonWorkingDays === undefined ? {} : { dueSoonWorkingDays: deps.dueSoonWorkingDays }),
    units,
    ...loaded.input,
    ...(taskRows ? { taskRows, recordedRows: (key: string) => directive.tabs[key]?.rows } : {}),
  });
  const layout = deadlineCheckRequests(plan, {
    template: () => loadTemplate(directive.template),
    units: directive.recipients.flatMap((code) => units.get(code) ?? []),
    directive,
    actingAccount: deps.actingAccount,
    ...(taskRows ? { taskRows } : {}),
  });

  // Commit: the flags stand whatever happens to the sheet.
  check.firestoreWrites += await store(
    commitFlags(deps.db, directive.id, plan.flagChanges, now),
    'storing the flags',
  );
  // Write: the one batchUpdate; Tổng hợp follows the statuses in it when a period is due (flow 4).
  // The check reads only its own columns: its write is recorded as seen only if theodoi had seen all before it.
  const due = periodAt(directive.schedule, now, deps.calendar);
  const written = await withOwnWrites(deps, directive, layout.requests.length > 0, async () => {
    if (due) return writeStatusesAndSummary(deps, directive, due.key, layout.requests, now);
    const sheetsWrites = await sendBatchUpdate(deps.clients, directive.spreadsheetId, layout.requests);
    return { sheetsWrites, applied: sheetsWrites, firestoreWrites: 0 };
  });
  check.calls.sheetsWrites = written.sheetsWrites;
  check.calls.driveReads = written.ownWrites.driveReads;
  check.firestoreWrites += written.firestoreWrites + written.ownWrites.firestoreWrites;
  // Record the new tabs only once they exist (a tab added but not recorded is adopted by the next check), and
  // close the notices this check reports: the coordinator has been told.
  const tabs = [...plan.tabsToRecord, ...layout.opened];
  check.firestoreWrites += await store(
    recordPeriodTabs(deps.db, directive.id, tabs, now),
    'recording the tabs',
  );
  check.firestoreWrites += await store(
    resolveNotices(deps.db, directive.id, plan.reportedNotices, now),
    'closing the notices',
  );

  return {
    check: {
      ...check,
      periods: plan.counts,
      openedTabs: layout.opened.map((o) => o.period.key),
      flags: plan.flags,
      deadlineCellsWritten: layout.cellsWritten,
      problems: plan.problems,
    },
    reminders: plan.reminders,
  };
}

/**
 * checkDeadlines: for every open directive and opened period, each recipient unit's status; flags stored where
 * they changed, the "Tình hình báo cáo" cells rewritten where stale, next periods' tabs opened, and the
 * "Nhắc việc" list of units to chase. Per directive: one Sheets read and at most one Sheets write.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { Firestore } from 'firebase-admin/firestore';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import type { Clock } from '../clock.js';
import type { IsoDate } from '../domain/calendar/iso-date.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import { openedPeriods, periodAt, type Period } from '../domain/periods/index.js';
import {
  statusText,
  unitStatus,
  UNIT_STATUS_CODES,
  type UnitStatus,
  type UnitStatusCode,
} from '../domain/status/index.js';
import { reportState } from '../domain/summary/report-state.js';
import { reminders as msg, sheet as sheetMsg } from '../messages.vi.js';
import type { GoogleClients } from '../sheets/clients.js';
import { listTabs } from '../sheets/list-tabs.js';
import { nextReportSheetId, planPeriodTab, type NewTabPlan } from '../sheets/open-period-tab.js';
import { displayDate } from '../sheets/provision-plan.js';
import { readReportColumns } from '../sheets/read-report.js';
import { FIRST_UNIT_ROW, SYSTEM_KEYS } from '../sheets/report-layout.js';
import { deadlineRequests, staleDeadlineCells } from '../sheets/write-deadlines.js';
import { writeStatuses } from '../sheets/write-status.js';
import { listOpenDirectives, recordPeriodTabs, type DirectiveRecord } from '../store/directives.js';
import { writeStatusesAndSummary } from './sync-summary.js';
import { commitFlags, flagChange, loadFlags, type FlagChange } from '../store/flags.js';
import { loadOpenNotices, resolveNotices } from '../store/notices.js';
import { loadReports } from '../store/reports.js';
import { listUnits, type StoredUnit } from '../store/units.js';
import { noteAccessLost, noteAccessRestored } from './spreadsheet-access.js';
import type { SyncEvents } from './sync-events.js';

/** What the deadline check needs. */
export interface CheckDeadlinesDeps {
  db: Firestore;
  clients: GoogleClients;
  clock: Clock;
  calendar: WorkingCalendar;
  /** Theodoi's service account: sole editor of the system columns of a tab it opens. */
  serviceAccount: string;
  /** Working days before a deadline that count as "sắp đến hạn" (the status module's default when absent). */
  dueSoonWorkingDays?: number;
  /**
   * Waits before checking a directive again after Sheets answered 429 (quota) or 503; one retry per entry.
   * Default 20 s then 40 s: Sheets' quotas are per minute. Safe: a check repeated is a check unchanged.
   */
  retryDelaysMs?: readonly number[];
  /** Named events for the logs (a spreadsheet's access lost or restored). */
  events?: Partial<SyncEvents>;
}

/** The default waits before retrying a directive that hit Sheets' per-minute quota. */
export const DEFAULT_RETRY_DELAYS_MS = [20_000, 40_000] as const;

/** Whether an API error is worth a retry after a pause: 429 (quota) or 503 (unavailable). */
export function isRetryable(error: unknown): boolean {
  const e = error as { status?: unknown; code?: unknown; response?: { status?: unknown } } | null;
  return [e?.status, e?.code, e?.response?.status].some(
    (v) => v === 429 || v === 503 || v === '429' || v === '503',
  );
}

/** A unit's contact, as the reminder list and the e-mail show it. */
export interface UnitContact {
  person?: string;
  phone?: string;
  email?: string;
}

/** One line of the "Nhắc việc" list: a unit to chase for one period of one directive. */
export interface ReminderItem {
  directiveId: string;
  organisation: string;
  /** "Công văn số 06/UBND-NV ngày 05/02/2024". */
  directiveRef: string;
  subject: string;
  spreadsheetUrl: string;
  /** The directive's own contact (the coordinator), for "mọi vướng mắc xin liên hệ". */
  directiveContact: UnitContact;
  periodKey: string;
  periodLabel: string;
  deadline: IsoDate;
  unitCode: string;
  unitName: string;
  status: Extract<UnitStatusCode, 'qua-han' | 'sap-den-han' | 'co-loi'>;
  /** The status in a sentence: "Quá hạn chưa báo cáo (quá hạn 2 ngày làm việc)". */
  statusText: string;
  /** Working days past the deadline without a report (0 when not overdue), for ordering. */
  workingDaysOverdue: number;
  contact: UnitContact;
  /** Where a reminder e-mail goes: the contact's address, then the unit's editors. */
  emails: string[];
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
  calls: { sheetsReads: number; sheetsWrites: number };
  firestoreWrites: number;
}

/** The whole check: per directive, failures, and the reminder list. */
export interface DeadlineCheck {
  checkedAt: Date;
  directives: DirectiveCheck[];
  /** Directives not checked; `code` 'access-lost' when theodoi can no longer open the spreadsheet. */
  failed: { directiveId: string; error: string; code?: string }[];
  reminders: ReminderItem[];
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
  const directives = await listOpenDirectives(deps.db);
  const unitsByOrg = new Map<string, Promise<Map<string, StoredUnit>>>();
  const unitsOf = (orgId: string) => {
    let units = unitsByOrg.get(orgId);
    if (!units) {
      units = listUnits(deps.db, orgId, { includeInactive: true }).then(
        (list) => new Map(list.map((u) => [u.code, u])),
      );
      unitsByOrg.set(orgId, units);
    }
    return units;
  };
  const result: DeadlineCheck = { checkedAt: now, directives: [], failed: [], reminders: [] };
  for (const directive of directives.sort((a, b) => a.id.localeCompare(b.id))) {
    try {
      const units = await unitsOf(directive.organisation);
      const { check, reminders } = await withRetries(deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS, () =>
        checkDirective(deps, directive, now, units),
      );
      if (await noteAccessRestored(deps, directive)) check.firestoreWrites += 1;
      result.directives.push(check);
      result.reminders.push(...reminders);
    } catch (error) {
      options.onError?.(directive.id, error);
      const lost = await noteAccessLost(deps, directive, error, now);
      result.failed.push({
        directiveId: directive.id,
        error: (lost ?? (error as Error)).message ?? String(error),
        ...(lost ? { code: lost.code } : {}),
      });
    }
  }
  return result;
}

async function withRetries<T>(delaysMs: readonly number[], attempt: () => Promise<T>): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      const delay = delaysMs[retry];
      if (delay === undefined || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

interface TabTarget {
  periodKey: string;
  sheetId: number;
  title: string;
}

async function checkDirective(
  deps: CheckDeadlinesDeps,
  directive: DirectiveRecord,
  now: Date,
  units: ReadonlyMap<string, StoredUnit>,
): Promise<{ check: DirectiveCheck; reminders: ReminderItem[] }> {
  const periods = openedPeriods(directive.schedule, now, deps.calendar);
  const keys = periods.map((p) => p.key);
  const check: DirectiveCheck = {
    directiveId: directive.id,
    periods: {},
    openedTabs: [],
    flags: { raised: 0, updated: 0, resolved: 0, unchanged: 0 },
    deadlineCellsWritten: 0,
    problems: [],
    calls: { sheetsReads: 0, sheetsWrites: 0 },
    firestoreWrites: 0,
  };
  if (periods.length === 0) return { check, reminders: [] };

  // Tabs of opened periods not yet recorded get the next sheet ids, in period order. The read looks for them too:
  // a tab added by an earlier check that failed before recording it is adopted, not added twice.
  let nextSheetId = nextReportSheetId(directive.tabs);
  const planned = periods
    .filter((p) => !directive.tabs[p.key])
    .map((period) => ({ period, sheetId: nextSheetId++ }));
  const [read, reports, flags, notices] = await Promise.all([
    readReportColumns(deps.clients, directive.spreadsheetId, keys, [SYSTEM_KEYS.code, SYSTEM_KEYS.deadline]),
    loadReports(deps.db, directive.id, keys),
    loadFlags(deps.db, directive.id, keys),
    loadOpenNotices(deps.db, directive.id),
  ]);
  check.calls.sheetsReads = 1;
  check.problems.push(...notices.map((n) => n.message));

  const statuses = new Map<string, Map<string, UnitStatus>>();
  const changes: FlagChange[] = [];
  for (const period of periods) {
    const byUnit = new Map<string, UnitStatus>();
    const counts = Object.fromEntries(UNIT_STATUS_CODES.map((c) => [c, 0])) as Record<UnitStatusCode, number>;
    for (const unitCode of directive.recipients) {
      const status = unitStatus({
        period,
        report: reportState(reports.get(period.key)?.get(unitCode)),
        now,
        calendar: deps.calendar,
        ...(deps.dueSoonWorkingDays === undefined ? {} : { dueSoonWorkingDays: deps.dueSoonWorkingDays }),
      });
      byUnit.set(unitCode, status);
      counts[status.code] += 1;
      const change = flagChange(period.key, unitCode, status, flags.get(period.key)?.get(unitCode), now);
      changes.push(change);
      if (change.type === 'unchanged') check.flags.unchanged += 1;
      else check.flags[change.type] += 1;
    }
    statuses.set(period.key, byUnit);
    check.periods[period.key] = counts;
  }
  const wanted = (periodKey: string) => (unitCode: string) => {
    const status = statuses.get(periodKey)?.get(unitCode);
    return status ? { text: statusText(status), code: status.code } : undefined;
  };

  const requests: sheets_v4.Schema$Request[] = [];
  const existing: TabTarget[] = Object.entries(directive.tabs)
    .filter(([key]) => keys.includes(key))
    .map(([periodKey, tab]) => ({ periodKey, ...tab }));
  const opened: { period: Period; plan: NewTabPlan }[] = [];
  const adopted: { period: Period; tab: TabTarget }[] = [];
  let template: ReturnType<typeof loadTemplate> | undefined;
  for (const { period, sheetId } of planned) {
    if ((read.get(period.key)?.columns.size ?? 0) > 0) {
      adopted.push({ period, tab: { periodKey: period.key, sheetId, title: period.label } });
      continue;
    }
    template ??= loadTemplate(directive.template);
    const plan = planPeriodTab(
      {
        period,
        template,
        units: directive.recipients.flatMap((code) => units.get(code) ?? []),
        directive,
        existing: Object.fromEntries<{ sheetId: number }>([
          ...Object.entries(directive.tabs),
          ...opened.map((o): [string, { sheetId: number }] => [o.period.key, o.plan.tab]),
        ]),
        serviceAccount: deps.serviceAccount,
      },
      sheetId,
    );
    opened.push({ period, plan });
    const column = plan.columnOf.get(SYSTEM_KEYS.deadline)!;
    const cells = [...plan.rowOf].flatMap(([unitCode, rowIndex]) => {
      const cell = wanted(period.key)(unitCode);
      return cell ? [{ rowIndex, ...cell }] : [];
    });
    requests.push(...plan.requests, ...deadlineRequests(plan.tab.sheetId, column, cells));
    check.deadlineCellsWritten += cells.length;
  }
  if (adopted.length > 0) {
    // Rare: a tab added by a check that failed before recording it. Its sheet id is read, not guessed.
    const ids = new Map(
      (await listTabs(deps.clients, directive.spreadsheetId)).map((t) => [t.title, t.sheetId]),
    );
    check.calls.sheetsReads += 1;
    for (const a of adopted) {
      const sheetId = ids.get(a.tab.title);
      if (sheetId === undefined) check.problems.push(msg.tabMissing(a.tab.title));
      else existing.push((a.tab = { ...a.tab, sheetId }));
    }
  }
  for (const tab of existing) {
    const columns = read.get(tab.periodKey)?.columns;
    const code = columns?.get(SYSTEM_KEYS.code);
    const deadline = columns?.get(SYSTEM_KEYS.deadline);
    if (!code || !deadline) {
      check.problems.push(msg.tabMissing(tab.title));
      continue;
    }
    const stale = staleDeadlineCells(code.cells, deadline.cells, wanted(tab.periodKey), FIRST_UNIT_ROW);
    requests.push(...deadlineRequests(tab.sheetId, deadline.columnIndex, stale));
    check.deadlineCellsWritten += stale.length;
  }

  // Flags first: they stand whatever happens to the sheet. Then the one write, then the new tabs' records
  // (only once they exist; a tab added but not recorded is adopted by the next check).
  check.firestoreWrites += await commitFlags(deps.db, directive.id, changes, now);
  // The Tổng hợp tab follows the statuses in the same write (flow 4: after every deadline check).
  const due = periodAt(directive.schedule, now, deps.calendar);
  if (due) {
    const written = await writeStatusesAndSummary(deps, directive, due.key, requests, now);
    check.calls.sheetsWrites = written.sheetsWrites;
    check.firestoreWrites += written.firestoreWrites;
  } else {
    check.calls.sheetsWrites = await writeStatuses(deps.clients, directive.spreadsheetId, requests);
  }
  const records = [
    ...adopted.filter(({ tab }) => existing.includes(tab)).map(({ period, tab }) => ({ period, tab })),
    ...opened.map(({ period, plan }) => ({ period, tab: plan.tab })),
  ];
  check.firestoreWrites += await recordPeriodTabs(deps.db, directive.id, records, now);
  check.openedTabs = opened.map((o) => o.period.key);
  // Reported in this check's list: the coordinator has been told.
  check.firestoreWrites += await resolveNotices(
    deps.db,
    directive.id,
    notices.map((n) => n.id),
    now,
  );

  return { check, reminders: reminderItems(directive, periods, statuses, units) };
}

const CHASED = new Set<UnitStatusCode>(['qua-han', 'co-loi', 'sap-den-han']);

function reminderItems(
  directive: DirectiveRecord,
  periods: readonly Period[],
  statuses: ReadonlyMap<string, ReadonlyMap<string, UnitStatus>>,
  units: ReadonlyMap<string, StoredUnit>,
): ReminderItem[] {
  const directiveRef = sheetMsg.directiveRef(
    directive.number,
    directive.date ? displayDate(directive.date) : null,
  );
  const items: ReminderItem[] = [];
  for (const period of periods) {
    directive.recipients.forEach((unitCode) => {
      const status = statuses.get(period.key)?.get(unitCode);
      if (!status || !CHASED.has(status.code)) return;
      const unit = units.get(unitCode);
      const contact = unit?.contact ?? {};
      const timing = status.code === 'co-loi' ? status.timing : status;
      items.push({
        directiveId: directive.id,
        organisation: directive.organisation,
        directiveRef,
        subject: directive.subject,
        spreadsheetUrl: directive.spreadsheetUrl,
        directiveContact: directive.contact,
        periodKey: period.key,
        periodLabel: period.label,
        deadline: period.deadline,
        unitCode,
        unitName: unit?.name ?? unitCode,
        status: status.code as ReminderItem['status'],
        statusText: statusText(status),
        workingDaysOverdue: timing.code === 'qua-han' ? timing.workingDaysOverdue : 0,
        contact,
        emails: [...new Set([...(contact.email ? [contact.email] : []), ...(unit?.editors ?? [])])],
      });
    });
  }
  const rank = { 'qua-han': 0, 'co-loi': 1, 'sap-den-han': 2 } as const;
  // Stable sort: within a period, the most overdue first, then errors, then due soon, in row order.
  return items.sort(
    (a, b) =>
      a.periodKey.localeCompare(b.periodKey) ||
      rank[a.status] - rank[b.status] ||
      b.workingDaysOverdue - a.workingDaysOverdue,
  );
}

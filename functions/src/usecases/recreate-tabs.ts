/**
 * Report tabs deleted by hand: a sync that reads no column of a recorded tab asks which tabs the spreadsheet
 * still has, and plans each deleted one anew from the template, refilled with the cells Firestore holds, for the
 * sync to write in its one batchUpdate. A tab still there whose columns theodoi cannot find is left alone.
 */
import { DateTime } from 'luxon';
import type { Firestore } from 'firebase-admin/firestore';
import type { Template } from '@theodoi/sheets-schema/template-format';
import { VIETNAM_ZONE } from '../clock.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import { staleTaskCells } from '../domain/tasks/task-cells.js';
import { directivePeriodOf, isTaskDirective, taskRowsOf } from '../domain/tasks/task-rows.js';
import { extendedDeadline, statusText as deadlineText, unitStatus } from '../domain/status/index.js';
import type { SummaryReport } from '../domain/summary/model.js';
import { reportState } from '../domain/summary/report-state.js';
import { spreadsheetRecovery as recovery, syncErrors } from '../messages.vi.js';
import type { GoogleClients } from '../sheets/api/clients.js';
import { planRecreatedTab, type RecreatedTabPlan } from '../sheets/layout/recreated-tab.js';
import { SYSTEM_KEYS } from '../sheets/layout/report-tab.js';
import { deadlineRequests } from '../sheets/layout/deadline-cells.js';
import type { DirectiveRecord, TabRecord } from '../store/directives.js';
import type { Notice } from '../store/notices.js';
import { loadReportCells } from '../store/report-cells.js';
import { listUnits } from '../store/units.js';
import { UserFacingError } from './errors.js';

/** A deleted tab, planned anew. */
export interface RecreatedTab {
  periodKey: string;
  previousSheetId: number;
  plan: RecreatedTabPlan;
}

/** What recreating needs. */
export interface RecreateDeps {
  db: Firestore;
  clients: GoogleClients;
  calendar: WorkingCalendar;
  /** The account theodoi acts as, sole editor of the system columns; without it a deleted tab is reported, not recreated. */
  actingAccount?: string;
}

/**
 * Plans the tabs of `periodKeys` (recorded, but gone from `present`, the spreadsheet's tabs now) anew; two Firestore
 * queries (units, stored cells). Throws 'tab-missing' when theodoi's account is not known (it must be the sole
 * editor of the recreated tab's system columns).
 */
export async function planTabRecreation(
  deps: RecreateDeps,
  directive: DirectiveRecord,
  template: Template,
  periodKeys: readonly string[],
  present: readonly { sheetId: number; title: string; index: number }[],
  now: Date,
): Promise<Map<string, RecreatedTab>> {
  if (!deps.actingAccount) {
    throw new UserFacingError(syncErrors.tabMissing(directive.tabs[periodKeys[0]!]!.title), 'tab-missing');
  }
  const [units, cells] = await Promise.all([
    listUnits(deps.db, directive.organisation, { includeInactive: true }),
    loadReportCells(deps.db, directive.id, periodKeys),
  ]);
  const unitsByCode = new Map(units.map((u) => [u.code, u]));
  const recipients = directive.recipients.flatMap((code) => unitsByCode.get(code) ?? []);
  const recorded: Record<string, { sheetId: number }> = { ...directive.tabs };
  const tabs = [...present];
  const planned = new Map<string, RecreatedTab>();
  for (const periodKey of [...periodKeys].sort()) {
    const period = directivePeriodOf(directive, periodKey, deps.calendar);
    const plan = planRecreatedTab({
      period,
      template,
      units: recipients,
      ...(isTaskDirective(directive) ? { taskRows: taskRowsOf(directive, period, deps.calendar) } : {}),
      directive,
      actingAccount: deps.actingAccount,
      recorded,
      present: tabs,
      cells: cells.get(periodKey) ?? new Map(),
      noticeLine: recovery.recreatedLine(stamp(now)),
    });
    planned.set(periodKey, { periodKey, previousSheetId: directive.tabs[periodKey]!.sheetId, plan });
    recorded[periodKey] = plan.tab;
    tabs.push({ ...plan.tab, index: 0 });
  }
  return planned;
}

/**
 * The recreated tab's "Tình hình báo cáo" cells, as the morning check would write them now, so the tab does not
 * stand with that column blank until the next check.
 */
export function recreatedDeadlineRequests(
  directive: Pick<DirectiveRecord, 'schedule' | 'extensions' | 'tasks'>,
  recreation: RecreatedTab,
  reports: ReadonlyMap<string, SummaryReport>,
  now: Date,
  calendar: WorkingCalendar,
) {
  const period = directivePeriodOf(directive, recreation.periodKey, calendar);
  const column = recreation.plan.columnOf.get(SYSTEM_KEYS.deadline);
  if (column === undefined) return [];
  if (isTaskDirective(directive)) {
    const cells = staleTaskCells({
      period,
      rows: taskRowsOf(directive, period, calendar),
      rowIndexOf: (key) => recreation.plan.rowOf.get(key),
      shownAt: () => undefined,
      acceptedOf: (key) => reports.get(key)?.acceptedValues,
      now,
      calendar,
      extensions: directive.extensions,
    });
    return deadlineRequests(recreation.plan.tab.sheetId, column, cells);
  }
  const cells = [...recreation.plan.rowOf].map(([unitCode, rowIndex]) => {
    const status = unitStatus({
      period,
      ...extendedDeadline(directive.extensions, period.key, unitCode),
      report: reportState(reports.get(unitCode)),
      now,
      calendar,
    });
    return { rowIndex, text: deadlineText(status), code: status.code };
  });
  return deadlineRequests(recreation.plan.tab.sheetId, column, cells);
}

/** What a sync reports of a tab it recreated. */
export interface RecreatedTabOutcome {
  periodKey: string;
  title: string;
  sheetId: number;
  previousSheetId: number;
  refilledUnits: number;
}

/** The sync's account of the tabs it recreated. */
export function recreatedTabsOutcome(recreated: ReadonlyMap<string, RecreatedTab>): RecreatedTabOutcome[] {
  return [...recreated.values()].map(({ periodKey, previousSheetId, plan }) => ({
    periodKey,
    title: plan.tab.title,
    sheetId: plan.tab.sheetId,
    previousSheetId,
    refilledUnits: plan.refilledUnits,
  }));
}

/** The directive's records of the recreated tabs: their new sheet ids, titles and layouts, by period key. */
export function recreatedTabRecords(recreated: ReadonlyMap<string, RecreatedTab>): Record<string, TabRecord> {
  return Object.fromEntries(
    [...recreated].map(([periodKey, { plan }]) => {
      const { periodKey: _key, ...tab } = plan.tab;
      return [periodKey, tab];
    }),
  );
}

/** The coordinator's notices about recreated tabs, in Vietnamese. */
export function recreationNotices(
  directive: Pick<DirectiveRecord, 'id' | 'number'>,
  recreated: Iterable<RecreatedTab>,
  now: Date,
): Notice[] {
  const name = recovery.directiveName(directive.id, directive.number);
  return [...recreated].map(({ periodKey, previousSheetId, plan }) => ({
    kind: 'tab-recreated',
    periodKey,
    title: plan.tab.title,
    sheetId: plan.tab.sheetId,
    previousSheetId,
    refilledUnits: plan.refilledUnits,
    message: recovery.tabRecreated(name, plan.tab.title, stamp(now), plan.refilledUnits),
  }));
}

function stamp(at: Date): string {
  return DateTime.fromJSDate(at, { zone: VIETNAM_ZONE }).toFormat('HH:mm dd/MM/yyyy');
}

/** The coordinator's notices about units' rows Firestore could not store, in Vietnamese. */
export function notStoredNotices(
  directive: Pick<DirectiveRecord, 'id' | 'number' | 'tabs'>,
  rows: readonly { periodKey: string; unitCode: string; rowIndex: number; title: string }[],
): Notice[] {
  const name = recovery.directiveName(directive.id, directive.number);
  return rows.map(({ periodKey, unitCode, rowIndex, title }) => ({
    kind: 'row-not-stored',
    periodKey,
    title,
    sheetId: directive.tabs[periodKey]?.sheetId ?? 0,
    unitCode,
    rowIndex,
    message: recovery.rowUnstorable(name, title, unitCode, rowIndex + 1),
  }));
}

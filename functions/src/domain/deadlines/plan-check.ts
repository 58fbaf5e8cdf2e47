/**
 * The deadline check of one directive, planned from what was loaded: each recipient's status in every opened
 * period, the flags to raise, update or resolve, the "Tình hình báo cáo" cells that are stale, the tabs of new
 * periods to open (or to adopt, when an earlier check added one but failed before recording it), what to tell the
 * coordinator, and the units to chase. Pure: the use case loads before and commits and writes after.
 */
import { reminders as msg } from '../../messages.vi.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Period } from '../periods/periods.js';
import type { ExtendedDeadlines } from '../status/extensions.js';
import {
  extendedDeadline,
  statusText,
  unitStatus,
  UNIT_STATUS_CODES,
  type UnitStatus,
  type UnitStatusCode,
} from '../status/index.js';
import type { SummaryReport } from '../summary/model.js';
import { reportState } from '../summary/report-state.js';
import type { ReadColumn } from '../sync/report-rows.js';
import { flagChange, type FlagChange, type StoredFlag } from './flags.js';
import { reminderItems, type ReminderItem, type RemindedDirective, type RemindedUnit } from './reminders.js';
import { staleDeadlineCells, type DeadlineCell } from './stale-cells.js';
import { endOfVietnamDay } from '../calendar/iso-date.js';
import type { TaskRow } from '../tasks/task-rows.js';
import { taskRowStatus, type TaskRowStatus } from '../tasks/task-cells.js';
import { taskStatusText, type TaskStatusCode } from '../tasks/task-status.js';

/** A report tab as the directive records it. */
export interface RecordedTab {
  sheetId: number;
  title: string;
}

/** The directive as the check plans it. */
export interface CheckedDirective extends RemindedDirective {
  /** Report tabs by period key. */
  tabs: Readonly<Record<string, RecordedTab>>;
  /** Units' extended deadlines (gia hạn), by row key. */
  extensions?: ExtendedDeadlines | undefined;
}

/** Where the check finds a tab's unit codes and statuses. */
export interface DeadlineColumnKeys {
  code: string;
  deadline: string;
}

/** Everything the plan is made from. */
export interface DeadlineCheckInput {
  directive: CheckedDirective;
  /** The periods opened at `now`, in order. */
  periods: readonly Period[];
  now: Date;
  calendar: WorkingCalendar;
  /** Working days before a deadline that count as "sắp đến hạn" (the status module's default when absent). */
  dueSoonWorkingDays?: number;
  /** The organisation's units (inactive ones too), by code. */
  units: ReadonlyMap<string, RemindedUnit>;
  /** Stored reports, by period key then unit code. */
  reports: ReadonlyMap<string, ReadonlyMap<string, SummaryReport>>;
  /** Stored flags, by period key then unit code. */
  flags: ReadonlyMap<string, ReadonlyMap<string, StoredFlag>>;
  /** The columns read from each period's tab, by column key. */
  columns: ReadonlyMap<string, ReadonlyMap<string, ReadColumn>>;
  keys: DeadlineColumnKeys;
  /** 0-based row of a tab's first unit. */
  firstUnitRow: number;
  /** The sheet id the first tab opened gets; each next one gets one more. */
  nextSheetId: number;
  /** The spreadsheet's tabs by title, listed only when a tab to open was found there already (tabsToAdopt). */
  presentTabs?: ReadonlyMap<string, number>;
  /** Open notices to the coordinator, which this check reports. */
  notices: readonly { id: string; message: string }[];
  /**
   * A directive of tasks (decision 007): the task rows of a period's tab. Each row is then a report of its own,
   * keyed `<unitCode>~<taskId>`, its status a task status on its own deadline.
   */
  taskRows?: (period: Period) => readonly TaskRow[];
  /** Where each row of a recorded tab is (the directive's layout record), by period key then row key. */
  recordedRows?: (periodKey: string) => Readonly<Record<string, number>> | undefined;
}

/** A tab to open, with the sheet id it gets. */
export interface TabToOpen {
  period: Period;
  sheetId: number;
}

/** What the check does to one directive. */
export interface DeadlineCheckPlan {
  /** Each recipient's status (each task row's, for tasks), by period key then unit code (row key). */
  statuses: Map<string, Map<string, UnitStatus>>;
  /** A directive of tasks: what each row's "Tình trạng nhiệm vụ" cell shows, by period key then row key. */
  taskCells: Map<string, Map<string, { text: string; code: TaskStatusCode }>>;
  /** Units per status, by period key. */
  counts: Record<string, Record<UnitStatusCode, number>>;
  /** Every flag's change (unchanged ones included, for the tally). */
  flagChanges: FlagChange[];
  flags: { raised: number; updated: number; resolved: number; unchanged: number };
  /** New periods' tabs to add, in period order; every recipient's cell is written in them. */
  tabsToOpen: TabToOpen[];
  /** Tabs already there but not recorded, to record now. */
  tabsToRecord: { period: Period; tab: RecordedTab }[];
  /** Cells of existing tabs whose text is stale. */
  staleCells: { sheetId: number; columnIndex: number; cells: DeadlineCell[] }[];
  /** What the coordinator should know, in Vietnamese. */
  problems: string[];
  /** Notices reported by this check, to close. */
  reportedNotices: string[];
  reminders: ReminderItem[];
}

/** The opened periods whose tab is not recorded, with the sheet id a new tab for each would get. */
export function unrecordedTabs(
  input: Pick<DeadlineCheckInput, 'directive' | 'periods' | 'nextSheetId'>,
): TabToOpen[] {
  let sheetId = input.nextSheetId;
  return input.periods
    .filter((p) => !input.directive.tabs[p.key])
    .map((period) => ({ period, sheetId: sheetId++ }));
}

/**
 * The unrecorded tabs whose columns were read anyway: added by an earlier check that failed before recording
 * them. Their sheet ids must be read (one tab list), not guessed.
 */
export function tabsToAdopt(
  input: Pick<DeadlineCheckInput, 'directive' | 'periods' | 'nextSheetId' | 'columns'>,
): TabToOpen[] {
  return unrecordedTabs(input).filter(({ period }) => (input.columns.get(period.key)?.size ?? 0) > 0);
}

/** Plans the check of one directive. */
export function planDeadlineCheck(input: DeadlineCheckInput): DeadlineCheckPlan {
  const { directive, periods } = input;
  const plan: DeadlineCheckPlan = {
    statuses: new Map(),
    taskCells: new Map(),
    counts: {},
    flagChanges: [],
    flags: { raised: 0, updated: 0, resolved: 0, unchanged: 0 },
    tabsToOpen: [],
    tabsToRecord: [],
    staleCells: [],
    problems: input.notices.map((n) => n.message),
    reportedNotices: input.notices.map((n) => n.id),
    reminders: [],
  };
  if (periods.length === 0) return plan;
  for (const period of periods) planStatuses(input, period, plan);

  const keys = new Set(periods.map((p) => p.key));
  const existing = Object.entries(directive.tabs)
    .filter(([key]) => keys.has(key))
    .map(([periodKey, tab]) => ({ periodKey, ...tab }));
  const adopt = new Set(tabsToAdopt(input).map((t) => t.period.key));
  for (const { period, sheetId } of unrecordedTabs(input)) {
    if (!adopt.has(period.key)) {
      plan.tabsToOpen.push({ period, sheetId });
      continue;
    }
    const title = period.label;
    const presentId = input.presentTabs?.get(title);
    if (presentId === undefined) {
      plan.problems.push(msg.tabMissing(title));
      continue;
    }
    existing.push({ periodKey: period.key, sheetId: presentId, title });
    plan.tabsToRecord.push({ period, tab: { sheetId: presentId, title } });
  }
  for (const tab of existing) {
    const columns = input.columns.get(tab.periodKey);
    if (input.taskRows) {
      const deadline = columns?.get(input.keys.deadline);
      const rows = input.recordedRows?.(tab.periodKey);
      const wanted = plan.taskCells.get(tab.periodKey);
      if (!deadline || !rows || !wanted) {
        plan.problems.push(msg.tabMissing(tab.title));
        continue;
      }
      const cells = [...wanted].flatMap(([key, cell]) => {
        const rowIndex = rows[key];
        if (rowIndex === undefined) return [];
        const shown = deadline.cells[rowIndex];
        return (shown === undefined || shown === null ? '' : String(shown)) === cell.text
          ? []
          : [{ rowIndex, ...cell }];
      });
      plan.staleCells.push({ sheetId: tab.sheetId, columnIndex: deadline.columnIndex, cells });
      continue;
    }
    const code = columns?.get(input.keys.code);
    const deadline = columns?.get(input.keys.deadline);
    if (!code || !deadline) {
      plan.problems.push(msg.tabMissing(tab.title));
      continue;
    }
    const stale = staleDeadlineCells(
      code.cells,
      deadline.cells,
      wantedCell(plan, tab.periodKey),
      input.firstUnitRow,
    );
    plan.staleCells.push({ sheetId: tab.sheetId, columnIndex: deadline.columnIndex, cells: stale });
  }
  plan.reminders = reminderItems(directive, periods, plan.statuses, input.units);
  return plan;
}

/** The text and colour a unit's "Tình hình báo cáo" cell should show in a period; undefined for non-recipients. */
export function wantedCell(
  plan: Pick<DeadlineCheckPlan, 'statuses'> & Partial<Pick<DeadlineCheckPlan, 'taskCells'>>,
  periodKey: string,
) {
  return (unitCode: string): { text: string; code: UnitStatusCode | TaskStatusCode } | undefined => {
    const task = plan.taskCells?.get(periodKey)?.get(unitCode);
    if (task) return task;
    const status = plan.statuses.get(periodKey)?.get(unitCode);
    return status ? { text: statusText(status), code: status.code } : undefined;
  };
}

/**
 * A task row's status as the flags and reminders read a unit's: overdue is "quá hạn", a late completion "trễ hạn",
 * an on-time one "đúng hạn", a row not completed before its deadline "chưa đến hạn" or "sắp đến hạn".
 */
function asUnitStatus(row: TaskRowStatus, input: DeadlineCheckInput, completedOn: string | null): UnitStatus {
  const { status } = row;
  if (status.code === 'qua-han') return { code: 'qua-han', workingDaysOverdue: status.workingDays };
  const submittedAt = endOfVietnamDay(completedOn ?? row.deadline);
  if (status.code === 'hoan-thanh-tre-han')
    return { code: 'tre-han', submittedAt, workingDaysLate: status.workingDays };
  if (status.code === 'hoan-thanh-dung-han') return { code: 'dung-han', submittedAt };
  return unitStatus({
    period: { deadline: row.deadline, deadlineEndsAt: endOfVietnamDay(row.deadline) } as Period,
    deadline: row.deadline,
    report: null,
    now: input.now,
    calendar: input.calendar,
    ...(input.dueSoonWorkingDays === undefined ? {} : { dueSoonWorkingDays: input.dueSoonWorkingDays }),
  });
}

/** Each task row's status, its cell's text and its flag, in one period's tab. */
function planTaskStatuses(
  input: DeadlineCheckInput,
  period: Period,
  plan: DeadlineCheckPlan,
  rows: readonly TaskRow[],
): void {
  const byRow = new Map<string, UnitStatus>();
  const cells = new Map<string, { text: string; code: TaskStatusCode }>();
  const counts = Object.fromEntries(UNIT_STATUS_CODES.map((c) => [c, 0])) as Record<UnitStatusCode, number>;
  for (const row of rows) {
    const accepted = input.reports.get(period.key)?.get(row.key)?.acceptedValues;
    const rowStatus = taskRowStatus(row, period, accepted, {
      now: input.now,
      calendar: input.calendar,
      extensions: input.directive.extensions,
    });
    cells.set(row.key, {
      text: taskStatusText(rowStatus.status, rowStatus.extendedTo),
      code: rowStatus.status.code,
    });
    const completedOn = typeof accepted?.ngay_hoan_thanh === 'string' ? accepted.ngay_hoan_thanh : null;
    const status = asUnitStatus(rowStatus, input, completedOn);
    byRow.set(row.key, status);
    counts[status.code] += 1;
    const change = flagChange(
      period.key,
      row.key,
      status,
      input.flags.get(period.key)?.get(row.key),
      input.now,
    );
    plan.flagChanges.push(change);
    plan.flags[change.type] += 1;
  }
  plan.statuses.set(period.key, byRow);
  plan.taskCells.set(period.key, cells);
  plan.counts[period.key] = counts;
}

function planStatuses(input: DeadlineCheckInput, period: Period, plan: DeadlineCheckPlan): void {
  if (input.taskRows) return planTaskStatuses(input, period, plan, input.taskRows(period));
  const byUnit = new Map<string, UnitStatus>();
  const counts = Object.fromEntries(UNIT_STATUS_CODES.map((c) => [c, 0])) as Record<UnitStatusCode, number>;
  for (const unitCode of input.directive.recipients) {
    const status = unitStatus({
      period,
      ...extendedDeadline(input.directive.extensions, period.key, unitCode),
      report: reportState(input.reports.get(period.key)?.get(unitCode)),
      now: input.now,
      calendar: input.calendar,
      ...(input.dueSoonWorkingDays === undefined ? {} : { dueSoonWorkingDays: input.dueSoonWorkingDays }),
    });
    byUnit.set(unitCode, status);
    counts[status.code] += 1;
    const change = flagChange(
      period.key,
      unitCode,
      status,
      input.flags.get(period.key)?.get(unitCode),
      input.now,
    );
    plan.flagChanges.push(change);
    plan.flags[change.type] += 1;
  }
  plan.statuses.set(period.key, byUnit);
  plan.counts[period.key] = counts;
}

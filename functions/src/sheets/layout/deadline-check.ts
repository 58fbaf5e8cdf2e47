/** The requests of a deadline check: new periods' tabs with every status filled in, then the stale cells; pure. */
import type { sheets_v4 } from '@googleapis/sheets';
import type { Template } from '@theodoi/sheets-schema/template-format';
import { wantedCell, type DeadlineCheckPlan } from '../../domain/deadlines/plan-check.js';
import type { Unit } from '../../domain/organisation.js';
import type { Period } from '../../domain/periods/periods.js';
import { deadlineRequests } from './deadline-cells.js';
import type { ReportTab } from './new-spreadsheet.js';
import { planPeriodTab, type NewTabInput } from './period-tab.js';
import { SYSTEM_KEYS } from './report-tab.js';

/** What the new tabs are built from. */
export interface DeadlineCheckLayout {
  /** The directive's template, asked for only when a tab is opened. */
  template: () => Template;
  /** Recipient units, in row order. */
  units: readonly Unit[];
  directive: NewTabInput['directive'] & { tabs: Readonly<Record<string, { sheetId: number }>> };
  /** The account theodoi acts as: sole editor of the tab's own columns. */
  actingAccount: string;
  /** A directive of tasks: the rows of a new period's tab. */
  taskRows?: (period: Period) => NonNullable<NewTabInput['taskRows']>;
}

/** The check's requests for its one batchUpdate, the tabs it opens, and how many status cells it writes. */
export interface DeadlineCheckRequests {
  requests: sheets_v4.Schema$Request[];
  opened: { period: Period; tab: ReportTab }[];
  cellsWritten: number;
}

/** Lays out `plan`: each new tab as provisioning would make it, its status column filled, then the stale cells. */
export function deadlineCheckRequests(
  plan: Pick<DeadlineCheckPlan, 'tabsToOpen' | 'staleCells' | 'statuses'> &
    Partial<Pick<DeadlineCheckPlan, 'taskCells'>>,
  layout: DeadlineCheckLayout,
): DeadlineCheckRequests {
  const out: DeadlineCheckRequests = { requests: [], opened: [], cellsWritten: 0 };
  const existing: Record<string, { sheetId: number }> = { ...layout.directive.tabs };
  for (const { period, sheetId } of plan.tabsToOpen) {
    const tab = planPeriodTab(
      {
        period,
        template: layout.template(),
        units: layout.units,
        directive: layout.directive,
        existing: { ...existing },
        actingAccount: layout.actingAccount,
        ...(layout.taskRows ? { taskRows: layout.taskRows(period) } : {}),
      },
      sheetId,
    );
    existing[period.key] = tab.tab;
    const wanted = wantedCell(plan, period.key);
    const cells = [...tab.rowOf].flatMap(([unitCode, rowIndex]) => {
      const cell = wanted(unitCode);
      return cell ? [{ rowIndex, ...cell }] : [];
    });
    out.requests.push(
      ...tab.requests,
      ...deadlineRequests(sheetId, tab.columnOf.get(SYSTEM_KEYS.deadline)!, cells),
    );
    out.opened.push({ period, tab: tab.tab });
    out.cellsWritten += cells.length;
  }
  for (const { sheetId, columnIndex, cells } of plan.staleCells) {
    out.requests.push(...deadlineRequests(sheetId, columnIndex, cells));
    out.cellsWritten += cells.length;
  }
  return out;
}

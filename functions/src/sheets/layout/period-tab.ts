/** Plans a periodic directive's next report tab: addSheet and the report tab's requests, for one batchUpdate. */
import type { sheets_v4 } from '@googleapis/sheets';
import type { Template } from '@theodoi/sheets-schema/template-format';
import type { Unit } from '../../domain/organisation.js';
import type { Period } from '../../domain/periods/periods.js';
import { sheet as msg } from '../../messages.vi.js';
import type { TaskRow } from '../../domain/tasks/task-rows.js';
import {
  displayDate,
  FIRST_REPORT_SHEET_ID,
  periodTabTitle,
  tabDeadlineLine,
  type ReportTab,
} from './new-spreadsheet.js';
import {
  FIRST_UNIT_ROW,
  reportColumns,
  reportGridSize,
  reportRows,
  reportTabLayout,
  reportTabRequests,
} from './report-tab.js';

/** Everything a new tab is built from. */
export interface NewTabInput {
  period: Period;
  template: Template;
  /** Recipient units, in row order. */
  units: readonly Unit[];
  /** A directive of tasks: the rows of this period's tab (domain/tasks/task-rows.ts). */
  taskRows?: readonly TaskRow[];
  /** The directive's number and date as the title line cites them. */
  directive: { number: string | null; date: string | null; coordinators: readonly string[] };
  /** The report tabs the spreadsheet has already, by period key. */
  existing: Readonly<Record<string, { sheetId: number }>>;
  /** The account theodoi acts as: sole editor of the tab's own columns. */
  actingAccount: string;
  /** The tab's title when not the period's own (a tab recreated where that title is taken). */
  title?: string;
  /** The tab's position when not after every existing report tab (a tab recreated among the others). */
  index?: number;
}

/** A planned tab: its requests, and where each unit's row and each column are in it. */
export interface NewTabPlan {
  tab: ReportTab;
  requests: sheets_v4.Schema$Request[];
  /** 0-based row of each row key (a unit's code, or `<unitCode>~<taskId>`). */
  rowOf: Map<string, number>;
  /** 0-based column of each column key. */
  columnOf: Map<string, number>;
}

/** The sheet id of the next report tab: 1000 + n, after every report tab already there. */
export function nextReportSheetId(existing: Readonly<Record<string, { sheetId: number }>>): number {
  const ids = Object.values(existing).map((t) => t.sheetId);
  return Math.max(FIRST_REPORT_SHEET_ID - 1, ...ids) + 1;
}

export { periodTabTitle };

/** Plans the tab of `period`, placed after the existing report tabs (before "Tổng hợp"); pure. */
export function planPeriodTab(input: NewTabInput, sheetId: number): NewTabPlan {
  const { period, template, units, directive } = input;
  const tasks = input.taskRows !== undefined;
  const title = input.title ?? periodTabTitle(period, tasks);
  const rows = reportRows(units, input.taskRows);
  const size = reportGridSize({ template, rows });
  const directiveRef = msg.directiveRef(
    directive.number,
    directive.date ? displayDate(directive.date) : null,
  );
  const addSheet: sheets_v4.Schema$Request = {
    addSheet: {
      properties: {
        sheetId,
        title,
        index: input.index ?? 1 + Object.keys(input.existing).length,
        gridProperties: {
          rowCount: size.rows,
          columnCount: size.columns,
          frozenRowCount: 4,
          frozenColumnCount: 2,
        },
      },
    },
  };
  const requests = [
    addSheet,
    ...reportTabRequests({
      sheetId,
      periodKey: period.key,
      titleLine: msg.reportTitle(template.title, period.label, directiveRef),
      deadlineLine: tabDeadlineLine(period, tasks),
      template,
      rows,
      alwaysEditors: [input.actingAccount, ...directive.coordinators],
      systemEditors: [input.actingAccount],
    }),
  ];
  return {
    tab: { periodKey: period.key, sheetId, title, ...reportTabLayout(template, rows) },
    requests,
    rowOf: new Map(rows.map((r, i) => [r.key, FIRST_UNIT_ROW + i])),
    columnOf: new Map(reportColumns(template).map((c, i) => [c.key, i])),
  };
}

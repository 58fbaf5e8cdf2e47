/**
 * Plans a directive's spreadsheet: the one batchUpdate that turns the empty spreadsheet Drive creates (one tab, sheet
 * id 0) into theodoi's — title, vi_VN, Vietnam time, every tab with its id — and fills every tab.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { DateTime } from 'luxon';
import type { Template } from '@theodoi/sheets-schema/template-format';
import { VIETNAM_ZONE } from '../../clock.js';
import type { DirectiveSpec } from '../../domain/directive.js';
import type { Unit } from '../../domain/organisation.js';
import type { Period } from '../../domain/periods/periods.js';
import { sheet as msg } from '../../messages.vi.js';
import { guideTabRequests, summaryPlaceholderRequests } from './guide-tab.js';
import type { TaskRow } from '../../domain/tasks/task-rows.js';
import { tasks as taskMsg } from '../../messages.vi.js';
import {
  reportGridSize,
  reportRows,
  reportTabLayout,
  reportTabRequests,
  type TabLayout,
} from './report-tab.js';

/** Sheet ids: fixed for the guide and summary tabs, 1000 + n for the report tabs in the order they open. */
export const GUIDE_SHEET_ID = 0;
export const SUMMARY_SHEET_ID = 1;
export const FIRST_REPORT_SHEET_ID = 1000;

/** One report tab of the spreadsheet; with the layout it is provisioned with, for the directive's record. */
export interface ReportTab extends Partial<TabLayout> {
  periodKey: string;
  sheetId: number;
  title: string;
}

/** What provisioning sends: the file's title (Drive's files.create) and the one batchUpdate that shapes and fills it. */
export interface ProvisionPlan {
  title: string;
  requests: sheets_v4.Schema$Request[];
  tabs: ReportTab[];
}

/** The sheet ids of a spreadsheet Drive has just created: one tab, sheet id 0. */
export const NEW_SPREADSHEET_SHEETS: ReadonlySet<number> = new Set([0]);

/** The dotted field paths of the properties given (`gridProperties.rowCount`, …), for an update's mask. */
function fieldMask(properties: object, prefix = ''): string[] {
  return Object.entries(properties).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? fieldMask(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

/**
 * The requests that give a spreadsheet its title, locale vi_VN and Vietnam's time zone, and exactly `tabs`: a tab whose
 * sheet id is among `present` (Drive's first tab, 0, in a new spreadsheet) is updated into it, the others are added.
 */
export function shapeSpreadsheetRequests(
  title: string,
  tabs: readonly sheets_v4.Schema$SheetProperties[],
  present: ReadonlySet<number> = NEW_SPREADSHEET_SHEETS,
): sheets_v4.Schema$Request[] {
  return [
    {
      updateSpreadsheetProperties: {
        properties: { title, locale: 'vi_VN', timeZone: VIETNAM_ZONE },
        fields: 'title,locale,timeZone',
      },
    },
    ...tabs.map((properties): sheets_v4.Schema$Request => {
      if (!present.has(properties.sheetId ?? -1)) return { addSheet: { properties } };
      const { sheetId: _id, ...changed } = properties;
      return { updateSheetProperties: { properties, fields: fieldMask(changed).join(',') } };
    }),
  ];
}

/** Inputs of the plan. */
export interface ProvisionPlanInput {
  spec: DirectiveSpec;
  template: Template;
  /** Recipient units, in row order. */
  units: readonly Unit[];
  /** The periods whose tabs exist from the start. */
  periods: readonly Period[];
  /** The account theodoi acts as: owner of the spreadsheet, sole editor of its own columns. */
  actingAccount: string;
  /** A directive of tasks: the task rows of each period's tab (domain/tasks/task-rows.ts). */
  taskRows?: (period: Period) => readonly TaskRow[];
}

/** The title of a period's report tab: the period's label; "Báo cáo" for a one-off report, "Nhiệm vụ" for tasks. */
export function periodTabTitle(period: Pick<Period, 'kind' | 'label'>, tasks = false): string {
  if (period.kind !== 'once') return period.label;
  return tasks ? taskMsg.tabOnce : msg.reportTabOnce;
}

/** The line under a tab's title: the period's deadline, or how a task tab is filled (each row has its own). */
export function tabDeadlineLine(period: Pick<Period, 'deadline'>, tasks: boolean): string {
  return tasks
    ? taskMsg.deadlineLine
    : msg.deadlineLine(displayDate(period.deadline), weekdayOf(period.deadline));
}

/** The spreadsheet's title: "<số> – <trích yếu>". */
export function spreadsheetTitle(spec: Pick<DirectiveSpec, 'number' | 'subject'>): string {
  return `${spec.number ?? msg.directiveRef(null, null)} – ${spec.subject}`;
}

/** "dd/MM/yyyy" of an ISO day. */
export function displayDate(iso: string): string {
  return DateTime.fromISO(iso, { zone: VIETNAM_ZONE }).toFormat('dd/MM/yyyy');
}

/** "thứ Hai" … "Chủ nhật" of an ISO day. */
export function weekdayOf(iso: string): string {
  return msg.weekdays[DateTime.fromISO(iso, { zone: VIETNAM_ZONE }).weekday - 1] ?? '';
}

/** Builds the plan; pure. */
export function planSpreadsheet(input: ProvisionPlanInput): ProvisionPlan {
  const { spec, template, units, periods, actingAccount } = input;
  const systemEditors = [actingAccount];
  const alwaysEditors = [actingAccount, ...spec.coordinators];
  const directiveRef = msg.directiveRef(spec.number, spec.date ? displayDate(spec.date) : null);
  const tasks = input.taskRows !== undefined;
  const rowsOf = periods.map((p) => reportRows(units, input.taskRows?.(p)));
  const tabs: ReportTab[] = periods.map((p, i) => ({
    periodKey: p.key,
    sheetId: FIRST_REPORT_SHEET_ID + i,
    title: periodTabTitle(p, tasks),
    ...reportTabLayout(template, rowsOf[i]!),
  }));
  const tabProperties: sheets_v4.Schema$SheetProperties[] = [
    {
      sheetId: GUIDE_SHEET_ID,
      title: msg.guideTab,
      index: 0,
      gridProperties: { rowCount: 20, columnCount: 2 },
    },
    ...tabs.map((tab, i) => ({
      sheetId: tab.sheetId,
      title: tab.title,
      index: 1 + i,
      gridProperties: {
        rowCount: reportGridSize({ template, rows: rowsOf[i]! }).rows,
        columnCount: reportGridSize({ template, rows: rowsOf[i]! }).columns,
        frozenRowCount: 4,
        frozenColumnCount: 2,
      },
    })),
    { sheetId: SUMMARY_SHEET_ID, title: msg.summaryTab, index: 1 + tabs.length },
  ];
  const requests: sheets_v4.Schema$Request[] = [
    ...shapeSpreadsheetRequests(spreadsheetTitle(spec), tabProperties),
    ...guideTabRequests(
      GUIDE_SHEET_ID,
      {
        directiveRef,
        subject: spec.subject,
        issuer: spec.issuer,
        deadlines: periods.map(
          (p) =>
            `${p.kind === 'once' ? '' : `${p.label}: `}${displayDate(p.deadline)} (${weekdayOf(p.deadline)})`,
        ),
        templateTitle: template.title,
        instructions: template.instructions,
        contact: [spec.contact.person, spec.contact.phone, spec.contact.email].filter(Boolean).join(' — '),
      },
      systemEditors,
    ),
    ...tabs.flatMap((tab, i) => {
      const period = periods[i]!;
      return reportTabRequests({
        sheetId: tab.sheetId,
        periodKey: tab.periodKey,
        titleLine: msg.reportTitle(template.title, period.label, directiveRef),
        deadlineLine: tabDeadlineLine(period, tasks),
        template,
        rows: rowsOf[i]!,
        alwaysEditors,
        systemEditors,
      });
    }),
    ...summaryPlaceholderRequests(SUMMARY_SHEET_ID, systemEditors),
  ];
  return { title: spreadsheetTitle(spec), requests, tabs };
}

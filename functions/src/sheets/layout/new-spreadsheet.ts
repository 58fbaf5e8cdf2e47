/** Plans a directive's spreadsheet: the create body and the one batchUpdate that fills every tab. */
import type { sheets_v4 } from '@googleapis/sheets';
import { DateTime } from 'luxon';
import type { Template } from '@theodoi/sheets-schema/template-format';
import { VIETNAM_ZONE } from '../../clock.js';
import type { DirectiveSpec } from '../../domain/directive.js';
import type { Unit } from '../../domain/organisation.js';
import type { Period } from '../../domain/periods/periods.js';
import { sheet as msg } from '../../messages.vi.js';
import { guideTabRequests, summaryPlaceholderRequests } from './guide-tab.js';
import { reportGridSize, reportTabLayout, reportTabRequests, type TabLayout } from './report-tab.js';

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

/** What provisioning sends. */
export interface ProvisionPlan {
  title: string;
  create: sheets_v4.Schema$Spreadsheet;
  requests: sheets_v4.Schema$Request[];
  tabs: ReportTab[];
  /** Everyone who must be able to open the spreadsheet as a writer: units' editors and coordinators. */
  writers: string[];
}

/** Inputs of the plan. */
export interface ProvisionPlanInput {
  spec: DirectiveSpec;
  template: Template;
  /** Recipient units, in row order. */
  units: readonly Unit[];
  /** The periods whose tabs exist from the start. */
  periods: readonly Period[];
  serviceAccount: string;
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
  const { spec, template, units, periods, serviceAccount } = input;
  const systemEditors = [serviceAccount];
  const alwaysEditors = [serviceAccount, ...spec.coordinators];
  const directiveRef = msg.directiveRef(spec.number, spec.date ? displayDate(spec.date) : null);
  const layout = reportTabLayout(template, units);
  const tabs: ReportTab[] = periods.map((p, i) => ({
    periodKey: p.key,
    sheetId: FIRST_REPORT_SHEET_ID + i,
    title: p.kind === 'once' ? msg.reportTabOnce : p.label,
    ...layout,
  }));
  const size = reportGridSize({ template, units });
  const create: sheets_v4.Schema$Spreadsheet = {
    properties: { title: spreadsheetTitle(spec), locale: 'vi_VN', timeZone: VIETNAM_ZONE },
    sheets: [
      {
        properties: {
          sheetId: GUIDE_SHEET_ID,
          title: msg.guideTab,
          index: 0,
          gridProperties: { rowCount: 20, columnCount: 2 },
        },
      },
      ...tabs.map((tab, i) => ({
        properties: {
          sheetId: tab.sheetId,
          title: tab.title,
          index: 1 + i,
          gridProperties: {
            rowCount: size.rows,
            columnCount: size.columns,
            frozenRowCount: 4,
            frozenColumnCount: 2,
          },
        },
      })),
      { properties: { sheetId: SUMMARY_SHEET_ID, title: msg.summaryTab, index: 1 + tabs.length } },
    ],
  };
  const requests: sheets_v4.Schema$Request[] = [
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
        deadlineLine: msg.deadlineLine(displayDate(period.deadline), weekdayOf(period.deadline)),
        template,
        units,
        alwaysEditors,
        systemEditors,
      });
    }),
    ...summaryPlaceholderRequests(SUMMARY_SHEET_ID, systemEditors),
  ];
  const writers = [...new Set([...units.flatMap((u) => u.editors), ...spec.coordinators])].filter(
    (e) => e !== serviceAccount,
  );
  return { title: spreadsheetTitle(spec), create, requests, tabs, writers };
}

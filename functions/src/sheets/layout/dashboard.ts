/**
 * The dashboard spreadsheet "Theo dõi thực hiện văn bản chỉ đạo": its shape (turned out of the empty spreadsheet Drive
 * creates) and its one-call rewrite, with the addresses that cannot open their directives' spreadsheets yet.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '../../clock.js';
import type { IsoDate } from '../../domain/calendar/iso-date.js';
import { directiveLabel } from '../../domain/directive-label.js';
import type { UnitStatusCode } from '../../domain/status/index.js';
import type { SharingStatus } from '../../domain/sharing.js';
import type { SummaryKpis } from '../../domain/summary/model.js';
import { asInertText } from '../../domain/values/text.js';
import { dashboard as msg, deadlines, sharing } from '../../messages.vi.js';
import { evaluationTabProperties } from './evaluation-layout.js';
import { shapeSpreadsheetRequests } from './new-spreadsheet.js';
import { resetTabRequests } from './reset-tab.js';
import { dateSerial, SUMMARY_STATUS_COLOURS } from './summary-tab.js';

type Request = sheets_v4.Schema$Request;
type CellData = sheets_v4.Schema$CellData;
type CellFormat = sheets_v4.Schema$CellFormat;

/** Sheet id of the "Văn bản" tab (one row per open directive): the first tab Drive's new spreadsheet has. */
export const DASHBOARD_DIRECTIVES_SHEET_ID = 0;
/** Sheet id of the "Đơn vị × văn bản" tab (units × directives matrix of statuses). */
export const DASHBOARD_MATRIX_SHEET_ID = 1;
/** Rows above each tab's table: heading, updated line or legend, blank, column header. */
export const DASHBOARD_HEADER_ROWS = 4;

/** One open directive as the dashboard shows it. */
export interface DashboardDirective {
  /** theodoi's id of the directive: never shown to leadership, who know a directive by its number and date. */
  id: string;
  number: string | null;
  /** The day the directive was issued. */
  date: IsoDate | null;
  subject: string;
  spreadsheetUrl: string;
  /** The period due now; null before the first period opens. */
  period: { key: string; label: string; deadline: IsoDate } | null;
  /** The period's counts; null without a period. */
  kpis: SummaryKpis | null;
  /** Each recipient's status in the period, by unit code (recipients only). */
  statuses: ReadonlyMap<string, UnitStatusCode>;
  /** Recipient unit codes (a unit outside them shows "—"). */
  recipients: ReadonlySet<string>;
  /** theodoi can no longer open the spreadsheet (deleted or unshared): its figures are the last it saw. */
  accessLost?: boolean;
}

/** An address that cannot open some of the organisation's spreadsheets yet, with what to do about it. */
export interface DashboardAccessIssue {
  /** The units it is the editor of ("Người theo dõi" for a coordinator), joined. */
  units: string;
  address: string;
  status: Exclude<SharingStatus, 'shared'>;
  /** The directives whose spreadsheet it cannot open, by label. */
  directives: readonly string[];
}

/** What the dashboard shows: the organisation, its open directives, its units, and who cannot get in yet. */
export interface DashboardModel {
  organisationName: string;
  generatedAt: Date;
  directives: readonly DashboardDirective[];
  /** The units in the organisation's order (the order of its file). */
  units: readonly { code: string; name: string; groupName: string }[];
  /** Addresses the open directives' spreadsheets could not be shared with yet. */
  accessIssues: readonly DashboardAccessIssue[];
}

/** The dashboard spreadsheet's title. */
export function dashboardTitle(organisationName: string): string {
  return `${msg.title} — ${organisationName}`;
}

/** The dashboard's three tabs, with their fixed ids: the two of the dashboard, then "Đánh giá đơn vị". */
export const DASHBOARD_TABS: readonly sheets_v4.Schema$SheetProperties[] = [
  { sheetId: DASHBOARD_DIRECTIVES_SHEET_ID, title: msg.directivesTab, index: 0 },
  { sheetId: DASHBOARD_MATRIX_SHEET_ID, title: msg.matrixTab, index: 1 },
  evaluationTabProperties(2),
];

/**
 * The requests that give the dashboard spreadsheet its title, vi_VN, Vietnam time and its three tabs: the tabs among
 * `present` are updated (a new spreadsheet's first tab, 0, becomes "Văn bản"), the others added (back).
 */
export function dashboardShapeRequests(organisationName: string, present?: ReadonlySet<number>): Request[] {
  return shapeSpreadsheetRequests(dashboardTitle(organisationName), DASHBOARD_TABS, present);
}

const HEADER_FILL = { red: 0.85, green: 0.89, blue: 0.95 };
const text = (value: string, format?: CellFormat): CellData => ({
  userEnteredValue: asInertText(value),
  ...(format ? { userEnteredFormat: format } : {}),
});
const number = (value: number, format?: CellFormat): CellData => ({
  userEnteredValue: { numberValue: value },
  ...(format ? { userEnteredFormat: format } : {}),
});
const header = (value: string): CellData =>
  text(value, {
    backgroundColor: HEADER_FILL,
    textFormat: { bold: true },
    wrapStrategy: 'WRAP',
    horizontalAlignment: 'CENTER',
    verticalAlignment: 'MIDDLE',
  });
const INTEGER: CellFormat = {
  numberFormat: { type: 'NUMBER', pattern: '#,##0' },
  horizontalAlignment: 'CENTER',
};
const DATE: CellFormat = {
  numberFormat: { type: 'DATE', pattern: 'dd/MM/yyyy' },
  horizontalAlignment: 'CENTER',
};

/** The "Văn bản" tab's rows (values only; the link is a text run's link, never a HYPERLINK formula). */
export function directiveRows(model: DashboardModel): CellData[][] {
  const at = DateTime.fromJSDate(model.generatedAt, { zone: VIETNAM_ZONE });
  const c = msg.columns;
  return [
    [text(msg.heading(model.organisationName), { textFormat: { bold: true, fontSize: 14 } })],
    [
      text(msg.updatedLine(at.toFormat('HH:mm'), at.toFormat('dd/MM/yyyy'), model.directives.length), {
        textFormat: { italic: true },
      }),
    ],
    [],
    [
      c.stt,
      c.number,
      c.date,
      c.subject,
      c.period,
      c.deadline,
      c.reported,
      c.late,
      c.missing,
      c.overdue,
      c.errors,
      c.link,
    ].map(header),
    ...model.directives.map((d, i): CellData[] => {
      const k = d.kpis;
      return [
        number(i + 1, { horizontalAlignment: 'CENTER' }),
        text(d.number ?? msg.noNumber),
        d.date ? number(dateSerial(d.date), DATE) : {},
        text(d.subject, { wrapStrategy: 'WRAP' }),
        text(d.period?.label ?? msg.noPeriod),
        d.period ? number(dateSerial(d.period.deadline), DATE) : {},
        text(k ? `${k.reported}/${k.total}` : '', { horizontalAlignment: 'CENTER' }),
        k ? number(k.late, INTEGER) : {},
        k ? number(k.notReported, INTEGER) : {},
        k
          ? number(
              k.overdue,
              k.overdue ? { ...INTEGER, backgroundColor: SUMMARY_STATUS_COLOURS['qua-han'] } : INTEGER,
            )
          : {},
        k ? number(k.withErrors, INTEGER) : {},
        d.accessLost
          ? text(msg.accessLost, {
              textFormat: { link: { uri: d.spreadsheetUrl }, underline: true },
              backgroundColor: SUMMARY_STATUS_COLOURS['qua-han'],
              wrapStrategy: 'WRAP',
            })
          : text(msg.open, { textFormat: { link: { uri: d.spreadsheetUrl }, underline: true } }),
      ];
    }),
    ...accessRows(model.accessIssues),
  ];
}

/** The section under the directives: the addresses that cannot open a spreadsheet yet, and what to do. */
function accessRows(issues: readonly DashboardAccessIssue[]): CellData[][] {
  const heading = text(sharing.dashboard.heading, { textFormat: { bold: true } });
  if (issues.length === 0)
    return [[], [heading], [text(sharing.dashboard.none, { textFormat: { italic: true } })]];
  return [
    [],
    [heading],
    sharing.dashboard.columns.map(header),
    ...issues.map((issue, i): CellData[] => [
      number(i + 1, { horizontalAlignment: 'CENTER' }),
      text(issue.units, { wrapStrategy: 'WRAP' }),
      text(issue.address),
      text(sharing.status[issue.status], {
        wrapStrategy: 'WRAP',
        backgroundColor: SUMMARY_STATUS_COLOURS['sap-den-han'],
      }),
      text(issue.directives.join('; '), { wrapStrategy: 'WRAP' }),
      text(sharing.advice[issue.status], { wrapStrategy: 'WRAP' }),
    ]),
  ];
}

/** The "Đơn vị × văn bản" tab's rows: one per unit, one status column per directive, coloured. */
export function matrixRows(model: DashboardModel): CellData[][] {
  return [
    [text(msg.heading(model.organisationName), { textFormat: { bold: true, fontSize: 14 } })],
    [text(msg.legend, { textFormat: { italic: true } })],
    [],
    [
      header(msg.columns.stt),
      header(msg.groupColumn),
      header(msg.unitColumn),
      // The subject as the header's note: the header names the directive, the note says what it is about.
      ...model.directives.map((d) => ({
        ...header(d.period ? `${directiveLabel(d)}\n${d.period.label}` : directiveLabel(d)),
        note: msg.subjectNote(d.subject),
      })),
    ],
    ...model.units.map((u, i): CellData[] => [
      number(i + 1, { horizontalAlignment: 'CENTER' }),
      text(u.groupName),
      text(u.name),
      ...model.directives.map((d): CellData => {
        if (!d.recipients.has(u.code)) return text(msg.notRecipient, { horizontalAlignment: 'CENTER' });
        const code = d.statuses.get(u.code);
        if (!code) return {};
        return text(deadlines.statusShort[code], {
          backgroundColor: SUMMARY_STATUS_COLOURS[code],
          horizontalAlignment: 'CENTER',
        });
      }),
    ]),
  ];
}

function rewriteTab(
  sheetId: number,
  rows: CellData[][],
  widths: readonly number[],
  frozenColumns: number,
): Request[] {
  const columnCount = Math.max(widths.length, ...rows.map((r) => r.length));
  const rowCount = Math.max(rows.length, DASHBOARD_HEADER_ROWS + 1);
  const merge = (row: number): Request => ({
    mergeCells: {
      range: {
        sheetId,
        startRowIndex: row,
        endRowIndex: row + 1,
        startColumnIndex: 0,
        endColumnIndex: columnCount,
      },
      mergeType: 'MERGE_ALL',
    },
  });
  return [
    ...resetTabRequests(sheetId, {
      rowCount,
      columnCount,
      frozenRowCount: DASHBOARD_HEADER_ROWS,
      frozenColumnCount: frozenColumns,
      columnWidths: Array.from({ length: columnCount }, (_, i) => widths[i] ?? widths.at(-1) ?? 120),
    }),
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: rows.map((values) => ({ values })),
        fields: 'userEnteredValue,userEnteredFormat,note',
      },
    },
    merge(0),
    merge(1),
  ];
}

/**
 * The requests that rewrite both tabs in one batchUpdate: each tab unmerged and cleared, sized and frozen under
 * its header, every cell written as a value (stringValue / numberValue), statuses coloured.
 */
export function dashboardRequests(model: DashboardModel): Request[] {
  return [
    ...rewriteTab(
      DASHBOARD_DIRECTIVES_SHEET_ID,
      directiveRows(model),
      [45, 130, 100, 420, 130, 100, 90, 80, 100, 80, 80, 120],
      0,
    ),
    ...rewriteTab(
      DASHBOARD_MATRIX_SHEET_ID,
      matrixRows(model),
      [45, 200, 220, ...model.directives.map(() => 130)],
      3,
    ),
  ];
}

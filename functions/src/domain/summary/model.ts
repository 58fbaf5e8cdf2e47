/** The summary model's types: what the Tổng hợp tab and the draft report paragraph are built from. */
import type { ExtendedDeadlines } from '../status/extensions.js';
import type { ColumnType, SummaryKind, Template } from '@theodoi/sheets-schema/template-format';
import type { IsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Period } from '../periods/periods.js';
import type { UnitStatus, UnitStatusCode } from '../status/index.js';

/** The directive's facts the summary shows. */
export interface SummaryDirective {
  id: string;
  number: string | null;
  date: IsoDate | null;
  issuer: string;
  subject: string;
  /** Recipient unit codes, in the order the summary lists them. */
  recipients: readonly string[];
  /** Units' extended deadlines (gia hạn), by row key. */
  extensions?: ExtendedDeadlines | undefined;
}

/** A unit as the summary shows it (the store's units fit this shape). */
export interface SummaryUnit {
  code: string;
  name: string;
  /** The unit's group id; its name comes from `SummaryInput.groupNames`. */
  group: string;
  contact?: { person?: string; phone?: string; email?: string } | undefined;
}

/** What the summary reads of a unit's stored report (the store's StoredReport fits this shape). */
export interface SummaryReport {
  status: 'empty' | 'incomplete' | 'invalid' | 'valid';
  /** Problems in the report as it stands now. */
  errors: readonly unknown[];
  /** The last valid figures, kept when the unit later typed something wrong or cleared its row. */
  acceptedValues: Readonly<Record<string, unknown>> | null;
  firstSubmittedAt: Date | null;
  lastChangedAt: Date;
}

/** Everything the summary is computed from; pure data, no I/O. */
export interface SummaryInput {
  directive: SummaryDirective;
  period: Period;
  template: Template;
  units: readonly SummaryUnit[];
  /**
   * Group id → display name ("UBND các xã, thị trấn"), in the organisation's order of its groups (the table lists
   * and subtotals the groups in this order); the id is shown when absent.
   */
  groupNames?: ReadonlyMap<string, string>;
  /** Stored reports of `period`, by unit code; a unit without one has entered nothing. */
  reports: ReadonlyMap<string, SummaryReport>;
  now: Date;
  calendar: WorkingCalendar;
  /** Working days before the deadline that count as "sắp đến hạn" (the status module's default when absent). */
  dueSoonWorkingDays?: number;
}

/** A key figure's value for one unit: a number, a text (dates as ISO days), a yes/no, or nothing. */
export type FigureValue = number | string | boolean | null;

/** A key figure column of the template, as the summary uses it. */
export interface FigureColumn {
  key: string;
  header: string;
  type: ColumnType;
  rule: SummaryKind;
  phrase?: string;
}

/** The totals row's cell of one key figure, by the column's summary rule. */
export type FigureTotal =
  | { rule: 'sum' | 'average'; value: number | null }
  | { rule: 'count'; value: number }
  | { rule: 'list'; value: string | null }
  | { rule: 'none'; value: null };

/** One unit's line of the table. */
export interface SummaryRow {
  /** 1-based position (số thứ tự). */
  stt: number;
  unitCode: string;
  unitName: string;
  /** The unit's group id; '' for a recipient the organisation's units do not list. */
  groupId: string;
  groupName: string;
  status: UnitStatus;
  /** "Báo cáo trễ hạn (trễ 2 ngày làm việc)". */
  statusText: string;
  /** The Vietnam day the unit first submitted a valid report; null when it never has. */
  reportedOn: IsoDate | null;
  /** In the order of `SummaryModel.figures`, from the unit's last accepted figures. */
  figures: FigureValue[];
}

/**
 * The headline counts. `reported` = units that have submitted valid figures (on time or late, even if they
 * have errors now); `notReported` = the others, split into `overdue` (deadline passed) and `notYetDue`
 * (chưa đến hạn or sắp đến hạn); `withErrors` = units whose report has errors now, whatever its timing;
 * `byStatus` partitions the units by the status shown on their row (what the chart draws).
 */
export interface SummaryKpis {
  total: number;
  reported: number;
  /** reported / total, a fraction (0 when there are no units). */
  reportedShare: number;
  onTime: number;
  late: number;
  notReported: number;
  overdue: number;
  notYetDue: number;
  withErrors: number;
  byStatus: Record<UnitStatusCode, number>;
}

/** One group of units (khối) of the table: its rows, how many of them reported, its subtotals. */
export interface SummaryGroup {
  /** The group id; '' for recipients the organisation's units do not list. */
  id: string;
  /** "Các ban, ngành thuộc UBND huyện"; "Đơn vị khác" for the recipients without a group. */
  name: string;
  /** Index in `SummaryModel.rows` of the group's first row; its rows follow one another. */
  firstRow: number;
  rowCount: number;
  /** The group's counts, as the whole table's. */
  kpis: SummaryKpis;
  /** The subtotal of each key figure over the group's rows, by the figure's summary rule. */
  totals: FigureTotal[];
}

/** A unit to chase: overdue, due soon or with errors; with how late and whom to call. */
export interface ChaseItem {
  unitCode: string;
  unitName: string;
  groupName: string;
  status: UnitStatus;
  statusText: string;
  person: string | null;
  phone: string | null;
  email: string | null;
}

/** The lines above the KPIs. */
export interface SummaryHeader {
  title: string;
  directiveLine: string;
  periodLine: string;
  /** "Cập nhật lúc 08:00 ngày 19/03/2024" (Vietnam time). */
  updatedLine: string;
  /** The KPIs in one line, as leadership reads them at a glance. */
  kpiLine: string;
}

/** The whole summary of one period of one directive. */
export interface SummaryModel {
  directiveId: string;
  periodKey: string;
  periodLabel: string;
  generatedAt: Date;
  header: SummaryHeader;
  kpis: SummaryKpis;
  figures: FigureColumn[];
  /** Group by group (the organisation's order of groups), each group's rows in the directive's order. */
  rows: SummaryRow[];
  /** The groups the rows fall in, in table order; a table of one group needs no subtotal. */
  groups: SummaryGroup[];
  totals: FigureTotal[];
  chase: ChaseItem[];
  /** The draft paragraph for the official report. */
  paragraph: string;
}

/** One unit's status for one period: chưa đến hạn, sắp đến hạn, đúng hạn, trễ hạn, quá hạn or có lỗi. */
import { endOfVietnamDay, vietnamDateOf, type IsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Period } from '../periods/periods.js';

/** The status codes, in the order the summary lists them. */
export const UNIT_STATUS_CODES = [
  'chua-den-han',
  'sap-den-han',
  'dung-han',
  'tre-han',
  'qua-han',
  'co-loi',
] as const;
/** One status code. */
export type UnitStatusCode = (typeof UNIT_STATUS_CODES)[number];

/** What the store knows of a unit's report for a period. */
export interface UnitReportState {
  /** The first time the report became complete and valid (stored at sync time); null while it never has. */
  firstSubmittedAt: Date | null;
  /** Problems in the report as it stands now (invalid or missing required cells); 0 = complete and valid. */
  issueCount: number;
}

/** The status as far as time goes: everything but "có lỗi". */
export type TimingStatus =
  | { code: 'chua-den-han'; workingDaysLeft: number }
  | { code: 'sap-den-han'; workingDaysLeft: number }
  | { code: 'dung-han'; submittedAt: Date }
  | { code: 'tre-han'; submittedAt: Date; workingDaysLate: number }
  | { code: 'qua-han'; workingDaysOverdue: number };

/** A unit's status for a period; "có lỗi" keeps the timing status the report has underneath. */
export type UnitStatus = TimingStatus | { code: 'co-loi'; issueCount: number; timing: TimingStatus };

/** The input of unitStatus. */
export interface UnitStatusInput {
  period: Period;
  /** The unit's own deadline (an extension); the period's deadline when absent. */
  deadline?: IsoDate;
  /** The unit's report; null when the unit has entered nothing. */
  report: UnitReportState | null;
  now: Date;
  /** How many working days before the deadline a unit that has not reported is "sắp đến hạn" (default 2). */
  dueSoonWorkingDays?: number;
  calendar: WorkingCalendar;
}

/** The default number of working days before a deadline that count as "sắp đến hạn". */
export const DEFAULT_DUE_SOON_WORKING_DAYS = 2;

/**
 * Working days past `deadline` at `instant`, counting the first working day on or after the instant's Vietnam
 * day: a report sent on Saturday after a Friday deadline is 1 working day late, as it is handled on Monday.
 * 0 while `instant` is on or before the deadline day.
 */
export function workingDaysPast(deadline: IsoDate, instant: Date, calendar: WorkingCalendar): number {
  const day = vietnamDateOf(instant);
  if (day <= deadline) return 0;
  return calendar.workingDaysBetween(deadline, calendar.nextWorkingDayOnOrAfter(day));
}

function timing(input: UnitStatusInput, deadline: IsoDate, deadlineEndsAt: Date): TimingStatus {
  const { report, now, calendar } = input;
  const submittedAt = report?.firstSubmittedAt ?? null;
  if (submittedAt !== null) {
    if (submittedAt <= deadlineEndsAt) return { code: 'dung-han', submittedAt };
    return {
      code: 'tre-han',
      submittedAt,
      workingDaysLate: workingDaysPast(deadline, submittedAt, calendar),
    };
  }
  if (now > deadlineEndsAt)
    return { code: 'qua-han', workingDaysOverdue: workingDaysPast(deadline, now, calendar) };
  const workingDaysLeft = Math.max(0, calendar.workingDaysBetween(vietnamDateOf(now), deadline));
  const dueSoon = input.dueSoonWorkingDays ?? DEFAULT_DUE_SOON_WORKING_DAYS;
  return { code: workingDaysLeft <= dueSoon ? 'sap-den-han' : 'chua-den-han', workingDaysLeft };
}

/**
 * The status of one unit for one period at `now`. A deadline day ends at 23:59:59.999 Vietnam time; a report
 * counts as submitted at `firstSubmittedAt`; a report with issues now is "có lỗi", whatever its timing.
 */
export function unitStatus(input: UnitStatusInput): UnitStatus {
  const { report, now } = input;
  if (Number.isNaN(now.getTime())) throw new RangeError('unitStatus: invalid `now`');
  const dueSoon = input.dueSoonWorkingDays ?? DEFAULT_DUE_SOON_WORKING_DAYS;
  if (!Number.isInteger(dueSoon) || dueSoon < 0)
    throw new RangeError(`dueSoonWorkingDays must be a whole number ≥ 0, got ${dueSoon}`);
  if (report) {
    if (!Number.isInteger(report.issueCount) || report.issueCount < 0)
      throw new RangeError(`issueCount must be a whole number ≥ 0, got ${report.issueCount}`);
    if (report.issueCount === 0 && report.firstSubmittedAt === null)
      throw new RangeError('A report without issues must have firstSubmittedAt');
  }
  const deadline = input.deadline ?? input.period.deadline;
  const deadlineEndsAt =
    input.deadline === undefined ? input.period.deadlineEndsAt : endOfVietnamDay(deadline);
  const status = timing(input, deadline, deadlineEndsAt);
  return report && report.issueCount > 0
    ? { code: 'co-loi', issueCount: report.issueCount, timing: status }
    : status;
}

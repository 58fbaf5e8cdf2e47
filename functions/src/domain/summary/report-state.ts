/** How a stored report counts for the deadline statuses: submitted when, and with how many problems now. */
import type { TimingStatus, UnitReportState, UnitStatus } from '../status/index.js';
import type { SummaryReport } from './model.js';

/**
 * The status module's view of a report; null when the unit has entered nothing. A valid report is submitted; an
 * emptied row keeps the figures accepted before, so the unit still counts as having submitted; an invalid or
 * incomplete one has at least one problem now and counts as submitted only if it was once valid.
 */
export function reportState(report: SummaryReport | undefined): UnitReportState | null {
  if (!report) return null;
  if (report.status === 'valid')
    return { firstSubmittedAt: report.firstSubmittedAt ?? report.lastChangedAt, issueCount: 0 };
  if (report.status === 'empty')
    return report.firstSubmittedAt ? { firstSubmittedAt: report.firstSubmittedAt, issueCount: 0 } : null;
  return { firstSubmittedAt: report.firstSubmittedAt, issueCount: Math.max(1, report.errors.length) };
}

/** The timing under a status: "có lỗi" keeps the on-time, late, overdue or not-yet-due status underneath. */
export function timingOf(status: UnitStatus): TimingStatus {
  return status.code === 'co-loi' ? status.timing : status;
}

/** The instant the unit first submitted, when it has. */
export function submittedAt(status: UnitStatus): Date | null {
  const timing = timingOf(status);
  return timing.code === 'dung-han' || timing.code === 'tre-han' ? timing.submittedAt : null;
}

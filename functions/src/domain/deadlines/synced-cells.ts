/**
 * The "Tình hình báo cáo" cells a sync rewrites with its statuses: each changed report's deadline status as the
 * morning check will compute it from what the sync stores, where the tab shows something else; pure.
 */
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Period } from '../periods/periods.js';
import { extendedDeadline, statusText, unitStatus, type ExtendedDeadlines } from '../status/index.js';
import type { SummaryReport } from '../summary/model.js';
import { reportState } from '../summary/report-state.js';
import type { ReportChange } from '../sync/plan-sync.js';
import type { CellValue } from '../values/cell.js';
import { staleDeadlineCells, type DeadlineCell } from './stale-cells.js';

/** What the sync knows when it plans a tab's deadline cells. */
export interface SyncedDeadlineInput {
  period: Period;
  /** The instant the changed reports are stored at (their `lastChangedAt`, and `firstSubmittedAt` if first valid). */
  storedAt: Date;
  calendar: WorkingCalendar;
  /** Working days before a deadline that count as "sắp đến hạn" (the status module's default when absent). */
  dueSoonWorkingDays?: number;
  /** The directive's recipients: the check writes no other row's cell. */
  recipients: ReadonlySet<string>;
  /** The reports this sync changes. */
  changes: readonly Pick<ReportChange, 'unitCode' | 'status' | 'errors'>[];
  /** The stored reports before this sync, by unit code. */
  before: ReadonlyMap<string, Pick<SummaryReport, 'firstSubmittedAt'>>;
  /** The tab's code and "Tình hình báo cáo" columns as read, from row 1 down. */
  codeCells: readonly CellValue[];
  deadlineCells: readonly CellValue[];
  /** 0-based row of the tab's first unit. */
  firstRow: number;
  /** Units' extended deadlines (gia hạn), by row key. */
  extensions?: ExtendedDeadlines | undefined;
}

/** A changed report as the store will hold it: first submitted the first time it is valid (store/reports.ts). */
function storedState(
  change: SyncedDeadlineInput['changes'][number],
  before: Pick<SummaryReport, 'firstSubmittedAt'> | undefined,
  storedAt: Date,
): SummaryReport {
  return {
    status: change.status,
    errors: change.errors,
    acceptedValues: null,
    firstSubmittedAt: before?.firstSubmittedAt ?? (change.status === 'valid' ? storedAt : null),
    lastChangedAt: storedAt,
  };
}

/**
 * The deadline cells of the changed recipients whose text differs from what the tab shows: a late report accepted
 * now reads "Báo cáo trễ hạn" at once instead of "Quá hạn chưa báo cáo" until the next morning's check.
 */
export function syncedDeadlineCells(input: SyncedDeadlineInput): DeadlineCell[] {
  const changed = new Map(
    input.changes
      .filter((c) => input.recipients.has(c.unitCode))
      .map((c) => [c.unitCode, storedState(c, input.before.get(c.unitCode), input.storedAt)]),
  );
  if (changed.size === 0) return [];
  return staleDeadlineCells(
    input.codeCells,
    input.deadlineCells,
    (unitCode) => {
      const report = changed.get(unitCode);
      if (!report) return undefined;
      const status = unitStatus({
        period: input.period,
        ...extendedDeadline(input.extensions, input.period.key, unitCode),
        report: reportState(report),
        now: input.storedAt,
        calendar: input.calendar,
        ...(input.dueSoonWorkingDays === undefined ? {} : { dueSoonWorkingDays: input.dueSoonWorkingDays }),
      });
      return { text: statusText(status), code: status.code };
    },
    input.firstRow,
  );
}

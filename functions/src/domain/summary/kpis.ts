/** The headline counts of a summary: reported, on time, late, not reported (overdue or not yet due), with errors. */
import { UNIT_STATUS_CODES, type UnitStatus, type UnitStatusCode } from '../status/index.js';
import type { SummaryKpis } from './model.js';
import { timingOf } from './report-state.js';

/** Counts the units' statuses; see SummaryKpis for what each count means. */
export function countKpis(statuses: readonly UnitStatus[]): SummaryKpis {
  const byStatus = Object.fromEntries(UNIT_STATUS_CODES.map((c) => [c, 0])) as Record<UnitStatusCode, number>;
  let onTime = 0;
  let late = 0;
  let overdue = 0;
  for (const status of statuses) {
    byStatus[status.code] += 1;
    const timing = timingOf(status).code;
    if (timing === 'dung-han') onTime += 1;
    else if (timing === 'tre-han') late += 1;
    else if (timing === 'qua-han') overdue += 1;
  }
  const total = statuses.length;
  const reported = onTime + late;
  return {
    total,
    reported,
    reportedShare: total === 0 ? 0 : reported / total,
    onTime,
    late,
    notReported: total - reported,
    overdue,
    notYetDue: total - reported - overdue,
    withErrors: byStatus['co-loi'],
    byStatus,
  };
}

/** A share as Vietnamese leadership reads it: at most one decimal, comma separator ("80%", "66,7%"). */
export function sharePoints(share: number): number {
  return Math.round(share * 1000) / 10;
}

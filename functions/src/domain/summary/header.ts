/** The summary's header lines: title, directive, period and deadline, "Cập nhật lúc …", and the KPIs in one line. */
import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '../../clock.js';
import { deadlines, sheet, summary as msg } from '../../messages.vi.js';
import { toVietnamDateTime } from '../calendar/iso-date.js';
import type { Period } from '../periods/periods.js';
import { formatViDate, formatViNumber } from '../values/display.js';
import { sharePoints } from './kpis.js';
import type { SummaryDirective, SummaryHeader, SummaryKpis } from './model.js';

/** "Công văn số 06/UBND-NV ngày 05/02/2024", as the report tabs name the directive. */
export function directiveRef(directive: Pick<SummaryDirective, 'number' | 'date'>): string {
  return sheet.directiveRef(directive.number, directive.date ? formatViDate(directive.date) : null);
}

/** "80%", "66,7%": a share with at most one decimal. */
export function shareText(share: number): string {
  return msg.percent(formatViNumber(sharePoints(share)));
}

/** The instant in Vietnam time. */
export function vietnamTime(instant: Date): DateTime {
  return DateTime.fromJSDate(instant, { zone: VIETNAM_ZONE });
}

/** The header of the summary of `period` at `now`. */
export function summaryHeader(
  directive: SummaryDirective,
  period: Period,
  kpis: SummaryKpis,
  now: Date,
): SummaryHeader {
  const ref = directiveRef(directive);
  const deadline = toVietnamDateTime(period.deadline);
  const at = vietnamTime(now);
  return {
    title: msg.title(ref, period.label),
    directiveLine: msg.directiveLine(ref, directive.issuer, directive.subject),
    periodLine: msg.periodLine(
      period.label,
      formatViDate(period.deadline),
      deadlines.weekday[deadline.weekday - 1] ?? '',
    ),
    updatedLine: msg.updatedLine(at.toFormat('HH:mm'), at.toFormat('dd/MM/yyyy')),
    kpiLine: msg.kpiLine({ ...kpis, percent: shareText(kpis.reportedShare) }),
  };
}

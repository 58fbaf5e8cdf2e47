/** Vietnamese wording of unit statuses and deadlines, from messages.vi.ts. */
import { deadlines as messages } from '../../messages.vi.js';
import { toVietnamDateTime, type IsoDate } from '../calendar/iso-date.js';
import type { TimingStatus, UnitStatus } from './unit-status.js';

/** The status's label ("Báo cáo trễ hạn"), or its short form for the summary table ("Trễ hạn"). */
export function statusLabel(status: UnitStatus, form: 'full' | 'short' = 'full'): string {
  return (form === 'short' ? messages.statusShort : messages.status)[status.code];
}

function timingDetail(status: TimingStatus): string | undefined {
  switch (status.code) {
    case 'chua-den-han':
    case 'sap-den-han':
      return messages.daysLeft(status.workingDaysLeft);
    case 'dung-han':
      return undefined;
    case 'tre-han':
      return messages.lateBy(status.workingDaysLate);
    case 'qua-han':
      return messages.overdueBy(status.workingDaysOverdue);
  }
}

/** The status in a sentence: "Báo cáo trễ hạn (trễ 2 ngày làm việc)", "Có lỗi cần sửa (1 lỗi, quá hạn 3 ngày làm việc)". */
export function statusText(status: UnitStatus): string {
  if (status.code !== 'co-loi') {
    const detail = timingDetail(status);
    return messages.withDetail(statusLabel(status), detail === undefined ? [] : [detail]);
  }
  const overdue = status.timing.code === 'qua-han' || status.timing.code === 'tre-han';
  const detail = overdue ? timingDetail(status.timing) : undefined;
  return messages.withDetail(statusLabel(status), [
    messages.issues(status.issueCount),
    ...(detail ? [detail] : []),
  ]);
}

/** "18/03/2024 (thứ Hai)": a date as officers read it, with its weekday. */
export function formatVietnameseDate(date: IsoDate): string {
  const value = toVietnamDateTime(date);
  return `${value.toFormat('dd/MM/yyyy')} (${messages.weekday[value.weekday - 1] ?? ''})`;
}

/** "Hạn báo cáo: 18/03/2024 (thứ Hai)", the line under a report tab's title. */
export function deadlineLine(date: IsoDate): string {
  const value = toVietnamDateTime(date);
  return messages.deadlineLine(value.toFormat('dd/MM/yyyy'), messages.weekday[value.weekday - 1] ?? '');
}

/** A period's deadline: from the schedule's rule or a per-period date, moved off days off by policy. */
import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '../../clock.js';
import { fromVietnamDateTime, toVietnamDateTime, type IsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { DeadlineRule, NonWorkingDeadline } from './schedule.js';

/** The date `rule` gives for a window ending on `cutoff`, before any move off a day off. */
export function ruleDeadline(rule: DeadlineRule, cutoff: IsoDate, calendar: WorkingCalendar): IsoDate {
  if (rule.type === 'working-days-after-cutoff') return calendar.addWorkingDays(cutoff, rule.days);
  const month = toVietnamDateTime(cutoff).startOf('month').plus({ months: rule.monthsAfterCutoff });
  const day = Math.min(rule.day, month.daysInMonth);
  return fromVietnamDateTime(
    DateTime.fromObject({ year: month.year, month: month.month, day }, { zone: VIETNAM_ZONE }),
  );
}

/** `date` moved by `policy` when it is not a working day. */
export function adjustDeadline(
  date: IsoDate,
  policy: NonWorkingDeadline,
  calendar: WorkingCalendar,
): IsoDate {
  switch (policy) {
    case 'keep':
      return date;
    case 'next-working-day':
      return calendar.nextWorkingDayOnOrAfter(date);
    case 'previous-working-day':
      return calendar.lastWorkingDayOnOrBefore(date);
  }
}

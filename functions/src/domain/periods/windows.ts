/** The data cut-off windows of Decree 09/2019 Art. 12: from the 15th to the 14th. */
import type { IsoDate } from '../calendar/iso-date.js';
import { periodsPerYear, type PeriodRef } from './period-key.js';

/** The days whose data a period's report covers, both ends included ("thời gian chốt số liệu"). */
export interface CutoffWindow {
  start: IsoDate;
  cutoff: IsoDate;
}

function day(year: number, month: number, dayOfMonth: number): IsoDate {
  // Month 0 is December of the year before: the 15→14 windows of January and Q1 start there.
  const [y, m] = month < 1 ? [year - 1, month + 12] : [year, month];
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/** The month (1–12) in which `ref`'s window ends. */
export function cutoffMonth(ref: PeriodRef): number {
  switch (ref.kind) {
    case 'monthly':
      return ref.index;
    case 'quarterly':
      return ref.index * 3;
    case 'six-month':
      return 6;
    case 'nine-month':
      return 9;
    case 'annual':
      return 12;
  }
}

/**
 * The cut-off window of `ref`: monthly 15th of the previous month → 14th; quarterly 15th of the month before the
 * quarter → 14th of its last month; six-month, nine-month and annual from 15/12 of the previous year → 14/6,
 * 14/9 and 14/12.
 */
export function cutoffWindow(ref: PeriodRef): CutoffWindow {
  if (
    !Number.isInteger(ref.year) ||
    !Number.isInteger(ref.index) ||
    ref.index < 1 ||
    ref.index > periodsPerYear(ref.kind)
  )
    throw new RangeError(`No ${ref.kind} period ${ref.year}/${ref.index}`);
  const end = cutoffMonth(ref);
  const startMonth = ref.kind === 'monthly' ? end - 1 : ref.kind === 'quarterly' ? end - 3 : 0;
  return { start: day(ref.year, startMonth, 15), cutoff: day(ref.year, end, 14) };
}

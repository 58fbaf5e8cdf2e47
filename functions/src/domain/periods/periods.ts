/** The periods of a schedule: their windows, deadlines and labels; which one is open now and which opens next. */
import { deadlines as messages } from '../../messages.vi.js';
import { endOfVietnamDay, startOfVietnamDay, vietnamDateOf, type IsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { adjustDeadline, ruleDeadline } from './deadline.js';
import {
  comparePeriodRefs,
  formatPeriodKey,
  nextPeriodRef,
  ONCE_KEY,
  parsePeriodKey,
  type PeriodKind,
  type PeriodRef,
} from './period-key.js';
import type { PeriodicSchedule, Schedule } from './schedule.js';
import { cutoffWindow } from './windows.js';

/** One reporting period of a directive, with everything the deadline check and the sheets need. */
export interface Period {
  /** `2024-Q1`, `2024-M03`, `2024-H1`, `2024-9M`, `2024-Y` or `once`. */
  key: string;
  kind: PeriodKind;
  /** Year and index of a periodic period; absent for `once`. */
  ref?: PeriodRef;
  /** "Quý I/2024", "Tháng 3/2024", … */
  label: string;
  /** First day of the cut-off window (a one-off: the day it opens); the period's tab opens on this day. */
  start: IsoDate;
  /** Last day of the cut-off window (a one-off: its deadline as given). */
  cutoff: IsoDate;
  /** The deadline as the rule or the directive gives it. */
  nominalDeadline: IsoDate;
  /** The deadline after moving it off a day off; reports are on time until the end of this day. */
  deadline: IsoDate;
  /** 00:00 Vietnam time on `start`. */
  opensAt: Date;
  /** 23:59:59.999 Vietnam time on `deadline` (16:59:59.999 UTC). */
  deadlineEndsAt: Date;
}

/** The Vietnamese label of a periodic period ("Quý I/2024", "6 tháng đầu năm 2024", …). */
/** The Vietnamese name of a period given by its key ("2024-Q1" → "Quý I/2024", "once" → "Báo cáo theo văn bản"). */
export function periodKeyLabel(key: string): string {
  return key === ONCE_KEY ? messages.periodLabel.once : periodLabel(parsePeriodKey(key));
}

/** The Vietnamese name of a period ("Quý I/2024"). */
export function periodLabel(ref: PeriodRef): string {
  switch (ref.kind) {
    case 'monthly':
      return messages.periodLabel.monthly(ref.index, ref.year);
    case 'quarterly':
      return messages.periodLabel.quarterly(ref.index, ref.year);
    case 'six-month':
      return messages.periodLabel.sixMonth(ref.year);
    case 'nine-month':
      return messages.periodLabel.nineMonth(ref.year);
    case 'annual':
      return messages.periodLabel.annual(ref.year);
  }
}

function build(
  fields: Pick<Period, 'key' | 'kind' | 'label' | 'start' | 'cutoff' | 'nominalDeadline'> & {
    ref?: PeriodRef;
  },
  deadline: IsoDate,
): Period {
  return {
    ...fields,
    deadline,
    opensAt: startOfVietnamDay(fields.start),
    deadlineEndsAt: endOfVietnamDay(deadline),
  };
}

function periodicPeriod(schedule: PeriodicSchedule, ref: PeriodRef, calendar: WorkingCalendar): Period {
  const key = formatPeriodKey(ref);
  const window = cutoffWindow(ref);
  const nominalDeadline =
    schedule.deadlineOverrides[key] ?? ruleDeadline(schedule.deadline, window.cutoff, calendar);
  return build(
    { key, kind: ref.kind, ref, label: periodLabel(ref), ...window, nominalDeadline },
    adjustDeadline(nominalDeadline, schedule.onNonWorkingDay, calendar),
  );
}

function oncePeriod(schedule: Extract<Schedule, { kind: 'once' }>, calendar: WorkingCalendar): Period {
  return build(
    {
      key: ONCE_KEY,
      kind: 'once',
      label: messages.periodLabel.once,
      start: schedule.opensOn,
      cutoff: schedule.deadline,
      nominalDeadline: schedule.deadline,
    },
    adjustDeadline(schedule.deadline, schedule.onNonWorkingDay, calendar),
  );
}

function inSchedule(schedule: PeriodicSchedule, ref: PeriodRef): boolean {
  return comparePeriodRefs(ref, parsePeriodKey(schedule.first)) >= 0 && !afterLast(schedule, ref);
}

function afterLast(schedule: PeriodicSchedule, ref: PeriodRef): boolean {
  return schedule.last !== undefined && comparePeriodRefs(ref, parsePeriodKey(schedule.last)) > 0;
}

/** The period of `schedule` with `key`; throws a RangeError when the schedule has no such period. */
export function periodOf(schedule: Schedule, key: string, calendar: WorkingCalendar): Period {
  if (schedule.kind === 'once') {
    if (key !== ONCE_KEY)
      throw new RangeError(`A one-off schedule has only the period "${ONCE_KEY}", not ${key}`);
    return oncePeriod(schedule, calendar);
  }
  const ref = parsePeriodKey(key);
  if (ref.kind !== schedule.kind || !inSchedule(schedule, ref))
    throw new RangeError(`The ${schedule.kind} schedule from ${schedule.first} has no period ${key}`);
  return periodicPeriod(schedule, ref, calendar);
}

/** The periods of `schedule` named after the years fromYear…toYear (a one-off: its period if it opens in them). */
export function periodsOf(
  schedule: Schedule,
  fromYear: number,
  toYear: number,
  calendar: WorkingCalendar,
): Period[] {
  if (schedule.kind === 'once') {
    const year = Number(schedule.opensOn.slice(0, 4));
    return year >= fromYear && year <= toYear ? [oncePeriod(schedule, calendar)] : [];
  }
  const periods: Period[] = [];
  for (
    let ref: PeriodRef = { kind: schedule.kind, year: fromYear, index: 1 };
    ref.year <= toYear;
    ref = nextPeriodRef(ref)
  )
    if (inSchedule(schedule, ref)) periods.push(periodicPeriod(schedule, ref, calendar));
  return periods;
}

/** The periodic periods whose window has started on or before `today`, oldest first. */
function openedRefs(schedule: PeriodicSchedule, today: IsoDate): PeriodRef[] {
  const refs: PeriodRef[] = [];
  const last = schedule.last === undefined ? undefined : parsePeriodKey(schedule.last);
  for (
    let ref = parsePeriodKey(schedule.first);
    (last === undefined || comparePeriodRefs(ref, last) <= 0) && cutoffWindow(ref).start <= today;
    ref = nextPeriodRef(ref)
  )
    refs.push(ref);
  return refs;
}

/** Every period opened by `instant` (its tab exists), oldest first; computes deadlines only for these. */
export function openedPeriods(schedule: Schedule, instant: Date, calendar: WorkingCalendar): Period[] {
  const today = vietnamDateOf(instant);
  if (schedule.kind === 'once') return schedule.opensOn <= today ? [oncePeriod(schedule, calendar)] : [];
  return openedRefs(schedule, today).map((ref) => periodicPeriod(schedule, ref, calendar));
}

/**
 * The period open for reporting at `instant`: the oldest opened period whose deadline has not passed, or when
 * every opened deadline has passed, the latest opened period; undefined before the first period opens.
 * Between a window's cut-off and its deadline that window's period is the one due, although the next has opened.
 */
export function periodAt(schedule: Schedule, instant: Date, calendar: WorkingCalendar): Period | undefined {
  if (schedule.kind === 'once') return openedPeriods(schedule, instant, calendar)[0];
  const refs = openedRefs(schedule, vietnamDateOf(instant));
  let current: Period | undefined;
  // Deadlines grow with the periods, so walk back from the latest only while deadlines are still ahead.
  for (let i = refs.length - 1; i >= 0; i -= 1) {
    const period = periodicPeriod(schedule, refs[i]!, calendar);
    if (period.deadlineEndsAt < instant) return current ?? period;
    current = period;
  }
  return current;
}

/** The next period whose tab opens after `instant`; undefined when the schedule has none left. */
export function nextPeriodToOpen(
  schedule: Schedule,
  instant: Date,
  calendar: WorkingCalendar,
): Period | undefined {
  const today = vietnamDateOf(instant);
  if (schedule.kind === 'once') return schedule.opensOn > today ? oncePeriod(schedule, calendar) : undefined;
  const opened = openedRefs(schedule, today);
  const last = opened.at(-1);
  const next = last ? nextPeriodRef(last) : parsePeriodKey(schedule.first);
  return afterLast(schedule, next) ? undefined : periodicPeriod(schedule, next, calendar);
}

/** The tally of a unit's outcomes: reports due, on time, late, missing; tasks due, completed, overdue; corrections. */
import type { Outcome } from './outcome.js';

/** The counts of a tally, each a whole number. */
export interface TallyCounts {
  /** Reports whose deadline in force has passed (or that were sent already). */
  reportsDue: number;
  reportsOnTime: number;
  reportsLate: number;
  /** Working days late, summed over the late reports. */
  reportsLateWorkingDays: number;
  /** Reports not in by their deadline: the late ones and those still missing. */
  reportsMissingAtDeadline: number;
  /** Reports still not in at the evaluation's instant. */
  reportsMissing: number;
  /** Tasks whose deadline in force has passed (or that were completed already). */
  tasksDue: number;
  tasksOnTime: number;
  tasksLate: number;
  tasksLateWorkingDays: number;
  /** Tasks not completed and past their deadline. */
  tasksOverdue: number;
  /** Rows (reports or tasks) refused once and accepted later. */
  corrected: number;
  /** Rows whose last version is refused: a correction still awaited. */
  awaitingCorrection: number;
  /** Rows counted on an extended deadline. */
  extended: number;
  /** Rows in the range whose deadline has not come yet (not counted elsewhere). */
  notYetDue: number;
}

/** A tally: its counts, and each late row's working days (the rubric can give partial credit by lateness). */
export interface Tally extends TallyCounts {
  /** Working days late of each late report, ascending. */
  reportLateDays: number[];
  /** Working days late of each late task, ascending. */
  taskLateDays: number[];
}

/** The count keys, in the order tables show them. */
export const TALLY_COUNT_KEYS = [
  'reportsDue',
  'reportsOnTime',
  'reportsLate',
  'reportsLateWorkingDays',
  'reportsMissingAtDeadline',
  'reportsMissing',
  'tasksDue',
  'tasksOnTime',
  'tasksLate',
  'tasksLateWorkingDays',
  'tasksOverdue',
  'corrected',
  'awaitingCorrection',
  'extended',
  'notYetDue',
] as const satisfies readonly (keyof TallyCounts)[];

/** A tally with nothing in it. */
export function emptyTally(): Tally {
  // A literal, not built from the key list: V8 keeps its properties fast for the hundred thousand additions to come.
  return {
    reportsDue: 0,
    reportsOnTime: 0,
    reportsLate: 0,
    reportsLateWorkingDays: 0,
    reportsMissingAtDeadline: 0,
    reportsMissing: 0,
    tasksDue: 0,
    tasksOnTime: 0,
    tasksLate: 0,
    tasksLateWorkingDays: 0,
    tasksOverdue: 0,
    corrected: 0,
    awaitingCorrection: 0,
    extended: 0,
    notYetDue: 0,
    reportLateDays: [],
    taskLateDays: [],
  };
}

/** Adds one outcome to `tally` (in place). */
export function addOutcome(tally: Tally, outcome: Outcome): void {
  if (outcome.result === 'not-yet-due') {
    tally.notYetDue += 1;
    return;
  }
  if (outcome.corrected) tally.corrected += 1;
  if (outcome.awaitingCorrection) tally.awaitingCorrection += 1;
  if (outcome.extended) tally.extended += 1;
  if (outcome.kind === 'report') {
    tally.reportsDue += 1;
    if (outcome.result === 'on-time') tally.reportsOnTime += 1;
    else tally.reportsMissingAtDeadline += 1;
    if (outcome.result === 'late') {
      tally.reportsLate += 1;
      tally.reportsLateWorkingDays += outcome.workingDaysLate;
      tally.reportLateDays.push(outcome.workingDaysLate);
    }
    if (outcome.result === 'missing') tally.reportsMissing += 1;
    return;
  }
  tally.tasksDue += 1;
  if (outcome.result === 'on-time') tally.tasksOnTime += 1;
  if (outcome.result === 'late') {
    tally.tasksLate += 1;
    tally.tasksLateWorkingDays += outcome.workingDaysLate;
    tally.taskLateDays.push(outcome.workingDaysLate);
  }
  if (outcome.result === 'overdue') tally.tasksOverdue += 1;
}

/** Sorts the late-day lists, so a tally does not depend on the order its outcomes came in. */
export function settleTally(tally: Tally): Tally {
  tally.reportLateDays.sort((a, b) => a - b);
  tally.taskLateDays.sort((a, b) => a - b);
  return tally;
}

/** The sum of several tallies (a group's, the organisation's). */
export function sumTallies(tallies: readonly Tally[]): Tally {
  const total = emptyTally();
  for (const tally of tallies) {
    for (const key of TALLY_COUNT_KEYS) total[key] += tally[key];
    total.reportLateDays.push(...tally.reportLateDays);
    total.taskLateDays.push(...tally.taskLateDays);
  }
  return settleTally(total);
}

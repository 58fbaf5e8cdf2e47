/** What became of one obligation at the evaluation's instant: on time, late (by how many working days), missing. */
import { endOfVietnamDay, vietnamDateOf, type IsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { workingDaysPast } from '../status/unit-status.js';
import { effectiveDeadline, extensionAt, type Obligation, type ObligationVersion } from './obligation.js';

/** How a row's versions went: refused then accepted later, or refused and still waiting for a correction. */
export interface CorrectionOutcome {
  /** A refused version (invalid or incomplete) was followed by an accepted one. */
  corrected: boolean;
  /** The last version that was not a cleared row is refused. */
  awaitingCorrection: boolean;
}

/** One obligation as the evaluation counts it. */
export type Outcome = CorrectionOutcome & {
  directiveId: string;
  unitCode: string;
  /** The deadline in force at the instant (an extension's day, or the row's own). */
  due: IsoDate;
  extended: boolean;
} & (
    | { kind: 'report'; result: 'on-time' | 'late' | 'missing'; workingDaysLate: number }
    | { kind: 'task'; result: 'on-time' | 'late' | 'overdue'; workingDaysLate: number }
    | { kind: 'report' | 'task'; result: 'not-yet-due'; workingDaysLate: 0 }
  );

const refused = (v: ObligationVersion) => v.status === 'invalid' || v.status === 'incomplete';

/** Whether the row's versions up to the instant show a correction, or one still awaited. */
export function correctionOf(versions: readonly ObligationVersion[]): CorrectionOutcome {
  let refusedSeen = false;
  let corrected = false;
  let last: ObligationVersion | undefined;
  for (const version of versions) {
    if (refused(version)) refusedSeen = true;
    else if (version.status === 'valid' && refusedSeen) corrected = true;
    if (version.status !== 'empty') last = version;
  }
  return { corrected, awaitingCorrection: last !== undefined && refused(last) };
}

/** Working days from the deadline `due` to the day `day` (0 when on or before it); a day off counts from the next working day. */
export function workingDaysAfter(due: IsoDate, day: IsoDate, calendar: WorkingCalendar): number {
  return day <= due ? 0 : calendar.workingDaysBetween(due, calendar.nextWorkingDayOnOrAfter(day));
}

/** The completion a task row reported by the instant: the last accepted version's progress. */
function completionDay(versions: readonly ObligationVersion[], instantDay: IsoDate): IsoDate | null {
  let accepted: ObligationVersion | undefined;
  for (const version of versions) if (version.status === 'valid') accepted = version;
  const progress = accepted?.progress;
  if (!accepted || progress?.state !== 'completed') return null;
  // The template requires the day with "Hoàn thành"; a row stored without it counts from the day it was accepted.
  const day = progress.completedOn ?? vietnamDateOf(accepted.at);
  // A completion typed for a day still to come is not a completion yet.
  return day <= instantDay ? day : null;
}

/**
 * The outcome of `obligation` at `instant`, or undefined when its deadline in force is outside [from, to]. Only
 * what was stored by `instant` counts (versions, first submission, extensions granted), so the outcome of a past
 * instant never changes. A deadline ends at 23:59:59.999 Vietnam time; until then the row is not yet due.
 */
export function outcomeOf(
  obligation: Obligation,
  window: { from: IsoDate; to: IsoDate },
  instant: Date,
  calendar: WorkingCalendar,
): Outcome | undefined {
  const due = effectiveDeadline(obligation, instant);
  if (due < window.from || due > window.to) return undefined;
  // Most rows were stored before the instant: keep the list as it is rather than copy it.
  const last = obligation.versions.at(-1);
  const versions =
    last === undefined || last.at <= instant
      ? obligation.versions
      : obligation.versions.filter((v) => v.at <= instant);
  const extended = obligation.extensions.length > 0 && extensionAt(obligation, instant) !== undefined;
  const { corrected, awaitingCorrection } = correctionOf(versions);
  // Every outcome is built by one literal, so they all share one shape (V8 keeps the tally's loop fast).
  const outcome = (kind: 'report' | 'task', result: Outcome['result'], workingDaysLate: number) =>
    ({
      directiveId: obligation.directiveId,
      unitCode: obligation.unitCode,
      due,
      extended,
      corrected,
      awaitingCorrection,
      kind,
      result,
      workingDaysLate,
    }) as Outcome;
  const dueEndsAt = endOfVietnamDay(due).getTime();
  const at = instant.getTime();
  if (obligation.kind === 'task') {
    const completed = completionDay(versions, vietnamDateOf(instant));
    if (completed !== null) {
      const late = workingDaysAfter(due, completed, calendar);
      return outcome('task', late > 0 ? 'late' : 'on-time', late);
    }
    return outcome('task', dueEndsAt >= at ? 'not-yet-due' : 'overdue', 0);
  }
  const submitted = submittedBy(obligation, versions, instant);
  if (submitted !== null && submitted.getTime() <= dueEndsAt) return outcome('report', 'on-time', 0);
  if (dueEndsAt >= at) return outcome('report', 'not-yet-due', 0);
  if (submitted !== null) return outcome('report', 'late', workingDaysPast(due, submitted, calendar));
  return outcome('report', 'missing', 0);
}

/** When the row was first valid, if by `instant`: the stored first submission, else the first accepted version. */
function submittedBy(
  obligation: Obligation,
  versions: readonly ObligationVersion[],
  instant: Date,
): Date | null {
  if (obligation.firstSubmittedAt !== null)
    return obligation.firstSubmittedAt <= instant ? obligation.firstSubmittedAt : null;
  return versions.find((v) => v.status === 'valid')?.at ?? null;
}

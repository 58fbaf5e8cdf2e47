// One row's outcome at an instant: the 23:59 Vietnam-time end of a deadline, working days late across Tết 2024 and
// a weekend, extensions granted before or after the instant, corrections, and a task's completion day.
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import {
  correctionOf,
  outcomeOf,
  type Obligation,
  type ObligationVersion,
} from '@theodoi/functions/domain/evaluation/index';
import { vn } from '../../../../fixtures/evaluation-year.js';

const calendar = createCalendar();
const year = { from: '2024-01-01', to: '2024-12-31' };
const after = vn('2024-12-31 23:00');

function report(
  deadline: string,
  versions: [string, ObligationVersion['status']][],
  extra: Partial<Obligation> = {},
): Obligation {
  const list = versions.map(([at, status]) => ({ at: vn(at), status }));
  return {
    directiveId: 'd',
    unitCode: 'U',
    kind: 'report',
    periodKey: 'once',
    deadline,
    extensions: [],
    firstSubmittedAt: list.find((v) => v.status === 'valid')?.at ?? null,
    versions: list,
    ...extra,
  };
}

describe('outcomeOf a report', () => {
  it('is on time until 23:59:59 Vietnam time of the deadline day, late from midnight', () => {
    expect(
      outcomeOf(report('2024-03-18', [['2024-03-18 23:59', 'valid']]), year, after, calendar),
    ).toMatchObject({
      result: 'on-time',
    });
    expect(
      outcomeOf(report('2024-03-18', [['2024-03-19 00:00', 'valid']]), year, after, calendar),
    ).toMatchObject({
      result: 'late',
      workingDaysLate: 1,
    });
  });

  it('counts only working days across Tết 2024 (off 08/02–14/02) and weekends', () => {
    const late = (at: string) =>
      outcomeOf(report('2024-02-07', [[at, 'valid']]), year, after, calendar)?.workingDaysLate;
    expect(late('2024-02-10 09:00')).toBe(1); // a Saturday of Tết: handled on Thursday 15/02
    expect(late('2024-02-15 08:00')).toBe(1);
    expect(late('2024-02-16 08:00')).toBe(2);
    expect(late('2024-02-19 08:00')).toBe(3); // Monday after a weekend
  });

  it('is missing when never valid by the instant, and not yet due before the deadline has ended', () => {
    const never = report('2024-03-18', [['2024-03-10 09:00', 'invalid']]);
    expect(outcomeOf(never, year, after, calendar)).toMatchObject({
      result: 'missing',
      awaitingCorrection: true,
    });
    expect(outcomeOf(never, year, vn('2024-03-18 23:00'), calendar)).toMatchObject({ result: 'not-yet-due' });
    // Sent after the instant: at the instant it was still missing.
    const sentLater = report('2024-03-18', [['2024-04-02 09:00', 'valid']]);
    expect(outcomeOf(sentLater, year, vn('2024-03-31 23:00'), calendar)).toMatchObject({ result: 'missing' });
  });

  it('uses the extension granted by the instant, the latest when several, and leaves a row moved out of the range', () => {
    const grants = [
      { until: '2024-03-25', grantedAt: vn('2024-03-15 09:00') },
      { until: '2024-03-29', grantedAt: vn('2024-03-22 09:00') },
    ];
    const row = report('2024-03-18', [['2024-03-28 09:00', 'valid']], { extensions: [...grants].reverse() });
    expect(outcomeOf(row, year, after, calendar)).toMatchObject({
      result: 'on-time',
      due: '2024-03-29',
      extended: true,
    });
    // Before the second grant, the first was in force: on 20/03 the report was not yet due.
    expect(outcomeOf(row, year, vn('2024-03-20 09:00'), calendar)).toMatchObject({
      due: '2024-03-25',
      result: 'not-yet-due',
    });
    const moved = report('2024-12-27', [], {
      extensions: [{ until: '2025-01-10', grantedAt: vn('2024-12-20 09:00') }],
    });
    expect(outcomeOf(moved, year, after, calendar)).toBeUndefined();
    expect(
      outcomeOf(moved, { from: '2025-01-01', to: '2025-12-31' }, vn('2025-06-01 09:00'), calendar),
    ).toMatchObject({
      result: 'missing',
      extended: true,
    });
  });
});

describe('correctionOf', () => {
  const v = (status: ObligationVersion['status']): ObligationVersion => ({ at: new Date(0), status });
  it('tells a refused row corrected later from one still awaiting its correction', () => {
    expect(correctionOf([v('invalid'), v('valid')])).toEqual({ corrected: true, awaitingCorrection: false });
    expect(correctionOf([v('valid'), v('incomplete')])).toEqual({
      corrected: false,
      awaitingCorrection: true,
    });
    expect(correctionOf([v('invalid'), v('valid'), v('invalid')])).toEqual({
      corrected: true,
      awaitingCorrection: true,
    });
    // A cleared row is not a refusal: the last version that says something decides.
    expect(correctionOf([v('invalid'), v('empty')])).toEqual({ corrected: false, awaitingCorrection: true });
    expect(correctionOf([v('valid'), v('empty')])).toEqual({ corrected: false, awaitingCorrection: false });
  });
});

describe('outcomeOf a task', () => {
  const task = (versions: ObligationVersion[]): Obligation => ({
    directiveId: 'd',
    unitCode: 'U',
    kind: 'task',
    periodKey: 'once',
    taskId: 'nv1',
    role: 'lead',
    deadline: '2024-05-31',
    extensions: [],
    firstSubmittedAt: versions.find((v) => v.status === 'valid')?.at ?? null,
    versions,
  });
  const done = (at: string, completedOn: string | null): ObligationVersion => ({
    at: vn(at),
    status: 'valid',
    progress: { state: 'completed', completedOn },
  });

  it('is completed on time or late by the completion day the unit typed, in working days', () => {
    expect(outcomeOf(task([done('2024-06-03 09:00', '2024-05-30')]), year, after, calendar)).toMatchObject({
      result: 'on-time',
    });
    // Friday 31/05 → Monday 03/06 is 1 working day late.
    expect(outcomeOf(task([done('2024-06-03 09:00', '2024-06-03')]), year, after, calendar)).toMatchObject({
      result: 'late',
      workingDaysLate: 1,
    });
  });

  it('is overdue when not completed once the deadline has passed, whatever was typed in between', () => {
    const inProgress: ObligationVersion = {
      at: vn('2024-05-20 09:00'),
      status: 'valid',
      progress: { state: 'in-progress', completedOn: null },
    };
    expect(outcomeOf(task([inProgress]), year, after, calendar)).toMatchObject({ result: 'overdue' });
    expect(outcomeOf(task([]), year, after, calendar)).toMatchObject({ result: 'overdue' });
    expect(outcomeOf(task([inProgress]), year, vn('2024-05-31 12:00'), calendar)).toMatchObject({
      result: 'not-yet-due',
    });
    // A later refused version keeps the completion accepted before it (decision 002).
    const refused: ObligationVersion = { at: vn('2024-06-02 09:00'), status: 'invalid' };
    expect(
      outcomeOf(task([done('2024-05-30 09:00', '2024-05-30'), refused]), year, after, calendar),
    ).toMatchObject({
      result: 'on-time',
      awaitingCorrection: true,
    });
  });

  it('counts a completion without a day from the day it was accepted, and a day still to come as not completed', () => {
    expect(outcomeOf(task([done('2024-06-04 09:00', null)]), year, after, calendar)).toMatchObject({
      result: 'late',
      workingDaysLate: 2,
    });
    expect(
      outcomeOf(task([done('2024-06-04 09:00', '2024-07-01')]), year, vn('2024-06-10 09:00'), calendar),
    ).toMatchObject({
      result: 'overdue',
    });
  });
});

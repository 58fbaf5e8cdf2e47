// Flags: raised when a unit becomes due soon, overdue, late or wrong; updated only when their figures change;
// a new kind ends the old one in the history; resolved when the unit is no longer flagged; raised again after.
import { describe, expect, it } from 'vitest';
import type { TimingStatus, UnitStatus } from '@theodoi/functions/domain/status/index';
import {
  flagChange,
  flagDetail,
  isFlagged,
  type StoredFlag,
} from '@theodoi/functions/domain/deadlines/flags';

const T1 = new Date('2024-03-14T01:00:00Z');
const T2 = new Date('2024-03-19T01:00:00Z');
const T3 = new Date('2024-03-20T01:00:00Z');

const dueSoon = (n: number): TimingStatus => ({ code: 'sap-den-han', workingDaysLeft: n });
const overdue = (n: number): TimingStatus => ({ code: 'qua-han', workingDaysOverdue: n });
const onTime: TimingStatus = { code: 'dung-han', submittedAt: T1 };

/** The flag a change leaves. */
function stored(change: ReturnType<typeof flagChange>): StoredFlag {
  if (change.type === 'unchanged') throw new Error('nothing stored');
  return change.flag;
}

describe('flagChange', () => {
  it('raises nothing for a unit that is not yet due or reported on time', () => {
    expect(flagChange('2024-Q1', 'NV', { code: 'chua-den-han', workingDaysLeft: 5 }, undefined, T1)).toEqual({
      type: 'unchanged',
    });
    expect(flagChange('2024-Q1', 'NV', onTime, undefined, T1)).toEqual({ type: 'unchanged' });
  });

  it('raises a due-soon flag with its days left, and leaves it alone while nothing changes', () => {
    const raised = flagChange('2024-Q1', 'NV', dueSoon(2), undefined, T1);
    expect(raised).toMatchObject({
      type: 'raised',
      flag: { kind: 'sap-den-han', raisedAt: T1, resolvedAt: null, workingDaysLeft: 2, history: [] },
    });
    expect(flagChange('2024-Q1', 'NV', dueSoon(2), stored(raised), T2)).toEqual({ type: 'unchanged' });
  });

  it('updates the figures of a flag that stays up, keeping when it was raised', () => {
    const raised = stored(flagChange('2024-Q1', 'NV', dueSoon(2), undefined, T1));
    expect(flagChange('2024-Q1', 'NV', dueSoon(1), raised, T2)).toMatchObject({
      type: 'updated',
      flag: { kind: 'sap-den-han', raisedAt: T1, workingDaysLeft: 1 },
    });
  });

  it('raises a new kind over the old one and keeps the old one in the history', () => {
    const soon = stored(flagChange('2024-Q1', 'NV', dueSoon(0), undefined, T1));
    const late = flagChange('2024-Q1', 'NV', overdue(1), soon, T2);
    expect(late).toMatchObject({
      type: 'raised',
      flag: {
        kind: 'qua-han',
        raisedAt: T2,
        workingDaysOverdue: 1,
        workingDaysLeft: null,
        history: [{ kind: 'sap-den-han', raisedAt: T1, endedAt: T2 }],
      },
    });
  });

  it('resolves a flag when the report arrives on time, and raises it again if the report later goes wrong', () => {
    const soon = stored(flagChange('2024-Q1', 'NV', dueSoon(1), undefined, T1));
    const resolved = flagChange('2024-Q1', 'NV', onTime, soon, T2);
    expect(resolved).toMatchObject({
      type: 'resolved',
      flag: { kind: 'sap-den-han', raisedAt: T1, resolvedAt: T2, resolvedAs: 'dung-han' },
    });
    const after = stored(resolved);
    expect(flagChange('2024-Q1', 'NV', onTime, after, T3)).toEqual({ type: 'unchanged' });
    const wrong: UnitStatus = { code: 'co-loi', issueCount: 2, timing: onTime };
    expect(flagChange('2024-Q1', 'NV', wrong, after, T3)).toMatchObject({
      type: 'raised',
      flag: { kind: 'co-loi', raisedAt: T3, resolvedAt: null, issueCount: 2 },
    });
  });
});

describe('flagDetail', () => {
  it('keeps how late a report with errors is, but not its days left (that would rewrite it daily)', () => {
    expect(flagDetail({ code: 'co-loi', issueCount: 1, timing: dueSoon(2) })).toEqual({
      workingDaysLeft: null,
      workingDaysOverdue: null,
      workingDaysLate: null,
      issueCount: 1,
    });
    expect(flagDetail({ code: 'co-loi', issueCount: 1, timing: overdue(3) })).toMatchObject({
      workingDaysOverdue: 3,
      issueCount: 1,
    });
    expect(flagDetail({ code: 'tre-han', submittedAt: T2, workingDaysLate: 1 })).toMatchObject({
      workingDaysLate: 1,
    });
  });

  it('flags due soon, overdue, late and wrong; not "not yet due" nor "on time"', () => {
    expect(
      (
        [
          { code: 'chua-den-han', workingDaysLeft: 9 },
          dueSoon(1),
          onTime,
          { code: 'tre-han', submittedAt: T2, workingDaysLate: 1 },
          overdue(1),
          { code: 'co-loi', issueCount: 1, timing: onTime },
        ] as UnitStatus[]
      ).map(isFlagged),
    ).toEqual([false, true, false, true, true, true]);
  });
});

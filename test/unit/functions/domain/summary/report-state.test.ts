// What the deadline check (and the summary) read from a stored report: nothing typed, valid, emptied after
// submitting, with errors.
import { describe, expect, it } from 'vitest';
import { reportState } from '@theodoi/functions/domain/summary/report-state';
import type { StoredReport } from '@theodoi/functions/store/reports';

const report = (over: Partial<StoredReport>): StoredReport => ({
  unitCode: 'NV',
  status: 'valid',
  rawHash: 'h',
  version: 1,
  sheetHash: null,
  marked: [],
  values: {},
  errors: [],
  acceptedValues: null,
  acceptedVersion: null,
  firstSubmittedAt: null,
  lastChangedAt: new Date('2024-03-10T02:00:00Z'),
  ...over,
});
const at = new Date('2024-03-11T02:00:00Z');

describe('reportState', () => {
  it('reads nothing typed as no report, and a valid report as submitted when it first became valid', () => {
    expect(reportState(undefined)).toBeNull();
    expect(reportState(report({ status: 'empty' }))).toBeNull();
    expect(reportState(report({ firstSubmittedAt: at }))).toEqual({ firstSubmittedAt: at, issueCount: 0 });
  });

  it('keeps a report emptied after it was submitted as submitted, and counts the errors of a wrong one', () => {
    expect(reportState(report({ status: 'empty', firstSubmittedAt: at }))).toEqual({
      firstSubmittedAt: at,
      issueCount: 0,
    });
    const errors = [
      { column: 'a', code: 'notInteger' as const, message: 'm' },
      { column: 'b', code: 'required' as const, message: 'n' },
    ];
    expect(reportState(report({ status: 'invalid', errors }))).toEqual({
      firstSubmittedAt: null,
      issueCount: 2,
    });
    expect(reportState(report({ status: 'incomplete', errors: [], firstSubmittedAt: at }))).toEqual({
      firstSubmittedAt: at,
      issueCount: 1,
    });
  });
});

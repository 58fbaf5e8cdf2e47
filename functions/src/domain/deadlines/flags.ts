/** The rules of deadline flags: which statuses raise one, and what a unit's status now does to its flag; pure. */
import type { UnitStatus } from '../status/index.js';

/** The statuses that raise a flag: a unit to chase (due soon, overdue, with errors) or a late report on record. */
export const FLAG_KINDS = ['sap-den-han', 'qua-han', 'tre-han', 'co-loi'] as const;
/** One flag kind. */
export type FlagKind = (typeof FLAG_KINDS)[number];

/** The figures a flag carries; null where its kind has none. */
export interface FlagDetail {
  workingDaysLeft: number | null;
  workingDaysOverdue: number | null;
  workingDaysLate: number | null;
  issueCount: number | null;
}

/** A stored flag: the latest kind raised for a unit in a period, and whether it is still up. */
export interface StoredFlag extends FlagDetail {
  periodKey: string;
  unitCode: string;
  kind: FlagKind;
  raisedAt: Date;
  /** When the unit stopped being flagged; null while the flag is up. */
  resolvedAt: Date | null;
  /** Earlier kinds of this flag (e.g. "sắp đến hạn" before "quá hạn"), oldest first. */
  history: { kind: FlagKind; raisedAt: Date; endedAt: Date }[];
}

/** A flag as a change leaves it: the stored flag's fields, and what the unit became when it was resolved. */
export interface FlagRecord extends StoredFlag {
  resolvedAs?: UnitStatus['code'];
}

/** What happens to one flag. */
export type FlagChange =
  | {
      type: 'raised' | 'updated' | 'resolved';
      periodKey: string;
      unitCode: string;
      /** The flag as it is to be stored. */
      flag: FlagRecord;
    }
  | { type: 'unchanged' };

/** Whether a status raises a flag. */
export function isFlagged(status: UnitStatus): status is Extract<UnitStatus, { code: FlagKind }> {
  return (FLAG_KINDS as readonly string[]).includes(status.code);
}

/** The figures of a status, as a flag stores them. */
export function flagDetail(status: UnitStatus): FlagDetail {
  const detail: FlagDetail = {
    workingDaysLeft: null,
    workingDaysOverdue: null,
    workingDaysLate: null,
    issueCount: null,
  };
  // "Có lỗi" keeps how late it is, not how many days are left: that would rewrite the flag every day.
  const timing = status.code === 'co-loi' ? status.timing : status;
  if (status.code === 'co-loi') detail.issueCount = status.issueCount;
  if (status.code === 'sap-den-han') detail.workingDaysLeft = status.workingDaysLeft;
  if (timing.code === 'qua-han') detail.workingDaysOverdue = timing.workingDaysOverdue;
  if (timing.code === 'tre-han') detail.workingDaysLate = timing.workingDaysLate;
  return detail;
}

function sameDetail(a: FlagDetail, b: FlagDetail): boolean {
  return (
    a.workingDaysLeft === b.workingDaysLeft &&
    a.workingDaysOverdue === b.workingDaysOverdue &&
    a.workingDaysLate === b.workingDaysLate &&
    a.issueCount === b.issueCount
  );
}

/**
 * What a unit's status at `now` does to its stored flag: raise it (first time, or again after it was resolved),
 * update it (same kind, other figures; a new kind ends the old one in `history`), resolve it, or nothing.
 */
export function flagChange(
  periodKey: string,
  unitCode: string,
  status: UnitStatus,
  before: StoredFlag | undefined,
  now: Date,
): FlagChange {
  const up = before !== undefined && before.resolvedAt === null;
  if (!isFlagged(status)) {
    if (!up) return { type: 'unchanged' };
    return {
      type: 'resolved',
      periodKey,
      unitCode,
      flag: {
        ...flagRecord(before, before.kind, before, before.raisedAt),
        resolvedAt: now,
        resolvedAs: status.code,
      },
    };
  }
  const detail = flagDetail(status);
  if (up && before.kind === status.code && sameDetail(before, detail)) return { type: 'unchanged' };
  const kindChanged = up && before.kind !== status.code;
  const history = [
    ...(before?.history ?? []),
    ...(kindChanged ? [{ kind: before.kind, raisedAt: before.raisedAt, endedAt: now }] : []),
  ];
  const raisedAt = up && !kindChanged ? before.raisedAt : now;
  return {
    type: up && !kindChanged ? 'updated' : 'raised',
    periodKey,
    unitCode,
    flag: {
      ...flagRecord({ periodKey, unitCode, history }, status.code, detail, raisedAt),
      resolvedAt: null,
    },
  };
}

function flagRecord(
  where: Pick<StoredFlag, 'periodKey' | 'unitCode' | 'history'>,
  kind: FlagKind,
  detail: FlagDetail,
  raisedAt: Date,
): Omit<FlagRecord, 'resolvedAt' | 'resolvedAs'> {
  return {
    periodKey: where.periodKey,
    unitCode: where.unitCode,
    kind,
    raisedAt,
    workingDaysLeft: detail.workingDaysLeft,
    workingDaysOverdue: detail.workingDaysOverdue,
    workingDaysLate: detail.workingDaysLate,
    issueCount: detail.issueCount,
    history: where.history,
  };
}

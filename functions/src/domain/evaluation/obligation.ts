/**
 * What a unit owes (decision 007): one obligation per report row — a unit's report for a period, or its row of a
 * task — with its deadline, extensions, first valid submission and versions. Derived from the store, never stored.
 */
import type { IsoDate } from '../calendar/iso-date.js';

/** A report row: reported each period; a task row: a task to complete by its deadline. */
export type ObligationKind = 'report' | 'task';

/** How far a task row says the task has gone, as a version reported it. */
export interface TaskProgress {
  /** The status the unit chose: not started, in progress, or completed; null when the version had none. */
  state: 'not-started' | 'in-progress' | 'completed' | null;
  /** The completion day the unit typed; null when none. */
  completedOn: IsoDate | null;
}

/** One stored version of the row (decision 002): when theodoi stored it and its verdict. */
export interface ObligationVersion {
  at: Date;
  /** `valid` = accepted; `invalid` and `incomplete` = refused (the officer must correct); `empty` = cleared. */
  status: 'empty' | 'incomplete' | 'invalid' | 'valid';
  /** For a task row, the progress this version reported. */
  progress?: TaskProgress;
}

/** One extension granted to the row (decision 007: a later one replaces an earlier one, which is kept). */
export interface ExtensionGrant {
  until: IsoDate;
  grantedAt: Date;
}

/** One row a unit owes, with the deadline before any extension (derived from the directive, decision 007). */
export interface OwedRow {
  unitCode: string;
  kind: ObligationKind;
  /** The period of the row (`2024-Q1`, `once`, …). */
  periodKey: string;
  /** The task of a task row (also set on a "thường xuyên" task's periodic report rows). */
  taskId?: string;
  /** Lead (chủ trì) or co-operating (phối hợp) unit of a task. */
  role?: 'lead' | 'support';
  /** The deadline of the period or the task, before any extension. */
  deadline: IsoDate;
}

/** One row a unit owes, with what the store holds of it. */
export interface Obligation extends OwedRow {
  directiveId: string;
  /** Every extension granted, oldest first. */
  extensions: readonly ExtensionGrant[];
  /** The first time the row was complete and valid (decision 002: never moves); null while it never was. */
  firstSubmittedAt: Date | null;
  /** Every stored version, oldest first; empty when the unit never typed anything. */
  versions: readonly ObligationVersion[];
}

/** The extension in force at `instant`: the last one granted by then; undefined when none was. */
export function extensionAt(
  obligation: Pick<Obligation, 'extensions'>,
  instant: Date,
): ExtensionGrant | undefined {
  let current: ExtensionGrant | undefined;
  // The latest grant by then, whatever order the store listed them in.
  for (const grant of obligation.extensions)
    if (grant.grantedAt <= instant && (!current || grant.grantedAt >= current.grantedAt)) current = grant;
  return current;
}

/** The deadline in force at `instant`: the extension's day when one was granted by then, else the row's own. */
export function effectiveDeadline(
  obligation: Pick<Obligation, 'deadline' | 'extensions'>,
  instant: Date,
): IsoDate {
  return extensionAt(obligation, instant)?.until ?? obligation.deadline;
}

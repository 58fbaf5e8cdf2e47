/** Reporting period kinds and their keys (`2024-M03`, `2024-Q1`, `2024-H1`, `2024-9M`, `2024-Y`, `once`). */
import { z } from 'zod';

/** The periodic report kinds of Decree 09/2019 Art. 12, plus the nine-month report some provinces add. */
export const PERIODIC_KINDS = ['monthly', 'quarterly', 'six-month', 'nine-month', 'annual'] as const;
/** One periodic kind. */
export type PeriodicKind = (typeof PERIODIC_KINDS)[number];
/** Every period kind: periodic, or a one-off deadline. */
export type PeriodKind = PeriodicKind | 'once';

/** One periodic period: the year it is named after and its index (month 1–12, quarter 1–4, otherwise 1). */
export interface PeriodRef {
  kind: PeriodicKind;
  year: number;
  index: number;
}

/** The key of a one-off directive's only period. */
export const ONCE_KEY = 'once';

const KEY = /^(\d{4})-(?:M(0[1-9]|1[0-2])|Q([1-4])|(H1)|(9M)|(Y))$/;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** How many periods of `kind` a year has. */
export function periodsPerYear(kind: PeriodicKind): number {
  return kind === 'monthly' ? 12 : kind === 'quarterly' ? 4 : 1;
}

/** Writes a period's key: `2024-M03`, `2024-Q1`, `2024-H1`, `2024-9M` or `2024-Y`. */
export function formatPeriodKey(ref: PeriodRef): string {
  if (!Number.isInteger(ref.index) || ref.index < 1 || ref.index > periodsPerYear(ref.kind))
    throw new RangeError(`No ${ref.kind} period number ${ref.index}`);
  switch (ref.kind) {
    case 'monthly':
      return `${ref.year}-M${pad2(ref.index)}`;
    case 'quarterly':
      return `${ref.year}-Q${ref.index}`;
    case 'six-month':
      return `${ref.year}-H1`;
    case 'nine-month':
      return `${ref.year}-9M`;
    case 'annual':
      return `${ref.year}-Y`;
  }
}

/** Reads a periodic key back; throws a RangeError for anything else (including `once`). */
export function parsePeriodKey(key: string): PeriodRef {
  const match = KEY.exec(key);
  if (!match) throw new RangeError(`Not a period key: ${JSON.stringify(key)}`);
  const year = Number(match[1]);
  if (match[2]) return { kind: 'monthly', year, index: Number(match[2]) };
  if (match[3]) return { kind: 'quarterly', year, index: Number(match[3]) };
  if (match[4]) return { kind: 'six-month', year, index: 1 };
  if (match[5]) return { kind: 'nine-month', year, index: 1 };
  return { kind: 'annual', year, index: 1 };
}

/** zod schema for a periodic period key. */
export const PeriodKeySchema = z
  .string()
  .regex(KEY, 'must be a period key such as 2024-M03, 2024-Q1, 2024-H1, 2024-9M or 2024-Y');

/** Orders two periods of the same kind: negative when `a` comes first. */
export function comparePeriodRefs(a: PeriodRef, b: PeriodRef): number {
  return a.year - b.year || a.index - b.index;
}

/** The period after `ref`, of the same kind. */
export function nextPeriodRef(ref: PeriodRef): PeriodRef {
  return ref.index < periodsPerYear(ref.kind)
    ? { ...ref, index: ref.index + 1 }
    : { ...ref, year: ref.year + 1, index: 1 };
}

/**
 * Extensions (gia hạn) as the statuses read them: the directive record keeps, per report row, the day the unit's
 * deadline was extended to (decision 007); a row without one keeps its period's deadline.
 */
import type { IsoDate } from '../calendar/iso-date.js';

/** Extended deadlines by row key (`<periodKey>~<unitCode>`, the report's id). */
export type ExtendedDeadlines = Readonly<Record<string, IsoDate>>;

/** The key of a unit's row in a period, as reports and extensions are stored. */
export function extensionKey(periodKey: string, unitCode: string): string {
  return `${periodKey}~${unitCode}`;
}

/** The unit's own deadline in the period, as unitStatus takes it: `{ deadline }` when extended, else nothing. */
export function extendedDeadline(
  extensions: ExtendedDeadlines | undefined,
  periodKey: string,
  unitCode: string,
): { deadline: IsoDate } | Record<string, never> {
  const until = extensions?.[extensionKey(periodKey, unitCode)];
  return until === undefined ? {} : { deadline: until };
}

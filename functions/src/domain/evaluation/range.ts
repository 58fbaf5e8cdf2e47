/** The stretch of time an evaluation covers: a year, a quarter, a half-year or any two dates, with its label. */
import { evaluation as msg } from '../../messages.vi.js';
import { endOfVietnamDay, isIsoDate, type IsoDate } from '../calendar/iso-date.js';
import { formatViDate } from '../values/display.js';

/** The days evaluated, both ends included: obligations whose effective deadline falls in them are counted. */
export interface EvaluationRange {
  from: IsoDate;
  to: IsoDate;
  /** A short key for file names: `2024`, `2024-Q1`, `2024-H2`, `2024-01-15_2024-03-31`. */
  key: string;
  /** How documents name it: "năm 2024", "quý I năm 2024", "6 tháng đầu năm 2024", "từ 15/01/2024 đến 31/03/2024". */
  label: string;
}

/** Why a range was refused, in Vietnamese for the coordinator. */
export class RangeOptionError extends Error {
  override readonly name = 'RangeOptionError';
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new RangeOptionError(msg.badYear(String(year)));
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The calendar year: 01/01 → 31/12. */
export function yearRange(year: number): EvaluationRange {
  checkYear(year);
  return { from: `${year}-01-01`, to: `${year}-12-31`, key: String(year), label: msg.rangeLabel.year(year) };
}

/** A calendar quarter (1–4). */
export function quarterRange(year: number, quarter: number): EvaluationRange {
  checkYear(year);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4)
    throw new RangeOptionError(msg.badQuarter(`${year}-Q${quarter}`));
  const last = quarter * 3;
  return {
    from: `${year}-${pad(last - 2)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
    key: `${year}-Q${quarter}`,
    label: msg.rangeLabel.quarter(quarter, year),
  };
}

/** The first (01/01 → 30/06) or second (01/07 → 31/12) half of a year. */
export function halfYearRange(year: number, half: 1 | 2): EvaluationRange {
  checkYear(year);
  return half === 1
    ? { from: `${year}-01-01`, to: `${year}-06-30`, key: `${year}-H1`, label: msg.rangeLabel.firstHalf(year) }
    : {
        from: `${year}-07-01`,
        to: `${year}-12-31`,
        key: `${year}-H2`,
        label: msg.rangeLabel.secondHalf(year),
      };
}

/** Any two days, both included. */
export function datesRange(from: IsoDate, to: IsoDate): EvaluationRange {
  for (const day of [from, to]) if (!isIsoDate(day)) throw new RangeOptionError(msg.badDate(day));
  if (to < from) throw new RangeOptionError(msg.reversedRange(formatViDate(from), formatViDate(to)));
  return {
    from,
    to,
    key: `${from}_${to}`,
    label: msg.rangeLabel.dates(formatViDate(from), formatViDate(to)),
  };
}

/** The options a command line gives for a range; exactly one way of naming it. */
export interface RangeOptions {
  year?: string;
  /** `2024-Q1` … `2024-Q4`. */
  quarter?: string;
  /** `2024-H1` or `2024-H2`. */
  half?: string;
  from?: string;
  to?: string;
}

/** The range named by `options`; a RangeOptionError (Vietnamese) when none, several or a malformed one is given. */
export function rangeFromOptions(options: RangeOptions): EvaluationRange {
  const given = [options.year, options.quarter, options.half, options.from ?? options.to].filter(
    (v) => v !== undefined,
  );
  if (given.length !== 1) throw new RangeOptionError(msg.oneRange);
  if (options.year !== undefined) {
    if (!/^\d{4}$/.test(options.year)) throw new RangeOptionError(msg.badYear(options.year));
    return yearRange(Number(options.year));
  }
  if (options.quarter !== undefined) {
    const match = /^(\d{4})-Q([1-4])$/.exec(options.quarter);
    if (!match) throw new RangeOptionError(msg.badQuarter(options.quarter));
    return quarterRange(Number(match[1]), Number(match[2]));
  }
  if (options.half !== undefined) {
    const match = /^(\d{4})-H([12])$/.exec(options.half);
    if (!match) throw new RangeOptionError(msg.badHalf(options.half));
    return halfYearRange(Number(match[1]), match[2] === '1' ? 1 : 2);
  }
  if (options.from === undefined || options.to === undefined) throw new RangeOptionError(msg.fromAndTo);
  return datesRange(options.from, options.to);
}

/**
 * The instant an evaluation describes: the end of the range's last day, or `now` when that is earlier (a year
 * evaluated while it runs). Nothing stored after it counts, so a past range recomputes the same at any later time.
 */
export function evaluationInstant(range: Pick<EvaluationRange, 'to'>, now: Date): Date {
  const end = endOfVietnamDay(range.to);
  return now < end ? now : end;
}

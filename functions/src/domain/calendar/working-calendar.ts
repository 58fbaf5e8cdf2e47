/** The working calendar of Vietnamese officials: which days are worked, and working-day arithmetic on them. */
import { z } from 'zod';
import { ANNOUNCED_SCHEDULES } from './announced-schedules.js';
import { DefaultRuleSchema, defaultHolidayBlocks, isWeekend, type DefaultRule } from './default-rule.js';
import {
  AnnouncedYearSchema,
  HOLIDAY_IDS,
  type AnnouncedYear,
  type AnnouncedYearInput,
  type HolidayBlock,
  type HolidayId,
} from './holidays.js';
import { eachDay, toVietnamDateTime, fromVietnamDateTime, type IsoDate } from './iso-date.js';
import { LUNAR_DATES, LunarYearSchema, type LunarYear } from './lunar-dates.js';
import { CalendarOverrideSchema, type CalendarOverride, type CalendarOverrideInput } from './override.js';

/** Why a day is or is not worked, most specific reason first. */
export type DayKind =
  | 'weekday'
  | 'weekend'
  | 'holiday'
  | 'make-up-working-day'
  | 'organisation-day-off'
  | 'organisation-working-day';

/** One calendar day as the calendar sees it. */
export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  /** The public holiday whose days off or make-up days include this day. */
  holiday?: HolidayId;
  /** The organisation's reason, for its own days off and working days. */
  reason?: string;
}

/** What a calendar is built from; every part is validated and replaces the built-in data it names. */
export interface CalendarOptions {
  /** Announced schedules; a holiday given here for a year replaces the built-in one for that year. */
  announced?: readonly AnnouncedYearInput[];
  /** Lunar dates (UTC+7); a year given here replaces the built-in one. */
  lunar?: readonly LunarYear[];
  /** The default rule's choices for years (or holidays) not announced. */
  defaultRule?: Partial<DefaultRule>;
  /** The organisation's own days off and working days. */
  override?: CalendarOverrideInput;
  /** Start from the built-in 2024–2026 schedules and 2024–2030 lunar table (default true). */
  builtIn?: boolean;
}

interface YearTable {
  days: DayInfo[];
  /** cumulative[i] = working days among days[0..i]. */
  cumulative: number[];
}

/** The working calendar; build it with createCalendar. Days are `yyyy-MM-dd` strings in Vietnam time. */
export class WorkingCalendar {
  private readonly tables = new Map<number, YearTable>();
  private readonly positions = new Map<IsoDate, { year: number; index: number; table: YearTable }>();
  private readonly announced = new Map<number, Map<HolidayId, HolidayBlock>>();
  private readonly lunar = new Map<number, LunarYear>();
  private readonly extraOff = new Map<IsoDate, string>();
  private readonly extraWorking = new Map<IsoDate, string>();

  /** Prefer createCalendar, which validates its input. */
  constructor(
    announced: readonly AnnouncedYear[],
    lunar: readonly LunarYear[],
    private readonly rule: DefaultRule,
    override: CalendarOverride,
  ) {
    for (const entry of announced) {
      const year = this.announced.get(entry.year) ?? new Map<HolidayId, HolidayBlock>();
      for (const holiday of entry.holidays)
        year.set(holiday.holiday, {
          holiday: holiday.holiday,
          daysOff: holiday.daysOff.flatMap((range) => eachDay(range.from, range.to)),
          makeUpWorkingDays: [...holiday.makeUpWorkingDays],
          origin: 'announced',
          status: holiday.status,
          source: holiday.source,
        });
      this.announced.set(entry.year, year);
    }
    for (const entry of lunar) this.lunar.set(entry.year, entry);
    for (const range of override.daysOff)
      for (const day of eachDay(range.from, range.to)) this.extraOff.set(day, range.reason);
    for (const entry of override.workingDays) this.extraWorking.set(entry.date, entry.reason);
  }

  /** The public holidays of `year`, announced where known and from the default rule otherwise. */
  holidaysOf(year: number): HolidayBlock[] {
    const announced = this.announced.get(year) ?? new Map<HolidayId, HolidayBlock>();
    const missing = HOLIDAY_IDS.filter((id) => !announced.has(id));
    const announcedOff = new Set([...announced.values()].flatMap((block) => block.daysOff));
    const defaults =
      missing.length === 0
        ? []
        : defaultHolidayBlocks(year, missing, this.lunar.get(year), this.rule, announcedOff);
    const byId = new Map<HolidayId, HolidayBlock>([
      ...announced,
      ...defaults.map((b) => [b.holiday, b] as const),
    ]);
    return HOLIDAY_IDS.map((id) => byId.get(id)).filter((block) => block !== undefined);
  }

  /** How the calendar sees `date`; throws CalendarRangeError for a year without data. */
  dayInfo(date: IsoDate): DayInfo {
    const { table, index } = this.locate(date);
    return table.days[index]!;
  }

  /** True when officials work on `date`. */
  isWorkingDay(date: IsoDate): boolean {
    return this.dayInfo(date).working;
  }

  /** The n-th working day after `date` ("n ngày làm việc sau …"); before it when n < 0; `date` itself when 0. */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let day = date;
    for (let left = Math.abs(n); left > 0;) {
      day = this.neighbour(day, step);
      if (this.isWorkingDay(day)) left -= 1;
    }
    return day;
  }

  /** `date` when it is a working day, else the first working day after it. */
  nextWorkingDayOnOrAfter(date: IsoDate): IsoDate {
    return this.isWorkingDay(date) ? date : this.addWorkingDays(date, 1);
  }

  /** The last working day strictly before `date`. */
  lastWorkingDayBefore(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, -1);
  }

  /** `date` when it is a working day, else the last working day before it. */
  lastWorkingDayOnOrBefore(date: IsoDate): IsoDate {
    return this.isWorkingDay(date) ? date : this.lastWorkingDayBefore(date);
  }

  /**
   * The working days d with a < d ≤ b ("trễ n ngày làm việc" from deadline a to day b); negative when b < a,
   * 0 when they are equal.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    if (b < a) return -this.workingDaysBetween(b, a);
    const from = this.locate(a);
    const to = this.locate(b);
    if (from.year === to.year) return to.table.cumulative[to.index]! - from.table.cumulative[from.index]!;
    let count = from.table.cumulative.at(-1)! - from.table.cumulative[from.index]!;
    for (let year = from.year + 1; year < to.year; year += 1) count += this.table(year).cumulative.at(-1)!;
    return count + to.table.cumulative[to.index]!;
  }

  private neighbour(date: IsoDate, step: 1 | -1): IsoDate {
    const { year, index, table } = this.locate(date);
    const next = index + step;
    if (next >= 0 && next < table.days.length) return table.days[next]!.date;
    return step === 1 ? `${year + 1}-01-01` : `${year - 1}-12-31`;
  }

  private locate(date: IsoDate): { year: number; index: number; table: YearTable } {
    // Status checks ask about the same few days for thousands of units: remember where each day is.
    const known = this.positions.get(date);
    if (known) return known;
    const value = toVietnamDateTime(date);
    const position = { year: value.year, index: value.ordinal - 1, table: this.table(value.year) };
    this.positions.set(date, position);
    return position;
  }

  private table(year: number): YearTable {
    const cached = this.tables.get(year);
    if (cached) return cached;
    if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`);
    const off = new Map<IsoDate, HolidayId>();
    const makeUp = new Map<IsoDate, HolidayId>();
    for (const block of this.holidaysOf(year)) {
      for (const day of block.daysOff) off.set(day, block.holiday);
      for (const day of block.makeUpWorkingDays) makeUp.set(day, block.holiday);
    }
    const days: DayInfo[] = [];
    const cumulative: number[] = [];
    const first = toVietnamDateTime(`${String(year).padStart(4, '0')}-01-01`);
    for (let i = 0; i < first.daysInYear; i += 1) {
      const info = this.classify(fromVietnamDateTime(first.plus({ days: i })), off, makeUp);
      days.push(info);
      cumulative.push((cumulative.at(-1) ?? 0) + (info.working ? 1 : 0));
    }
    const table = { days, cumulative };
    this.tables.set(year, table);
    return table;
  }

  private classify(date: IsoDate, off: Map<IsoDate, HolidayId>, makeUp: Map<IsoDate, HolidayId>): DayInfo {
    const working = this.extraWorking.get(date);
    if (working !== undefined)
      return { date, working: true, kind: 'organisation-working-day', reason: working };
    const extraOff = this.extraOff.get(date);
    if (extraOff !== undefined)
      return { date, working: false, kind: 'organisation-day-off', reason: extraOff };
    const madeUp = makeUp.get(date);
    if (madeUp) return { date, working: true, kind: 'make-up-working-day', holiday: madeUp };
    const holiday = off.get(date);
    if (holiday) return { date, working: false, kind: 'holiday', holiday };
    return isWeekend(date)
      ? { date, working: false, kind: 'weekend' }
      : { date, working: true, kind: 'weekday' };
  }
}

const OptionsSchema = z.strictObject({
  announced: z.array(AnnouncedYearSchema).default([]),
  lunar: z.array(LunarYearSchema).default([]),
  defaultRule: DefaultRuleSchema.default(DefaultRuleSchema.parse({})),
  override: CalendarOverrideSchema.default(CalendarOverrideSchema.parse({})),
  builtIn: z.boolean().default(true),
});

/** Builds a calendar from the built-in data and the validated `options`; throws a ZodError on bad data. */
export function createCalendar(options: CalendarOptions = {}): WorkingCalendar {
  const parsed = OptionsSchema.parse(options);
  const announced = parsed.builtIn ? [...ANNOUNCED_SCHEDULES, ...parsed.announced] : parsed.announced;
  const lunar = parsed.builtIn ? [...LUNAR_DATES, ...parsed.lunar] : parsed.lunar;
  return new WorkingCalendar(announced, lunar, parsed.defaultRule, parsed.override);
}

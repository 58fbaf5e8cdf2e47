/** The Labour Code 2019 default holidays (Art. 112) and weekend compensation (Art. 111) for unannounced years. */
import { z } from 'zod';
import { CalendarRangeError } from './errors.js';
import type { HolidayBlock, HolidayId } from './holidays.js';
import { addDays, weekdayOf, type IsoDate } from './iso-date.js';
import type { LunarYear } from './lunar-dates.js';

/**
 * The choices Art. 112 leaves to the Government each year, as configurable data ([M]: a reading of the
 * announced schedules, not a rule anyone published).
 * - `tetDaysBefore`: how many of Tết's 5 days are the last days of the old lunar year. Officials' schedules
 *   for 2024 (08–14/02) and 2025 (25/01–02/02) [V], and 2023 (20–26/01, from memory [M]), took 2 days before
 *   mùng 1 and mùng 1–3; 2026 (14–22/02) gives the same weekdays off either way; so the default is 2.
 * - `quocKhanhAdjacentDay`: which day next to 2/9 is the second Quốc khánh day. 'joins-weekend' takes the day
 *   after when 2/9 is a Monday or Thursday (2024: Tue 3/9) and the day before otherwise (2025: Mon 1/9); the
 *   other weekdays follow 2021–2023 from memory [M] (Thu → Fri 3/9, Fri → Thu 1/9, Sat → Fri 1/9), and a
 *   Wednesday (2026) is a guess (Tue 1/9).
 */
export const DefaultRuleSchema = z.strictObject({
  tetDaysBefore: z.int().min(1).max(4).default(2),
  quocKhanhAdjacentDay: z.enum(['before', 'after', 'joins-weekend']).default('joins-weekend'),
});
/** The default rule's choices. */
export type DefaultRule = z.infer<typeof DefaultRuleSchema>;

const ART_112 = 'Labour Code 2019 Art. 112 (default rule)';
const SATURDAY = 6;

/** True for Saturday and Sunday, the weekly rest days of officials. */
export function isWeekend(date: IsoDate): boolean {
  return weekdayOf(date) >= SATURDAY;
}

function quocKhanhDays(year: number, rule: DefaultRule): IsoDate[] {
  const national = `${year}-09-02`;
  const weekday = weekdayOf(national);
  const after =
    rule.quocKhanhAdjacentDay === 'after' ||
    (rule.quocKhanhAdjacentDay === 'joins-weekend' && (weekday === 1 || weekday === 4));
  return after ? [national, addDays(national, 1)] : [addDays(national, -1), national];
}

function holidayDays(
  id: HolidayId,
  year: number,
  lunar: LunarYear | undefined,
  rule: DefaultRule,
): { days: IsoDate[]; detail: string } {
  switch (id) {
    case 'tet-duong-lich':
      return { days: [`${year}-01-01`], detail: '1/1' };
    case '30-4-1-5':
      return { days: [`${year}-04-30`, `${year}-05-01`], detail: '30/4 and 1/5' };
    case 'quoc-khanh':
      return {
        days: quocKhanhDays(year, rule),
        detail: `2/9 and the adjacent day (${rule.quocKhanhAdjacentDay})`,
      };
    case 'tet-nguyen-dan':
    case 'gio-to': {
      if (!lunar)
        throw new CalendarRangeError(
          year,
          `neither an announced ${id} nor a lunar date; add the year's data`,
        );
      if (id === 'gio-to') return { days: [lunar.gioTo], detail: `10/3 lunar (${lunar.source})` };
      const first = addDays(lunar.tet, -rule.tetDaysBefore);
      const days = Array.from({ length: 5 }, (_, i) => addDays(first, i));
      return {
        days,
        detail: `the last ${rule.tetDaysBefore} day(s) of the lunar year and mùng 1–${5 - rule.tetDaysBefore} (${lunar.source})`,
      };
    }
  }
}

/**
 * The default-rule blocks for `ids` in `year`. Each holiday day that falls on a weekend is compensated on the
 * next working day (Art. 111): a weekday that is neither a holiday (of these blocks or of `announcedDaysOff`)
 * nor already taken by an earlier compensation.
 */
export function defaultHolidayBlocks(
  year: number,
  ids: readonly HolidayId[],
  lunar: LunarYear | undefined,
  rule: DefaultRule,
  announcedDaysOff: ReadonlySet<IsoDate>,
): HolidayBlock[] {
  const blocks = ids.map((id) => ({ id, ...holidayDays(id, year, lunar, rule) }));
  const taken = new Set<IsoDate>([...announcedDaysOff, ...blocks.flatMap((block) => block.days)]);
  const ordered = blocks
    .flatMap((block) => block.days.map((day) => ({ day, block })))
    .sort((a, b) => (a.day < b.day ? -1 : 1));
  const compensation = new Map<HolidayId, IsoDate[]>();
  for (const { day, block } of ordered) {
    if (!isWeekend(day)) continue;
    let substitute = addDays(day, 1);
    while (isWeekend(substitute) || taken.has(substitute)) substitute = addDays(substitute, 1);
    taken.add(substitute);
    compensation.set(block.id, [...(compensation.get(block.id) ?? []), substitute]);
  }
  return blocks.map((block) => ({
    holiday: block.id,
    daysOff: [...block.days, ...(compensation.get(block.id) ?? [])].sort(),
    makeUpWorkingDays: [],
    origin: 'default-rule',
    status: 'M',
    source: `${ART_112}: ${block.detail}; Art. 111 compensation for days on a weekend`,
  }));
}

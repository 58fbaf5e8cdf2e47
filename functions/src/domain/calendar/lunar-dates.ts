/** The lunar-calendar holidays (Tết Nguyên đán, Giỗ Tổ Hùng Vương) as Gregorian dates, tabulated for UTC+7. */
import { z } from 'zod';
import { IsoDateSchema, type IsoDate } from './iso-date.js';

// Vietnam's lunar calendar is reckoned at UTC+7; China's at UTC+8, and the two differ in some years (Tết 2030 is
// 02/02 in Vietnam, 03/02 in China). So these dates are data, copied from a UTC+7 table, never computed by a
// Chinese-calendar library.

/** Where the built-in lunar dates come from. */
export const LUNAR_SOURCE =
  'shared/reference/domain-facts.md §4, lunar dates computed for UTC+7 (Vietnamese lunar calendar)';

/** The Gregorian dates of one year's lunar holidays. */
export const LunarYearSchema = z
  .strictObject({
    year: z.int().min(1900).max(2200),
    /** Mùng 1 Tết: the first day of the lunar year that begins in this Gregorian year. */
    tet: IsoDateSchema,
    /** Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month. */
    gioTo: IsoDateSchema,
    source: z.string().min(1),
  })
  .superRefine((entry, ctx) => {
    for (const field of ['tet', 'gioTo'] as const) {
      if (!entry[field].startsWith(`${entry.year}-`))
        ctx.addIssue({ code: 'custom', path: [field], message: `must fall in ${entry.year}` });
    }
  });
/** One year's lunar holidays. */
export type LunarYear = z.infer<typeof LunarYearSchema>;

const table = (year: number, tet: IsoDate, gioTo: IsoDate): LunarYear => ({
  year,
  tet,
  gioTo,
  source: LUNAR_SOURCE,
});

/** Tết and Giỗ Tổ for 2024–2030, from domain-facts §4 (UTC+7). */
export const LUNAR_DATES: readonly LunarYear[] = [
  table(2024, '2024-02-10', '2024-04-18'),
  table(2025, '2025-01-29', '2025-04-07'),
  table(2026, '2026-02-17', '2026-04-26'),
  table(2027, '2027-02-06', '2027-04-16'),
  table(2028, '2028-01-26', '2028-04-04'),
  table(2029, '2029-02-13', '2029-04-23'),
  table(2030, '2030-02-02', '2030-04-12'),
];

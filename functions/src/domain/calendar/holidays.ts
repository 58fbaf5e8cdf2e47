/** The public holidays of Labour Code 2019 Art. 112 and the shape of a year's announced holiday schedule. */
import { z } from 'zod';
import { IsoDateSchema, type IsoDate } from './iso-date.js';

/** The holidays of Labour Code 2019 Art. 112, each a block of days off the Government schedules as one. */
export const HOLIDAY_IDS = ['tet-duong-lich', 'tet-nguyen-dan', 'gio-to', '30-4-1-5', 'quoc-khanh'] as const;
/** One public holiday. */
export type HolidayId = (typeof HOLIDAY_IDS)[number];

/** How well a fact is established: V = seen in a public source, M = common knowledge or a rule-based guess. */
export const FactStatusSchema = z.enum(['V', 'M']);
/** V (verified) or M (not verified). */
export type FactStatus = z.infer<typeof FactStatusSchema>;

/** A run of consecutive days, both ends included. */
export const DayRangeSchema = z
  .strictObject({ from: IsoDateSchema, to: IsoDateSchema })
  .refine((range) => range.from <= range.to, { message: '`to` must not be before `from`', path: ['to'] });
/** A run of consecutive days. */
export type DayRange = z.infer<typeof DayRangeSchema>;

/** One holiday as the Government announced it for officials: the days off and any make-up working Saturdays. */
export const AnnouncedHolidaySchema = z.strictObject({
  holiday: z.enum(HOLIDAY_IDS),
  /** Every day not worked for this holiday, weekends inside the range included. */
  daysOff: z.array(DayRangeSchema).min(1),
  /** Weekend days worked instead of a swapped weekday ("làm bù"). */
  makeUpWorkingDays: z.array(IsoDateSchema).default([]),
  status: FactStatusSchema,
  source: z.string().min(1),
});
/** One announced holiday. */
export type AnnouncedHoliday = z.infer<typeof AnnouncedHolidaySchema>;

/** The holidays announced for one year; holidays left out follow the Labour Code default rule. */
export const AnnouncedYearSchema = z
  .strictObject({ year: z.int().min(1900).max(2200), holidays: z.array(AnnouncedHolidaySchema) })
  .superRefine((entry, ctx) => {
    const seen = new Set<HolidayId>();
    entry.holidays.forEach((holiday, i) => {
      if (seen.has(holiday.holiday))
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', i, 'holiday'],
          message: `${holiday.holiday} twice`,
        });
      seen.add(holiday.holiday);
      const days: IsoDate[] = [
        ...holiday.daysOff.flatMap((range) => [range.from, range.to]),
        ...holiday.makeUpWorkingDays,
      ];
      days.forEach((day) => {
        if (!day.startsWith(`${entry.year}-`))
          ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `${day} is not in ${entry.year}` });
      });
    });
  });
/** One year's announced holidays. */
export type AnnouncedYear = z.infer<typeof AnnouncedYearSchema>;
/** One year's announced holidays as written, before defaults are filled in. */
export type AnnouncedYearInput = z.input<typeof AnnouncedYearSchema>;

/** A holiday's days off and make-up days for one year, whether announced or from the default rule. */
export interface HolidayBlock {
  holiday: HolidayId;
  daysOff: IsoDate[];
  makeUpWorkingDays: IsoDate[];
  /** 'announced' when taken from a Government schedule, 'default-rule' when derived from the Labour Code. */
  origin: 'announced' | 'default-rule';
  status: FactStatus;
  source: string;
}

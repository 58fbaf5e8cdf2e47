/** An organisation's own calendar changes (extra days off, extra working days), declared as zod-validated data. */
import { z } from 'zod';
import { eachDay, IsoDateSchema, type IsoDate } from './iso-date.js';

const DayOffSchema = z
  .strictObject({ from: IsoDateSchema, to: IsoDateSchema, reason: z.string().min(1) })
  .refine((range) => range.from <= range.to, { message: '`to` must not be before `from`', path: ['to'] });

/** Extra days off and extra working days of one organisation, applied after the national calendar. */
export const CalendarOverrideSchema = z
  .strictObject({
    organisationId: z.string().min(1).optional(),
    daysOff: z.array(DayOffSchema).default([]),
    workingDays: z.array(z.strictObject({ date: IsoDateSchema, reason: z.string().min(1) })).default([]),
  })
  .superRefine((override, ctx) => {
    const off = new Set<IsoDate>(override.daysOff.flatMap((range) => eachDay(range.from, range.to)));
    override.workingDays.forEach((entry, i) => {
      if (off.has(entry.date))
        ctx.addIssue({
          code: 'custom',
          path: ['workingDays', i, 'date'],
          message: `${entry.date} is also declared a day off`,
        });
    });
  });
/** A validated organisation calendar override. */
export type CalendarOverride = z.infer<typeof CalendarOverrideSchema>;
/** An override as written, before defaults are filled in. */
export type CalendarOverrideInput = z.input<typeof CalendarOverrideSchema>;

/** Validates an override read from a file or Firestore; throws a ZodError naming each bad field. */
export function parseCalendarOverride(input: unknown): CalendarOverride {
  return CalendarOverrideSchema.parse(input);
}

/** A directive's reporting schedule as stored data: one-off, or periodic with a deadline rule (zod-validated). */
import { z } from 'zod';
import { IsoDateSchema } from '../calendar/iso-date.js';
import { comparePeriodRefs, parsePeriodKey, PERIODIC_KINDS, PeriodKeySchema } from './period-key.js';

/** How a periodic deadline is set by whoever asks for the report. */
export const DeadlineRuleSchema = z.discriminatedUnion('type', [
  /** n working days after the cut-off day (Khánh Hòa: 2). */
  z.strictObject({ type: z.literal('working-days-after-cutoff'), days: z.int().min(0).max(60) }),
  /** A fixed day of the cut-off month, or of a month after it; days past the month's end mean its last day. */
  z.strictObject({
    type: z.literal('day-of-month'),
    day: z.int().min(1).max(31),
    monthsAfterCutoff: z.int().min(0).max(12).default(0),
  }),
]);
/** A periodic deadline rule. */
export type DeadlineRule = z.infer<typeof DeadlineRuleSchema>;

/**
 * What happens to a deadline that falls on a day off. Default 'next-working-day', as Civil Code 2015 Art. 148(5)
 * ends a period whose last day is a day off at the end of the next working day [M: configurable].
 */
export const NonWorkingDeadlineSchema = z.enum(['next-working-day', 'previous-working-day', 'keep']);
/** The policy for a deadline on a day off. */
export type NonWorkingDeadline = z.infer<typeof NonWorkingDeadlineSchema>;

/** A one-off report: opens on a day (usually the directive's date) and is due on a date. */
export const OnceScheduleSchema = z
  .strictObject({
    kind: z.literal('once'),
    opensOn: IsoDateSchema,
    deadline: IsoDateSchema,
    onNonWorkingDay: NonWorkingDeadlineSchema.default('next-working-day'),
  })
  .refine((s) => s.opensOn <= s.deadline, {
    message: 'the deadline must not be before opensOn',
    path: ['deadline'],
  });

/** A periodic report from period `first` to `last` (open-ended without it). */
export const PeriodicScheduleSchema = z
  .strictObject({
    kind: z.enum(PERIODIC_KINDS),
    first: PeriodKeySchema,
    last: PeriodKeySchema.optional(),
    deadline: DeadlineRuleSchema,
    /** Deadlines set for single periods, replacing the rule's ("Quý I hạn 20/3/2024"). */
    deadlineOverrides: z.record(PeriodKeySchema, IsoDateSchema).default({}),
    onNonWorkingDay: NonWorkingDeadlineSchema.default('next-working-day'),
  })
  .superRefine((s, ctx) => {
    const first = parsePeriodKey(s.first);
    const keys: [string, string][] = [
      ['first', s.first],
      ...(s.last ? [['last', s.last] as [string, string]] : []),
    ];
    for (const [field, key] of keys)
      if (parsePeriodKey(key).kind !== s.kind)
        ctx.addIssue({ code: 'custom', path: [field], message: `${key} is not a ${s.kind} period` });
    if (s.last && comparePeriodRefs(parsePeriodKey(s.last), first) < 0)
      ctx.addIssue({ code: 'custom', path: ['last'], message: 'must not come before `first`' });
    for (const key of Object.keys(s.deadlineOverrides))
      if (parsePeriodKey(key).kind !== s.kind)
        ctx.addIssue({
          code: 'custom',
          path: ['deadlineOverrides', key],
          message: `${key} is not a ${s.kind} period`,
        });
    if (s.deadline.type === 'day-of-month' && s.deadline.monthsAfterCutoff === 0 && s.deadline.day < 14)
      ctx.addIssue({
        code: 'custom',
        path: ['deadline', 'day'],
        message: 'a deadline in the cut-off month must be on or after the 14th',
      });
  });

/** A directive's reporting schedule, as its Firestore document stores it. */
export const ScheduleSchema = z.discriminatedUnion('kind', [OnceScheduleSchema, PeriodicScheduleSchema]);
/** A one-off schedule. */
export type OnceSchedule = z.infer<typeof OnceScheduleSchema>;
/** A periodic schedule. */
export type PeriodicSchedule = z.infer<typeof PeriodicScheduleSchema>;
/** Any schedule. */
export type Schedule = z.infer<typeof ScheduleSchema>;
/** A schedule as written, before defaults are filled in. */
export type ScheduleInput = z.input<typeof ScheduleSchema>;

/** Validates a schedule read from a directive document; throws a ZodError naming each bad field. */
export function parseSchedule(input: unknown): Schedule {
  return ScheduleSchema.parse(input);
}

/**
 * The rubric an organisation scores its units with (the organisation file's optional `evaluation` section), and
 * theodoi's default. See docs/EVALUATION.md for what each field means and where the default comes from.
 */
import { z } from 'zod';
import { evaluation as msg } from '../../messages.vi.js';

/** A share of the full credit of one row, from 0 (none) to 1 (full). */
const Credit = z.number().min(0).max(1);

/** Credit for rows done late: a step's credit when late by at most its working days, else `credit`. */
export const LateCreditSchema = z
  .strictObject({
    /** Credit of a late row not covered by a step. */
    credit: Credit.default(0.5),
    /** e.g. `[{ upToWorkingDays: 2, credit: 0.75 }]`: late by 1–2 working days earns 0.75. */
    steps: z.array(z.strictObject({ upToWorkingDays: z.int().min(1).max(365), credit: Credit })).default([]),
  })
  .refine(
    (late) =>
      late.steps.every((step, i) => i === 0 || step.upToWorkingDays > late.steps[i - 1]!.upToWorkingDays),
    { message: msg.rubric.stepsOrder, path: ['steps'] },
  );
/** Credit for lateness. */
export type LateCredit = z.infer<typeof LateCreditSchema>;

/** A rating by score: the first grade (highest `minScore` first) whose `minScore` the score reaches. */
const GradeSchema = z.strictObject({ label: z.string().min(1), minScore: z.number().min(0) });

/** theodoi's default grades ([M]: theodoi's own bands, see docs/EVALUATION.md). */
export const DEFAULT_GRADES = [
  { label: msg.defaultGrades.excellent, minScore: 90 },
  { label: msg.defaultGrades.good, minScore: 80 },
  { label: msg.defaultGrades.fair, minScore: 65 },
  { label: msg.defaultGrades.average, minScore: 50 },
  { label: msg.defaultGrades.weak, minScore: 0 },
] as const;

/** The rubric: credits per row, the weight of reports against tasks, penalties in points, grades. */
export const EvaluationRubricSchema = z
  .strictObject({
    /** The score of a unit that did everything on time. */
    maxScore: z.number().positive().max(1000).default(100),
    /** How much the reporting regime and the tasks each weigh; a part with nothing due drops out. */
    weights: z
      .strictObject({ reports: z.number().min(0).default(1), tasks: z.number().min(0).default(1) })
      .default({ reports: 1, tasks: 1 })
      .refine((w) => w.reports + w.tasks > 0, { message: msg.rubric.weights }),
    reports: z
      .strictObject({
        onTime: Credit.default(1),
        late: LateCreditSchema.default({ credit: 0.5, steps: [] }),
        missing: Credit.default(0),
      })
      .default({ onTime: 1, late: { credit: 0.5, steps: [] }, missing: 0 }),
    tasks: z
      .strictObject({
        onTime: Credit.default(1),
        late: LateCreditSchema.default({ credit: 0.5, steps: [] }),
        overdue: Credit.default(0),
      })
      .default({ onTime: 1, late: { credit: 0.5, steps: [] }, overdue: 0 }),
    /** Points taken off the score per row (never below 0). */
    penalties: z
      .strictObject({
        /** Per row refused and corrected later. */
        corrected: z.number().min(0).default(0),
        /** Per row still awaiting a correction. */
        awaitingCorrection: z.number().min(0).default(0),
        /** Per row counted on an extended deadline. */
        extended: z.number().min(0).default(0),
      })
      .default({ corrected: 0, awaitingCorrection: 0, extended: 0 }),
    /** Highest first; when absent, theodoi's default grades scaled to `maxScore`. */
    grades: z.array(GradeSchema).min(1).optional(),
  })
  .superRefine((rubric, ctx) => {
    rubric.grades?.forEach((grade, i) => {
      if (grade.minScore > rubric.maxScore)
        ctx.addIssue({ code: 'custom', path: ['grades', i, 'minScore'], message: msg.rubric.gradeAboveMax });
      if (i > 0 && grade.minScore >= rubric.grades![i - 1]!.minScore)
        ctx.addIssue({ code: 'custom', path: ['grades', i, 'minScore'], message: msg.rubric.gradesOrder });
    });
  })
  .transform((rubric) => ({
    ...rubric,
    grades:
      rubric.grades ??
      DEFAULT_GRADES.map((g) => ({ label: g.label, minScore: (g.minScore * rubric.maxScore) / 100 })),
  }));
/** A validated rubric, defaults filled in. */
export type EvaluationRubric = z.infer<typeof EvaluationRubricSchema>;
/** A rubric as written in the organisation file. */
export type EvaluationRubricInput = z.input<typeof EvaluationRubricSchema>;

/** theodoi's default rubric: on time full credit, late half, missing or overdue none; reports and tasks weigh alike. */
export const DEFAULT_RUBRIC: EvaluationRubric = EvaluationRubricSchema.parse({});

/** Validates a rubric (absent: the default); throws a ZodError naming each bad field. */
export function parseRubric(input: unknown): EvaluationRubric {
  return EvaluationRubricSchema.parse(input ?? {});
}

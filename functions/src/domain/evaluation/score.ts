/** A unit's score from its tally and the rubric, its grade, and the ranking of units (ties share a rank). */
import type { EvaluationRubric, LateCredit } from './rubric.js';
import type { Tally } from './tally.js';

/** A unit's score and its parts. */
export interface UnitScore {
  /** Credit earned over reports due, 0–1; null when no report was due. */
  reports: number | null;
  /** Credit earned over tasks due, 0–1; null when no task was due. */
  tasks: number | null;
  /** Points taken off for corrections and extensions. */
  penalty: number;
  /** The score on the rubric's scale, two decimals, never below 0. */
  total: number;
}

/** The credit of a row late by `days` working days. */
export function lateCredit(late: LateCredit, days: number): number {
  return late.steps.find((step) => days <= step.upToWorkingDays)?.credit ?? late.credit;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The credit earned over the rows due of one part (reports or tasks); null when none was due. */
function partShare(
  due: number,
  onTime: number,
  lateDays: readonly number[],
  none: number,
  credits: { onTime: number; late: LateCredit; none: number },
): number | null {
  if (due === 0) return null;
  const late = lateDays.reduce((sum, days) => sum + lateCredit(credits.late, days), 0);
  return (onTime * credits.onTime + late + none * credits.none) / due;
}

/**
 * The score of a tally: each part (reports, tasks) is its rows' credit over the rows due; the parts are averaged
 * by the rubric's weights (a part with nothing due drops out) and scaled to `maxScore`; penalties are then taken
 * off. Null when nothing was due: such a unit is not scored or ranked.
 */
export function scoreTally(tally: Tally, rubric: EvaluationRubric): UnitScore | null {
  const reports = partShare(
    tally.reportsDue,
    tally.reportsOnTime,
    tally.reportLateDays,
    tally.reportsMissing,
    {
      ...rubric.reports,
      none: rubric.reports.missing,
    },
  );
  const tasks = partShare(tally.tasksDue, tally.tasksOnTime, tally.taskLateDays, tally.tasksOverdue, {
    ...rubric.tasks,
    none: rubric.tasks.overdue,
  });
  const parts = [
    { share: reports, weight: rubric.weights.reports },
    { share: tasks, weight: rubric.weights.tasks },
  ].filter((p): p is { share: number; weight: number } => p.share !== null && p.weight > 0);
  if (parts.length === 0) return null;
  const weight = parts.reduce((sum, p) => sum + p.weight, 0);
  const base = (parts.reduce((sum, p) => sum + p.share * p.weight, 0) / weight) * rubric.maxScore;
  const { penalties } = rubric;
  const penalty =
    tally.corrected * penalties.corrected +
    tally.awaitingCorrection * penalties.awaitingCorrection +
    tally.extended * penalties.extended;
  return {
    reports: reports === null ? null : round2(reports),
    tasks: tasks === null ? null : round2(tasks),
    penalty: round2(penalty),
    total: Math.max(0, round2(base - penalty)),
  };
}

/** The grade a score earns: the first of the rubric's grades (highest first) whose minimum it reaches. */
export function gradeOf(score: number, rubric: EvaluationRubric): string | null {
  return rubric.grades.find((grade) => score >= grade.minScore)?.label ?? null;
}

/** Competition ranks ("1, 2, 2, 4") of the scores, highest first; null scores get no rank. */
export function ranks(scores: readonly (number | null)[]): (number | null)[] {
  const sorted = scores.filter((s): s is number => s !== null).sort((a, b) => b - a);
  const first = new Map<number, number>();
  sorted.forEach((s, i) => {
    if (!first.has(s)) first.set(s, i + 1);
  });
  return scores.map((s) => (s === null ? null : first.get(s)!));
}

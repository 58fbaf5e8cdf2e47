// The evaluation is a pure function of what was stored: the same year gives the same figures whatever the order of
// its obligations, a past year recomputed later — after more reports, versions and extensions were stored — gives
// the same figures, and every tally adds up.
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import {
  buildEvaluation,
  DEFAULT_RUBRIC,
  quarterRange,
  TALLY_COUNT_KEYS,
  yearRange,
  type EvaluationModel,
  type EvaluationRange,
  type Obligation,
} from '@theodoi/functions/domain/evaluation/index';
import { seededRandom } from '../../../../fixtures/seeded-random.js';
import { syntheticYear, type SyntheticYear } from '../../../../fixtures/synthetic-obligations.js';

const calendar = createCalendar();
const SEEDS = [1, 7, 2024, 31337];

function evaluate(year: SyntheticYear, obligations: Obligation[], range: EvaluationRange, now: string) {
  return buildEvaluation({
    ...year,
    obligations,
    range,
    now: new Date(now),
    calendar,
    rubric: DEFAULT_RUBRIC,
  });
}

/** The model without the moment it was made (the only field a later run may change). */
const figures = ({ generatedAt: _g, ...rest }: EvaluationModel) =>
  JSON.parse(JSON.stringify(rest)) as unknown;

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** What a later year stores about rows of the past one: late reports, new versions, extensions granted afterwards. */
function laterActivity(obligations: readonly Obligation[], seed: number): Obligation[] {
  const random = seededRandom(seed);
  const after = new Date('2025-02-10T02:00:00Z');
  return obligations.map((o) => {
    const roll = random();
    if (roll < 0.2)
      return {
        ...o,
        firstSubmittedAt: o.firstSubmittedAt ?? after,
        versions: [...o.versions, { at: after, status: 'valid' as const }],
      };
    if (roll < 0.3) return { ...o, versions: [...o.versions, { at: after, status: 'invalid' as const }] };
    if (roll < 0.35)
      return { ...o, extensions: [...o.extensions, { until: '2025-03-01', grantedAt: after }] };
    return o;
  });
}

describe('buildEvaluation is deterministic', () => {
  for (const seed of SEEDS) {
    const year = syntheticYear(
      { year: 2024, directives: 12, units: 15, seed, tasksPerDirective: 4 },
      calendar,
    );

    it(`gives the same figures whatever the order of the obligations (seed ${seed})`, () => {
      const first = evaluate(year, year.obligations, yearRange(2024), '2025-01-20T02:00:00Z');
      const again = evaluate(year, shuffled(year.obligations, seed), yearRange(2024), '2025-01-20T02:00:00Z');
      expect(figures(again)).toEqual(figures(first));
      expect(first.totals.reportsDue + first.totals.tasksDue).toBeGreaterThan(100);
    });

    it(`recomputes a past year identically after later activity (seed ${seed})`, () => {
      const atYearEnd = evaluate(year, year.obligations, yearRange(2024), '2025-01-01T00:00:00Z');
      const later = evaluate(
        year,
        laterActivity(year.obligations, seed),
        yearRange(2024),
        '2026-06-01T00:00:00Z',
      );
      expect(figures(later)).toEqual(figures(atYearEnd));
      const quarter = evaluate(year, year.obligations, quarterRange(2024, 2), '2024-07-01T00:00:00Z');
      const quarterLater = evaluate(
        year,
        laterActivity(year.obligations, seed),
        quarterRange(2024, 2),
        '2025-09-01T00:00:00Z',
      );
      expect(figures(quarterLater)).toEqual(figures(quarter));
    });

    it(`adds up: every row due is on time, late or missing; groups sum to the total (seed ${seed})`, () => {
      const model = evaluate(year, year.obligations, yearRange(2024), '2024-09-30T03:00:00Z');
      const rows = model.groups.flatMap((g) => g.rows);
      for (const { tally } of rows) {
        expect(tally.reportsOnTime + tally.reportsLate + tally.reportsMissing).toBe(tally.reportsDue);
        expect(tally.reportsLate + tally.reportsMissing).toBe(tally.reportsMissingAtDeadline);
        expect(tally.tasksOnTime + tally.tasksLate + tally.tasksOverdue).toBe(tally.tasksDue);
        expect(tally.reportLateDays.reduce((a, b) => a + b, 0)).toBe(tally.reportsLateWorkingDays);
        expect(tally.reportLateDays.every((d) => d >= 1)).toBe(true);
      }
      for (const key of TALLY_COUNT_KEYS)
        expect(model.groups.reduce((sum, g) => sum + g.tally[key], 0)).toBe(model.totals[key]);
      const scored = rows.filter((r) => r.score !== null);
      for (const row of scored) {
        expect(row.score!.total).toBeGreaterThanOrEqual(0);
        expect(row.score!.total).toBeLessThanOrEqual(100);
        // Competition ranking: one more than the number of units scoring strictly higher.
        expect(row.rank).toBe(1 + scored.filter((o) => o.score!.total > row.score!.total).length);
      }
      expect(model.totals.notYetDue).toBeGreaterThan(0);
    });
  }
});

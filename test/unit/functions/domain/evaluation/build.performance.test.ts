// The evaluation's speed on a small synthetic year (npm run bench measures a province's: 200 directives × 120 units):
// the tally, scores and ranks of three thousand rows take well under a second.
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { buildEvaluation, DEFAULT_RUBRIC, yearRange } from '@theodoi/functions/domain/evaluation/index';
import { syntheticYear } from '../../../../fixtures/synthetic-obligations.js';

describe('evaluation speed', () => {
  it('evaluates 20 directives × 30 units over a year well under a second', () => {
    const calendar = createCalendar();
    const year = syntheticYear({ year: 2024, directives: 20, units: 30, seed: 11 }, calendar);
    const input = {
      ...year,
      range: yearRange(2024),
      now: new Date('2025-01-10T02:00:00Z'),
      calendar,
      rubric: DEFAULT_RUBRIC,
    };
    buildEvaluation(input); // warm the calendar's year tables and the JIT
    const started = performance.now();
    const model = buildEvaluation(input);
    const ms = performance.now() - started;
    console.log(
      `${year.obligations.length} rows, ${model.groups.reduce((n, g) => n + g.rows.length, 0)} units: ${ms.toFixed(1)} ms`,
    );
    expect(year.obligations.length).toBeGreaterThan(3_000);
    expect(ms).toBeLessThan(1_000);
  });
});

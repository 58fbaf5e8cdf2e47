// The rubric an organisation file may set: theodoi's default, custom credits by lateness, and what is refused.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC, lateCredit, parseRubric } from '@theodoi/functions/domain/evaluation/index';
import { parseOrganisation } from '@theodoi/functions/domain/organisation';
import { YEAR_ORGANISATION } from '../../../../fixtures/evaluation-year.js';

describe('the evaluation rubric', () => {
  it("defaults to theodoi's own: on time full credit, late half, missing or overdue none, grades from 90 down", () => {
    expect(DEFAULT_RUBRIC).toEqual({
      maxScore: 100,
      weights: { reports: 1, tasks: 1 },
      reports: { onTime: 1, late: { credit: 0.5, steps: [] }, missing: 0 },
      tasks: { onTime: 1, late: { credit: 0.5, steps: [] }, overdue: 0 },
      penalties: { corrected: 0, awaitingCorrection: 0, extended: 0 },
      grades: [
        { label: 'Xuất sắc', minScore: 90 },
        { label: 'Tốt', minScore: 80 },
        { label: 'Khá', minScore: 65 },
        { label: 'Trung bình', minScore: 50 },
        { label: 'Yếu', minScore: 0 },
      ],
    });
    expect(parseRubric(undefined)).toEqual(DEFAULT_RUBRIC);
  });

  it('gives a late row the credit of the first step its lateness fits, else the late credit', () => {
    const late = {
      credit: 0.2,
      steps: [
        { upToWorkingDays: 2, credit: 0.8 },
        { upToWorkingDays: 5, credit: 0.5 },
      ],
    };
    expect([1, 2, 3, 5, 6, 30].map((days) => lateCredit(late, days))).toEqual([0.8, 0.8, 0.5, 0.5, 0.2, 0.2]);
  });

  it('keeps what a file leaves out at its default', () => {
    const rubric = parseRubric({ maxScore: 10, reports: { late: { credit: 0.25 } } });
    expect(rubric.maxScore).toBe(10);
    expect(rubric.reports).toEqual({ onTime: 1, late: { credit: 0.25, steps: [] }, missing: 0 });
    expect(rubric.tasks).toEqual(DEFAULT_RUBRIC.tasks);
    // The default grades follow the scale: "Xuất sắc" from 9 of 10.
    expect(rubric.grades.map((g) => g.minScore)).toEqual([9, 8, 6.5, 5, 0]);
  });

  it('refuses credits outside 0–1, steps out of order, weights that add to nothing and grades out of order', () => {
    expect(() => parseRubric({ reports: { onTime: 2 } })).toThrow();
    expect(() =>
      parseRubric({
        reports: {
          late: {
            steps: [
              { upToWorkingDays: 5, credit: 0.5 },
              { upToWorkingDays: 2, credit: 0.8 },
            ],
          },
        },
      }),
    ).toThrow(/upToWorkingDays.*tăng dần/);
    expect(() => parseRubric({ weights: { reports: 0, tasks: 0 } })).toThrow(/tổng trọng số/);
    expect(() =>
      parseRubric({
        grades: [
          { label: 'Đạt', minScore: 50 },
          { label: 'Tốt', minScore: 80 },
        ],
      }),
    ).toThrow(/giảm dần/);
    expect(() => parseRubric({ maxScore: 10, grades: [{ label: 'Đạt', minScore: 50 }] })).toThrow(/maxScore/);
  });

  it('is read from the organisation file, whose units may record a merger', () => {
    const org = parseOrganisation({ ...YEAR_ORGANISATION, evaluation: { weights: { tasks: 2 } } });
    expect(org.evaluation?.weights).toEqual({ reports: 1, tasks: 2 });
    expect(org.units.find((u) => u.code === 'X2')).toMatchObject({
      retiredOn: '2024-07-01',
      mergedInto: 'X3',
    });
    expect(parseOrganisation(YEAR_ORGANISATION).evaluation).toBeUndefined();
  });
});

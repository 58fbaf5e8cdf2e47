// A year of an organisation's directives evaluated by hand: each unit's tally across report and task directives,
// a late report across Tết, extensions, corrections, a commune merged mid-year; scores, grades and ranks by the
// default rubric and by custom ones; and the same year evaluated while it was still running.
import { beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import {
  rankedRows,
  type EvaluationModel,
  type EvaluationRow,
  type EvaluationRubricInput,
} from '@theodoi/functions/domain/evaluation/index';
import { vn, yearModel } from '../../../../fixtures/evaluation-year.js';

const calendar = createCalendar();
const evaluate = (now: string, rubric?: EvaluationRubricInput) => yearModel(now, rubric, calendar);

const rowOf = (model: EvaluationModel, code: string): EvaluationRow =>
  model.groups.flatMap((g) => g.rows).find((r) => r.unitCode === code)!;

describe('buildEvaluation over the year 2024', () => {
  let model: EvaluationModel;
  beforeAll(() => {
    model = evaluate('2025-03-01 09:00');
  });

  it('counts Phòng Nội vụ: a report late across Tết by 1 working day, one late by 2, one corrected', () => {
    expect(rowOf(model, 'NV').tally).toEqual({
      reportsDue: 5,
      reportsOnTime: 3,
      reportsLate: 2,
      reportsLateWorkingDays: 3,
      reportsMissingAtDeadline: 2,
      reportsMissing: 0,
      tasksDue: 1,
      tasksOnTime: 1,
      tasksLate: 0,
      tasksLateWorkingDays: 0,
      tasksOverdue: 0,
      corrected: 1,
      awaitingCorrection: 0,
      extended: 0,
      notYetDue: 0,
      reportLateDays: [1, 2],
      taskLateDays: [],
    });
  });

  it('counts Phòng Tư pháp: an extended deadline met, a report never sent, a task completed 3 working days late', () => {
    expect(rowOf(model, 'TP').tally).toMatchObject({
      reportsDue: 5,
      reportsOnTime: 2,
      reportsLate: 2,
      reportsLateWorkingDays: 5,
      reportsMissingAtDeadline: 3,
      reportsMissing: 1,
      tasksDue: 1,
      tasksOnTime: 0,
      tasksLate: 1,
      tasksLateWorkingDays: 3,
      extended: 1,
      reportLateDays: [2, 3],
      taskLateDays: [3],
    });
  });

  it('counts xã Một: a refused report never corrected is missing, and its task is overdue', () => {
    expect(rowOf(model, 'X1').tally).toMatchObject({
      reportsDue: 5,
      reportsOnTime: 3,
      reportsLate: 0,
      reportsMissingAtDeadline: 2,
      reportsMissing: 2,
      tasksDue: 1,
      tasksOverdue: 1,
      corrected: 0,
      awaitingCorrection: 1,
    });
  });

  it('keeps the merged xã Hai to what it owed before 01/07/2024, and says where it went', () => {
    const x2 = rowOf(model, 'X2');
    expect(x2.tally).toMatchObject({
      reportsDue: 2,
      reportsOnTime: 1,
      reportsLate: 1,
      reportsLateWorkingDays: 2,
    });
    expect(x2.tally.tasksDue).toBe(0);
    expect(x2.notes).toEqual(['Sáp nhập vào UBND xã Ba từ ngày 01/07/2024']);
    expect(rowOf(model, 'X3').notes).toEqual(['Tiếp nhận UBND xã Hai từ ngày 01/07/2024']);
    expect(model.changes).toEqual([
      {
        unitCode: 'X2',
        kind: 'merged',
        on: '2024-07-01',
        intoCode: 'X3',
        unitName: 'UBND xã Hai',
        intoName: 'UBND xã Ba',
      },
    ]);
  });

  it('counts xã Ba: everything on time, its task on an extended deadline', () => {
    expect(rowOf(model, 'X3').tally).toMatchObject({
      reportsDue: 4,
      reportsOnTime: 4,
      tasksDue: 1,
      tasksOnTime: 1,
      extended: 1,
    });
  });

  it('leaves out a report whose deadline falls in 2025, and lists the directives behind the figures', () => {
    expect(model.directives.map((d) => d.id)).toEqual(['r1-bao-cao-quy', 'r2-bao-cao-tet', 't1-nhiem-vu']);
    expect(
      rowOf(model, 'NV').byDirective.map((d) => [d.directiveId, d.tally.reportsDue, d.tally.tasksDue]),
    ).toEqual([
      ['r1-bao-cao-quy', 4, 0],
      ['r2-bao-cao-tet', 1, 0],
      ['t1-nhiem-vu', 0, 1],
    ]);
    expect(model.totals).toMatchObject({
      reportsDue: 21,
      reportsOnTime: 13,
      reportsLate: 5,
      reportsMissing: 3,
    });
    expect(model.totals).toMatchObject({ tasksDue: 4, tasksOnTime: 2, tasksLate: 1, tasksOverdue: 1 });
  });

  it('scores with the default rubric: on time 1, late 0.5, missing 0; reports and tasks weigh alike', () => {
    const scores = Object.fromEntries(
      model.groups
        .flatMap((g) => g.rows)
        .map((r) => [r.unitCode, [r.score?.total, r.grade, r.rank, r.groupRank]]),
    );
    expect(scores).toEqual({
      NV: [90, 'Xuất sắc', 2, 1], // reports (3 + 2 × 0.5) / 5 = 0.8, tasks 1 → 90
      TP: [55, 'Trung bình', 4, 2], // reports (2 + 2 × 0.5) / 5 = 0.6, tasks 0.5 → 55
      X1: [30, 'Yếu', 5, 3], // reports 3 / 5 = 0.6, tasks 0 → 30
      X2: [75, 'Khá', 3, 2], // reports (1 + 0.5) / 2, no task → 75
      X3: [100, 'Xuất sắc', 1, 1],
    });
    expect(model.groups.map((g) => [g.numeral, g.name, g.averageScore])).toEqual([
      ['I', 'Các ban, ngành thuộc UBND huyện', 72.5],
      ['II', 'UBND các xã', 68.33],
    ]);
    expect(rankedRows(model).map((r) => r.unitCode)).toEqual(['X3', 'NV', 'X2', 'TP', 'X1']);
  });

  it('scores with a custom rubric: reports weigh double, credit by lateness, points off for corrections and extensions', () => {
    const custom = evaluate('2025-03-01 09:00', {
      weights: { reports: 2, tasks: 1 },
      reports: {
        late: {
          credit: 0.25,
          steps: [
            { upToWorkingDays: 1, credit: 0.9 },
            { upToWorkingDays: 2, credit: 0.75 },
          ],
        },
      },
      penalties: { corrected: 2, awaitingCorrection: 5, extended: 1 },
      grades: [
        { label: 'Đạt', minScore: 50 },
        { label: 'Chưa đạt', minScore: 0 },
      ],
    });
    const scores = Object.fromEntries(
      custom.groups.flatMap((g) => g.rows).map((r) => [r.unitCode, [r.score, r.grade, r.rank]]),
    );
    expect(scores).toEqual({
      // reports (3 + 0.9 + 0.75) / 5 = 0.93; (2 × 0.93 + 1) / 3 × 100 = 95.33; − 2 for the correction
      NV: [{ reports: 0.93, tasks: 1, penalty: 2, total: 93.33 }, 'Đạt', 2],
      // reports (2 + 0.75 + 0.25) / 5 = 0.6; tasks 0.5; (1.2 + 0.5) / 3 × 100 = 56.67; − 1 for the extension
      TP: [{ reports: 0.6, tasks: 0.5, penalty: 1, total: 55.67 }, 'Đạt', 4],
      // (2 × 0.6 + 0) / 3 × 100 = 40; − 5 for the correction still awaited
      X1: [{ reports: 0.6, tasks: 0, penalty: 5, total: 35 }, 'Chưa đạt', 5],
      X2: [{ reports: 0.88, tasks: null, penalty: 0, total: 87.5 }, 'Đạt', 3],
      X3: [{ reports: 1, tasks: 1, penalty: 1, total: 99 }, 'Đạt', 1],
    });
  });

  it('gives tied units the same rank and the next one the rank after them', () => {
    const lenient = evaluate('2025-03-01 09:00', {
      reports: { late: { credit: 1 } },
      tasks: { late: { credit: 1 } },
    });
    const ranksByUnit = Object.fromEntries(
      lenient.groups.flatMap((g) => g.rows).map((r) => [r.unitCode, [r.score?.total, r.rank]]),
    );
    // NV, X2 and X3 did everything, late or not; TP missed one report of five (0.8, tasks 1 → 90).
    expect(ranksByUnit).toEqual({ NV: [100, 1], X2: [100, 1], X3: [100, 1], TP: [90, 4], X1: [30, 5] });
  });

  it('evaluated on 18/06/2024 at noon, counts only what had happened by then', () => {
    const midYear = evaluate('2024-06-18 12:00');
    expect(midYear.instant).toEqual(vn('2024-06-18 12:00'));
    // NV: Q1 on time, R2 late by 1; its Q2 (sent at 16:00) is not yet due; its task was completed on time.
    expect(rowOf(midYear, 'NV').tally).toMatchObject({
      reportsDue: 2,
      reportsOnTime: 1,
      reportsLate: 1,
      tasksDue: 1,
      tasksOnTime: 1,
    });
    // TP: Q1 on its extension, R2 late; Q2, Q3 and Q4 not yet due; its task was completed late on 05/06.
    expect(rowOf(midYear, 'TP').tally).toMatchObject({
      reportsDue: 2,
      reportsMissing: 0,
      tasksLate: 1,
      notYetDue: 3,
    });
    // xã Một and xã Ba had sent Q2 already: counted on time; their task of 31/10 is not yet due.
    expect(rowOf(midYear, 'X1').tally).toMatchObject({
      reportsDue: 3,
      reportsOnTime: 2,
      reportsMissing: 1,
      tasksDue: 0,
    });
    expect(rowOf(midYear, 'X3').tally).toMatchObject({ reportsDue: 2, reportsOnTime: 2, tasksDue: 0 });
    // Not yet due: Q2 of NV and TP, Q3 and Q4 of the four units still existing (8), the two rows of nv2 = 12; xã
    // Hai owes neither Q3, Q4 nor nv3 (due after its merger).
    expect(midYear.totals.notYetDue).toBe(12);
  });
});

// Which rows a directive asked of which units: every recipient's report of each opened period, or each responsible
// unit's row of each task (by a day, periodic, ongoing), nothing after the directive closed.
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { owedRows, type OpenedPeriod } from '@theodoi/functions/domain/evaluation/index';
import { parseSchedule, periodsOf, type PeriodicSchedule } from '@theodoi/functions/domain/periods/index';
import { YEAR_DIRECTIVES } from '../../../../fixtures/evaluation-year.js';

const calendar = createCalendar();
const years = { from: 2023, to: 2024 };
const opened: OpenedPeriod[] = [
  { key: '2024-Q1', start: '2023-12-15', deadline: '2024-03-18' },
  { key: '2024-Q2', start: '2024-03-15', deadline: '2024-06-18' },
];

describe('owedRows', () => {
  it('gives every recipient a report row per opened period, and none for a period starting after the directive closed', () => {
    expect(owedRows({ recipients: ['A', 'B'] }, opened, calendar, years)).toEqual([
      { unitCode: 'A', kind: 'report', periodKey: '2024-Q1', deadline: '2024-03-18' },
      { unitCode: 'B', kind: 'report', periodKey: '2024-Q1', deadline: '2024-03-18' },
      { unitCode: 'A', kind: 'report', periodKey: '2024-Q2', deadline: '2024-06-18' },
      { unitCode: 'B', kind: 'report', periodKey: '2024-Q2', deadline: '2024-06-18' },
    ]);
    expect(owedRows({ recipients: ['A'], closedOn: '2024-03-01' }, opened, calendar, years)).toHaveLength(1);
  });

  it('gives a task to its lead and each co-operating unit once, due the next working day when its day is off', () => {
    const rows = owedRows(
      {
        recipients: ['A', 'B', 'C'],
        tasks: [{ id: 'nv1', lead: 'A', support: ['B', 'A', 'B'], due: { kind: 'by', date: '2024-02-10' } }],
      },
      opened,
      calendar,
      years,
    );
    // Saturday 10/02/2024 is in Tết (off 08/02–14/02): due Thursday 15/02.
    expect(rows).toEqual([
      { unitCode: 'A', taskId: 'nv1', role: 'lead', kind: 'task', periodKey: 'once', deadline: '2024-02-15' },
      {
        unitCode: 'B',
        taskId: 'nv1',
        role: 'support',
        kind: 'task',
        periodKey: 'once',
        deadline: '2024-02-15',
      },
    ]);
  });

  it('gives a periodic task a task row per period of its own schedule, an ongoing one a report per opened period', () => {
    const schedule = parseSchedule({
      kind: 'six-month',
      first: '2024-H1',
      deadline: { type: 'working-days-after-cutoff', days: 3 },
    }) as PeriodicSchedule;
    const rows = owedRows(
      {
        recipients: ['A'],
        tasks: [
          { id: 'nv1', lead: 'A', support: [], due: { kind: 'periodic', schedule } },
          { id: 'nv2', lead: 'A', support: [], due: { kind: 'ongoing' } },
        ],
      },
      opened,
      calendar,
      years,
    );
    expect(rows.map((r) => [r.taskId, r.kind, r.periodKey, r.deadline])).toEqual([
      ['nv1', 'task', '2024-H1', '2024-06-19'],
      ['nv2', 'report', '2024-Q1', '2024-03-18'],
      ['nv2', 'report', '2024-Q2', '2024-06-18'],
    ]);
  });

  it("matches the test year's stored deadlines with the calendar's", () => {
    const quarterly = YEAR_DIRECTIVES[0]!;
    expect(
      periodsOf(parseSchedule(quarterly.schedule), 2024, 2024, calendar).map((p) => [
        p.key,
        p.start,
        p.deadline,
      ]),
    ).toEqual(quarterly.periods.map((p) => [p.key, p.start, p.deadline]));
  });
});

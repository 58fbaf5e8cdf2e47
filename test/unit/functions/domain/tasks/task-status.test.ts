// A task row's status on Vietnamese working days: done on time or late (by the completion date against the effective
// deadline), overdue once the deadline day has ended, never overdue for an ongoing task.
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { taskStatus, taskStatusText } from '@theodoi/functions/domain/tasks/task-status';

const calendar = createCalendar();
// Friday 20/11/2026 is the deadline; 23/11 is the Monday after.
const at = (iso: string) => new Date(`${iso}T03:00:00Z`);
const status = (progress: Parameters<typeof taskStatus>[0]['progress'], now: string, ongoing = false) =>
  taskStatus({ progress, deadline: '2026-11-20', ongoing, now: at(now), calendar });

describe('taskStatus', () => {
  it('tells not started and in progress apart before the deadline', () => {
    expect(status({ state: null, completedOn: null }, '2026-11-10').code).toBe('chua-thuc-hien');
    expect(status({ state: 'not-started', completedOn: null }, '2026-11-10').code).toBe('chua-thuc-hien');
    expect(status({ state: 'in-progress', completedOn: null }, '2026-11-20').code).toBe('dang-thuc-hien');
  });

  it('counts a completion on the deadline day on time, and one on the next working day 1 day late', () => {
    expect(status({ state: 'completed', completedOn: '2026-11-20' }, '2026-11-25')).toEqual({
      code: 'hoan-thanh-dung-han',
      workingDays: 0,
    });
    // Saturday 21/11 is handled on Monday: 1 working day late, as a report is.
    expect(status({ state: 'completed', completedOn: '2026-11-21' }, '2026-11-25')).toEqual({
      code: 'hoan-thanh-tre-han',
      workingDays: 1,
    });
    expect(status({ state: 'completed', completedOn: '2026-11-24' }, '2026-11-25').workingDays).toBe(2);
  });

  it('is overdue once the deadline day has ended without completion, counted in working days', () => {
    expect(status({ state: 'in-progress', completedOn: null }, '2026-11-23')).toEqual({
      code: 'qua-han',
      workingDays: 1,
    });
    expect(status({ state: null, completedOn: null }, '2026-11-25').workingDays).toBe(3);
  });

  it('never makes an ongoing task overdue, nor late', () => {
    expect(status({ state: 'in-progress', completedOn: null }, '2026-12-30', true).code).toBe(
      'dang-thuc-hien',
    );
    expect(status({ state: 'completed', completedOn: '2026-12-01' }, '2026-12-30', true).code).toBe(
      'hoan-thanh-dung-han',
    );
  });

  it('says it in Vietnamese, with the days and an extension', () => {
    expect(taskStatusText({ code: 'hoan-thanh-tre-han', workingDays: 2 })).toBe(
      'Hoàn thành trễ hạn (trễ 2 ngày làm việc)',
    );
    expect(taskStatusText({ code: 'qua-han', workingDays: 3 }, '2026-12-15')).toBe(
      'Quá hạn (quá hạn 3 ngày làm việc, gia hạn đến 15/12/2026)',
    );
  });
});

// The deadline cells a sync writes beside its statuses: the changed recipients' statuses as the morning check will
// compute them from what the sync stores, and only where the tab shows another text.
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { syncedDeadlineCells } from '@theodoi/functions/domain/deadlines/synced-cells';
import { parseSchedule, periodOf } from '@theodoi/functions/domain/periods/index';

const calendar = createCalendar();
const schedule = parseSchedule({
  kind: 'quarterly',
  first: '2024-Q1',
  last: '2024-Q4',
  deadline: { type: 'working-days-after-cutoff', days: 2 },
});
const period = periodOf(schedule, '2024-Q1', calendar); // deadline Monday 18/03/2024
const OVERDUE = 'Quá hạn chưa báo cáo (quá hạn 1 ngày làm việc)';
const codes = ['', 'Mã ĐV', 'TP', 'NV', 'VP', 'XX'];
const shown = ['', 'Tình hình báo cáo', OVERDUE, OVERDUE, 'Đã báo cáo đúng hạn', ''];
const base = {
  period,
  storedAt: new Date('2024-03-19T03:15:00Z'), // Tuesday 19/03, 10:15 in Vietnam
  calendar,
  recipients: new Set(['TP', 'NV', 'VP']),
  codeCells: codes,
  deadlineCells: shown,
  firstRow: 2,
};

describe('syncedDeadlineCells', () => {
  it('a report first valid today, after the deadline, reads "trễ hạn" at once; unchanged units are left to the check', () => {
    const cells = syncedDeadlineCells({
      ...base,
      changes: [{ unitCode: 'TP', status: 'valid', errors: [] }],
      before: new Map(),
    });
    expect(cells).toEqual([{ rowIndex: 2, text: 'Báo cáo trễ hạn (trễ 1 ngày làm việc)', code: 'tre-han' }]);
  });

  it('keeps the first submission: a unit that sent on time and now fixes a row stays "đúng hạn"', () => {
    const cells = syncedDeadlineCells({
      ...base,
      changes: [{ unitCode: 'VP', status: 'valid', errors: [] }],
      before: new Map([['VP', { firstSubmittedAt: new Date('2024-03-15T02:00:00Z') }]]),
    });
    // The tab already says so: nothing to write.
    expect(cells).toEqual([]);
  });

  it('a refused row of a unit never valid stays overdue, with its errors counted; non-recipients get nothing', () => {
    const cells = syncedDeadlineCells({
      ...base,
      changes: [
        {
          unitCode: 'NV',
          status: 'invalid',
          errors: [{ column: 'so_hoi_nghi', code: 'notInteger', message: 'Số hội nghị phải là số nguyên' }],
        },
        { unitCode: 'XX', status: 'valid', errors: [] },
      ],
      before: new Map(),
    });
    expect(cells).toEqual([
      {
        rowIndex: 3,
        text: 'Có lỗi cần sửa (1 lỗi, quá hạn 1 ngày làm việc)',
        code: 'co-loi',
      },
    ]);
  });
});

// A unit's status for a period as time passes and reports arrive, with the 23:59 Vietnam-time (16:59 UTC) boundary.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '@theodoi/functions/clock';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { parseSchedule, periodOf } from '@theodoi/functions/domain/periods/index';
import {
  deadlineLine,
  formatVietnameseDate,
  statusLabel,
  statusText,
  unitStatus,
  type UnitReportState,
  type UnitStatus,
} from '@theodoi/functions/domain/status/index';

const calendar = createCalendar();
// Quý I/2024, due 2 working days after the cut-off 14/03: Monday 18/03/2024.
const q1 = periodOf(
  parseSchedule({
    kind: 'quarterly',
    first: '2024-Q1',
    deadline: { type: 'working-days-after-cutoff', days: 2 },
  }),
  '2024-Q1',
  calendar,
);
// Tháng 4/2024, due on the 30th, a holiday, so on Thursday 02/05/2024.
const april = periodOf(
  parseSchedule({ kind: 'monthly', first: '2024-M01', deadline: { type: 'day-of-month', day: 30 } }),
  '2024-M04',
  calendar,
);

const submitted = (iso: string, issueCount = 0): UnitReportState => ({
  firstSubmittedAt: new Date(iso),
  issueCount,
});
const broken = (issueCount: number): UnitReportState => ({ firstSubmittedAt: null, issueCount });

describe('unitStatus', () => {
  const cases: {
    name: string;
    now: string;
    report: UnitReportState | null;
    expected: UnitStatus;
    period?: typeof q1;
    deadline?: string;
    dueSoon?: number;
  }[] = [
    {
      name: 'nothing yet, 11 working days ahead: chưa đến hạn',
      now: '2024-03-01T03:00:00.000Z',
      report: null,
      expected: { code: 'chua-den-han', workingDaysLeft: 11 },
    },
    {
      name: 'three working days ahead (Wed 13/03): still chưa đến hạn',
      now: '2024-03-13T03:00:00.000Z',
      report: null,
      expected: { code: 'chua-den-han', workingDaysLeft: 3 },
    },
    {
      name: 'two working days ahead (Thu 14/03): sắp đến hạn',
      now: '2024-03-14T03:00:00.000Z',
      report: null,
      expected: { code: 'sap-den-han', workingDaysLeft: 2 },
    },
    {
      name: 'with dueSoonWorkingDays 3, Wed 13/03 is already sắp đến hạn',
      now: '2024-03-13T03:00:00.000Z',
      report: null,
      dueSoon: 3,
      expected: { code: 'sap-den-han', workingDaysLeft: 3 },
    },
    {
      name: 'with dueSoonWorkingDays 0, only the deadline day is sắp đến hạn',
      now: '2024-03-14T03:00:00.000Z',
      report: null,
      dueSoon: 0,
      expected: { code: 'chua-den-han', workingDaysLeft: 2 },
    },
    {
      name: 'on the Saturday before, one working day is left',
      now: '2024-03-16T03:00:00.000Z',
      report: null,
      expected: { code: 'sap-den-han', workingDaysLeft: 1 },
    },
    {
      name: 'at 23:59:59.999 on the deadline day (16:59:59.999 UTC): still due today',
      now: '2024-03-18T16:59:59.999Z',
      report: null,
      expected: { code: 'sap-den-han', workingDaysLeft: 0 },
    },
    {
      name: 'at 00:00 the day after (17:00 UTC): quá hạn 1 working day',
      now: '2024-03-18T17:00:00.000Z',
      report: null,
      expected: { code: 'qua-han', workingDaysOverdue: 1 },
    },
    {
      name: 'on Friday 22/03: quá hạn 4 working days',
      now: '2024-03-22T03:00:00.000Z',
      report: null,
      expected: { code: 'qua-han', workingDaysOverdue: 4 },
    },
    {
      name: 'on Saturday 23/03: counted up to Monday 25/03, quá hạn 5',
      now: '2024-03-23T03:00:00.000Z',
      report: null,
      expected: { code: 'qua-han', workingDaysOverdue: 5 },
    },
    {
      name: 'reported on 11/03: đúng hạn, whenever asked',
      now: '2024-04-20T03:00:00.000Z',
      report: submitted('2024-03-11T01:12:00.000Z'),
      expected: { code: 'dung-han', submittedAt: new Date('2024-03-11T01:12:00.000Z') },
    },
    {
      name: 'reported at the last instant of the deadline day: đúng hạn',
      now: '2024-03-20T03:00:00.000Z',
      report: submitted('2024-03-18T16:59:59.999Z'),
      expected: { code: 'dung-han', submittedAt: new Date('2024-03-18T16:59:59.999Z') },
    },
    {
      name: 'reported at 00:00 the day after: trễ 1 working day',
      now: '2024-03-20T03:00:00.000Z',
      report: submitted('2024-03-18T17:00:00.000Z'),
      expected: { code: 'tre-han', submittedAt: new Date('2024-03-18T17:00:00.000Z'), workingDaysLate: 1 },
    },
    {
      name: 'reported on Wednesday 20/03: trễ 2 working days',
      now: '2024-03-25T03:00:00.000Z',
      report: submitted('2024-03-20T02:00:00.000Z'),
      expected: { code: 'tre-han', submittedAt: new Date('2024-03-20T02:00:00.000Z'), workingDaysLate: 2 },
    },
    {
      name: 'a deadline on the 30/04 holiday: reported Thu 02/05 at 16:00 is đúng hạn',
      period: april,
      now: '2024-05-06T03:00:00.000Z',
      report: submitted('2024-05-02T09:00:00.000Z'),
      expected: { code: 'dung-han', submittedAt: new Date('2024-05-02T09:00:00.000Z') },
    },
    {
      name: 'a deadline on the 30/04 holiday: reported on make-up Sat 04/05 is trễ 2',
      period: april,
      now: '2024-05-06T03:00:00.000Z',
      report: submitted('2024-05-04T02:00:00.000Z'),
      expected: { code: 'tre-han', submittedAt: new Date('2024-05-04T02:00:00.000Z'), workingDaysLate: 2 },
    },
    {
      name: 'during the 30/04 break before the moved deadline: sắp đến hạn, 1 working day left',
      period: april,
      now: '2024-04-29T03:00:00.000Z',
      report: null,
      expected: { code: 'sap-den-han', workingDaysLeft: 1 },
    },
    {
      name: 'a unit given until Monday 25/03: sắp đến hạn on Friday 22/03',
      deadline: '2024-03-25',
      now: '2024-03-22T03:00:00.000Z',
      report: null,
      expected: { code: 'sap-den-han', workingDaysLeft: 1 },
    },
    {
      name: 'a report with an error after the deadline: có lỗi, quá hạn 2',
      now: '2024-03-20T02:00:00.000Z',
      report: broken(1),
      expected: { code: 'co-loi', issueCount: 1, timing: { code: 'qua-han', workingDaysOverdue: 2 } },
    },
    {
      name: 'a report with errors before the deadline: có lỗi, sắp đến hạn underneath',
      now: '2024-03-14T02:00:00.000Z',
      report: broken(2),
      expected: { code: 'co-loi', issueCount: 2, timing: { code: 'sap-den-han', workingDaysLeft: 2 } },
    },
    {
      name: 'an on-time report later broken by an edit: có lỗi, still đúng hạn underneath',
      now: '2024-03-25T02:00:00.000Z',
      report: submitted('2024-03-11T01:12:00.000Z', 1),
      expected: {
        code: 'co-loi',
        issueCount: 1,
        timing: { code: 'dung-han', submittedAt: new Date('2024-03-11T01:12:00.000Z') },
      },
    },
  ];
  cases.forEach((tc) =>
    it(tc.name, () => {
      const status = unitStatus({
        period: tc.period ?? q1,
        report: tc.report,
        now: new Date(tc.now),
        calendar,
        ...(tc.deadline === undefined ? {} : { deadline: tc.deadline }),
        ...(tc.dueSoon === undefined ? {} : { dueSoonWorkingDays: tc.dueSoon }),
      });
      expect(status).toEqual(tc.expected);
    }),
  );

  it('moves chưa đến hạn → sắp đến hạn → quá hạn as the days pass, at 08:00 each morning', () => {
    const clock = new ManualClock('2024-03-12T01:00:00.000Z');
    const seen: string[] = [];
    for (let day = 0; day < 9; day += 1) {
      const status = unitStatus({ period: q1, report: null, now: clock.now(), calendar });
      seen.push(status.code === 'qua-han' ? `qua-han ${status.workingDaysOverdue}` : `${status.code}`);
      clock.advance(24 * 3600 * 1000);
    }
    expect(seen).toEqual([
      'chua-den-han',
      'chua-den-han',
      'sap-den-han',
      'sap-den-han',
      'sap-den-han',
      'sap-den-han',
      'sap-den-han',
      'qua-han 1',
      'qua-han 2',
    ]);
  });

  it('refuses a complete report without firstSubmittedAt and nonsense counts', () => {
    const base = { period: q1, now: new Date('2024-03-12T01:00:00.000Z'), calendar };
    expect(() => unitStatus({ ...base, report: { firstSubmittedAt: null, issueCount: 0 } })).toThrow(
      /firstSubmittedAt/,
    );
    expect(() => unitStatus({ ...base, report: broken(-1) })).toThrow(/issueCount/);
    expect(() => unitStatus({ ...base, report: null, dueSoonWorkingDays: 1.5 })).toThrow(
      /dueSoonWorkingDays/,
    );
  });
});

describe('Vietnamese wording', () => {
  const cases: { status: UnitStatus; text: string; short: string }[] = [
    {
      status: { code: 'chua-den-han', workingDaysLeft: 11 },
      text: 'Chưa đến hạn (còn 11 ngày làm việc)',
      short: 'Chưa đến hạn',
    },
    {
      status: { code: 'sap-den-han', workingDaysLeft: 0 },
      text: 'Sắp đến hạn (hạn chót là hôm nay)',
      short: 'Sắp đến hạn',
    },
    { status: { code: 'dung-han', submittedAt: new Date() }, text: 'Đã báo cáo đúng hạn', short: 'Đúng hạn' },
    {
      status: { code: 'tre-han', submittedAt: new Date(), workingDaysLate: 2 },
      text: 'Báo cáo trễ hạn (trễ 2 ngày làm việc)',
      short: 'Trễ hạn',
    },
    {
      status: { code: 'qua-han', workingDaysOverdue: 1 },
      text: 'Quá hạn chưa báo cáo (quá hạn 1 ngày làm việc)',
      short: 'Quá hạn',
    },
    {
      status: { code: 'co-loi', issueCount: 1, timing: { code: 'qua-han', workingDaysOverdue: 3 } },
      text: 'Có lỗi cần sửa (1 lỗi, quá hạn 3 ngày làm việc)',
      short: 'Có lỗi',
    },
    {
      status: { code: 'co-loi', issueCount: 2, timing: { code: 'sap-den-han', workingDaysLeft: 1 } },
      text: 'Có lỗi cần sửa (2 lỗi)',
      short: 'Có lỗi',
    },
  ];
  cases.forEach((tc) =>
    it(`${tc.status.code}: "${tc.text}"`, () => {
      expect(statusText(tc.status)).toBe(tc.text);
      expect(statusLabel(tc.status, 'short')).toBe(tc.short);
    }),
  );

  it('writes deadlines with their weekday', () => {
    expect(deadlineLine('2024-03-18')).toBe('Hạn báo cáo: 18/03/2024 (thứ Hai)');
    expect(formatVietnameseDate('2026-02-22')).toBe('22/02/2026 (Chủ nhật)');
  });
});

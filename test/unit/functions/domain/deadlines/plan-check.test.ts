// The deadline check's plan, from what was loaded: statuses and flags per unit, only the stale cells, the next
// period's tab opened under the next sheet id, a tab an earlier check added adopted by its real sheet id, and what
// the coordinator is told when a tab cannot be found.
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import {
  planDeadlineCheck,
  tabsToAdopt,
  type DeadlineCheckInput,
} from '@theodoi/functions/domain/deadlines/plan-check';
import { openedPeriods, parseSchedule } from '@theodoi/functions/domain/periods/index';
import type { SummaryReport } from '@theodoi/functions/domain/summary/model';
import type { ReadColumn } from '@theodoi/functions/domain/sync/report-rows';

const calendar = createCalendar();
const schedule = parseSchedule({
  kind: 'quarterly',
  first: '2024-Q1',
  last: '2024-Q4',
  deadline: { type: 'working-days-after-cutoff', days: 2 },
});
// 19/03/2024 09:00 in Vietnam: Q1's deadline (18/03) has passed, Q2's window is open.
const NOW = new Date('2024-03-19T02:00:00Z');
const periods = openedPeriods(schedule, NOW, calendar);
const KEYS = { code: '_unit_code', deadline: '_deadline' };
const FIRST_ROW = 4;

const valid = (at: string): SummaryReport => ({
  status: 'valid',
  errors: [],
  acceptedValues: { so_hoi_nghi: 1 },
  firstSubmittedAt: new Date(at),
  lastChangedAt: new Date(at),
});
/** A tab's code and deadline columns as read: rows from FIRST_ROW down. */
const tab = (rows: [string, string][], deadlineIndex = 24): Map<string, ReadColumn> =>
  new Map([
    [KEYS.code, { columnIndex: 0, cells: ['', '', '', 'Mã ĐV', ...rows.map(([code]) => code)] }],
    [
      KEYS.deadline,
      { columnIndex: deadlineIndex, cells: ['', '', '', 'Tình hình', ...rows.map(([, t]) => t)] },
    ],
  ]);

const input = (overrides: Partial<DeadlineCheckInput> = {}): DeadlineCheckInput => ({
  directive: {
    id: 'cchc',
    organisation: 'thap-muoi',
    number: '06/UBND-NV',
    date: '2024-02-05',
    subject: 'tuyên truyền CCHC',
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/s/edit',
    contact: { person: 'Chuyên viên Phòng Nội vụ' },
    recipients: ['NV', 'TP'],
    tabs: { '2024-Q1': { sheetId: 1000, title: 'Quý I/2024' } },
  },
  periods,
  now: NOW,
  calendar,
  units: new Map([
    ['NV', { name: 'Phòng Nội vụ', editors: ['nv@example.vn'] }],
    ['TP', { name: 'Phòng Tư pháp', contact: { email: 'tp@example.vn' }, editors: ['tp1@example.vn'] }],
  ]),
  reports: new Map([['2024-Q1', new Map([['NV', valid('2024-03-11T01:00:00Z')]])]]),
  flags: new Map(),
  columns: new Map([
    [
      '2024-Q1',
      tab([
        ['NV', 'Đã báo cáo đúng hạn'],
        ['TP', ''],
      ]),
    ],
  ]),
  keys: KEYS,
  firstUnitRow: FIRST_ROW,
  nextSheetId: 1001,
  notices: [],
  ...overrides,
});

describe('planDeadlineCheck', () => {
  it('gives each recipient its status, flags the overdue unit, and rewrites only the stale cell', () => {
    const plan = planDeadlineCheck(input());
    expect(periods.map((p) => p.key)).toEqual(['2024-Q1', '2024-Q2']);
    expect(plan.statuses.get('2024-Q1')?.get('NV')?.code).toBe('dung-han');
    expect(plan.statuses.get('2024-Q1')?.get('TP')?.code).toBe('qua-han');
    expect(plan.counts['2024-Q1']).toMatchObject({ 'dung-han': 1, 'qua-han': 1 });
    expect(plan.flags).toEqual({ raised: 1, updated: 0, resolved: 0, unchanged: 3 });
    expect(plan.flagChanges.filter((c) => c.type === 'raised')).toMatchObject([
      { periodKey: '2024-Q1', unitCode: 'TP', flag: { kind: 'qua-han', raisedAt: NOW } },
    ]);
    expect(plan.staleCells).toEqual([
      {
        sheetId: 1000,
        columnIndex: 24,
        cells: [{ rowIndex: 5, text: 'Quá hạn chưa báo cáo (quá hạn 1 ngày làm việc)', code: 'qua-han' }],
      },
    ]);
    expect(plan.reminders.map((r) => [r.periodKey, r.unitCode, r.status])).toEqual([
      ['2024-Q1', 'TP', 'qua-han'],
    ]);
    expect(plan.reminders[0]).toMatchObject({
      directiveRef: 'Công văn số 06/UBND-NV ngày 05/02/2024',
      emails: ['tp@example.vn', 'tp1@example.vn'],
    });
  });

  it('opens the tab of a period not yet recorded under the next sheet id, and records it only once it is there', () => {
    const plan = planDeadlineCheck(input());
    expect(plan.tabsToOpen.map((t) => [t.period.key, t.sheetId])).toEqual([['2024-Q2', 1001]]);
    expect(plan.tabsToRecord).toEqual([]);
    expect(tabsToAdopt(input())).toEqual([]);
  });

  it('adopts a tab an earlier check added but did not record, by the sheet id the spreadsheet gives it', () => {
    const columns = new Map([
      ...input().columns,
      [
        '2024-Q2',
        tab([
          ['NV', ''],
          ['TP', ''],
        ]),
      ],
    ]);
    expect(tabsToAdopt(input({ columns })).map((t) => t.period.key)).toEqual(['2024-Q2']);
    const plan = planDeadlineCheck(input({ columns, presentTabs: new Map([['Quý II/2024', 1007]]) }));
    expect(plan.tabsToOpen).toEqual([]);
    expect(plan.tabsToRecord).toMatchObject([
      { period: { key: '2024-Q2' }, tab: { sheetId: 1007, title: 'Quý II/2024' } },
    ]);
    expect(plan.staleCells.map((s) => [s.sheetId, s.cells.length])).toEqual([
      [1000, 1],
      [1007, 2],
    ]);
  });

  it('tells the coordinator, in Vietnamese, of a tab whose columns are gone, and reports open notices once', () => {
    const plan = planDeadlineCheck(
      input({
        columns: new Map([['2024-Q1', new Map()]]),
        notices: [{ id: 'tab-recreated~2024-Q1~1003', message: 'Trang "Quý I/2024" đã được tạo lại' }],
      }),
    );
    expect(plan.problems).toEqual([
      'Trang "Quý I/2024" đã được tạo lại',
      'Không tìm thấy cột "Tình hình báo cáo" hoặc "Mã ĐV" của trang "Quý I/2024"; trạng thái không được ghi vào trang này.',
    ]);
    expect(plan.reportedNotices).toEqual(['tab-recreated~2024-Q1~1003']);
    expect(plan.staleCells).toEqual([]);
  });

  it('plans nothing before the first period opens', () => {
    const plan = planDeadlineCheck(input({ periods: [] }));
    expect(plan).toMatchObject({
      flagChanges: [],
      tabsToOpen: [],
      staleCells: [],
      reminders: [],
      counts: {},
    });
  });
});

// planRecreatedTab: a deleted report tab planned anew, as a new period's tab is, and refilled with stored cells.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { parseOrganisation } from '@theodoi/functions/domain/organisation';
import { parseSchedule, periodOf } from '@theodoi/functions/domain/periods/index';
import { planPeriodTab } from '@theodoi/functions/sheets/layout/period-tab';
import { planRecreatedTab, type RecreateTabInput } from '@theodoi/functions/sheets/layout/recreated-tab';

const units = parseOrganisation(
  JSON.parse(
    readFileSync(
      new URL('../../../../../examples/thap-muoi-2024/organisation.json', import.meta.url),
      'utf8',
    ),
  ),
).units.slice(0, 3);
const template = loadTemplate('cchc-tuyen-truyen@1');
const schedule = parseSchedule({
  kind: 'quarterly',
  first: '2024-Q1',
  last: '2024-Q4',
  deadline: { type: 'working-days-after-cutoff', days: 2 },
});
const period = (key: string) => periodOf(schedule, key, createCalendar());
const base = (overrides: Partial<RecreateTabInput> = {}): RecreateTabInput => ({
  period: period('2024-Q1'),
  template,
  units,
  directive: { number: '06/UBND-NV', date: '2024-02-05', coordinators: ['nv@thapmuoi.example.vn'] },
  actingAccount: 'dieu.phoi.thapmuoi@gmail.com',
  recorded: { '2024-Q1': { sheetId: 1000 }, '2024-Q2': { sheetId: 1001 } },
  present: [
    { sheetId: 0, title: 'Hướng dẫn' },
    { sheetId: 1001, title: 'Quý II/2024' },
    { sheetId: 1, title: 'Tổng hợp' },
  ],
  cells: new Map([
    [units[0]!.code, { cells: { so_van_ban: 2, van_ban_ban_hanh: '=IMPORTXML("x")', kinh_phi: 1_500_000 } }],
    [units[2]!.code, { cells: { so_hoi_nghi: '5 buổi', so_van_ban: '' } }],
  ]),
  noticeLine: 'Trang này được hệ thống tạo lại',
  ...overrides,
});
const addSheetOf = (plan: ReturnType<typeof planRecreatedTab>) => plan.requests[0]?.addSheet?.properties;

describe('planRecreatedTab', () => {
  it("is a new period's tab (same layout, rules, protections, metadata) under a free sheet id, in period order", () => {
    const plan = planRecreatedTab(base());
    expect(addSheetOf(plan)).toMatchObject({ sheetId: 1002, title: 'Quý I/2024', index: 1 });
    const fresh = planPeriodTab({ ...base(), existing: {}, title: 'Quý I/2024', index: 1 }, 1002);
    expect(plan.requests.slice(0, fresh.requests.length)).toEqual(fresh.requests);
    expect(plan.columnOf).toEqual(fresh.columnOf);
    expect(plan.rowOf).toEqual(fresh.rowOf);
  });

  it('skips sheet ids in use and takes "(tạo lại)" when the title is taken (Sheets ignores case)', () => {
    const plan = planRecreatedTab(
      base({
        present: [
          { sheetId: 0, title: 'Hướng dẫn' },
          { sheetId: 1002, title: 'quý i/2024' },
          { sheetId: 1003, title: 'Quý I/2024 (tạo lại)' },
        ],
      }),
    );
    expect(addSheetOf(plan)).toMatchObject({ sheetId: 1004, title: 'Quý I/2024 (tạo lại 2)' });
  });

  it('writes back each stored cell as the type it was read as, text never as a formula', () => {
    const plan = planRecreatedTab(base());
    const refill = plan.requests.filter((r) => r.updateCells?.fields === 'userEnteredValue');
    expect(plan.refilledUnits).toBe(2);
    expect(refill.map((r) => r.updateCells?.start)).toEqual([
      { sheetId: 1002, rowIndex: 4, columnIndex: 2 },
      { sheetId: 1002, rowIndex: 6, columnIndex: 2 },
    ]);
    const first = refill[0]!.updateCells!.rows![0]!.values!;
    expect(first).toHaveLength(template.columns.length);
    expect(first[0]).toEqual({ userEnteredValue: { numberValue: 2 } });
    expect(first[1]).toEqual({ userEnteredValue: { stringValue: '=IMPORTXML("x")' } });
    expect(first[template.columns.findIndex((c) => c.key === 'kinh_phi')]).toEqual({
      userEnteredValue: { numberValue: 1_500_000 },
    });
    expect(plan.rows.map((r) => [r.unitCode, r.rowIndex, r.cells, r.statusText])).toEqual([
      [units[0]!.code, 4, { so_van_ban: 2, van_ban_ban_hanh: '=IMPORTXML("x")', kinh_phi: 1_500_000 }, ''],
      [units[1]!.code, 5, {}, ''],
      [units[2]!.code, 6, { so_hoi_nghi: '5 buổi' }, ''],
    ]);
  });

  it('says on row 3 that the tab was recreated', () => {
    const notice = planRecreatedTab(base()).requests.at(-1)?.updateCells;
    expect(notice?.start).toEqual({ sheetId: 1002, rowIndex: 2, columnIndex: 0 });
    expect(notice?.rows?.[0]?.values?.[0]?.userEnteredValue).toEqual({
      stringValue: 'Trang này được hệ thống tạo lại',
    });
  });
});

// A deadline check's one batchUpdate: each new period's tab as provisioning builds it, with every recipient's
// "Tình hình báo cáo" cell filled in, then the stale cells of the existing tabs; the template is read only when a
// tab is opened.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import type { UnitStatus } from '@theodoi/functions/domain/status/index';
import { parseOrganisation } from '@theodoi/functions/domain/organisation';
import { parseSchedule, periodOf } from '@theodoi/functions/domain/periods/index';
import { deadlineCheckRequests } from '@theodoi/functions/sheets/layout/deadline-check';

const units = parseOrganisation(
  JSON.parse(
    readFileSync(
      new URL('../../../../../examples/thap-muoi-2024/organisation.json', import.meta.url),
      'utf8',
    ),
  ),
).units.slice(0, 2);
const schedule = parseSchedule({
  kind: 'quarterly',
  first: '2024-Q1',
  last: '2024-Q4',
  deadline: { type: 'working-days-after-cutoff', days: 2 },
});
const q2 = periodOf(schedule, '2024-Q2', createCalendar());
const dueSoon: UnitStatus = { code: 'sap-den-han', workingDaysLeft: 3 };
const statuses = new Map([['2024-Q2', new Map(units.map((u) => [u.code, dueSoon]))]]);
const layout = (template: () => ReturnType<typeof loadTemplate>) => ({
  template,
  units,
  directive: {
    number: '06/UBND-NV',
    date: '2024-02-05',
    coordinators: ['nv@thapmuoi.example.vn'],
    tabs: { '2024-Q1': { sheetId: 1000 } },
  },
  actingAccount: 'dieu.phoi.thapmuoi@gmail.com',
});
const stale = {
  sheetId: 1000,
  columnIndex: 24,
  cells: [{ rowIndex: 4, text: 'Đã báo cáo đúng hạn', code: 'dung-han' as const }],
};

describe('deadlineCheckRequests', () => {
  it("opens a period's tab after the existing ones with every recipient's cell, then rewrites the stale cells", () => {
    const out = deadlineCheckRequests(
      { tabsToOpen: [{ period: q2, sheetId: 1001 }], staleCells: [stale], statuses },
      layout(() => loadTemplate('cchc-tuyen-truyen@1')),
    );
    expect(out.requests[0]?.addSheet?.properties).toMatchObject({
      sheetId: 1001,
      title: 'Quý II/2024',
      index: 2,
    });
    expect(out.opened).toEqual([
      {
        period: q2,
        tab: expect.objectContaining({
          periodKey: '2024-Q2',
          sheetId: 1001,
          title: 'Quý II/2024',
        }) as unknown,
      },
    ]);
    const cells = out.requests.filter(
      (r) => r.updateCells?.fields === 'userEnteredValue,userEnteredFormat.backgroundColor',
    );
    expect(cells.map((r) => [r.updateCells?.start?.sheetId, r.updateCells?.start?.rowIndex])).toEqual([
      [1001, 4],
      [1001, 5],
      [1000, 4],
    ]);
    expect(out.cellsWritten).toBe(3);
  });

  it('writes only the stale cells, and never reads the template, when no tab opens', () => {
    const out = deadlineCheckRequests(
      { tabsToOpen: [], staleCells: [stale], statuses },
      layout(() => {
        throw new Error('the template is not needed');
      }),
    );
    expect(out).toMatchObject({ opened: [], cellsWritten: 1 });
    expect(out.requests).toHaveLength(1);
  });
});

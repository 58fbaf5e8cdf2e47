// A periodic directive's next tab: added after the existing report tabs with the next sheet id, built like the
// tabs made at provisioning (header, one row per unit, metadata the sync and the deadline check find it by).
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import type { Unit } from '@theodoi/functions/domain/organisation';
import { parseSchedule, periodOf } from '@theodoi/functions/domain/periods/index';
import { nextReportSheetId, planPeriodTab } from '@theodoi/functions/sheets/layout/period-tab';
import { COLUMN_METADATA_KEY } from '@theodoi/functions/sheets/layout/report-tab';

const calendar = createCalendar();
const schedule = parseSchedule({
  kind: 'quarterly',
  first: '2024-Q1',
  deadline: { type: 'working-days-after-cutoff', days: 2 },
});
const units: Unit[] = [
  {
    code: 'NV',
    name: 'Phòng Nội vụ',
    kind: 'phong-ban',
    group: 'ban-nganh',
    editors: ['nv@x.vn'],
    aliases: [],
  },
  { code: '30052', name: 'UBND xã Mỹ Hòa', kind: 'xa', group: 'xa', editors: ['myhoa@x.vn'], aliases: [] },
];

describe('nextReportSheetId', () => {
  it('is 1000 for the first report tab, then one past the highest', () => {
    expect(nextReportSheetId({})).toBe(1000);
    expect(nextReportSheetId({ '2024-Q1': { sheetId: 1000 }, '2024-Q3': { sheetId: 1002 } })).toBe(1003);
  });
});

describe('planPeriodTab', () => {
  const plan = planPeriodTab(
    {
      period: periodOf(schedule, '2024-Q2', calendar),
      template: loadTemplate('cchc-tuyen-truyen@1'),
      units,
      directive: { number: '06/UBND-NV', date: '2024-02-05', coordinators: ['nv@x.vn'] },
      existing: { '2024-Q1': { sheetId: 1000 } },
      actingAccount: 'dieu.phoi@gmail.com',
    },
    1001,
  );

  it('adds "Quý II/2024" after the guide and Q1, sized for the header and the units, frozen like the others', () => {
    expect(plan.tab).toMatchObject({ periodKey: '2024-Q2', sheetId: 1001, title: 'Quý II/2024' });
    // The layout the directive's record keeps beside the markers: the columns in order, each unit's row.
    expect(plan.tab.columns?.slice(0, 3)).toEqual(['_unit_code', '_unit_name', 'so_van_ban']);
    expect(plan.tab.rows).toEqual(Object.fromEntries([...plan.rowOf]));
    expect(plan.requests[0]).toEqual({
      addSheet: {
        properties: {
          sheetId: 1001,
          title: 'Quý II/2024',
          index: 2,
          gridProperties: { rowCount: 6, columnCount: 26, frozenRowCount: 4, frozenColumnCount: 2 },
        },
      },
    });
  });

  it('marks the tab, every column and every unit’s row with markers only theodoi’s project sees', () => {
    const markers = plan.requests.flatMap((r) => {
      const m = r.createDeveloperMetadata?.developerMetadata;
      return m ? [m] : [];
    });
    expect(new Set(markers.map((m) => m.visibility))).toEqual(new Set(['PROJECT']));
    expect(markers.filter((m) => m.metadataKey === 'theodoi.row')).toEqual([
      expect.objectContaining({
        metadataValue: 'NV',
        location: {
          dimensionRange: expect.objectContaining({ dimension: 'ROWS', startIndex: 4 }) as unknown,
        },
      }),
      expect.objectContaining({
        metadataValue: '30052',
        location: {
          dimensionRange: expect.objectContaining({ dimension: 'ROWS', startIndex: 5 }) as unknown,
        },
      }),
    ]);
    expect(markers.filter((m) => m.metadataKey === 'theodoi.tab')).toEqual([
      expect.objectContaining({ metadataValue: 'report:2024-Q2', location: { sheetId: 1001 } }),
    ]);
  });

  it("writes the title and Q2's deadline, one row per unit, and tags every column of the new period", () => {
    const rows = plan.requests[1]?.updateCells?.rows ?? [];
    expect(rows[0]?.values?.[0]?.userEnteredValue?.stringValue).toContain('QUÝ II/2024');
    expect(rows[0]?.values?.[0]?.userEnteredValue?.stringValue).toContain(
      'Công văn số 06/UBND-NV ngày 05/02/2024',
    );
    expect(rows[1]?.values?.[0]?.userEnteredValue?.stringValue).toMatch(
      /^Hạn báo cáo: 18\/06\/2024 \(thứ Ba\)\./,
    );
    expect(rows.slice(4).map((r) => r.values?.[0]?.userEnteredValue?.stringValue)).toEqual(['NV', '30052']);
    const tags = plan.requests.flatMap((r) =>
      r.createDeveloperMetadata?.developerMetadata?.metadataKey === COLUMN_METADATA_KEY
        ? [r.createDeveloperMetadata.developerMetadata.metadataValue]
        : [],
    );
    expect(tags).toContain('2024-Q2/_deadline');
    expect(tags).toContain('2024-Q2/_unit_code');
    expect(tags.every((t) => t?.startsWith('2024-Q2/'))).toBe(true);
    expect(plan.rowOf).toEqual(
      new Map([
        ['NV', 4],
        ['30052', 5],
      ]),
    );
    expect(plan.columnOf.get('_deadline')).toBe(24);
  });

  it("protects each unit's row for its own editors", () => {
    const ranges = plan.requests.flatMap((r) =>
      r.addProtectedRange ? [r.addProtectedRange.protectedRange] : [],
    );
    expect(ranges.find((p) => p?.description === 'theodoi: 30052')?.editors?.users).toEqual([
      'myhoa@x.vn',
      'dieu.phoi@gmail.com',
      'nv@x.vn',
    ]);
  });
});

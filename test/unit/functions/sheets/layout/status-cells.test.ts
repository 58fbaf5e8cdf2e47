// The status cells a sync writes: "Cập nhật lúc" stamped now on changed rows, or each row's own time on a refilled tab.
import { describe, expect, it } from 'vitest';
import type { StatusWrite } from '@theodoi/functions/domain/sync/plan-sync';
import { statusRequests } from '@theodoi/functions/sheets/layout/status-cells';

const write = (unitCode: string, rowIndex: number, changed = false): StatusWrite => ({
  rowIndex,
  unitCode,
  status: 'valid',
  errors: [],
  mark: [],
  unmark: [],
  changed,
  sheetHash: 'h',
});
const target = {
  sheetId: 1002,
  columnOf: new Map([
    ['_status', 23],
    ['_updated_at', 25],
  ]),
  statusKey: '_status',
  updatedAtKey: '_updated_at',
};
const stamps = (requests: ReturnType<typeof statusRequests>) =>
  requests
    .filter((r) => r.updateCells?.start?.columnIndex === 25)
    .map((r) => [r.updateCells?.start?.rowIndex, r.updateCells?.rows?.[0]?.values?.[0]]);

describe('statusRequests', () => {
  it('stamps "Cập nhật lúc" now on the rows that changed, and only on those', () => {
    const requests = statusRequests(
      [write('VP', 4, true), write('NV', 5)],
      target,
      new Date('2024-03-05T02:00:00Z'),
    );
    expect(stamps(requests)).toEqual([[4, { userEnteredValue: { stringValue: '09:00 05/03/2024' } }]]);
    expect(requests.filter((r) => r.updateCells?.start?.columnIndex === 23)).toHaveLength(2);
  });

  it('stamps "Cập nhật lúc" of a refilled tab with when each report last changed, and leaves rows never reported blank', () => {
    const requests = statusRequests(
      [write('VP', 4), write('NV', 5)],
      target,
      new Date('2024-03-05T02:00:00Z'),
      (u) => (u === 'VP' ? new Date('2024-03-04T02:15:00Z') : undefined),
    );
    expect(stamps(requests)).toEqual([[4, { userEnteredValue: { stringValue: '09:15 04/03/2024' } }]]);
  });
});

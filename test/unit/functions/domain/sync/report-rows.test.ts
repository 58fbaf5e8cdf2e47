// unitRows: each unit's row is where its marker is, whatever code it shows; other rows are set apart, never reports.
import { describe, expect, it } from 'vitest';
import type { ReportGrid } from '@theodoi/functions/domain/sync/report-grid';
import { unitRows } from '@theodoi/functions/domain/sync/report-rows';

/** A grid from rows of cells (strings starting with "=" typed as formulas when `formulas` says so). */
function grid(rows: (string | number | undefined)[][], formulas: [number, number][] = []): ReportGrid {
  return {
    rowCount: rows.length,
    columnCount: Math.max(...rows.map((r) => r.length)),
    value(row, column) {
      const value = rows[row]?.[column];
      return value === undefined || value === '' ? undefined : value;
    },
    formula: (row, column) => formulas.some(([r, c]) => r === row && c === column),
  };
}

const keys = { code: '_unit_code', status: '_status', inputs: ['so_hoi_nghi'] };
const columnOf = new Map([
  ['_unit_code', 0],
  ['so_hoi_nghi', 1],
  ['_status', 2],
]);

describe('unitRows', () => {
  it('reads each unit at its marked row, sets apart the rows that are no unit’s, and lists changed codes', () => {
    const tab = grid(
      [
        ['', '', ''],
        ['Mã ĐV', 'Số hội nghị', 'Trạng thái'],
        ['VP', 3, '✔ Đã tiếp nhận'],
        ['TP', '=B3*2', ''],
        ['', '', ''],
        ['NV', 9, ''],
        ['GIA', '', ''],
        ['', '', '✖ Không ghi nhận — xem ghi chú'],
      ],
      [[3, 1]],
    );
    const { rows, outside, changedCodes } = unitRows(
      tab,
      {
        columnOf,
        rowOf: new Map([
          ['NV', 2],
          ['TP', 3],
        ]),
      },
      keys,
      2,
    );
    expect(rows).toEqual([
      { rowIndex: 2, unitCode: 'NV', cells: { so_hoi_nghi: 3 }, statusText: '✔ Đã tiếp nhận' },
      {
        rowIndex: 3,
        unitCode: 'TP',
        cells: { so_hoi_nghi: '=B3*2' },
        statusText: '',
        formulas: ['so_hoi_nghi'],
      },
    ]);
    expect(changedCodes).toEqual([{ rowIndex: 2, unitCode: 'NV', found: 'VP' }]);
    expect(outside).toEqual([
      { rowIndex: 5, code: 'NV', filled: true, statusText: '' },
      { rowIndex: 6, code: 'GIA', filled: true, statusText: '' },
      { rowIndex: 7, code: '', filled: false, statusText: '✖ Không ghi nhận — xem ghi chú' },
    ]);
  });
});

// The "Tình hình báo cáo" column: only cells whose text differs are rewritten, rows found by unit code.
import { describe, expect, it } from 'vitest';
import { staleDeadlineCells } from '@theodoi/functions/domain/deadlines/stale-cells';

const wanted = (unitCode: string) =>
  ({
    NV: { text: 'Đã báo cáo đúng hạn', code: 'dung-han' as const },
    TP: { text: 'Quá hạn chưa báo cáo (quá hạn 1 ngày làm việc)', code: 'qua-han' as const },
    VP: { text: 'Sắp đến hạn (còn 1 ngày làm việc)', code: 'sap-den-han' as const },
  })[unitCode];

describe('staleDeadlineCells', () => {
  it('lists only recipients whose cell shows another text, at their row wherever the rows were sorted', () => {
    const codes = ['title', 'deadline', '', 'Mã ĐV', 'TP', 'NV', 'XX', '', 'VP'];
    const shown = [
      '',
      '',
      '',
      'Tình hình báo cáo',
      'Sắp đến hạn (hạn chót là hôm nay)',
      'Đã báo cáo đúng hạn',
    ];
    expect(staleDeadlineCells(codes, shown, wanted, 4)).toEqual([
      { rowIndex: 4, text: 'Quá hạn chưa báo cáo (quá hạn 1 ngày làm việc)', code: 'qua-han' },
      { rowIndex: 8, text: 'Sắp đến hạn (còn 1 ngày làm việc)', code: 'sap-den-han' },
    ]);
  });

  it('writes a unit whose code is typed twice once, at its first row, and nothing when all is current', () => {
    expect(staleDeadlineCells(['NV', ' NV '], [], wanted, 0)).toEqual([
      { rowIndex: 0, text: 'Đã báo cáo đúng hạn', code: 'dung-han' },
    ]);
    expect(staleDeadlineCells(['NV', 'NV'], ['Đã báo cáo đúng hạn', 'x'], wanted, 0)).toEqual([]);
  });
});

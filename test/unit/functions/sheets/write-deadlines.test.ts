// The "Tình hình báo cáo" column: only cells whose text differs are rewritten, rows found by unit code.
import { describe, expect, it } from 'vitest';
import { deadlineRequests, staleDeadlineCells } from '@theodoi/functions/sheets/write-deadlines';

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

describe('deadlineRequests', () => {
  it('writes the text and its colour into one cell each, nothing else', () => {
    const [request] = deadlineRequests(1001, 24, [
      { rowIndex: 6, text: 'Quá hạn chưa báo cáo (quá hạn 2 ngày làm việc)', code: 'qua-han' },
    ]);
    expect(request).toEqual({
      updateCells: {
        start: { sheetId: 1001, rowIndex: 6, columnIndex: 24 },
        rows: [
          {
            values: [
              {
                userEnteredValue: { stringValue: 'Quá hạn chưa báo cáo (quá hạn 2 ngày làm việc)' },
                userEnteredFormat: { backgroundColor: { red: 0.96, green: 0.78, blue: 0.78 } },
              },
            ],
          },
        ],
        fields: 'userEnteredValue,userEnteredFormat.backgroundColor',
      },
    });
    expect(deadlineRequests(1001, 24, [])).toEqual([]);
  });
});

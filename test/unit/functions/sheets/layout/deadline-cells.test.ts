// A "Tình hình báo cáo" cell is rewritten with its status's text in its colour, nothing else.
import { describe, expect, it } from 'vitest';
import { deadlineRequests } from '@theodoi/functions/sheets/layout/deadline-cells';

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

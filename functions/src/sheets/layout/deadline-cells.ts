/** The requests that rewrite "Tình hình báo cáo" cells: each status's text in its colour. */
import type { sheets_v4 } from '@googleapis/sheets';
import type { DeadlineCell } from '../../domain/deadlines/stale-cells.js';
import type { UnitStatusCode } from '../../domain/status/index.js';
import type { TaskStatusCode } from '../../domain/tasks/task-status.js';

/** The background of a deadline cell, by status: grey before the deadline, amber soon, green, orange, red. */
export const DEADLINE_COLOURS: Record<UnitStatusCode | TaskStatusCode, sheets_v4.Schema$Color> = {
  'chua-den-han': { red: 0.93, green: 0.93, blue: 0.93 },
  'sap-den-han': { red: 1, green: 0.95, blue: 0.8 },
  'dung-han': { red: 0.85, green: 0.94, blue: 0.85 },
  'tre-han': { red: 0.99, green: 0.9, blue: 0.8 },
  'qua-han': { red: 0.96, green: 0.78, blue: 0.78 },
  'co-loi': { red: 0.98, green: 0.84, blue: 0.84 },
  'chua-thuc-hien': { red: 0.93, green: 0.93, blue: 0.93 },
  'dang-thuc-hien': { red: 0.85, green: 0.91, blue: 0.97 },
  'hoan-thanh-dung-han': { red: 0.85, green: 0.94, blue: 0.85 },
  'hoan-thanh-tre-han': { red: 0.99, green: 0.9, blue: 0.8 },
};

/** One updateCells per cell: the status text, coloured. */
export function deadlineRequests(
  sheetId: number,
  columnIndex: number,
  cells: readonly DeadlineCell[],
): sheets_v4.Schema$Request[] {
  return cells.map((c) => ({
    updateCells: {
      start: { sheetId, rowIndex: c.rowIndex, columnIndex },
      rows: [
        {
          values: [
            {
              userEnteredValue: { stringValue: c.text },
              userEnteredFormat: { backgroundColor: DEADLINE_COLOURS[c.code] },
            },
          ],
        },
      ],
      fields: 'userEnteredValue,userEnteredFormat.backgroundColor',
    },
  }));
}

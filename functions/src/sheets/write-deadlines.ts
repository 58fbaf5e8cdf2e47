/** The "Tình hình báo cáo" cells: which ones show a stale status, and the requests that rewrite only those. */
import type { sheets_v4 } from '@googleapis/sheets';
import type { CellValue } from '../domain/values/cell.js';
import type { UnitStatusCode } from '../domain/status/index.js';

/** The background of a deadline cell, by status: grey before the deadline, amber soon, green, orange, red. */
export const DEADLINE_COLOURS: Record<UnitStatusCode, sheets_v4.Schema$Color> = {
  'chua-den-han': { red: 0.93, green: 0.93, blue: 0.93 },
  'sap-den-han': { red: 1, green: 0.95, blue: 0.8 },
  'dung-han': { red: 0.85, green: 0.94, blue: 0.85 },
  'tre-han': { red: 0.99, green: 0.9, blue: 0.8 },
  'qua-han': { red: 0.96, green: 0.78, blue: 0.78 },
  'co-loi': { red: 0.98, green: 0.84, blue: 0.84 },
};

/** What one unit's deadline cell should show. */
export interface DeadlineCell {
  rowIndex: number;
  text: string;
  code: UnitStatusCode;
}

/** The wanted text and colour of a unit's cell, by unit code; undefined for codes that are not recipients. */
export type DeadlineCellOf = (unitCode: string) => { text: string; code: UnitStatusCode } | undefined;

/**
 * The cells whose text differs from what the tab shows, from the code and deadline columns as read (cells from
 * row 1 down). A code seen twice counts once, at its first row, as the sync does.
 */
export function staleDeadlineCells(
  codeCells: readonly CellValue[],
  deadlineCells: readonly CellValue[],
  wanted: DeadlineCellOf,
  firstRow: number,
): DeadlineCell[] {
  const seen = new Set<string>();
  const stale: DeadlineCell[] = [];
  for (let r = firstRow; r < codeCells.length; r++) {
    const raw = codeCells[r];
    const unitCode = raw === undefined || raw === null ? '' : String(raw).trim();
    if (unitCode === '' || seen.has(unitCode)) continue;
    seen.add(unitCode);
    const cell = wanted(unitCode);
    if (!cell) continue;
    const shown = deadlineCells[r];
    if ((shown === undefined || shown === null ? '' : String(shown)) !== cell.text)
      stale.push({ rowIndex: r, ...cell });
  }
  return stale;
}

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

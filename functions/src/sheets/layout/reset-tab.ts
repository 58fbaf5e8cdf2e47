/** The requests that empty a tab theodoi rewrites whole (Tổng hợp, the dashboard's tabs) and size it anew. */
import type { sheets_v4 } from '@googleapis/sheets';

/** The new grid of a rewritten tab: its size, frozen rows and columns, and each column's width in pixels. */
export interface TabGrid {
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  frozenColumnCount: number;
  columnWidths: readonly number[];
}

/** Unmerge and clear everything, set the grid and the column widths; the caller then writes the rows. */
export function resetTabRequests(sheetId: number, grid: TabGrid): sheets_v4.Schema$Request[] {
  const { columnWidths, ...gridProperties } = grid;
  return [
    { unmergeCells: { range: { sheetId } } },
    { updateCells: { range: { sheetId }, fields: '*' } },
    {
      updateSheetProperties: {
        properties: { sheetId, gridProperties },
        fields:
          'gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount,gridProperties.frozenColumnCount',
      },
    },
    ...columnWidths.map((pixelSize, i): sheets_v4.Schema$Request => ({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
        properties: { pixelSize },
        fields: 'pixelSize',
      },
    })),
  ];
}

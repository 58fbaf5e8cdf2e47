// The Tổng hợp rewrite: one list of requests, values only, the previous chart replaced, the protection untouched.
import type { sheets_v4 } from '@googleapis/sheets';
import { describe, expect, it } from 'vitest';
import { buildSummaryModel } from '@theodoi/functions/domain/summary/index';
import {
  dateSerial,
  SUMMARY_CHART_ID,
  summaryPositions,
  summaryRequests,
} from '@theodoi/functions/sheets/layout/summary-tab';
import { broken, input, valid } from '../../../../support/summary-fixtures.js';

const INJECTION = '=IMPORTXML("http://x","//a")';
const model = buildSummaryModel(
  input('2024-03-20T02:00:00Z', {
    NV: valid('2024-03-11T02:00:00Z', { hoi_nghi: 3, mo_hinh: INJECTION, nguoi: '+84 912', ty_le: 0.5 }),
    TP: broken(1),
  }),
);
const target = { sheetId: 1, existingChartIds: [] as number[] };
const kinds = (requests: sheets_v4.Schema$Request[]) => requests.map((r) => Object.keys(r)[0]);
const cellsOf = (requests: sheets_v4.Schema$Request[]) =>
  requests.flatMap((r) => r.updateCells?.rows ?? []).flatMap((row) => row.values ?? []);

describe('summaryRequests', () => {
  it('clears the tab, sizes it, writes it, merges, fits rows and adds one chart; no protection is added', () => {
    const requests = summaryRequests(model, target);
    const k = kinds(requests);
    expect(k.slice(0, 3)).toEqual(['unmergeCells', 'updateCells', 'updateSheetProperties']);
    expect(requests[1]).toEqual({ updateCells: { range: { sheetId: 1 }, fields: '*' } });
    expect(k.filter((x) => x === 'addChart')).toHaveLength(1);
    expect(k.at(-1)).toBe('addChart');
    expect(k).not.toContain('deleteEmbeddedObject');
    expect(k.some((x) => /protect/i.test(x ?? ''))).toBe(false);
    const pos = summaryPositions(model);
    expect(requests[2]?.updateSheetProperties?.properties?.gridProperties).toEqual({
      rowCount: pos.rowCount,
      columnCount: 5 + model.figures.length,
      frozenRowCount: 4,
      frozenColumnCount: 0,
    });
    expect(requests.find((r) => r.addChart)?.addChart?.chart?.chartId).toBe(SUMMARY_CHART_ID);
    // The units table is framed from its header to its totals row.
    expect(requests.map((r) => r.updateBorders?.range).filter(Boolean)).toContainEqual({
      sheetId: 1,
      startRowIndex: pos.tableHeader,
      endRowIndex: pos.totalsRow + 1,
      startColumnIndex: 0,
      endColumnIndex: pos.columnCount,
    });
  });

  it('deletes each chart found on the tab before adding its own', () => {
    const requests = summaryRequests(model, { sheetId: 1, existingChartIds: [SUMMARY_CHART_ID, 42] });
    expect(requests.slice(0, 2)).toEqual([
      { deleteEmbeddedObject: { objectId: SUMMARY_CHART_ID } },
      { deleteEmbeddedObject: { objectId: 42 } },
    ]);
  });

  it('writes every cell as a string or a number, never a formula, typed text as typed', () => {
    const cells = cellsOf(summaryRequests(model, target));
    const values = cells.flatMap((c) => (c.userEnteredValue ? [c.userEnteredValue] : []));
    expect(values.length).toBeGreaterThan(50);
    for (const v of values) {
      expect(Object.keys(v)).toHaveLength(1);
      expect(['stringValue', 'numberValue']).toContain(Object.keys(v)[0]);
    }
    expect(values).toContainEqual({ stringValue: INJECTION });
    expect(values).toContainEqual({ stringValue: '+84 912' });
  });

  it('puts the rows where summaryPositions says, with report dates as dd/MM/yyyy serials', () => {
    const requests = summaryRequests(model, target);
    const rows = requests.find((r) => r.updateCells?.start)!.updateCells!.rows!;
    const pos = summaryPositions(model);
    expect(rows).toHaveLength(pos.rowCount);
    expect(rows[pos.title]?.values?.[0]?.userEnteredValue?.stringValue).toBe(model.header.title);
    expect(rows[pos.paragraph]?.values?.[0]?.userEnteredValue?.stringValue).toBe(model.paragraph);
    const nv = rows[pos.firstUnitRow]!.values!;
    expect(nv[2]?.userEnteredValue?.stringValue).toBe('Phòng Nội vụ');
    expect(nv[4]).toEqual({ userEnteredValue: { numberValue: dateSerial('2024-03-11') } });
    expect(nv[5]).toEqual({ userEnteredValue: { numberValue: 3 } });
    // Formats are laid on whole columns of the unit block.
    const formatOf = (column: number) =>
      requests.find(
        (r) =>
          r.repeatCell?.range?.startColumnIndex === column &&
          r.repeatCell.range.startRowIndex === pos.firstUnitRow,
      )?.repeatCell;
    // Formats end where the khối's subtotal line begins: that line keeps its own.
    expect(pos.subtotalRows).toEqual([pos.firstUnitRow + 2, pos.firstUnitRow + 5]);
    expect(formatOf(4)).toMatchObject({
      range: { endRowIndex: pos.subtotalRows[0] },
      cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'dd/MM/yyyy' } } },
    });
    expect(formatOf(5)?.cell?.userEnteredFormat?.numberFormat).toEqual({ type: 'NUMBER', pattern: '#,##0' });
    expect(formatOf(5)?.fields).not.toContain('backgroundColor');
    expect(rows[pos.totalsRow]?.values?.[0]?.userEnteredValue?.stringValue).toBe('Tổng cộng');
    const subtotal = rows[pos.subtotalRows[0]!]!.values!;
    expect(subtotal[0]?.userEnteredValue?.stringValue).toBe('Cộng: Các ban, ngành thuộc UBND huyện');
    expect(subtotal[3]?.userEnteredValue?.stringValue).toMatch(/^Đã báo cáo \d\/2$/);
    expect(requests).toContainEqual({
      mergeCells: {
        range: {
          sheetId: target.sheetId,
          startRowIndex: pos.subtotalRows[0],
          endRowIndex: pos.subtotalRows[0]! + 1,
          startColumnIndex: 0,
          endColumnIndex: 3,
        },
        mergeType: 'MERGE_ALL',
      },
    });
    expect(rows[pos.chaseHeading]?.values?.[0]?.userEnteredValue?.stringValue).toBe('ĐƠN VỊ CẦN ĐÔN ĐỐC (3)');
    // Status cells carry their status's colour.
    expect(rows[pos.firstUnitRow + 1]?.values?.[3]?.userEnteredFormat?.backgroundColor).toEqual({
      red: 0.98,
      green: 0.8,
      blue: 0.86,
    });
  });

  it('says there is nobody to chase in one merged line', () => {
    const calm = buildSummaryModel(input('2024-03-01T02:00:00Z', {}));
    const pos = summaryPositions(calm);
    const requests = summaryRequests(calm, target);
    const rows = requests.find((r) => r.updateCells?.start)!.updateCells!.rows!;
    expect(rows[pos.chaseHeader]?.values?.[0]?.userEnteredValue?.stringValue).toBe(
      'Không có đơn vị nào cần đôn đốc.',
    );
    expect(requests).toContainEqual({
      mergeCells: {
        range: {
          sheetId: 1,
          startRowIndex: pos.chaseHeader,
          endRowIndex: pos.chaseHeader + 1,
          startColumnIndex: 0,
          endColumnIndex: pos.columnCount,
        },
        mergeType: 'MERGE_ALL',
      },
    });
  });

  it('dates 11/03/2024 as Sheets serial 45362', () => {
    expect(dateSerial('2024-03-11')).toBe(45362);
    expect(dateSerial('1899-12-31')).toBe(1);
  });
});

// planSync: which reports changed, which status cells to write, what to mark; and its speed on 500 units.
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import { planSync, rawCellsHash, type StoredReportState } from '@theodoi/functions/domain/sync/plan-sync';
import { reportRows, type ReadColumn } from '@theodoi/functions/domain/sync/report-rows';
import { createRowValidator } from '@theodoi/functions/domain/validation/validate-row';
import type { CellValue } from '@theodoi/functions/domain/values/cell';
import { statusText } from '@theodoi/functions/sheets/layout/status-cells';

const template = loadTemplate('cchc-tuyen-truyen@1');
const validator = createRowValidator(template, { referenceYear: 2024 });
const VALID: Record<string, CellValue> = {
  so_van_ban: 2,
  van_ban_ban_hanh: 'Kế hoạch số 15/KH-UBND',
  so_hoi_nghi: 3,
  luot_tham_du_hoi_nghi: 120,
  so_tin_bai: 5,
  so_tin_truyen_thanh: 4,
  so_tuyen_truyen_truc_quan: 6,
  so_bai_mang_xa_hoi: 10,
  so_to_roi: 200,
  so_cuoc_thi_tap_huan: 0,
  so_mo_hinh_sang_kien: 0,
  kinh_phi: 1_500_000,
  uu_diem: 'Kịp thời',
  nguoi_bao_cao: 'Nguyễn Văn An',
  dien_thoai: '0277 3838 288',
};
const row = (unitCode: string, cells: Record<string, CellValue>, rowIndex = 4) => ({
  rowIndex,
  unitCode,
  cells,
  statusText: '',
});
const state = (
  cells: Record<string, CellValue>,
  extra: Partial<StoredReportState> = {},
): StoredReportState => ({
  rawHash: rawCellsHash(cells),
  status: 'valid',
  version: 1,
  sheetHash: null,
  errors: [],
  marked: [],
  ...extra,
});

describe('planSync', () => {
  it('stores a first valid report as version 1 and writes its status', () => {
    const plan = planSync([row('30052', VALID)], new Map(), validator, statusText);
    expect(plan.changes).toMatchObject([{ unitCode: '30052', status: 'valid', version: 1 }]);
    expect(plan.statusWrites).toMatchObject([
      { unitCode: '30052', status: 'valid', changed: true, mark: [], unmark: [] },
    ]);
  });

  it('stores nothing and writes nothing for a row unchanged since the last sync', () => {
    const first = planSync([row('30052', VALID)], new Map(), validator, statusText);
    const stored = new Map([['30052', state(VALID, { sheetHash: first.statusWrites[0]!.sheetHash })]]);
    const again = planSync(
      [{ ...row('30052', VALID), statusText: '✔ Đã tiếp nhận' }],
      stored,
      validator,
      statusText,
    );
    expect(again.changes).toEqual([]);
    expect(again.statusWrites).toEqual([]);
  });

  it('keeps a rejected edit as a new version and marks the wrong cell, then unmarks it once fixed', () => {
    const wrong = { ...VALID, so_hoi_nghi: '5 buổi' };
    const plan = planSync([row('30049', wrong)], new Map([['30049', state(VALID)]]), validator, statusText);
    expect(plan.changes).toMatchObject([{ status: 'invalid', version: 2, cells: { so_hoi_nghi: '5 buổi' } }]);
    expect(plan.statusWrites[0]).toMatchObject({ mark: ['so_hoi_nghi'], unmark: [] });
    const fixed = planSync(
      [row('30049', VALID)],
      new Map([['30049', state(wrong, { status: 'invalid', version: 2, marked: ['so_hoi_nghi'] })]]),
      validator,
      statusText,
    );
    expect(fixed.statusWrites[0]).toMatchObject({ status: 'valid', mark: [], unmark: ['so_hoi_nghi'] });
  });

  it('does not store a row that never held anything, but writes "Chưa báo cáo" once', () => {
    const plan = planSync([row('TP', {})], new Map(), validator, statusText);
    expect(plan.changes).toEqual([]);
    expect(plan.statusWrites).toMatchObject([{ status: 'empty' }]);
    const again = planSync(
      [{ ...row('TP', {}), statusText: '⏳ Chưa báo cáo' }],
      new Map(),
      validator,
      statusText,
    );
    expect(again.statusWrites).toEqual([]);
  });

  it('keeps clearing a reported row as a version, so the figures before it stay on record', () => {
    const plan = planSync([row('30052', {})], new Map([['30052', state(VALID)]]), validator, statusText);
    expect(plan.changes).toMatchObject([{ status: 'empty', version: 2 }]);
  });
});

describe('reportRows', () => {
  it('finds units by code wherever their rows are, and sets duplicates aside', () => {
    const col = (columnIndex: number, cells: CellValue[]): ReadColumn => ({ columnIndex, cells });
    const columns = new Map([
      ['_unit_code', col(0, ['', '', '', 'Mã ĐV', '30052', 'VP', '30052'])],
      ['so_hoi_nghi', col(5, ['', '', '', 'Số hội nghị', 3, '', 9])],
      ['_status', col(9, ['', '', '', 'Trạng thái', '✔ Đã tiếp nhận'])],
    ]);
    const { rows, duplicates } = reportRows(
      columns,
      { code: '_unit_code', status: '_status', inputs: ['so_hoi_nghi'] },
      4,
    );
    expect(rows).toEqual([
      { rowIndex: 4, unitCode: '30052', cells: { so_hoi_nghi: 3 }, statusText: '✔ Đã tiếp nhận' },
      { rowIndex: 5, unitCode: 'VP', cells: {}, statusText: '' },
    ]);
    expect(duplicates).toMatchObject([{ rowIndex: 6, unitCode: '30052' }]);
  });
});

describe('planSync on 500 units', () => {
  it('plans a 500-unit sync in well under a second of processing', () => {
    const rows = Array.from({ length: 500 }, (_, i) =>
      row(
        `U${i}`,
        i % 10 === 0 ? { ...VALID, so_hoi_nghi: `${i} buổi` } : { ...VALID, so_tin_bai: i },
        4 + i,
      ),
    );
    planSync(rows.slice(0, 50), new Map(), validator, statusText); // warm up
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const plan = planSync(rows, new Map(), validator, statusText);
      times.push(performance.now() - started);
      expect(plan.counts).toMatchObject({ valid: 450, invalid: 50 });
    }
    const median = times.sort((a, b) => a - b)[2]!;
    console.log(`planSync, 500 units × 21 columns: median ${median.toFixed(1)} ms`);
    expect(median).toBeLessThan(500);
  });
});

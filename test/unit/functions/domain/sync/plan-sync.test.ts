// planSync: which reports changed, which status cells to write, what to mark; and its speed on 500 units.
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import {
  planSync,
  rawCellsHash,
  withRowsNotStored,
  type StoredReportState,
} from '@theodoi/functions/domain/sync/plan-sync';
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

describe('formulas in input cells', () => {
  const formula = { ...VALID, so_hoi_nghi: '=E7*2' };
  it('refuses the cell, keeps the formula as typed, and tells it from the same text typed as text', () => {
    const plan = planSync(
      [{ ...row('30052', formula), formulas: ['so_hoi_nghi'] }],
      new Map(),
      validator,
      statusText,
    );
    expect(plan.changes).toMatchObject([
      {
        status: 'invalid',
        cells: { so_hoi_nghi: '=E7*2' },
        formulas: ['so_hoi_nghi'],
        values: { so_hoi_nghi: null },
        errors: [{ column: 'so_hoi_nghi', code: 'formula' }],
      },
    ]);
    expect(plan.changes[0]?.errors[0]?.message).toContain('Nhập số trực tiếp, không dùng công thức');
    const asText = planSync([row('30052', formula)], new Map(), validator, statusText);
    expect(asText.changes[0]?.rawHash).not.toBe(plan.changes[0]?.rawHash);
  });

  it('sees no change while the formula stays, whatever it would compute', () => {
    const first = planSync(
      [{ ...row('30052', formula), formulas: ['so_hoi_nghi'] }],
      new Map(),
      validator,
      statusText,
    );
    const stored = new Map([
      ['30052', { ...state(formula), rawHash: first.changes[0]!.rawHash, status: 'invalid' as const }],
    ]);
    const again = planSync(
      [{ ...row('30052', formula), formulas: ['so_hoi_nghi'] }],
      stored,
      validator,
      statusText,
    );
    expect(again.changes).toEqual([]);
  });
});

describe('withRowsNotStored', () => {
  it('takes refused rows out of the changes, counts them invalid and says so on their row, once', () => {
    const plan = planSync([row('30052', VALID), row('VP', VALID, 5)], new Map(), validator, statusText);
    const refusal = { column: 'uu_diem', code: 'unstorable' as const, message: 'Nội dung quá dài để lưu' };
    const after = withRowsNotStored(
      plan,
      [row('30052', VALID), row('VP', VALID, 5)],
      new Map([['VP', refusal]]),
      statusText,
    );
    expect(after.changes.map((c) => c.unitCode)).toEqual(['30052']);
    expect(after.counts).toMatchObject({ valid: 1, invalid: 1 });
    expect(after.statusWrites.find((w) => w.unitCode === 'VP')).toMatchObject({
      status: 'invalid',
      errors: [refusal],
      mark: ['uu_diem'],
      changed: false,
    });
    const shown = { ...row('VP', VALID, 5), statusText: statusText('invalid', [refusal]) };
    const again = withRowsNotStored(
      plan,
      [row('30052', VALID), shown],
      new Map([['VP', refusal]]),
      statusText,
    );
    expect(again.statusWrites.find((w) => w.unitCode === 'VP')).toBeUndefined();
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

// Row verdicts on the shipped templates: empty, incomplete, invalid, valid; rules; messages; inert text.
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import { createRowValidator, validateRow } from '@theodoi/functions/domain/validation/validate-row';
import { buildValuesSchema } from '@theodoi/functions/domain/validation/row-schema';

const cchc = loadTemplate('cchc-tuyen-truyen@1');
const tienDo = loadTemplate('tien-do-nhiem-vu@1');

/** A complete, correct CCHC row as an officer of xã Mỹ Hòa might type it. */
const goodCchcRow = (): Record<string, unknown> => ({
  so_van_ban: 2,
  van_ban_ban_hanh: 'Kế hoạch số 15/KH-UBND ngày 20/02/2024\nCông văn số 30/UBND ngày 01/3/2024',
  so_hoi_nghi: '3',
  luot_tham_du_hoi_nghi: '1.200',
  so_tin_bai: 5,
  so_tin_truyen_thanh: 12,
  so_tuyen_truyen_truc_quan: 4,
  so_bai_mang_xa_hoi: 20,
  so_to_roi: '1 500',
  so_cuoc_thi_tap_huan: 0,
  so_mo_hinh_sang_kien: 0,
  kinh_phi: '1,5 triệu',
  uu_diem: 'Triển khai kịp thời.',
  link_minh_chung: 'https://drive.google.com/drive/folders/abc',
  nguoi_bao_cao: 'Nguyễn Văn A, công chức Văn phòng - Thống kê',
  dien_thoai: '0277 3851 234',
});

describe('validateRow on cchc-tuyen-truyen@1', () => {
  it('accepts a complete, correct row and parses every value', () => {
    const verdict = validateRow(cchc, goodCchcRow());
    expect(verdict.errors).toEqual([]);
    expect(verdict.status).toBe('valid');
    expect(verdict.values).toMatchObject({
      so_hoi_nghi: 3,
      luot_tham_du_hoi_nghi: 1200,
      so_to_roi: 1500,
      kinh_phi: 1_500_000,
      dien_thoai: '02773851234',
      luot_tham_gia_thi_tap_huan: null,
      han_che_nguyen_nhan: null,
    });
  });

  it('calls a row with nothing typed empty', () => {
    expect(validateRow(cchc, {})).toEqual({
      status: 'empty',
      values: Object.fromEntries(cchc.columns.map((c) => [c.key, null])),
      errors: [],
      inert: [],
    });
    expect(validateRow(cchc, { so_hoi_nghi: '  ', uu_diem: '\u200b', dien_thoai: undefined }).status).toBe(
      'empty',
    );
  });

  it('calls a row with only some values incomplete, listing each missing one', () => {
    const verdict = validateRow(cchc, { so_hoi_nghi: 3, luot_tham_du_hoi_nghi: 90 });
    expect(verdict.status).toBe('incomplete');
    expect(verdict.errors.map((e) => e.column)).toEqual([
      'so_van_ban',
      'so_tin_bai',
      'so_tin_truyen_thanh',
      'so_tuyen_truyen_truc_quan',
      'so_bai_mang_xa_hoi',
      'so_to_roi',
      'so_cuoc_thi_tap_huan',
      'so_mo_hinh_sang_kien',
      'kinh_phi',
      'uu_diem',
      'nguoi_bao_cao',
      'dien_thoai',
    ]);
    expect(verdict.errors[0]).toEqual({
      column: 'so_van_ban',
      code: 'required',
      message: 'Cột "Số văn bản đã ban hành": chưa nhập — đây là thông tin bắt buộc.',
    });
  });

  it('requires participants when conferences > 0 (requiredWhen)', () => {
    const row = { ...goodCchcRow(), luot_tham_du_hoi_nghi: '' };
    const verdict = validateRow(cchc, row);
    expect(verdict.status).toBe('incomplete');
    expect(verdict.errors).toEqual([
      {
        column: 'luot_tham_du_hoi_nghi',
        code: 'requiredWhen',
        message:
          'Cột "Lượt người tham dự hội nghị, cuộc họp": chưa nhập — cần nhập khi "Số hội nghị, cuộc họp có nội dung CCHC" lớn hơn 0.',
      },
    ]);
  });

  it('does not require participants when there were no conferences', () => {
    const row = { ...goodCchcRow(), so_hoi_nghi: 0, luot_tham_du_hoi_nghi: '' };
    expect(validateRow(cchc, row).status).toBe('valid');
  });

  it('refuses 0 participants for 3 conferences (compare rule)', () => {
    const verdict = validateRow(cchc, { ...goodCchcRow(), luot_tham_du_hoi_nghi: 0 });
    expect(verdict.status).toBe('invalid');
    expect(verdict.errors.map((e) => e.message)).toEqual([
      'Cột "Lượt người tham dự hội nghị, cuộc họp": đang là 0 — phải lớn hơn 0 khi "Số hội nghị, cuộc họp có nội dung CCHC" lớn hơn 0.',
    ]);
  });

  it('calls a row invalid when a value is wrong, even if others are missing, and keeps the good values', () => {
    const verdict = validateRow(cchc, { so_hoi_nghi: '5 buổi', so_tin_bai: '4' });
    expect(verdict.status).toBe('invalid');
    expect(verdict.values.so_hoi_nghi).toBeNull();
    expect(verdict.values.so_tin_bai).toBe(4);
    expect(verdict.errors.find((e) => e.column === 'so_hoi_nghi')).toEqual({
      column: 'so_hoi_nghi',
      code: 'notInteger',
      message:
        'Cột "Số hội nghị, cuộc họp có nội dung CCHC": "5 buổi" không phải số nguyên — chỉ nhập số, ví dụ 5.',
    });
    expect(verdict.errors.some((e) => e.code === 'required')).toBe(true);
  });

  it('does not fire a rule on a value that was refused', () => {
    const verdict = validateRow(cchc, {
      ...goodCchcRow(),
      so_hoi_nghi: '3 hội nghị',
      luot_tham_du_hoi_nghi: '',
    });
    expect(verdict.errors.map((e) => e.code)).toEqual(['notInteger']);
  });

  it('flags formula-like text for inert writing and keeps it as typed', () => {
    const verdict = validateRow(cchc, { ...goodCchcRow(), uu_diem: '=IMPORTXML("http://x.vn","//a")' });
    expect(verdict.status).toBe('valid');
    expect(verdict.values.uu_diem).toBe('=IMPORTXML("http://x.vn","//a")');
    expect(verdict.inert).toEqual(['uu_diem']);
  });

  it('ignores cells of columns the template does not know (moved or extra columns)', () => {
    const verdict = validateRow(cchc, { ...goodCchcRow(), cot_them: '#REF!', '': 'x' });
    expect(verdict.status).toBe('valid');
    expect(Object.keys(verdict.values)).toEqual(cchc.columns.map((c) => c.key));
  });

  it('reports a row that is not an object as unreadable instead of throwing', () => {
    const verdict = validateRow(cchc, null as unknown as Record<string, unknown>);
    expect(verdict.status).toBe('invalid');
    expect(verdict.errors).toEqual([
      {
        column: '',
        code: 'unreadableRow',
        message: 'Dòng này không đọc được — báo cho cán bộ phụ trách công văn.',
      },
    ]);
  });

  it("produces values that the template's values schema accepts", () => {
    const schema = buildValuesSchema(cchc);
    expect(schema.safeParse(validateRow(cchc, goodCchcRow()).values).success).toBe(true);
    expect(schema.safeParse({ ...validateRow(cchc, goodCchcRow()).values, so_hoi_nghi: -1 }).success).toBe(
      false,
    );
  });
});

describe('validateRow on tien-do-nhiem-vu@1 (one row per task and unit)', () => {
  it('calls a task row empty when the unit has typed nothing', () => {
    expect(validateRow(tienDo, {}).status).toBe('empty');
  });

  it('accepts a finished task', () => {
    const verdict = validateRow(tienDo, {
      trang_thai: 'Hoàn thành',
      ngay_hoan_thanh: 45366,
      ket_qua: 'Đã ban hành kế hoạch.',
      link_minh_chung: 'https://example.gov.vn/kh-01.pdf',
    });
    expect(verdict).toMatchObject({ status: 'valid', errors: [] });
    expect(verdict.values).toMatchObject({ ngay_hoan_thanh: '2024-03-15' });
  });

  it('requires a completion date and results when the status is Hoàn thành', () => {
    const verdict = validateRow(tienDo, { trang_thai: 'hoan thanh' });
    expect(verdict.status).toBe('incomplete');
    expect(verdict.errors.map((e) => e.message)).toEqual([
      'Cột "Kết quả thực hiện": chưa nhập — cần nhập khi "Trạng thái" là "Hoàn thành".',
      'Cột "Ngày hoàn thành": chưa nhập — cần nhập khi "Trạng thái" là "Hoàn thành".',
    ]);
  });

  it('refuses an evidence link that is no web address', () => {
    const verdict = validateRow(tienDo, {
      trang_thai: 'Đang thực hiện',
      link_minh_chung: 'ổ D:/minh chung.docx',
    });
    expect(verdict.status).toBe('invalid');
    expect(verdict.errors.map((e) => e.column)).toEqual(['link_minh_chung']);
  });

  it('completes a date without a year using the reference year, when given', () => {
    const row = { trang_thai: 'Hoàn thành', ngay_hoan_thanh: '15/3', ket_qua: 'Xong.' };
    expect(validateRow(tienDo, row, { referenceYear: 2026 }).errors[0]?.message).toBe(
      'Cột "Ngày hoàn thành": "15/3" chưa có năm — ghi đủ ngày/tháng/năm, ví dụ 15/3/2026.',
    );
  });
});

describe('compare rules against another column', () => {
  it('names the other column and its value', async () => {
    const { parseTemplate } = await import('@theodoi/sheets-schema/registry');
    const template = parseTemplate({
      id: 'so-sanh',
      version: 1,
      title: 'So sánh',
      instructions: 'Thử.',
      shape: 'row-per-unit',
      columns: [
        { key: 'tong_so', header: 'Tổng số', type: 'integer' },
        { key: 'trong_do_nu', header: 'Trong đó nữ', type: 'integer' },
      ],
      rules: [{ kind: 'compare', column: 'trong_do_nu', op: 'lte', otherColumn: 'tong_so' }],
    });
    const validator = createRowValidator(template);
    expect(validator.validate({ tong_so: 10, trong_do_nu: 4 }).status).toBe('valid');
    expect(validator.validate({ tong_so: 10, trong_do_nu: 12 }).errors[0]?.message).toBe(
      'Cột "Trong đó nữ": đang là 12 — phải không quá "Tổng số" (10).',
    );
  });
});

// Every shipped template loads; the registry resolves references; broken declarations are refused with a reason.
import { describe, expect, it } from 'vitest';
import {
  createTemplateRegistry,
  listTemplates,
  loadTemplate,
  parseTemplate,
  SHIPPED_TEMPLATES,
  TemplateError,
} from '@theodoi/sheets-schema/registry';
import type { TemplateDeclaration } from '@theodoi/sheets-schema/template-format';
import { MAX_CELL_CHARS } from '@theodoi/sheets-schema/template-format';

describe('shipped templates', () => {
  SHIPPED_TEMPLATES.forEach((declaration) => {
    const ref = `${declaration.id}@${declaration.version}`;
    it(`${ref} loads and passes the format`, () => {
      const template = loadTemplate(ref);
      expect(template.ref).toBe(ref);
      expect(template.columns.length).toBeGreaterThan(0);
      expect(Object.isFrozen(template.columns)).toBe(true);
    });
    it(`${ref} has Vietnamese headers and hints on every column, and a width`, () => {
      for (const column of loadTemplate(ref).columns) {
        expect(column.header).toMatch(/\p{L}/u);
        expect(column.hint.length).toBeGreaterThan(0);
        expect(column.width).toBeGreaterThanOrEqual(40);
      }
    });
  });

  it('lists both templates, sorted', () => {
    expect(listTemplates().map((t) => [t.ref, t.shape])).toEqual([
      ['cchc-tuyen-truyen@1', 'row-per-unit'],
      ['tien-do-nhiem-vu@1', 'row-per-task'],
    ]);
  });

  it('cchc-tuyen-truyen covers the sections of a CCHC propaganda report', () => {
    const keys = loadTemplate('cchc-tuyen-truyen@1').columns.map((c) => c.key);
    expect(keys).toEqual([
      'so_van_ban',
      'van_ban_ban_hanh',
      'so_hoi_nghi',
      'luot_tham_du_hoi_nghi',
      'so_tin_bai',
      'so_tin_truyen_thanh',
      'so_tuyen_truyen_truc_quan',
      'so_bai_mang_xa_hoi',
      'so_to_roi',
      'so_cuoc_thi_tap_huan',
      'luot_tham_gia_thi_tap_huan',
      'so_mo_hinh_sang_kien',
      'ten_mo_hinh_sang_kien',
      'kinh_phi',
      'uu_diem',
      'han_che_nguyen_nhan',
      'de_xuat_kien_nghi',
      'ke_hoach_ky_toi',
      'link_minh_chung',
      'nguoi_bao_cao',
      'dien_thoai',
    ]);
  });

  it('tien-do-nhiem-vu offers the three statuses', () => {
    const status = loadTemplate('tien-do-nhiem-vu@1').columns.find((c) => c.key === 'trang_thai');
    expect(status?.type === 'enum' ? status.options : []).toEqual([
      'Chưa thực hiện',
      'Đang thực hiện',
      'Hoàn thành',
    ]);
  });
});

describe('registry references', () => {
  it('a bare id loads the newest version', () => {
    const v1: TemplateDeclaration = { ...SHIPPED_TEMPLATES[0]!, version: 1 };
    const v2: TemplateDeclaration = { ...SHIPPED_TEMPLATES[0]!, version: 2, title: 'Phiên bản 2' };
    const registry = createTemplateRegistry([v1, v2]);
    expect(registry.load(v1.id).ref).toBe(`${v1.id}@2`);
    expect(registry.load(`${v1.id}@1`).version).toBe(1);
  });

  const refused = [
    { name: 'an unknown id', ref: 'khong-co@1' },
    { name: 'an unknown version', ref: 'cchc-tuyen-truyen@9' },
    { name: 'a malformed reference', ref: 'CCHC tuyên truyền' },
    { name: 'a version zero', ref: 'cchc-tuyen-truyen@0' },
  ];
  refused.forEach((tc) => {
    it(`refuses ${tc.name}`, () => {
      expect(() => loadTemplate(tc.ref)).toThrow(TemplateError);
      try {
        loadTemplate(tc.ref);
      } catch (error) {
        expect((error as TemplateError).kind).toBe('not-found');
      }
    });
  });

  it('refuses two declarations with the same id@version', () => {
    expect(() => createTemplateRegistry([SHIPPED_TEMPLATES[0]!, SHIPPED_TEMPLATES[0]!])).toThrow(
      /share an id@version/,
    );
  });
});

describe('the template format refuses broken declarations', () => {
  const base = (): Record<string, unknown> => ({
    id: 'thu',
    version: 1,
    title: 'Mẫu thử',
    instructions: 'Hướng dẫn.',
    shape: 'row-per-unit',
    columns: [
      { key: 'so_luong', header: 'Số lượng', type: 'integer', min: 0 },
      { key: 'ghi_chu', header: 'Ghi chú', type: 'text' },
      { key: 'trang_thai', header: 'Trạng thái', type: 'enum', options: ['Có', 'Không'] },
    ],
  });
  const cases: Array<{ name: string; change: (t: Record<string, unknown>) => void; reason: RegExp }> = [
    {
      name: 'a duplicate key',
      change: (t) => (t.columns as unknown[]).push({ key: 'so_luong', header: 'Khác', type: 'text' }),
      reason: /duplicate key so_luong/,
    },
    {
      name: 'a duplicate header (even in another Unicode form)',
      change: (t) =>
        (t.columns as unknown[]).push({ key: 'khac', header: 'Số lượng'.normalize('NFD'), type: 'text' }),
      reason: /duplicate header/,
    },
    {
      name: 'a key that is not snake_case',
      change: (t) => ((t.columns as Array<Record<string, unknown>>)[0]!.key = 'Số'),
      reason: /snake_case/,
    },
    {
      name: 'an unknown column type',
      change: (t) => ((t.columns as Array<Record<string, unknown>>)[1]!.type = 'html'),
      reason: /columns\.1/,
    },
    {
      name: 'a sum over text',
      change: (t) => ((t.columns as Array<Record<string, unknown>>)[1]!.summary = 'sum'),
      reason: /sum needs a numeric column/,
    },
    {
      name: 'min above max',
      change: (t) => ((t.columns as Array<Record<string, unknown>>)[0]!.max = -1),
      reason: /min is greater than max/,
    },
    {
      name: 'options equal without diacritics',
      change: (t) => ((t.columns as Array<Record<string, unknown>>)[2]!.options = ['Có', 'Cỏ']),
      reason: /options must differ/,
    },
    {
      name: 'a text cap above the cell limit',
      change: (t) => ((t.columns as Array<Record<string, unknown>>)[1]!.maxLength = MAX_CELL_CHARS + 1),
      reason: /maxLength/,
    },
    {
      name: 'a rule on an unknown column',
      change: (t) =>
        (t.rules = [
          { kind: 'requiredWhen', column: 'khong_co', when: { column: 'so_luong', op: 'gt', value: 0 } },
        ]),
      reason: /unknown column khong_co/,
    },
    {
      name: 'a condition value of the wrong kind',
      change: (t) =>
        (t.rules = [
          { kind: 'requiredWhen', column: 'ghi_chu', when: { column: 'so_luong', op: 'gt', value: 'không' } },
        ]),
      reason: /so_luong expects a number/,
    },
    {
      name: 'a condition on an option that does not exist',
      change: (t) =>
        (t.rules = [
          {
            kind: 'requiredWhen',
            column: 'ghi_chu',
            when: { column: 'trang_thai', op: 'eq', value: 'Xong' },
          },
        ]),
      reason: /"Xong" is not one of its options/,
    },
    {
      name: 'a compare rule with both a value and another column',
      change: (t) =>
        (t.rules = [{ kind: 'compare', column: 'so_luong', op: 'gt', value: 1, otherColumn: 'so_luong' }]),
      reason: /exactly one of value or otherColumn/,
    },
    {
      name: 'an unknown key figure',
      change: (t) => (t.keyFigures = ['khong_co']),
      reason: /unknown column khong_co/,
    },
    { name: 'an unknown field', change: (t) => (t.colour = 'đỏ'), reason: /colour/ },
    { name: 'a version zero', change: (t) => (t.version = 0), reason: /version/ },
    { name: 'an unknown shape', change: (t) => (t.shape = 'one-sheet'), reason: /shape/ },
  ];
  cases.forEach((tc) => {
    it(`refuses ${tc.name}`, () => {
      const declaration = base();
      tc.change(declaration);
      expect(() => parseTemplate(declaration)).toThrow(tc.reason);
    });
  });

  it('accepts the unchanged base declaration, with defaults applied', () => {
    const template = parseTemplate(base());
    expect(template.ref).toBe('thu@1');
    expect(template.columns[0]).toMatchObject({
      required: false,
      summary: 'none',
      source: 'officer',
      hint: '',
    });
    expect(template.rules).toEqual([]);
  });
});

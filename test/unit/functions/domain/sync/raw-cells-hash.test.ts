// The raw-cells hash stays what Firestore holds (sha256 of the canonical JSON), and the fast hasher always agrees with it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rawCellsHash, rawCellsHasher } from '@theodoi/functions/domain/sync/raw-cells-hash';
import type { CellValue } from '@theodoi/functions/domain/values/cell';
import { seededRandom } from '../../../../fixtures/seeded-random.js';

type Cells = Record<string, CellValue>;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const generator = seededRandom;

const VALUES: CellValue[] = [
  'Nguyễn Văn An',
  'Kế hoạch số 15/KH-UBND\nCông văn số 30',
  'trích "dẫn"',
  'C:\\thư mục\\báo cáo',
  '\u0007\u001b\t',
  '\u2028\u2029',
  '\ud800 lẻ',
  '\udc00',
  '😀 👨‍👩‍👧',
  'Mỹ Quí'.normalize('NFD'),
  '=IMPORTXML("http://x","//a")',
  '',
  ' ',
  0,
  -0,
  5,
  1.5,
  1e21,
  5e-324,
  -1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  null,
  undefined,
];

describe('rawCellsHash', () => {
  it('is the sha256 of the JSON of the cells in key order, blanks left out (as stored in Firestore)', () => {
    const cells: Cells = { so: 2, ten: 'Mỹ Hòa', bo: '', co: true, x: null, y: undefined, a: 'trích "dẫn"' };
    expect(rawCellsHash(cells)).toBe(sha256('{"a":"trích \\"dẫn\\"","co":true,"so":2,"ten":"Mỹ Hòa"}'));
    expect(rawCellsHash({})).toBe(sha256('{}'));
  });
});

describe('rawCellsHasher', () => {
  const cases: Array<{ name: string; rows: Cells[] }> = [
    {
      name: 'rows of one sheet',
      rows: [
        { b: 1, a: 'x' },
        { b: 2, a: 'y' },
        { b: 3, a: 'z' },
      ],
    },
    {
      name: 'rows with different blank cells',
      rows: [{ a: 1, b: 2 }, { a: 1 }, { b: 2 }, {}, { b: 2, a: 1 }],
    },
    { name: 'every kind of value', rows: VALUES.map((v, i) => ({ k: v, [`c${i}`]: v, a: 'x' })) },
    { name: 'integer-like keys, which JSON objects put first', rows: [{ b: 1, '10': 2, '9': 3, a: 4 }] },
    { name: 'keys that need escaping or are not identifiers', rows: [{ 'a"b': 1, ệ: 2, 'a b': 3, '': 4 }] },
    { name: '__proto__ as a key', rows: [JSON.parse('{"__proto__": "x", "a": 1}') as Cells] },
    {
      name: 'a 50,000-character paste',
      rows: [{ a: 'x'.repeat(50_000), b: 'ệ'.repeat(50_000) }, { a: 'y' }],
    },
  ];
  cases.forEach((tc) => {
    it(`agrees with rawCellsHash on ${tc.name}`, () => {
      const hasher = rawCellsHasher();
      for (const row of tc.rows) expect(hasher(row)).toBe(rawCellsHash(row));
    });
  });

  it('agrees with rawCellsHash on 3,000 random rows', () => {
    const rnd = generator(2024);
    const keys = ['so_van_ban', 'uu_diem', 'kinh_phi', 'dien_thoai', 'link_minh_chung'];
    const hasher = rawCellsHasher();
    for (let i = 0; i < 3000; i++) {
      const row: Cells = {};
      for (const key of keys) if (rnd() < 0.8) row[key] = VALUES[Math.floor(rnd() * VALUES.length)];
      expect(hasher(row)).toBe(rawCellsHash(row));
    }
  });
});

// Property tests with a seeded generator: whatever a cell or a row holds, validation returns a verdict and never throws,
// and the row reader reads it exactly as the template's zod cells schema does.
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import type { Template } from '@theodoi/sheets-schema/template-format';
import {
  buildCellsSchema,
  buildRowReader,
  buildValuesSchema,
} from '@theodoi/functions/domain/validation/row-schema';
import { rowHash } from '@theodoi/functions/domain/validation/row-hash';
import { createRowValidator } from '@theodoi/functions/domain/validation/validate-row';
import type { RowVerdict } from '@theodoi/functions/domain/validation/validate-row';
import { allTypes } from '../../../../support/all-types-template.js';
import { seededRandom } from '../../../../fixtures/seeded-random.js';

const generator = seededRandom;

const PIECES = [
  '0',
  '1',
  '5',
  '9',
  '12',
  '1.200',
  '1,5',
  '1 200',
  '-',
  '+',
  '−',
  '.',
  ',',
  ' ',
  '\u00a0',
  '\u202f',
  '%',
  '/',
  ':',
  'đ',
  'đồng',
  'VNĐ',
  'triệu',
  'tỷ',
  'nghìn',
  'ngày',
  'tháng',
  'năm',
  'buổi',
  'Có',
  'Không',
  'x',
  '✓',
  'TRUE',
  'Hoàn thành',
  'hoan thanh',
  'Mỹ Hòa',
  'Mỹ Quí'.normalize('NFD'),
  '#REF!',
  '#N/A',
  '#DIV/0!',
  '=',
  '@',
  '=SUM(A1)',
  'https://',
  'http://',
  'ftp://',
  'javascript:',
  'drive.google.com',
  '@',
  'gmail.com',
  '+84',
  '0277',
  '09',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u2028',
  '\ud800',
  '\udc00',
  '😀',
  '👨‍👩‍👧',
  '\u0301',
  '\u0323',
  'e',
  'E',
  '1e308',
  'inf',
  'nan',
  'nil',
  '{}',
  '[]',
  '2024',
  '15',
  '03',
  '31/02',
  '29/02/2023',
  '45366',
  '０１２',
  '٣',
  '߀',
  '𝟏',
];

function randomString(rnd: () => number): string {
  const roll = rnd();
  if (roll < 0.02) return 'x'.repeat(49_990 + Math.floor(rnd() * 20));
  if (roll < 0.04) return PIECES[Math.floor(rnd() * PIECES.length)]!.repeat(1 + Math.floor(rnd() * 3000));
  if (roll < 0.1) {
    // Arbitrary UTF-16 code units, lone surrogates included.
    return String.fromCharCode(
      ...Array.from({ length: Math.floor(rnd() * 30) }, () => Math.floor(rnd() * 0x10000)),
    );
  }
  const parts = Array.from(
    { length: Math.floor(rnd() * 6) },
    () => PIECES[Math.floor(rnd() * PIECES.length)]!,
  );
  return parts.join(rnd() < 0.5 ? '' : ' ');
}

const SPECIAL_NUMBERS = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  1,
  -1,
  0.5,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  2 ** 53 + 1,
  45366,
  45366.999,
  2_958_466,
  912345678,
  1e21,
];

function randomCell(rnd: () => number): unknown {
  const roll = rnd();
  if (roll < 0.45) return randomString(rnd);
  if (roll < 0.6) return SPECIAL_NUMBERS[Math.floor(rnd() * SPECIAL_NUMBERS.length)];
  if (roll < 0.75) return (rnd() - 0.5) * 10 ** Math.floor(rnd() * 12);
  if (roll < 0.8) return rnd() < 0.5;
  if (roll < 0.85) return rnd() < 0.5 ? null : undefined;
  const odd: unknown[] = [
    {},
    [],
    [1, 2],
    { value: 5 },
    new Date(0),
    10n,
    Symbol('ô'),
    () => 1,
    new Map(),
    /x/,
  ];
  return odd[Math.floor(rnd() * odd.length)];
}

function randomRow(template: Template, rnd: () => number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const column of template.columns) if (rnd() < 0.7) row[column.key] = randomCell(rnd);
  if (rnd() < 0.1) row.cot_la = randomCell(rnd);
  return row;
}

const STATUSES = new Set(['empty', 'incomplete', 'invalid', 'valid']);

/** Throws with the row's details when a property fails; plain checks keep 1,500 rows fast (expect is costly per call). */
function assert(condition: boolean, what: string, verdict: RowVerdict): void {
  if (!condition) throw new Error(`${what}: ${JSON.stringify(verdict).slice(0, 2000)}`);
}

// The generator never types these words, so seeing one means a value leaked unformatted into a message.
const LEAKED = /undefined|NaN|Infinity|null|\[object/;
// Messages go into sheet notes and Firestore: well-formed, without control characters.
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F]|\p{Cs}/u;
const MESSAGE_SHAPE = /^Cột ".+": .+[.…]$/su;

function checkVerdict(template: Template, verdict: RowVerdict): void {
  assert(STATUSES.has(verdict.status), 'status', verdict);
  const keys = template.columns.map((c) => c.key);
  assert(Object.keys(verdict.values).join() === keys.join(), 'value keys', verdict);
  for (const error of verdict.errors) {
    assert(keys.includes(error.column), 'error column', verdict);
    assert(MESSAGE_SHAPE.test(error.message), 'message shape', verdict);
    assert(!LEAKED.test(error.message), 'leaked value in message', verdict);
    assert(!UNPRINTABLE.test(error.message), 'unprintable message', verdict);
  }
  const quiet = verdict.status === 'valid' || verdict.status === 'empty';
  assert(quiet === (verdict.errors.length === 0), 'errors match status', verdict);
  for (const key of verdict.inert) assert(typeof verdict.values[key] === 'string', 'inert is text', verdict);
}

const templates: Array<[string, Template]> = [
  ['cchc-tuyen-truyen@1', loadTemplate('cchc-tuyen-truyen@1')],
  ['tien-do-nhiem-vu@1', loadTemplate('tien-do-nhiem-vu@1')],
  ['every column type', allTypes],
];

describe('no input throws', () => {
  templates.forEach(([name, template]) => {
    it(`${name}: 1,000 random rows each get a verdict whose values fit the values schema`, () => {
      const rnd = generator(20240315);
      const validator = createRowValidator(template);
      const valuesSchema = buildValuesSchema(template);
      for (let i = 0; i < 1000; i++) {
        const row = randomRow(template, rnd);
        const verdict = validator.validate(row);
        checkVerdict(template, verdict);
        const check = valuesSchema.safeParse(verdict.values);
        if (!check.success) throw new Error(`row ${i}: ${JSON.stringify(check.error.issues)}`);
        assert(/^[0-9a-f]{64}$/.test(rowHash(verdict.values)), 'hash', verdict);
      }
    });

    it(`${name}: accepted values read back as themselves`, () => {
      const rnd = generator(87);
      const validator = createRowValidator(template);
      let accepted = 0;
      for (let i = 0; i < 1000; i++) {
        const first = validator.validate(randomRow(template, rnd)).values;
        const again = validator.validate(first).values;
        for (const [key, value] of Object.entries(first)) {
          if (value === null) continue;
          accepted++;
          if (again[key] !== value)
            throw new Error(`${key}: ${JSON.stringify(value)} read back as ${JSON.stringify(again[key])}`);
        }
      }
      expect(accepted).toBeGreaterThan(100);
    });
  });

  it('a row that is not an object gets a verdict', () => {
    const template = loadTemplate('cchc-tuyen-truyen@1');
    const validator = createRowValidator(template);
    const rnd = generator(7);
    const junk: unknown[] = [null, undefined, 5, 'dòng', true, [1, 2, 3], () => 1, Symbol('x'), 10n];
    for (let i = 0; i < 50; i++) junk.push(randomCell(rnd));
    for (const row of junk) {
      const verdict = validator.validate(row as Record<string, unknown>);
      expect(STATUSES.has(verdict.status)).toBe(true);
    }
  });
});

describe('the row reader', () => {
  /** What the cells schema makes of a row, in column order; undefined when it refuses the row. */
  const schemaReader = (template: Template) => {
    const schema = buildCellsSchema(template);
    return (row: unknown) => {
      const parsed = schema.safeParse(row);
      return parsed.success ? template.columns.map((c) => parsed.data[c.key]) : undefined;
    };
  };

  templates.forEach(([name, template]) => {
    it(`${name}: reads 1,000 random rows and odd rows exactly as the cells schema does`, () => {
      const rnd = generator(4242);
      const read = buildRowReader(template);
      const bySchema = schemaReader(template);
      const rows: unknown[] = Array.from({ length: 1000 }, () => randomRow(template, rnd));
      const inherited = Object.create({ [template.columns[0]!.key]: 5 }) as object;
      rows.push(null, undefined, 5, 'dòng', [1, 2], new Map(), new Date(0), Object.create(null), inherited);
      for (const row of rows) expect(read(row)).toStrictEqual(bySchema(row));
    });
  });
});

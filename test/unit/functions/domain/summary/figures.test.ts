// Totals by every summary rule, and key figures written the Vietnamese way.
import { describe, expect, it } from 'vitest';
import {
  figureColumns,
  figureText,
  figureTotal,
  figureValue,
  type FigureColumn,
  type FigureTotal,
  type FigureValue,
} from '@theodoi/functions/domain/summary/index';
import { template } from '../../../../support/summary-fixtures.js';

const column = (key: string): FigureColumn => figureColumns(template).find((c) => c.key === key)!;

describe('figureTotal', () => {
  const cases: { name: string; key: string; values: FigureValue[]; expected: FigureTotal }[] = [
    {
      name: 'sum of whole numbers',
      key: 'hoi_nghi',
      values: [3, null, 0, 12],
      expected: { rule: 'sum', value: 15 },
    },
    {
      name: 'sum with nothing reported',
      key: 'hoi_nghi',
      values: [null, null],
      expected: { rule: 'sum', value: null },
    },
    {
      name: 'sum of money',
      key: 'kinh_phi',
      values: [1_500_000, 250_000, null],
      expected: { rule: 'sum', value: 1_750_000 },
    },
    {
      name: 'average over the units with a figure',
      key: 'ty_le',
      values: [0.1, 0.2, null, 0.6],
      expected: { rule: 'average', value: 0.3 },
    },
    { name: 'average of nothing', key: 'ty_le', values: [], expected: { rule: 'average', value: null } },
    {
      name: 'count of filled cells',
      key: 'trang_thai',
      values: ['Hoàn thành', null, 'Đang thực hiện'],
      expected: { rule: 'count', value: 2 },
    },
    { name: 'count of nothing', key: 'trang_thai', values: [null], expected: { rule: 'count', value: 0 } },
    {
      name: 'list of distinct texts, in order',
      key: 'mo_hinh',
      values: ['Tủ sách pháp luật', null, 'Zalo OA', 'Tủ sách pháp luật'],
      expected: { rule: 'list', value: 'Tủ sách pháp luật; Zalo OA' },
    },
    { name: 'list of nothing', key: 'mo_hinh', values: [null], expected: { rule: 'list', value: null } },
    { name: 'none', key: 'nguoi', values: ['An', 'Bình'], expected: { rule: 'none', value: null } },
  ];
  it.each(cases)('$name', ({ key, values, expected }) => {
    expect(figureTotal(column(key), values)).toEqual(expected);
  });

  it('cuts a list longer than a cell can hold', () => {
    const total = figureTotal(column('mo_hinh'), ['a'.repeat(30_000), 'b'.repeat(30_000)]);
    expect(total.value).toHaveLength(50_000);
    expect(String(total.value).endsWith('…')).toBe(true);
  });
});

describe('figureValue', () => {
  it.each([
    ['hoi_nghi', { hoi_nghi: 3 }, 3],
    ['hoi_nghi', { hoi_nghi: '3' }, null],
    ['hoi_nghi', { hoi_nghi: Number.POSITIVE_INFINITY }, null],
    ['mo_hinh', { mo_hinh: '=IMPORTXML("http://x","//a")' }, '=IMPORTXML("http://x","//a")'],
    ['mo_hinh', { mo_hinh: '   ' }, null],
    ['mo_hinh', null, null],
  ] as const)('%s of %j is %j', (key, accepted, expected) => {
    expect(figureValue(column(key), accepted)).toBe(expected);
  });
});

describe('figureText', () => {
  it.each([
    ['integer', 2140, '2.140'],
    ['integer', 2.5, '2,5'],
    ['money', 1_500_000, '1.500.000 đồng'],
    ['percent', 0.375, '37,5%'],
    ['date', '2024-03-15', '15/03/2024'],
    ['yesNo', true, 'Có'],
    ['text', 'Tủ sách pháp luật', 'Tủ sách pháp luật'],
  ] as const)('%s %j reads %s', (type, value, expected) => {
    expect(figureText({ type }, value)).toBe(expected);
  });
});

// The ranges an evaluation covers and their Vietnamese labels, the command line's options, and the instant evaluated.
import { describe, expect, it } from 'vitest';
import {
  datesRange,
  evaluationInstant,
  halfYearRange,
  quarterRange,
  rangeFromOptions,
  yearRange,
} from '@theodoi/functions/domain/evaluation/index';

describe('evaluation ranges', () => {
  it('names a year, a quarter, a half-year and two dates as documents write them', () => {
    expect(yearRange(2024)).toEqual({ from: '2024-01-01', to: '2024-12-31', key: '2024', label: 'năm 2024' });
    expect(quarterRange(2024, 1)).toMatchObject({
      from: '2024-01-01',
      to: '2024-03-31',
      label: 'quý I năm 2024',
    });
    expect(quarterRange(2024, 2).to).toBe('2024-06-30');
    expect(halfYearRange(2024, 2)).toMatchObject({ from: '2024-07-01', to: '2024-12-31', key: '2024-H2' });
    expect(datesRange('2024-02-01', '2024-02-29')).toMatchObject({
      key: '2024-02-01_2024-02-29',
      label: 'từ ngày 01/02/2024 đến ngày 29/02/2024',
    });
  });

  it('reads exactly one range from the command line, refusing in Vietnamese what it cannot read', () => {
    expect(rangeFromOptions({ year: '2024' }).key).toBe('2024');
    expect(rangeFromOptions({ quarter: '2024-Q3' }).from).toBe('2024-07-01');
    expect(rangeFromOptions({ half: '2024-H1' }).to).toBe('2024-06-30');
    expect(rangeFromOptions({ from: '2024-01-15', to: '2024-03-31' }).from).toBe('2024-01-15');
    expect(() => rangeFromOptions({})).toThrow(/đúng một khoảng thời gian/);
    expect(() => rangeFromOptions({ year: '2024', quarter: '2024-Q1' })).toThrow(/đúng một khoảng thời gian/);
    expect(() => rangeFromOptions({ quarter: '2024-Q5' })).toThrow('"2024-Q5" không phải quý hợp lệ');
    expect(() => rangeFromOptions({ from: '2024-01-01' })).toThrow(/Cần cả --from và --to/);
    expect(() => rangeFromOptions({ from: '2024-02-30', to: '2024-03-01' })).toThrow(
      '"2024-02-30" không phải ngày',
    );
    expect(() => rangeFromOptions({ from: '2024-03-01', to: '2024-02-01' })).toThrow(
      'Ngày bắt đầu 01/03/2024 sau ngày kết thúc 01/02/2024.',
    );
  });

  it('evaluates at the end of the range, or now when the range is still running', () => {
    expect(evaluationInstant(yearRange(2024), new Date('2025-03-01T00:00:00Z'))).toEqual(
      new Date('2024-12-31T16:59:59.999Z'),
    );
    const now = new Date('2024-06-01T03:00:00Z');
    expect(evaluationInstant(yearRange(2024), now)).toEqual(now);
  });
});

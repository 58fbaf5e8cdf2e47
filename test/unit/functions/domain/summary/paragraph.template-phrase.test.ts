// The optional summaryPhrase of a template column: checked when the template loads, used by the shipped template.
import { describe, expect, it } from 'vitest';
import { loadTemplate, parseTemplate } from '@theodoi/sheets-schema/registry';
import { figureColumns } from '@theodoi/functions/domain/summary/index';

const declaration = (summaryPhrase?: string) => ({
  id: 'thu-nghiem',
  version: 1,
  title: 'Thử nghiệm',
  instructions: 'Nhập số liệu.',
  shape: 'row-per-unit',
  columns: [
    {
      key: 'hoi_nghi',
      header: 'Số hội nghị',
      type: 'integer',
      summary: 'sum',
      ...(summaryPhrase === undefined ? {} : { summaryPhrase }),
    },
  ],
  keyFigures: ['hoi_nghi'],
});

describe('summaryPhrase', () => {
  it('is optional', () => {
    expect(figureColumns(parseTemplate(declaration()))[0]).not.toHaveProperty('phrase');
  });

  it('must say where the figure goes', () => {
    expect(() => parseTemplate(declaration('tổ chức hội nghị'))).toThrow(/columns\.0\.summaryPhrase/);
    expect(figureColumns(parseTemplate(declaration('tổ chức {n} hội nghị')))[0]?.phrase).toBe(
      'tổ chức {n} hội nghị',
    );
  });

  it('words every key figure of the shipped CCHC template', () => {
    const columns = figureColumns(loadTemplate('cchc-tuyen-truyen@1'));
    expect(columns.map((c) => c.phrase)).toEqual([
      'tổ chức {n} hội nghị, cuộc họp có nội dung cải cách hành chính',
      'thu hút {n} lượt người tham dự hội nghị, cuộc họp',
      'đăng {n} tin, bài trên trang thông tin điện tử, báo chí',
      'đăng {n} bài trên mạng xã hội',
      'sử dụng {n} kinh phí',
    ]);
  });
});

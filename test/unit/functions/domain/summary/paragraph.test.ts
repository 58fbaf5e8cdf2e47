// The draft paragraph in each situation a coordinator meets: nobody yet, everybody, some, many missing.
import { describe, expect, it } from 'vitest';
import { summary as msg } from '@theodoi/functions/messages.vi';
import {
  buildSummaryModel,
  MAX_NAMES_IN_PARAGRAPH,
  shareText,
  type SummaryReport,
  type SummaryUnit,
} from '@theodoi/functions/domain/summary/index';
import { broken, input, valid } from '../../../../support/summary-fixtures.js';

const ON_TIME = '2024-03-11T02:00:00Z';
const LATE = '2024-03-19T02:00:00Z';
const BEFORE = '2024-03-11T02:00:00Z'; // Monday 11/03, 09:00
const AFTER = '2024-03-20T01:00:00Z'; // Wednesday 20/03, 08:00

const one = (at: string, hoiNghi = 1): SummaryReport => valid(at, { hoi_nghi: hoiNghi });

describe('draft paragraph', () => {
  const cases: { name: string; now: string; reports: Record<string, SummaryReport>; expected: string }[] = [
    {
      name: 'nobody yet, before the deadline',
      now: BEFORE,
      reports: {},
      expected: 'Tính đến 09 giờ 00 ngày 11/3/2024, chưa có đơn vị nào trong số 4 đơn vị báo cáo.',
    },
    {
      name: 'nobody, after the deadline',
      now: AFTER,
      reports: {},
      expected:
        'Tính đến 08 giờ 00 ngày 20/3/2024, chưa có đơn vị nào trong số 4 đơn vị báo cáo (đã quá hạn).',
    },
    {
      name: 'nobody valid, one with errors',
      now: AFTER,
      reports: { TP: broken(1) },
      expected:
        'Tính đến 08 giờ 00 ngày 20/3/2024, chưa có đơn vị nào trong số 4 đơn vị báo cáo (đã quá hạn). ' +
        'Có 1 đơn vị cần sửa lỗi trong số liệu báo cáo: Phòng Tư pháp.',
    },
    {
      name: 'everybody, on time',
      now: AFTER,
      reports: { NV: one(ON_TIME, 2), TP: one(ON_TIME), '30049': one(ON_TIME), '30052': one(ON_TIME, 1_200) },
      expected:
        'Tính đến 08 giờ 00 ngày 20/3/2024, cả 4/4 đơn vị đã báo cáo (đạt 100%), đều đúng hạn. ' +
        'Các đơn vị đã tổ chức 1.204 hội nghị.',
    },
    {
      name: 'everybody, some late',
      now: AFTER,
      reports: { NV: one(ON_TIME), TP: one(LATE), '30049': one(ON_TIME), '30052': one(LATE) },
      expected:
        'Tính đến 08 giờ 00 ngày 20/3/2024, cả 4/4 đơn vị đã báo cáo (đạt 100%), trong đó 2 đơn vị đúng hạn, ' +
        '2 đơn vị trễ hạn. Các đơn vị đã tổ chức 4 hội nghị.',
    },
    {
      name: 'one, late; the others overdue',
      now: AFTER,
      reports: { '30049': one(LATE, 0) },
      expected:
        'Tính đến 08 giờ 00 ngày 20/3/2024, có 1/4 đơn vị đã báo cáo (đạt 25%), trễ hạn; còn 3 đơn vị chưa ' +
        'báo cáo (đã quá hạn), gồm: Phòng Nội vụ, Phòng Tư pháp, UBND xã Mỹ Hòa. Các đơn vị đã tổ chức 0 hội nghị.',
    },
    {
      name: 'two on time before the deadline; the others not yet due',
      now: BEFORE,
      reports: { NV: one(ON_TIME), '30052': one(ON_TIME) },
      expected:
        'Tính đến 09 giờ 00 ngày 11/3/2024, có 2/4 đơn vị đã báo cáo (đạt 50%), đều đúng hạn; còn 2 đơn vị ' +
        'chưa báo cáo, gồm: Phòng Tư pháp, UBND xã Tân Kiều. Các đơn vị đã tổ chức 2 hội nghị.',
    },
    {
      name: 'figures without phrases are named by their headers, averages and counts said so',
      now: BEFORE,
      reports: {
        NV: valid(ON_TIME, { tham_du: 1_500, ty_le: 0.5, trang_thai: 'Hoàn thành' }),
        TP: valid(ON_TIME, { tham_du: 640, ty_le: 0.25 }),
        '30049': valid(ON_TIME, { mo_hinh: 'Tủ sách pháp luật', nguoi: 'Lê Văn Cường' }),
        '30052': valid(ON_TIME, { tham_du: 0 }),
      },
      expected:
        'Tính đến 09 giờ 00 ngày 11/3/2024, cả 4/4 đơn vị đã báo cáo (đạt 100%), đều đúng hạn. ' +
        'Tổng hợp số liệu đã tiếp nhận: Lượt người tham dự: 2.140; Tỷ lệ hoàn thành bình quân: 37,5%; ' +
        'Trạng thái: 1 đơn vị có số liệu.',
    },
  ];
  it.each(cases)('$name', ({ now, reports, expected }) => {
    expect(buildSummaryModel(input(now, reports)).paragraph).toBe(expected);
  });

  it('names at most 30 missing units and counts the rest', () => {
    const many: SummaryUnit[] = Array.from({ length: 40 }, (_, i) => ({
      code: `X${i + 1}`,
      name: `UBND xã Số ${i + 1}`,
      group: 'xa-thi-tran',
    }));
    const base = input(AFTER, { X1: one(ON_TIME) });
    const { paragraph, kpis } = buildSummaryModel({
      ...base,
      units: many,
      directive: { ...base.directive, recipients: many.map((u) => u.code) },
    });
    const listed = many.slice(1, 1 + MAX_NAMES_IN_PARAGRAPH).map((u) => u.name);
    expect(kpis).toMatchObject({ reported: 1, notReported: 39, overdue: 39 });
    expect(paragraph).toBe(
      'Tính đến 08 giờ 00 ngày 20/3/2024, có 1/40 đơn vị đã báo cáo (đạt 2,5%), đúng hạn; còn 39 đơn vị chưa ' +
        `báo cáo (đã quá hạn), gồm: ${listed.join(', ')} và 9 đơn vị khác. Các đơn vị đã tổ chức 1 hội nghị.`,
    );
  });

  it.each([
    [1, '100%'],
    [0.8, '80%'],
    [2 / 3, '66,7%'],
    [1 / 3, '33,3%'],
    [1 / 40, '2,5%'],
    [0, '0%'],
  ])('share %d reads %s', (share, text) => {
    expect(shareText(share)).toBe(text);
  });

  it('says how many of the missing units are overdue when only some are', () => {
    expect(msg.notReported(5, 2, 'A, B, C, D, E')).toBe(
      '; còn 5 đơn vị chưa báo cáo (trong đó 2 đơn vị đã quá hạn), gồm: A, B, C, D, E',
    );
  });
});

// The summary model of a period with every kind of unit: on time, broken after being accepted, late, missing.
import { describe, expect, it } from 'vitest';
import { buildSummaryModel } from '@theodoi/functions/domain/summary/index';
import { broken, input, valid } from '../../../../support/summary-fixtures.js';

const NV = {
  hoi_nghi: 3,
  tham_du: 120,
  ty_le: 0.5,
  trang_thai: 'Đang thực hiện',
  mo_hinh: 'Mô hình A',
  kinh_phi: 1_500_000,
  nguoi: 'Nguyễn Văn An',
  ngay: '2024-03-10',
};
const TP = {
  hoi_nghi: 2,
  tham_du: 80,
  ty_le: 1,
  trang_thai: 'Hoàn thành',
  mo_hinh: 'Mô hình B',
  kinh_phi: 0,
  nguoi: '=IMPORTXML("http://x","//a")',
};
const TAN_KIEU = { hoi_nghi: 1, tham_du: 35, ty_le: 0.75, mo_hinh: 'Mô hình A', kinh_phi: 250_000 };

// Wednesday 20/03/2024, 09:00 in Vietnam: two working days after the deadline of Monday 18/03.
const model = buildSummaryModel(
  input('2024-03-20T02:00:00Z', {
    NV: valid('2024-03-11T02:00:00Z', NV),
    TP: broken(2, { at: '2024-03-11T03:00:00Z', values: TP }),
    '30049': valid('2024-03-20T01:00:00Z', TAN_KIEU),
  }),
);

describe('buildSummaryModel', () => {
  it('writes the header in Vietnam time', () => {
    expect(model.header).toEqual({
      title: 'TỔNG HỢP TÌNH HÌNH THỰC HIỆN CÔNG VĂN SỐ 06/UBND-NV NGÀY 05/02/2024 — QUÝ I/2024',
      directiveLine:
        'Công văn số 06/UBND-NV ngày 05/02/2024 của Ủy ban nhân dân huyện Tháp Mười V/v báo cáo kết quả ' +
        'thông tin, tuyên truyền cải cách hành chính quý I năm 2024',
      periodLine: 'Kỳ báo cáo: Quý I/2024. Hạn báo cáo: 18/03/2024 (thứ Hai).',
      updatedLine: 'Cập nhật lúc 09:00 ngày 20/03/2024',
      kpiLine:
        'Đã báo cáo 3/4 (75%)    Đúng hạn 2    Trễ hạn 1    Chưa báo cáo 1 (quá hạn 1)    Có lỗi cần sửa 1',
    });
  });

  it('counts a unit broken after being accepted as reported on time and as having errors', () => {
    expect(model.kpis).toEqual({
      total: 4,
      reported: 3,
      reportedShare: 0.75,
      onTime: 2,
      late: 1,
      notReported: 1,
      overdue: 1,
      notYetDue: 0,
      withErrors: 1,
      byStatus: {
        'chua-den-han': 0,
        'sap-den-han': 0,
        'dung-han': 1,
        'tre-han': 1,
        'qua-han': 1,
        'co-loi': 1,
      },
    });
  });

  it('lists every recipient in order with status, report day and last accepted figures', () => {
    expect(
      model.rows.map((r) => [r.stt, r.groupName, r.unitName, r.statusText, r.reportedOn, r.figures]),
    ).toEqual([
      [
        1,
        'Các ban, ngành thuộc UBND huyện',
        'Phòng Nội vụ',
        'Đã báo cáo đúng hạn',
        '2024-03-11',
        [3, 120, 0.5, 'Đang thực hiện', 'Mô hình A', 1_500_000, 'Nguyễn Văn An', '2024-03-10'],
      ],
      [
        2,
        'Các ban, ngành thuộc UBND huyện',
        'Phòng Tư pháp',
        'Có lỗi cần sửa (2 lỗi)',
        '2024-03-11',
        [2, 80, 1, 'Hoàn thành', 'Mô hình B', 0, '=IMPORTXML("http://x","//a")', null],
      ],
      [
        3,
        'UBND các xã, thị trấn',
        'UBND xã Tân Kiều',
        'Báo cáo trễ hạn (trễ 2 ngày làm việc)',
        '2024-03-20',
        [1, 35, 0.75, null, 'Mô hình A', 250_000, null, null],
      ],
      [
        4,
        'UBND các xã, thị trấn',
        'UBND xã Mỹ Hòa',
        'Quá hạn chưa báo cáo (quá hạn 2 ngày làm việc)',
        null,
        [null, null, null, null, null, null, null, null],
      ],
    ]);
  });

  it('totals each key figure by its rule', () => {
    expect(model.totals).toEqual([
      { rule: 'sum', value: 6 },
      { rule: 'sum', value: 235 },
      { rule: 'average', value: 0.75 },
      { rule: 'count', value: 2 },
      { rule: 'list', value: 'Mô hình A; Mô hình B' },
      { rule: 'sum', value: 1_750_000 },
      { rule: 'none', value: null },
      { rule: 'none', value: null },
    ]);
  });

  it('subtotals each khối: how many of its units reported, and each figure by its rule', () => {
    expect(model.groups.map((g) => [g.name, g.firstRow, g.rowCount, g.kpis.reported, g.kpis.total])).toEqual([
      ['Các ban, ngành thuộc UBND huyện', 0, 2, 2, 2],
      ['UBND các xã, thị trấn', 2, 2, 1, 2],
    ]);
    expect(model.groups[0]!.totals.slice(0, 6)).toEqual([
      { rule: 'sum', value: 5 },
      { rule: 'sum', value: 200 },
      { rule: 'average', value: 0.75 },
      { rule: 'count', value: 2 },
      { rule: 'list', value: 'Mô hình A; Mô hình B' },
      { rule: 'sum', value: 1_500_000 },
    ]);
    expect(model.groups[1]!.totals.slice(0, 3)).toEqual([
      { rule: 'sum', value: 1 },
      { rule: 'sum', value: 35 },
      { rule: 'average', value: 0.75 },
    ]);
  });

  it('lists the units khối by khối in the organisation’s order, whatever order the directive names them in', () => {
    const base = input('2024-03-11T02:00:00Z', {});
    const m = buildSummaryModel({
      ...base,
      directive: { ...base.directive, recipients: ['30052', 'TP', 'XX', '30049', 'NV'] },
    });
    expect(m.rows.map((r) => [r.stt, r.unitCode, r.groupId])).toEqual([
      [1, 'TP', 'ban-nganh'],
      [2, 'NV', 'ban-nganh'],
      [3, '30052', 'xa-thi-tran'],
      [4, '30049', 'xa-thi-tran'],
      [5, 'XX', ''],
    ]);
    expect(m.groups.map((g) => [g.name, g.rowCount])).toEqual([
      ['Các ban, ngành thuộc UBND huyện', 2],
      ['UBND các xã, thị trấn', 2],
      ['Đơn vị khác', 1],
    ]);
  });

  it('chases the overdue unit first, then the one with errors, with their contacts', () => {
    expect(model.chase.map((c) => [c.unitName, c.statusText, c.person, c.phone])).toEqual([
      ['UBND xã Mỹ Hòa', 'Quá hạn chưa báo cáo (quá hạn 2 ngày làm việc)', null, '0277 3835 255'],
      ['Phòng Tư pháp', 'Có lỗi cần sửa (2 lỗi)', null, null],
    ]);
  });

  it('drafts the paragraph with phrased figures first, then the others by their headers', () => {
    expect(model.paragraph).toBe(
      'Tính đến 09 giờ 00 ngày 20/3/2024, có 3/4 đơn vị đã báo cáo (đạt 75%), trong đó 2 đơn vị đúng hạn, ' +
        '1 đơn vị trễ hạn; còn 1 đơn vị chưa báo cáo (đã quá hạn), gồm: UBND xã Mỹ Hòa. ' +
        'Có 1 đơn vị cần sửa lỗi trong số liệu báo cáo: Phòng Tư pháp. ' +
        'Các đơn vị đã tổ chức 6 hội nghị; sử dụng 1.750.000 đồng kinh phí. ' +
        'Tổng hợp số liệu đã tiếp nhận: Lượt người tham dự: 235; Tỷ lệ hoàn thành bình quân: 75%; ' +
        'Trạng thái: 2 đơn vị có số liệu.',
    );
  });

  it('shows a recipient missing from the unit list by its code, and ignores stored values of the wrong kind', () => {
    const base = input('2024-03-11T02:00:00Z', {
      NV: valid('2024-03-11T02:00:00Z', { hoi_nghi: '3', tham_du: Number.NaN, trang_thai: '  ' }),
    });
    const m = buildSummaryModel({
      ...base,
      directive: { ...base.directive, recipients: ['NV', 'XX'] },
    });
    expect(m.rows[1]).toMatchObject({
      unitName: 'XX',
      groupName: '',
      statusText: 'Chưa đến hạn (còn 5 ngày làm việc)',
    });
    expect(m.rows[0]?.figures).toEqual([null, null, null, null, null, null, null, null]);
    expect(m.totals[0]).toEqual({ rule: 'sum', value: null });
  });
});

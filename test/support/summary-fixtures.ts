// Shared inputs of the summary tests: a template with every summary rule, four units, Quý I/2024 (due 18/03).
import { parseTemplate } from '@theodoi/sheets-schema/registry';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { parseSchedule, periodOf } from '@theodoi/functions/domain/periods/index';
import type { SummaryInput, SummaryReport, SummaryUnit } from '@theodoi/functions/domain/summary/index';

export const calendar = createCalendar();

export const q1 = periodOf(
  parseSchedule({
    kind: 'quarterly',
    first: '2024-Q1',
    deadline: { type: 'working-days-after-cutoff', days: 2 },
  }),
  '2024-Q1',
  calendar,
);

/** One column per summary rule; two with a paragraph phrase. */
export const template = parseTemplate({
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
      summaryPhrase: 'tổ chức {n} hội nghị',
    },
    { key: 'tham_du', header: 'Lượt người tham dự', type: 'integer', summary: 'sum' },
    { key: 'ty_le', header: 'Tỷ lệ hoàn thành', type: 'percent', summary: 'average' },
    {
      key: 'trang_thai',
      header: 'Trạng thái',
      type: 'enum',
      options: ['Đang thực hiện', 'Hoàn thành'],
      summary: 'count',
    },
    { key: 'mo_hinh', header: 'Tên mô hình', type: 'text', summary: 'list' },
    {
      key: 'kinh_phi',
      header: 'Kinh phí',
      type: 'money',
      summary: 'sum',
      summaryPhrase: 'sử dụng {n} kinh phí',
    },
    { key: 'nguoi', header: 'Cán bộ báo cáo', type: 'text', summary: 'none' },
    { key: 'ngay', header: 'Ngày hoàn thành', type: 'date', summary: 'none' },
  ],
  keyFigures: ['hoi_nghi', 'tham_du', 'ty_le', 'trang_thai', 'mo_hinh', 'kinh_phi', 'nguoi', 'ngay'],
});

export const units: SummaryUnit[] = [
  {
    code: 'NV',
    name: 'Phòng Nội vụ',
    group: 'ban-nganh',
    contact: { person: 'Đầu mối Phòng Nội vụ', phone: '0277 3821 108' },
  },
  { code: 'TP', name: 'Phòng Tư pháp', group: 'ban-nganh' },
  {
    code: '30049',
    name: 'UBND xã Tân Kiều',
    group: 'xa-thi-tran',
    contact: { person: 'Công chức Văn phòng - Thống kê', phone: '0277 3834 244' },
  },
  { code: '30052', name: 'UBND xã Mỹ Hòa', group: 'xa-thi-tran', contact: { phone: '0277 3835 255' } },
];

export const groupNames = new Map([
  ['ban-nganh', 'Các ban, ngành thuộc UBND huyện'],
  ['xa-thi-tran', 'UBND các xã, thị trấn'],
]);

/** A valid report first submitted at `at` (UTC ISO). */
export function valid(at: string, values: Record<string, unknown>): SummaryReport {
  return {
    status: 'valid',
    errors: [],
    acceptedValues: values,
    firstSubmittedAt: new Date(at),
    lastChangedAt: new Date(at),
  };
}

/** A report with `errors` problems now, keeping what was accepted before (if anything). */
export function broken(
  errors: number,
  accepted: { at: string; values: Record<string, unknown> } | null = null,
): SummaryReport {
  return {
    status: 'invalid',
    errors: Array.from({ length: errors }, (_, i) => ({
      column: 'hoi_nghi',
      code: 'x',
      message: `lỗi ${i}`,
    })),
    acceptedValues: accepted?.values ?? null,
    firstSubmittedAt: accepted ? new Date(accepted.at) : null,
    lastChangedAt: new Date('2024-03-12T02:00:00Z'),
  };
}

/** The summary input at `now` with the given reports by unit code. */
export function input(now: string, reports: Record<string, SummaryReport>): SummaryInput {
  return {
    directive: {
      id: 'thu-nghiem-2024',
      number: '06/UBND-NV',
      date: '2024-02-05',
      issuer: 'Ủy ban nhân dân huyện Tháp Mười',
      subject: 'báo cáo kết quả thông tin, tuyên truyền cải cách hành chính quý I năm 2024',
      recipients: units.map((u) => u.code),
    },
    period: q1,
    template,
    units,
    groupNames,
    reports: new Map(Object.entries(reports)),
    now: new Date(now),
    calendar,
  };
}

// Template tien-do-nhiem-vu@1: progress of a directive's tasks, one tab per unit, one row per task.
import { defineTemplate } from '../template-format.js';

/** The status options, in the order the dropdown shows them. */
export const TASK_STATUSES = ['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành'] as const;

/** Generic task progress: the task names are prefilled from the directive, the unit reports on each. */
export const tienDoNhiemVu = defineTemplate({
  id: 'tien-do-nhiem-vu',
  version: 1,
  title: 'Tiến độ thực hiện nhiệm vụ',
  instructions:
    'Mỗi dòng là một nhiệm vụ được giao. Chọn trạng thái, nhập tỷ lệ hoàn thành và kết quả; ' +
    'nhiệm vụ đã hoàn thành thì ghi ngày hoàn thành. Có thể thêm dòng cho nhiệm vụ phát sinh.',
  shape: 'tab-per-unit',
  columns: [
    {
      key: 'nhiem_vu',
      header: 'Nhiệm vụ',
      hint: 'Nội dung nhiệm vụ theo văn bản chỉ đạo (đã ghi sẵn).',
      type: 'text',
      required: true,
      maxLength: 1_000,
      width: 300,
      summary: 'none',
      source: 'prefilled',
    },
    {
      key: 'trang_thai',
      header: 'Trạng thái',
      hint: 'Chọn một trong: Chưa thực hiện, Đang thực hiện, Hoàn thành.',
      type: 'enum',
      options: [...TASK_STATUSES],
      required: true,
      width: 140,
      summary: 'count',
    },
    {
      key: 'ty_le_hoan_thanh',
      header: 'Tỷ lệ hoàn thành (%)',
      hint: 'Từ 0 đến 100, ví dụ 75 hoặc 75%.',
      type: 'percent',
      min: 0,
      max: 1,
      width: 110,
      summary: 'average',
    },
    {
      key: 'ngay_hoan_thanh',
      header: 'Ngày hoàn thành',
      hint: 'Ghi theo ngày/tháng/năm, ví dụ 15/3/2024; bắt buộc khi trạng thái là Hoàn thành.',
      type: 'date',
      width: 120,
      summary: 'none',
    },
    {
      key: 'ket_qua',
      header: 'Kết quả thực hiện',
      hint: 'Việc đã làm, sản phẩm, số liệu cụ thể.',
      type: 'longText',
      maxLength: 10_000,
      width: 300,
      summary: 'none',
    },
    {
      key: 'kho_khan',
      header: 'Khó khăn, vướng mắc',
      hint: 'Nếu có.',
      type: 'longText',
      maxLength: 5_000,
      width: 240,
      summary: 'list',
    },
    {
      key: 'de_xuat',
      header: 'Đề xuất, kiến nghị',
      hint: 'Nếu có.',
      type: 'longText',
      maxLength: 5_000,
      width: 240,
      summary: 'list',
    },
    {
      key: 'link_minh_chung',
      header: 'Đường dẫn minh chứng',
      hint: 'Liên kết đến văn bản, hình ảnh minh chứng (bắt đầu bằng https://).',
      type: 'url',
      width: 200,
      summary: 'none',
    },
  ],
  rules: [
    {
      kind: 'requiredWhen',
      column: 'ngay_hoan_thanh',
      when: { column: 'trang_thai', op: 'eq', value: 'Hoàn thành' },
    },
    {
      kind: 'requiredWhen',
      column: 'ket_qua',
      when: { column: 'trang_thai', op: 'eq', value: 'Hoàn thành' },
    },
    {
      kind: 'requiredWhen',
      column: 'ty_le_hoan_thanh',
      when: { column: 'trang_thai', op: 'eq', value: 'Đang thực hiện' },
    },
    {
      kind: 'compare',
      column: 'ty_le_hoan_thanh',
      op: 'eq',
      value: 1,
      when: { column: 'trang_thai', op: 'eq', value: 'Hoàn thành' },
    },
    {
      kind: 'compare',
      column: 'ty_le_hoan_thanh',
      op: 'lt',
      value: 1,
      when: { column: 'trang_thai', op: 'eq', value: 'Đang thực hiện' },
    },
    {
      kind: 'compare',
      column: 'ty_le_hoan_thanh',
      op: 'eq',
      value: 0,
      when: { column: 'trang_thai', op: 'eq', value: 'Chưa thực hiện' },
    },
  ],
  keyFigures: ['trang_thai', 'ty_le_hoan_thanh'],
});

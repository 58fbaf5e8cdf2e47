// Template tien-do-nhiem-vu@1: progress of a directive's tasks, one row per task and responsible unit.
import { defineTemplate } from '../template-format.js';

/** The status options, in the order the dropdown shows them. */
export const TASK_STATUSES = ['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành'] as const;

/**
 * Task progress (decision 007): theodoi writes each row's task, unit, role and deadline from the directive's tasks;
 * the unit reports its status, result, completion date, evidence and difficulties on its own rows.
 */
export const tienDoNhiemVu = defineTemplate({
  id: 'tien-do-nhiem-vu',
  version: 1,
  title: 'Tiến độ thực hiện nhiệm vụ',
  instructions:
    'Mỗi dòng là một nhiệm vụ của một đơn vị (chủ trì hoặc phối hợp). Chọn trạng thái và ghi kết quả; ' +
    'nhiệm vụ đã hoàn thành thì ghi ngày hoàn thành và đường dẫn minh chứng.',
  shape: 'row-per-task',
  columns: [
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
      key: 'ket_qua',
      header: 'Kết quả thực hiện',
      hint: 'Việc đã làm, sản phẩm, số liệu cụ thể; bắt buộc khi trạng thái là Hoàn thành.',
      type: 'longText',
      maxLength: 10_000,
      width: 300,
      summary: 'none',
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
      key: 'link_minh_chung',
      header: 'Đường dẫn minh chứng',
      hint: 'Liên kết đến văn bản, hình ảnh minh chứng (bắt đầu bằng https://).',
      type: 'url',
      width: 200,
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
  ],
  keyFigures: ['trang_thai', 'ngay_hoan_thanh'],
});

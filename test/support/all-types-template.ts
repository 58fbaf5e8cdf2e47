// A test template with one column of every type, and a helper reading one cell the way a row verdict would.
import { parseTemplate } from '@theodoi/sheets-schema/registry';
import type { Column, Template } from '@theodoi/sheets-schema/template-format';
import { describeIssue } from '@theodoi/functions/domain/validation/describe';
import type { DescribeContext } from '@theodoi/functions/domain/validation/describe';
import { parseCell } from '@theodoi/functions/domain/values/parse-cell';

/** Every column type once, with the bounds the tests rely on. */
export const allTypes: Template = parseTemplate({
  id: 'all-types',
  version: 1,
  title: 'Mẫu thử mọi kiểu cột',
  instructions: 'Chỉ dùng trong kiểm thử.',
  shape: 'row-per-unit',
  columns: [
    {
      key: 'count',
      header: 'Số hội nghị',
      type: 'integer',
      min: 0,
      max: 10_000,
      required: true,
      summary: 'sum',
    },
    { key: 'area', header: 'Diện tích (ha)', type: 'decimal', min: 0 },
    { key: 'budget', header: 'Kinh phí', type: 'money', min: 0 },
    { key: 'done', header: 'Tỷ lệ hoàn thành', type: 'percent', min: 0, max: 1 },
    { key: 'officer', header: 'Người báo cáo', type: 'text', maxLength: 100 },
    { key: 'result', header: 'Kết quả', type: 'longText' },
    { key: 'date', header: 'Ngày hoàn thành', type: 'date' },
    {
      key: 'status',
      header: 'Trạng thái',
      type: 'enum',
      options: ['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành'],
    },
    { key: 'model', header: 'Có mô hình mới', type: 'yesNo' },
    { key: 'link', header: 'Đường dẫn minh chứng', type: 'url' },
    { key: 'phone', header: 'Số điện thoại', type: 'phone' },
    { key: 'email', header: 'Thư điện tử', type: 'email' },
  ],
});

const byKey = new Map<string, Column>(allTypes.columns.map((c) => [c.key, c]));

/** The column of `allTypes` with this key. */
export function column(key: string): Column {
  const c = byKey.get(key);
  if (!c) throw new Error(`no column ${key} in the test template`);
  return c;
}

/** What one cell reads as: its value (null when blank), or the Vietnamese message. */
export function read(
  key: string,
  raw: unknown,
  context: DescribeContext = {},
): { value: string | number | boolean | null } | { message: string } {
  const c = column(key);
  const outcome = parseCell(c, raw);
  if (outcome.kind === 'blank') return { value: null };
  if (outcome.kind === 'ok') return { value: outcome.value };
  return { message: describeIssue(c, outcome.issue, byKey, context) };
}

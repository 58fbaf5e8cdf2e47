/**
 * The demo's directive of tasks (Công văn 512/UBND-VHTT, March 2024): who updates which task row, when (Vietnam
 * time), and with what; nv1 ends done on time, nv2's lead done late, nv3 left in progress past its deadline.
 */

/** One officer's update of their own task row: cells by column key, as typed. */
export interface TaskEdit {
  /** ISO instant, Vietnam time written with +07:00. */
  at: string;
  unitCode: string;
  taskId: string;
  cells: Record<string, string>;
  /** What the update is about, for the progress lines. */
  note: string;
}

/** The công văn of tasks the coordinator imports, beside the seed's. */
export const TASK_CONG_VAN = 'congvan-nhiem-vu-cds-2024.txt';

const done = (result: string, day: string, evidence: string) => ({
  trang_thai: 'Hoàn thành',
  ket_qua: result,
  ngay_hoan_thanh: day,
  link_minh_chung: evidence,
});

/** Every task update of the month, in time order. */
export const TASK_EDITS: readonly TaskEdit[] = [
  {
    at: '2024-03-11T10:20:00+07:00',
    unitCode: 'VHTT',
    taskId: 'nv1',
    cells: done(
      'Đã cập nhật 124 dịch vụ công trực tuyến toàn trình',
      '11/03/2024',
      'https://dvc.example.vn/ds.pdf',
    ),
    note: 'hoàn thành',
  },
  {
    at: '2024-03-12T14:30:00+07:00',
    unitCode: 'NV',
    taskId: 'nv1',
    cells: done('Đã rà soát 38 thủ tục lĩnh vực nội vụ', '12/03/2024', 'https://dvc.example.vn/nv.pdf'),
    note: 'hoàn thành phần phối hợp',
  },
  {
    at: '2024-03-13T09:40:00+07:00',
    unitCode: 'TP',
    taskId: 'nv2',
    cells: { trang_thai: 'Đang thực hiện', ket_qua: 'Đã số hóa 1.800/3.200 hồ sơ' },
    note: 'đang thực hiện',
  },
  {
    at: '2024-03-14T15:00:00+07:00',
    unitCode: 'VP',
    taskId: 'nv2',
    cells: done('Đã bàn giao kho hồ sơ hộ tịch 2010–2020', '14/03/2024', 'https://hotich.example.vn/bg.pdf'),
    note: 'hoàn thành phần phối hợp',
  },
  {
    at: '2024-03-15T10:00:00+07:00',
    unitCode: 'NV',
    taskId: 'nv3',
    cells: { trang_thai: 'Đang thực hiện', ket_qua: 'Đang lấy ý kiến dự thảo kế hoạch' },
    note: 'đang thực hiện',
  },
  {
    at: '2024-03-19T16:10:00+07:00',
    unitCode: 'TP',
    taskId: 'nv2',
    cells: done('Đã số hóa 3.200 hồ sơ', '19/03/2024', 'https://hotich.example.vn/bc.pdf'),
    note: 'hoàn thành sau hạn',
  },
];

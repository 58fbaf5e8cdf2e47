// Provisioning a directive of tasks: one row per task and responsible unit, pre-filled with the task, the unit, its
// role and its deadline; the tasks due by a day in the tab "Nhiệm vụ", the monthly task in the month's tab; each
// unit's editors may type only in their own rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, thapMuoi, type LocalWorld } from '@theodoi/test-kit/world';
import { taskDirective } from '../../../support/task-directive.js';

describe('createDirective with tasks', () => {
  let world: LocalWorld;
  beforeAll(async () => {
    world = await buildWorld({
      project: 'theodoi-it-tasks-create',
      clock: '2026-11-03T02:00:00Z',
      organisation: { ...thapMuoi, id: 'org-tasks-create' },
      retry: { retries: 4, baseMs: 1, maxWaitMs: 5 },
    });
  });
  afterAll(async () => world?.close());

  it('lays out one row per (task × unit) with task, unit, role and deadline, in one Sheets call', async () => {
    const spec = taskDirective('cds-create', world.organisation);
    const created = await world.addDirective(spec);
    expect(created.tabs.map((t) => [t.periodKey, t.title])).toEqual([
      ['once', 'Nhiệm vụ'],
      ['2026-M11', 'Tháng 11/2026'],
    ]);
    expect(created.calls.sheets).toBe(1);
    const read = await world.clients.sheets.spreadsheets.values.batchGet({
      spreadsheetId: created.spreadsheetId,
      ranges: ["'Nhiệm vụ'!A4:P", "'Tháng 11/2026'!A5:F"],
    });
    const [once, month] = read.data.valueRanges!.map((r) => (r.values ?? []) as string[][]);
    expect(once![0]).toEqual([
      'STT',
      'Nhiệm vụ',
      'Mã ĐV',
      'Tên đơn vị',
      'Vai trò',
      'Thời hạn',
      'Trạng thái',
      'Kết quả thực hiện',
      'Ngày hoàn thành',
      'Đường dẫn minh chứng',
      'Khó khăn, vướng mắc',
      'Tình trạng nhiệm vụ',
      'Kiểm tra',
      'Cập nhật lúc',
    ]);
    expect(once!.slice(1).map((r) => r.slice(0, 6))).toEqual([
      [
        '1',
        'Rà soát, cập nhật danh mục dịch vụ công trực tuyến toàn trình',
        'VHTT',
        'Phòng Văn hóa và Thông tin',
        'Chủ trì',
        '20/11/2026 (thứ Sáu)',
      ],
      [
        '1',
        'Rà soát, cập nhật danh mục dịch vụ công trực tuyến toàn trình',
        'NV',
        'Phòng Nội vụ',
        'Phối hợp',
        '20/11/2026 (thứ Sáu)',
      ],
      ['2', 'Số hóa hồ sơ hộ tịch lưu trữ', 'TP', 'Phòng Tư pháp', 'Chủ trì', '27/11/2026 (thứ Sáu)'],
      [
        '2',
        'Số hóa hồ sơ hộ tịch lưu trữ',
        'VP',
        'Văn phòng HĐND và UBND huyện',
        'Phối hợp',
        '27/11/2026 (thứ Sáu)',
      ],
    ]);
    // November's figures are cut off on 14/11 (Decree 09/2019) and due 2 working days after: Tuesday 17/11/2026.
    expect(month).toEqual([
      [
        '3',
        'Tổng hợp, báo cáo kết quả chuyển đổi số hằng tháng',
        'NV',
        'Phòng Nội vụ',
        'Chủ trì',
        '17/11/2026 (thứ Ba)',
      ],
    ]);
  });

  it("lets a unit's officer type in its own task rows only", async () => {
    const spec = taskDirective('cds-protect', world.organisation);
    const created = await world.addDirective(spec);
    const nv = world.officer('nv@thapmuoi.example.vn');
    // NV co-operates on task 1 (row 6) and may type there; row 5 is VHTT's.
    await nv.spreadsheets.values.update({
      spreadsheetId: created.spreadsheetId,
      range: "'Nhiệm vụ'!G6",
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['Đang thực hiện']] },
    });
    await expect(
      nv.spreadsheets.values.update({
        spreadsheetId: created.spreadsheetId,
        range: "'Nhiệm vụ'!G5",
        valueInputOption: 'USER_ENTERED',
        requestBody: { values: [['Hoàn thành']] },
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});

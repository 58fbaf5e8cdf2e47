// The morning check on a directive of tasks: a row past its own deadline and not completed turns "Quá hạn" and is
// flagged; an extension moves one row's deadline; a recurring task's row appears in each new period's tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSummary } from '@theodoi/functions/usecases/build-summary';
import { checkDeadlines } from '@theodoi/functions/usecases/check-deadlines';
import type { CreatedDirective } from '@theodoi/functions/usecases/create-directive';
import { extendDeadline } from '@theodoi/functions/usecases/directive-lifecycle';
import { syncDirective } from '@theodoi/functions/usecases/sync-directive';
import { buildWorld, thapMuoi, type LocalWorld } from '@theodoi/test-kit/world';
import { taskDirective } from '../../../support/task-directive.js';

describe('checkDeadlines on a directive of tasks', () => {
  let world: LocalWorld;
  let created: CreatedDirective;
  const column = async (range: string) =>
    (
      await world.clients.sheets.spreadsheets.values.get({ spreadsheetId: created.spreadsheetId, range })
    ).data.values?.map((r) => (r as string[]).join(' | '));

  beforeAll(async () => {
    world = await buildWorld({
      project: 'theodoi-it-tasks-check',
      clock: '2026-11-03T02:00:00Z',
      organisation: { ...thapMuoi, id: 'org-tasks-check' },
      retry: { retries: 4, baseMs: 1, maxWaitMs: 5 },
    });
    created = await world.addDirective(taskDirective('cds-check', world.organisation));
    await world.officer('vhtt@thapmuoi.example.vn').spreadsheets.values.update({
      spreadsheetId: created.spreadsheetId,
      range: "'Nhiệm vụ'!G5:J5",
      valueInputOption: 'USER_ENTERED',
      requestBody: {
        values: [['Hoàn thành', 'Đã cập nhật danh mục', '18/11/2026', 'https://a.example.vn/x']],
      },
    });
    await syncDirective(world.deps, { directiveId: 'cds-check', trigger: 'test' });
  });
  afterAll(async () => world?.close());

  it('turns the rows past their deadline quá hạn and flags them; a completed row stays done on time', async () => {
    // Monday 23/11/2026: task 1 (due Friday 20/11) is 1 working day overdue where not completed.
    world.clock.set(new Date('2026-11-23T00:30:00Z'));
    const run = await checkDeadlines(world.deps);
    expect(run.failed).toEqual([]);
    // December's window opened on 15/11 (Decree 09/2019 cut-off): its tab opens with this check.
    expect(run.directives[0]?.openedTabs).toEqual(['2026-M12']);
    expect(await column("'Nhiệm vụ'!C5:L8")).toEqual([
      expect.stringMatching(/^VHTT \|.*\| Hoàn thành đúng hạn$/),
      expect.stringMatching(/^NV \|.*\| Quá hạn \(quá hạn 1 ngày làm việc\)$/),
      expect.stringMatching(/^TP \|.*\| Chưa thực hiện$/),
      expect.stringMatching(/^VP \|.*\| Chưa thực hiện$/),
    ]);
    const flag = await world.db.doc('directives/cds-check/flags/once~NV~nv1').get();
    expect(flag.data()).toMatchObject({ kind: 'qua-han', workingDaysOverdue: 1, resolvedAt: null });
  });

  it('rewrites Tổng hợp by task and by unit, with the overdue row to chase and the draft paragraph', async () => {
    const summary = (await column("'Tổng hợp'!A1:I40"))!;
    expect(summary[0]).toMatch(/^TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ — CÔNG VĂN SỐ 2468\/UBND-VHTT/);
    expect(summary).toContain(
      'Hoàn thành 1/5 lượt nhiệm vụ (đúng hạn 1, trễ hạn 0)    Đang thực hiện 0    Chưa thực hiện 2    Quá hạn 2',
    );
    expect(summary).toContainEqual(
      expect.stringMatching(
        /^1 \| Rà soát.* \| Phòng Văn hóa và Thông tin \| 20\/11\/2026 \(thứ Sáu\) \| Phòng Văn hóa và Thông tin \(Chủ trì\): Hoàn thành đúng hạn\nPhòng Nội vụ \(Phối hợp\): Quá hạn \(quá hạn 1 ngày làm việc\)$/,
      ),
    );
    // November's monthly report (task 3, due 17/11) was not made either: Phòng Nội vụ has 2 overdue rows.
    expect(summary).toContain(
      '3 | Tổng hợp, báo cáo kết quả chuyển đổi số hằng tháng | Phòng Nội vụ | 17/11/2026 (thứ Ba) | Phòng Nội vụ (Chủ trì): Quá hạn (quá hạn 4 ngày làm việc)',
    );
    expect(summary).toContain('2 | Phòng Nội vụ | 2 | 0 | 0 | 0 | 0 | 2');
    expect(summary).toContainEqual(expect.stringMatching(/^Phòng Nội vụ — nhiệm vụ 1 \(Rà soát/));
    expect(summary.at(-1)).toMatch(/2 lượt quá hạn chưa hoàn thành \(Phòng Nội vụ\)\.$/);
  });

  it('moves one row’s deadline with an extension, and says so on the row', async () => {
    const granted = await extendDeadline(world.deps, {
      directiveId: 'cds-check',
      unitCode: 'NV',
      taskId: 'nv1',
      until: '2026-11-30',
      reason: 'Công văn đề nghị gia hạn của Phòng Nội vụ',
    });
    expect(granted.extension).toMatchObject({ unitCode: 'NV', taskId: 'nv1', periodKey: 'once' });
    expect(await column("'Nhiệm vụ'!L6")).toEqual(['Chưa thực hiện (gia hạn đến 30/11/2026)']);
    await expect(
      extendDeadline(world.deps, {
        directiveId: 'cds-check',
        unitCode: 'TP',
        until: '2026-12-30',
        reason: 'x',
      }),
    ).rejects.toThrow('ghi rõ nhiệm vụ cần gia hạn bằng --task');
  });

  it("has opened December's tab with the monthly task's row, due on December's own deadline", async () => {
    expect(await column("'Tháng 12/2026'!A5:F")).toEqual([
      '3 | Tổng hợp, báo cáo kết quả chuyển đổi số hằng tháng | NV | Phòng Nội vụ | Chủ trì | 16/12/2026 (thứ Tư)',
    ]);
  });

  it('rewrites the same Tổng hợp on demand (theodoi summary)', async () => {
    const result = await buildSummary(world.deps, { directiveId: 'cds-check' });
    expect(result.tasks?.title).toMatch(/^TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ/);
    // Drive: the version before the write and after it, so the sweep does not read our own write back (decision 011).
    expect(result.calls).toEqual({ sheetsReads: 1, sheetsWrites: 1, driveReads: 2 });
    expect((await column("'Tổng hợp'!A1"))![0]).toBe(result.tasks?.title);
  });
});

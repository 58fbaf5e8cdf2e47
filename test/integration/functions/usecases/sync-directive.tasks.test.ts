// Syncing a directive of tasks: each task row is a report `<periodKey>~<unit>~<taskId>` with its unit, task and role;
// the template's rules give each row its verdict; "Tình trạng nhiệm vụ" is written in the same one write; one read,
// one write, and 2 documents per changed row + 1 snapshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncDirective } from '@theodoi/functions/usecases/sync-directive';
import type { CreatedDirective } from '@theodoi/functions/usecases/create-directive';
import { buildWorld, thapMuoi, type LocalWorld } from '@theodoi/test-kit/world';
import { taskDirective } from '../../../support/task-directive.js';

const TAB = "'Nhiệm vụ'";

describe('syncDirective on a directive of tasks', () => {
  let world: LocalWorld;
  let created: CreatedDirective;
  const sync = () => syncDirective(world.deps, { directiveId: 'cds-sync', trigger: 'test' });
  const type = (email: string, range: string, values: string[][]) =>
    world.officer(email).spreadsheets.values.update({
      spreadsheetId: created.spreadsheetId,
      range: `${TAB}!${range}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values },
    });
  const row = async (n: number) =>
    (
      await world.clients.sheets.spreadsheets.values.get({
        spreadsheetId: created.spreadsheetId,
        range: `${TAB}!A${n}:N${n}`,
      })
    ).data.values?.[0] as string[];

  beforeAll(async () => {
    world = await buildWorld({
      project: 'theodoi-it-tasks-sync',
      clock: '2026-11-03T02:00:00Z',
      organisation: { ...thapMuoi, id: 'org-tasks-sync' },
      retry: { retries: 4, baseMs: 1, maxWaitMs: 5 },
    });
    created = await world.addDirective(taskDirective('cds-sync', world.organisation));
    await sync();
  });
  afterAll(async () => world?.close());

  it('stores each changed task row as its own report, with its verdict and status, in one read and one write', async () => {
    world.clock.set(new Date('2026-11-19T03:00:00Z'));
    // VHTT completes task 1 (row 5) on 19/11, before its deadline; NV (row 6) is working on it; TP (row 7) gives a
    // link that is no web address.
    await type('vhtt@thapmuoi.example.vn', 'G5:J5', [
      ['Hoàn thành', 'Đã cập nhật 124 dịch vụ công', '19/11/2026', 'https://dichvucong.example.vn/ds.pdf'],
    ]);
    await type('nv@thapmuoi.example.vn', 'G6', [['Đang thực hiện']]);
    await type('tp@thapmuoi.example.vn', 'G7:J7', [['Đang thực hiện', '', '', 'ổ D:/hoso']]);
    world.emulator.resetCounters();
    const outcome = await sync();
    expect(outcome).toMatchObject({
      changedUnits: 3,
      firestoreWrites: 2 * 3 + 1,
      calls: { sheetsReads: 1, sheetsWrites: 1 },
    });
    expect(world.emulator.counters().methods).toMatchObject({
      'sheets.spreadsheets.getByDataFilter': 1,
      'sheets.spreadsheets.batchUpdate': 1,
    });
    const report = await world.db.doc('directives/cds-sync/reports/once~VHTT~nv1').get();
    expect(report.data()).toMatchObject({
      unitCode: 'VHTT',
      taskId: 'nv1',
      role: 'lead',
      periodKey: 'once',
      status: 'valid',
      version: 1,
    });
    expect((await world.db.doc('directives/cds-sync/reports/once~NV~nv1').get()).data()).toMatchObject({
      unitCode: 'NV',
      taskId: 'nv1',
      role: 'support',
    });
    expect((await row(5)).slice(11, 13)).toEqual(['Hoàn thành đúng hạn', '✔ Đã tiếp nhận']);
    expect((await row(6)).slice(11, 13)).toEqual(['Đang thực hiện', '✔ Đã tiếp nhận']);
    const tp = await row(7);
    expect(tp[11]).toBe('Chưa thực hiện');
    expect(tp[12]).toMatch(/^✖ Có lỗi \(1\)/);
  });

  it('reads a completion after the deadline as late, and an untouched row stays as it was', async () => {
    world.clock.set(new Date('2026-12-01T03:00:00Z'));
    // TP completes task 2 (due Friday 27/11) on Tuesday 1/12: 2 working days late.
    await type('tp@thapmuoi.example.vn', 'G7:J7', [
      ['Hoàn thành', 'Đã số hóa 3.200 hồ sơ', '01/12/2026', 'https://hotich.example.vn/bc.pdf'],
    ]);
    const outcome = await sync();
    expect(outcome.changedUnits).toBe(1);
    expect((await row(7)).slice(11, 13)).toEqual([
      'Hoàn thành trễ hạn (trễ 2 ngày làm việc)',
      '✔ Đã tiếp nhận',
    ]);
    expect((await world.db.doc('directives/cds-sync/reports/once~TP~nv2').get()).data()?.version).toBe(2);
  });
});

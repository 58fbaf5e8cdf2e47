// A report that comes in after the deadline: the sync that accepts it rewrites the row's "Tình hình báo cáo" in its
// one write, so the row never says "✔ Đã tiếp nhận" beside "Quá hạn chưa báo cáo" until the next morning's check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDeadlines } from '@theodoi/functions/usecases/check-deadlines';
import { startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';
import { VALID_CCHC_ROW } from '../../../fixtures/cchc-rows.js';

const TAB = "'Quý I/2024'";
const codes = thapMuoi.units.map((u) => u.code);
const rowOf = (code: string) => 5 + codes.indexOf(code);
const editorOf = (code: string) => thapMuoi.units.find((u) => u.code === code)!.editors[0]!;

describe('a late report accepted by a sync', () => {
  let world: World;
  /** The row's "Trạng thái" (X) and "Tình hình báo cáo" (Y) as the officer sees them. */
  const statusCells = async (code: string) => {
    const res = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!X${rowOf(code)}:Y${rowOf(code)}`,
    });
    const row = (res.data.values?.[0] ?? []) as string[];
    return { status: row[0], deadline: row[1] };
  };
  const type = (code: string, values: readonly string[], from = 'C') =>
    world.officer(editorOf(code)).spreadsheets.values.update({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!${from}${rowOf(code)}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [[...values]] },
    });

  beforeAll(async () => {
    // Tuesday 19/03/2024, 08:00 in Vietnam: the deadline (Monday 18/03) has passed and the morning check ran.
    world = await startWorld('late-report', '2024-03-19T01:00:00Z');
    await world.sync('initial');
    await checkDeadlines(world.deps);
  });
  afterAll(async () => world?.close());

  it('before: the morning check shows the unit overdue', async () => {
    expect(await statusCells('TP')).toEqual({
      status: '⏳ Chưa báo cáo',
      deadline: 'Quá hạn chưa báo cáo (quá hạn 1 ngày làm việc)',
    });
  });

  it('the sync that accepts the report writes both cells in its one write, as the next check would', async () => {
    world.clock.set('2024-03-19T03:15:00Z'); // 10:15
    await type('TP', VALID_CCHC_ROW);
    world.emulator.resetCounters();
    const outcome = await world.sync();
    expect(outcome).toMatchObject({ changedUnits: 1, calls: { sheetsReads: 1, sheetsWrites: 1 } });
    // One read, one write; Drive's version and who typed before the read, the version after the write.
    expect(world.emulator.counters().methods).toEqual({
      'sheets.spreadsheets.getByDataFilter': 1,
      'sheets.spreadsheets.batchUpdate': 1,
      'drive.files.get': 2,
    });
    expect(await statusCells('TP')).toEqual({
      status: '✔ Đã tiếp nhận',
      deadline: 'Báo cáo trễ hạn (trễ 1 ngày làm việc)',
    });
    // The rest of the tab is untouched: another overdue unit still reads as the check wrote it.
    expect((await statusCells('TCKH')).deadline).toBe('Quá hạn chưa báo cáo (quá hạn 1 ngày làm việc)');

    // The next check agrees with every cell the sync wrote: it has nothing to rewrite on the row.
    world.clock.set('2024-03-19T04:00:00Z');
    const check = await checkDeadlines(world.deps);
    expect(check.directives[0]).toMatchObject({ deadlineCellsWritten: 0 });
  });

  it('a mistake typed later turns both cells to "có lỗi" in the same sync; fixing it turns them back', async () => {
    await type('TP', ['5 buổi'], 'E');
    world.clock.set('2024-03-19T05:00:00Z');
    await world.sync();
    expect(await statusCells('TP')).toEqual({
      status: '✖ Có lỗi (1) — xem ghi chú',
      deadline: 'Có lỗi cần sửa (1 lỗi, trễ 1 ngày làm việc)',
    });
    await type('TP', ['3'], 'E');
    world.clock.set('2024-03-19T05:10:00Z');
    await world.sync();
    expect(await statusCells('TP')).toEqual({
      status: '✔ Đã tiếp nhận',
      deadline: 'Báo cáo trễ hạn (trễ 1 ngày làm việc)',
    });
  });

  it('a sync with nothing changed writes nothing, even where time alone has moved a status', async () => {
    // Wednesday 20/03: the overdue units are 2 working days late now; only the morning check says so.
    world.clock.set('2024-03-20T03:00:00Z');
    world.emulator.resetCounters();
    const outcome = await world.sync();
    expect(outcome).toMatchObject({ changedUnits: 0, calls: { sheetsReads: 1, sheetsWrites: 0 } });
    expect((await statusCells('TCKH')).deadline).toBe('Quá hạn chưa báo cáo (quá hạn 1 ngày làm việc)');
  });
});

// One unit's oversized paste is that unit's problem: no document can pass Firestore's limits, every other unit
// syncs, and nothing the officer typed is lost (long cells are stored apart, whole).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportCells } from '@theodoi/functions/store/report-cells';
import { startWorld, type World } from '@theodoi/test-kit/world';
import { VALID_CCHC_ROW } from '../../../fixtures/cchc-rows.js';
import { statusOf, storedReport, typeAs, versionsOf } from '../../../support/report-tab.js';

/** A cell as long as Sheets allows (50,000 characters), of a letter UTF-8 writes in three bytes. */
const LONG = 'ệ'.repeat(50_000);

describe('a row of seven 50,000-character cells (~1 MB)', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld('oversized');
    await world.sync('initial');
  });
  afterAll(async () => world?.close());

  it('does not stop the other units: they are stored, and the pasted row is kept whole with its verdict', async () => {
    typeAs(
      world,
      'TP',
      Array.from({ length: 7 }, () => LONG),
    );
    typeAs(world, 'NV', VALID_CCHC_ROW);
    const outcome = await world.sync('officers');
    expect(outcome).toMatchObject({ result: 'synced', changedUnits: 2 });
    expect(await storedReport(world, 'NV')).toMatchObject({ status: 'valid', version: 1 });
    expect(await statusOf(world, 'NV')).toBe('✔ Đã tiếp nhận');

    expect(await storedReport(world, 'TP')).toMatchObject({ status: 'invalid', version: 1 });
    expect(await statusOf(world, 'TP')).toMatch(/^✖ Có lỗi/);
    const { cells } = (await loadReportCells(world.db, world.spec.id, ['2024-Q1']))
      .get('2024-Q1')!
      .get('TP')!;
    expect(Object.values(cells).filter((c) => c === LONG)).toHaveLength(7);
    expect(await versionsOf(world, 'TP')).toHaveLength(1);

    // Later syncs keep working for everyone.
    typeAs(world, 'VP', VALID_CCHC_ROW);
    expect(await world.sync('later')).toMatchObject({ result: 'synced', changedUnits: 1 });
    expect(await statusOf(world, 'VP')).toBe('✔ Đã tiếp nhận');
  }, 60_000);
});

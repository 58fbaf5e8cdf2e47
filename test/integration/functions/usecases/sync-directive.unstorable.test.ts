// A unit's row Firestore refuses is that unit's problem: every other unit is stored and shown, the row is told in
// Vietnamese what to shorten (its accepted figures kept), and the coordinator hears which row it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOpenNotices } from '@theodoi/functions/store/notices';
import { syncDirective } from '@theodoi/functions/usecases/sync-directive';
import { startWorld, type World } from '@theodoi/test-kit/world';
import { cchcRowWith, VALID_CCHC_ROW } from '../../../fixtures/cchc-rows.js';
import { refusingFirestore } from '../../../support/refusing-firestore.js';
import { rowOf, shown, statusOf, storedReport, TAB, typeAs } from '../../../support/report-tab.js';

describe('a row Firestore refuses', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld('unstorable');
    typeAs(world, 'TP', cchcRowWith(4, 80));
    await world.sync('initial');
  });
  afterAll(async () => world?.close());

  it('is refused on its own row while every other unit is stored, and named to the coordinator', async () => {
    typeAs(world, 'TP', ['5'], 'E');
    typeAs(world, 'NV', VALID_CCHC_ROW);
    typeAs(world, 'VP', VALID_CCHC_ROW);
    const outcome = await syncDirective(
      { ...world.deps, db: refusingFirestore(world.db, 'reports/2024-Q1~TP') },
      { directiveId: world.spec.id, trigger: 'sheet:edit' },
    );
    expect(outcome).toMatchObject({
      result: 'synced',
      changedUnits: 2,
      notStored: [{ periodKey: '2024-Q1', unitCode: 'TP', row: rowOf('TP') }],
    });
    expect(outcome.notices).toEqual([expect.stringContaining(`Dòng ${rowOf('TP')} (đơn vị TP)`)]);
    expect(await storedReport(world, 'NV')).toMatchObject({ status: 'valid', version: 1 });
    expect(await storedReport(world, 'VP')).toMatchObject({ status: 'valid', version: 1 });
    expect(await statusOf(world, 'NV')).toBe('✔ Đã tiếp nhận');
    // TP keeps its accepted figures; its row says what to shorten.
    expect(await storedReport(world, 'TP')).toMatchObject({ version: 1, acceptedValues: { so_hoi_nghi: 4 } });
    expect(await statusOf(world, 'TP')).toBe('✖ Có lỗi (1) — xem ghi chú');
    const note = await world.clients.sheets.spreadsheets.get({
      spreadsheetId: world.directive.spreadsheetId,
      ranges: [`${TAB}!X${rowOf('TP')}`],
      fields: 'sheets.data.rowData.values.note',
    });
    expect(note.data.sheets?.[0]?.data?.[0]?.rowData?.[0]?.values?.[0]?.note).toContain(
      'Nội dung quá dài để lưu — rút gọn ô',
    );
    expect((await loadOpenNotices(world.db, world.spec.id)).map((n) => n.kind)).toEqual(['row-not-stored']);

    // Firestore takes it again: the row is stored and accepted, and nothing else moves.
    const healed = await world.sync('healed');
    expect(healed).toMatchObject({ changedUnits: 1 });
    expect(await storedReport(world, 'TP')).toMatchObject({ version: 2, acceptedValues: { so_hoi_nghi: 5 } });
    expect(await shown(world, `X${rowOf('TP')}`)).toBe('✔ Đã tiếp nhận');
  });
});

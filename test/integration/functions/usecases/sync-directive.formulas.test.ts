// A formula typed into an input cell is refused with a Vietnamese note, detected in the sync's one read; what was
// typed (the formula) is kept, and it never changes silently when the cells it refers to change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from '@theodoi/test-kit/world';
import { cchcRowWith } from '../../../fixtures/cchc-rows.js';
import { rowOf, statusOf, storedReport, TAB, typeAs, versionsOf } from '../../../support/report-tab.js';

describe('a formula typed into an input cell', () => {
  let world: World;
  const noteOf = async (code: string) => {
    const res = await world.clients.sheets.spreadsheets.get({
      spreadsheetId: world.directive.spreadsheetId,
      ranges: [`${TAB}!X${rowOf(code)}`],
      fields: 'sheets.data.rowData.values.note',
    });
    return res.data.sheets?.[0]?.data?.[0]?.rowData?.[0]?.values?.[0]?.note ?? '';
  };

  beforeAll(async () => {
    world = await startWorld('formulas');
    typeAs(world, 'TP', cchcRowWith(4, 80));
    typeAs(world, 'NV', cchcRowWith(3, 120));
    await world.sync('initial');
  });
  afterAll(async () => world?.close());

  it('is refused with a note, the formula itself is stored, and another unit’s edit changes nothing', async () => {
    typeAs(world, 'NV', [`=E${rowOf('TP')}*2`], 'E');
    await world.sync('formula typed');
    expect(await statusOf(world, 'NV')).toMatch(/^✖ Có lỗi \(1\)/);
    expect(await noteOf('NV')).toContain('Nhập số trực tiếp, không dùng công thức');
    const report = await storedReport(world, 'NV');
    expect(report).toMatchObject({ status: 'invalid', version: 2, acceptedValues: { so_hoi_nghi: 3 } });
    expect((await versionsOf(world, 'NV')).at(-1)).toMatchObject({
      cells: { so_hoi_nghi: `=E${rowOf('TP')}*2` },
    });

    typeAs(world, 'TP', ['10'], 'E');
    const outcome = await world.sync('the referred cell changed');
    expect(outcome).toMatchObject({ changedUnits: 1 });
    expect(await versionsOf(world, 'NV')).toHaveLength(2);
    expect((await storedReport(world, 'NV'))?.acceptedValues).toMatchObject({ so_hoi_nghi: 3 });
  });
});

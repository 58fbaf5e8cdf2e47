// A unit's row is the row provisioned for it, not any row carrying its code: rows added below the units' rows are
// ignored and marked, and a code changed or copied is never taken as another unit's report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';
import { cchcRowWith, VALID_CCHC_ROW } from '../../../fixtures/cchc-rows.js';
import { editorOf, rowOf, shown, statusOf, storedReport, TAB, typeAs } from '../../../support/report-tab.js';

const LAST_UNIT_ROW = 4 + thapMuoi.units.length;

describe('rows that are not a unit’s provisioned row', () => {
  let world: World;
  const reports = async () =>
    (await world.db.collection(`directives/${world.spec.id}/reports`).count().get()).data().count;
  const owner = async () =>
    (
      await world.clients.drive.files.get({
        fileId: world.directive.spreadsheetId,
        fields: 'owners(emailAddress)',
      })
    ).data.owners?.[0]?.emailAddress ?? '';

  beforeAll(async () => {
    world = await startWorld('row-identity');
    // Room below the units' rows, as an officer makes it (Sheets refuses writes past the grid).
    await world.officer(editorOf('TP')).spreadsheets.batchUpdate({
      spreadsheetId: world.directive.spreadsheetId,
      requestBody: {
        requests: [
          {
            appendDimension: { sheetId: world.directive.tabs[0]!.sheetId, dimension: 'ROWS', length: 600 },
          },
        ],
      },
    });
    typeAs(world, 'NV', cchcRowWith(3, 120));
    typeAs(world, 'TP', cchcRowWith(4, 80));
    await world.sync('initial');
  });
  afterAll(async () => world?.close());

  it('ignores 500 rows an officer appends with invented codes: no report, no Firestore write but the snapshot', async () => {
    const before = await reports();
    const first = LAST_UNIT_ROW + 1;
    await world.officer(editorOf('TP')).spreadsheets.values.update({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!A${first}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: {
        values: Array.from({ length: 500 }, (_, i) => [`GIA${i}`, `Đơn vị giả ${i}`, ...VALID_CCHC_ROW]),
      },
    });
    const outcome = await world.sync('appended');
    expect(outcome).toMatchObject({ changedUnits: 0, firestoreWrites: 1 });
    expect(await reports()).toBe(before);
    expect(await statusOf(world, 'TP')).not.toBe('');
    expect(await shown(world, `X${first}`)).toMatch(/^✖ /);
    expect(await shown(world, `X${first + 499}`)).toMatch(/^✖ /);
    // Marked once: the next sync finds nothing to write.
    expect(await world.sync('again')).toMatchObject({ changedUnits: 0, calls: { sheetsWrites: 0 } });
  });

  it('never takes a row planted with another unit’s code as that unit’s report, even when the real row’s code is changed', async () => {
    const planted = LAST_UNIT_ROW + 501;
    await world.officer(editorOf('TP')).spreadsheets.values.update({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!A${planted}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['NV', 'Phòng Nội vụ', ...cchcRowWith(9_999, 9_999)]] },
    });
    await world.sync('planted');
    expect((await storedReport(world, 'NV'))?.acceptedValues).toMatchObject({ so_hoi_nghi: 3 });

    // The spreadsheet's owner blanks the real row's code by mistake.
    world.emulator.uiEdit(world.directive.spreadsheetId, {
      email: await owner(),
      range: `${TAB}!A${rowOf('NV')}`,
      values: [['']],
    });
    typeAs(world, 'NV', ['5'], 'E');
    await world.sync('real row changed');
    expect((await storedReport(world, 'NV'))?.acceptedValues).toMatchObject({ so_hoi_nghi: 5 });
    expect(await shown(world, `X${planted}`)).toMatch(/^✖ /);
  });

  it('keeps a row whose code was changed to another unit’s as its own unit’s row', async () => {
    world.emulator.uiEdit(world.directive.spreadsheetId, {
      email: await owner(),
      range: `${TAB}!A${rowOf('NV')}`,
      values: [['TP']],
    });
    typeAs(world, 'NV', ['6'], 'E');
    await world.sync('code changed');
    expect((await storedReport(world, 'NV'))?.acceptedValues).toMatchObject({ so_hoi_nghi: 6 });
    expect((await storedReport(world, 'TP'))?.acceptedValues).toMatchObject({ so_hoi_nghi: 4 });
    expect(await shown(world, `A${rowOf('NV')}`)).toBe('NV');
  });

  it('follows the units’ rows when the owner sorts the table', async () => {
    const sheetId = world.directive.tabs[0]!.sheetId;
    world.emulator.uiChange(world.directive.spreadsheetId, {
      email: await owner(),
      requests: [
        {
          sortRange: {
            range: {
              sheetId,
              startRowIndex: 4,
              endRowIndex: LAST_UNIT_ROW,
              startColumnIndex: 0,
              endColumnIndex: 26,
            },
            sortSpecs: [{ dimensionIndex: 1, sortOrder: 'DESCENDING' }],
          },
        },
      ],
    });
    const outcome = await world.sync('sorted');
    expect(outcome).toMatchObject({ changedUnits: 0 });
    expect((await storedReport(world, 'NV'))?.acceptedValues).toMatchObject({ so_hoi_nghi: 6 });
    expect((await storedReport(world, 'TP'))?.acceptedValues).toMatchObject({ so_hoi_nghi: 4 });
  });
});

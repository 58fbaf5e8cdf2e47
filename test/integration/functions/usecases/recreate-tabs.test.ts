// A report tab renamed or deleted by hand: a rename is followed (columns are found by developer metadata, and
// the directive's record takes the new title, which the sheet trigger uses to pick the period); a deletion is
// repaired by the next sync, which recreates the tab from the template and refills it from Firestore.
import type { sheets_v4 } from '@googleapis/sheets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogFields } from '@theodoi/functions/logger';
import { getDirective } from '@theodoi/functions/store/directives';
import { loadOpenNotices } from '@theodoi/functions/store/notices';
import { checkDeadlines } from '@theodoi/functions/usecases/check-deadlines';
import { createLogs } from '@theodoi/functions/logs';
import { syncDirective } from '@theodoi/functions/usecases/sync-directive';
import { VALID_CCHC_ROW } from '../../../fixtures/cchc-rows.js';
import { startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';

const editorOf = (code: string) => thapMuoi.units.find((u) => u.code === code)!.editors[0]!;
const COORDINATOR = 'nv@thapmuoi.example.vn';

/** The tab as people and Sheets see it: values (formulas' results), notes, formats, rules, protections, metadata. */
const TAB_FIELDS =
  'sheets(properties(title,index,gridProperties),merges,protectedRanges(description,warningOnly,editors,range),' +
  'developerMetadata(metadataKey,metadataValue),data(rowData(values(effectiveValue,note,dataValidation,' +
  'userEnteredFormat)),columnMetadata(pixelSize,developerMetadata(metadataKey,metadataValue))))';

describe('a report tab renamed or deleted by hand', () => {
  let world: World;
  const logged: { message: string; fields?: LogFields }[] = [];
  const log = (message: string, fields?: LogFields) =>
    logged.push({ message, ...(fields ? { fields } : {}) });
  const sync = () =>
    syncDirective(
      { ...world.deps, events: createLogs({ debug: log, info: log, warning: log, error: log }) },
      { directiveId: world.spec.id, trigger: 'test' },
    );
  const tabOf = async (sheetId: number): Promise<sheets_v4.Schema$Sheet> => {
    const res = await world.clients.sheets.spreadsheets.get({
      spreadsheetId: world.directive.spreadsheetId,
      includeGridData: true,
      fields: `sheets.properties.sheetId,${TAB_FIELDS}`,
    });
    const tab = res.data.sheets?.find((s) => s.properties?.sheetId === sheetId);
    if (!tab) throw new Error(`no tab ${sheetId}`);
    return tab;
  };
  /** The tab with its sheet id blanked and row 3 (where a recreated tab says so) left out. */
  const comparable = (tab: sheets_v4.Schema$Sheet) => {
    const json = JSON.stringify(tab).replace(/"sheetId":\d+/g, '"sheetId":"…"');
    const copy = JSON.parse(json) as sheets_v4.Schema$Sheet;
    copy.data?.[0]?.rowData?.splice(2, 1, {});
    return copy;
  };
  const type = (code: string, row: number, values: string[], title: string) =>
    world.officer(editorOf(code)).spreadsheets.values.update({
      spreadsheetId: world.directive.spreadsheetId,
      range: `'${title}'!C${row}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [values] },
    });

  beforeAll(async () => {
    world = await startWorld('tabs');
    await world.sync('initial');
    // Rows 5-8: VP, NV, TP, TCKH. A valid report, one with a mistake, a part-filled one, and a formula.
    await type('VP', 5, [...VALID_CCHC_ROW], 'Quý I/2024');
    await type('NV', 6, ['5 buổi', 'Kế hoạch số 2/KH-NV'], 'Quý I/2024');
    await type('TP', 7, ['1', 'Kế hoạch số 3/KH-TP', '2'], 'Quý I/2024');
    await type('TCKH', 8, ['=1+2', 'Kế hoạch số 4', '=2*3', '="12"'], 'Quý I/2024');
    expect(await world.sync()).toMatchObject({ changedUnits: 4 });
  });
  afterAll(async () => world?.close());

  it('follows a renamed tab: the sync still finds every column and records the new title', async () => {
    const sheetId = world.directive.tabs[0]!.sheetId;
    world.emulator.uiChange(world.directive.spreadsheetId, {
      email: COORDINATOR,
      requests: [
        { updateSheetProperties: { properties: { sheetId, title: 'Quý 1 năm 2024' }, fields: 'title' } },
      ],
    });
    await type('NV', 6, ['5'], 'Quý 1 năm 2024');
    const outcome = await sync();
    expect(outcome).toMatchObject({
      changedUnits: 1,
      renamedTabs: ['2024-Q1'],
      calls: { sheetsReads: 1, sheetsWrites: 1 },
    });
    expect((await getDirective(world.db, world.spec.id))?.tabs['2024-Q1']).toMatchObject({
      sheetId,
      title: 'Quý 1 năm 2024',
    });
    // The sheet trigger names the edited tab by its title: with the record following, the edit maps to its period.
    const again = await sync();
    expect(again).toMatchObject({ changedUnits: 0, firestoreWrites: 1, calls: { sheetsWrites: 0 } });
    expect(again.renamedTabs).toBeUndefined();
  });

  it('recreates a deleted tab as provisioning built it, refilled from Firestore, in one extra read', async () => {
    // The morning check has written each unit's "Tình hình báo cáo" before the tab is deleted; the recreated tab
    // shows the same at once, not a blank column until the next check.
    await checkDeadlines(world.deps);
    const old = (await getDirective(world.db, world.spec.id))!.tabs['2024-Q1']!;
    const before = await tabOf(old.sheetId);
    const deadlineColumn = before.data?.[0]?.rowData?.[3]?.values?.findIndex(
      (v) => v.effectiveValue?.stringValue === 'Tình hình báo cáo',
    );
    expect(deadlineColumn).toBeGreaterThan(0);
    expect(
      before.data?.[0]?.rowData?.[4]?.values?.[deadlineColumn!]?.effectiveValue?.stringValue,
    ).toBeTruthy();
    // What is compared: 3 system protections and one per unit row, one tag per column, dropdowns and rules.
    expect(before.protectedRanges).toHaveLength(3 + 25);
    expect(before.data?.[0]?.columnMetadata?.filter((c) => c.developerMetadata?.length)).toHaveLength(26);
    expect(before.data?.[0]?.rowData?.[4]?.values?.filter((v) => v.dataValidation)).not.toHaveLength(0);
    const versions = async () =>
      (await world.db.collectionGroup('versions').where('syncId', '!=', '').count().get()).data().count;
    const versionsBefore = await versions();
    await world.clients.sheets.spreadsheets.batchUpdate({
      spreadsheetId: world.directive.spreadsheetId,
      requestBody: { requests: [{ deleteSheet: { sheetId: old.sheetId } }] },
    });
    world.emulator.resetCounters();

    const outcome = await sync();
    expect(outcome).toMatchObject({
      result: 'synced',
      changedUnits: 0,
      recreatedTabs: [
        {
          periodKey: '2024-Q1',
          title: 'Quý I/2024',
          sheetId: old.sheetId + 1,
          previousSheetId: old.sheetId,
          refilledUnits: 4,
        },
      ],
      calls: { sheetsReads: 2, sheetsWrites: 1 },
    });
    // TCKH's row holds formulas: refused (invalid), as before the tab was deleted.
    expect(outcome.counts).toEqual({ valid: 1, invalid: 1, incomplete: 2, empty: 21 });
    expect(outcome.notices).toEqual([
      expect.stringContaining('Trang "Quý I/2024" của công văn "cchc-tabs" đã bị xoá'),
    ]);
    expect(world.emulator.counters().methods).toEqual({
      'sheets.spreadsheets.getByDataFilter': 1,
      'sheets.spreadsheets.get': 1,
      'sheets.spreadsheets.batchUpdate': 1,
      'drive.files.get': 2, // the version before the read, and the one the write left (decision 011)
    });
    // Firestore: the snapshot, the 4 reported units' status bookkeeping, the tab record and the notice.
    expect(outcome.firestoreWrites).toBe(1 + 4 + 1 + 1);
    expect(await versions()).toBe(versionsBefore);

    const recorded = (await getDirective(world.db, world.spec.id))!.tabs['2024-Q1'];
    expect(recorded).toMatchObject({ sheetId: old.sheetId + 1, title: 'Quý I/2024' });
    expect(recorded?.rows).toMatchObject({ VP: 4, NV: 5, TP: 6, TCKH: 7 });
    // Same values, verdicts, deadline statuses, notes, formats, dropdowns, protections and metadata as the tab
    // that was deleted (its title back to the period's); only row 3 says what happened.
    const after = await tabOf(recorded!.sheetId);
    expect(comparable(after)).toEqual(
      comparable({ ...before, properties: { ...before.properties, title: 'Quý I/2024' } }),
    );
    // A formula comes back as the officer typed it, in its own cell (and is still refused there); text stays text.
    const tckh = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: world.directive.spreadsheetId,
      range: "'Quý I/2024'!C8:F8",
      valueRenderOption: 'FORMULA',
    });
    expect(tckh.data.values).toEqual([['=1+2', 'Kế hoạch số 4', '=2*3', '="12"']]);
    expect(after.data?.[0]?.rowData?.[2]?.values?.[0]?.effectiveValue?.stringValue).toMatch(
      /^Trang này được hệ thống tạo lại lúc \d\d:\d\d \d\d\/\d\d\/\d{4} vì trang cũ đã bị xoá/,
    );
    expect(logged.filter((l) => l.message === 'Report tab recreated')).toEqual([
      {
        message: 'Report tab recreated',
        fields: {
          directiveId: world.spec.id,
          periodKey: '2024-Q1',
          sheetId: old.sheetId + 1,
          previousSheetId: old.sheetId,
          refilledUnits: 4,
        },
      },
    ]);

    // Stored values round-trip: the next sync finds nothing changed and writes nothing.
    world.emulator.resetCounters();
    expect(await sync()).toMatchObject({
      changedUnits: 0,
      statusCellsWritten: 0,
      firestoreWrites: 1,
      calls: { sheetsReads: 1, sheetsWrites: 0 },
    });
    // Officers carry on in the new tab.
    await type(
      'TP',
      7,
      ['1', 'Kế hoạch số 3/KH-TP', '2', '80', '1', '1', '1', '1', '10', '0', '0', '0'],
      'Quý I/2024',
    );
    expect(await sync()).toMatchObject({ changedUnits: 1, calls: { sheetsWrites: 1 } });
  });

  it('tells the coordinator in the next deadline check, once', async () => {
    expect(await loadOpenNotices(world.db, world.spec.id)).toHaveLength(1);
    const first = await checkDeadlines(world.deps);
    expect(first.directives[0]?.problems).toEqual([
      expect.stringContaining('hệ thống đã tạo lại trang theo mẫu'),
    ]);
    expect(await loadOpenNotices(world.db, world.spec.id)).toEqual([]);
    const second = await checkDeadlines(world.deps);
    expect(second.directives[0]?.problems).toEqual([]);
  });

  it('puts back the column markers of a tab still there from the layout recorded, instead of refusing to sync', async () => {
    await world.clients.sheets.spreadsheets.batchUpdate({
      spreadsheetId: world.directive.spreadsheetId,
      requestBody: {
        requests: [
          {
            deleteDeveloperMetadata: {
              dataFilter: { developerMetadataLookup: { metadataKey: 'theodoi.column' } },
            },
          },
        ],
      },
    });
    await type('TP', 7, ['2'], 'Quý I/2024');
    world.emulator.resetCounters();
    expect(await sync()).toMatchObject({ result: 'synced', changedUnits: 1, calls: { sheetsReads: 1 } });
    const sheetId = world.directive.tabs[0]!.sheetId + 1;
    expect((await getDirective(world.db, world.spec.id))?.tabs['2024-Q1']?.sheetId).toBe(sheetId);
    expect(
      (await tabOf(sheetId)).data?.[0]?.columnMetadata?.filter((c) => c.developerMetadata?.length),
    ).toHaveLength(26);
    expect(await sync()).toMatchObject({ changedUnits: 0, calls: { sheetsWrites: 0 } });
  });
});

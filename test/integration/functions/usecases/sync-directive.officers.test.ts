// Officers, as their own identities, fill, fix and delete their rows; each sync stores what they typed
// and writes a Vietnamese verdict back. API economy is counted by the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReports } from '@theodoi/functions/store/reports';
import { startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';
import { VALID_CCHC_ROW } from '../../../fixtures/cchc-rows.js';

const TAB = "'Quý I/2024'";
const VALID_ROW = [...VALID_CCHC_ROW];

const editorOf = (code: string) => thapMuoi.units.find((u) => u.code === code)!.editors[0]!;

describe('officers reporting through the sheet', () => {
  let world: World;
  const rowOf = new Map<string, number>();
  const cell = async (range: string) =>
    (
      await world.clients.sheets.spreadsheets.values.get({
        spreadsheetId: world.directive.spreadsheetId,
        range: `${TAB}!${range}`,
      })
    ).data.values?.[0]?.[0] as string | undefined;
  const type = (code: string, values: string[], from = 'C') =>
    world.officer(editorOf(code)).spreadsheets.values.update({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!${from}${rowOf.get(code)}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [values] },
    });
  const noteOf = async (code: string) => {
    const res = await world.clients.sheets.spreadsheets.get({
      spreadsheetId: world.directive.spreadsheetId,
      ranges: [`${TAB}!X${rowOf.get(code)}`],
      includeGridData: true,
      fields: 'sheets.data.rowData.values.note',
    });
    return res.data.sheets?.[0]?.data?.[0]?.rowData?.[0]?.values?.[0]?.note ?? '';
  };

  beforeAll(async () => {
    world = await startWorld('officers');
    const codes = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!A5:A`,
    });
    (codes.data.values ?? []).forEach(([code], i) => rowOf.set(String(code), 5 + i));
    await world.sync('initial');
  });
  afterAll(async () => world?.close());

  it('accepts a complete row typed the Vietnamese way: one read, one write, three Firestore writes', async () => {
    await type('30052', VALID_ROW);
    world.emulator.resetCounters();
    const outcome = await world.sync();
    expect(outcome).toMatchObject({ changedUnits: 1, statusCellsWritten: 1, firestoreWrites: 3 });
    // One Sheets read and one write; Drive's version and who edited before the read, the version after the write.
    expect(world.emulator.counters().methods).toEqual({
      'sheets.spreadsheets.getByDataFilter': 1,
      'sheets.spreadsheets.batchUpdate': 1,
      'drive.files.get': 2,
    });
    expect(await cell(`X${rowOf.get('30052')}`)).toBe('✔ Đã tiếp nhận');
    expect(await cell(`Z${rowOf.get('30052')}`)).toBe('09:00 05/03/2024');
    const report = (await loadReports(world.db, world.spec.id, ['2024-Q1'])).get('2024-Q1')!.get('30052');
    expect(report).toMatchObject({ status: 'valid', version: 1, acceptedVersion: 1 });
    expect(report?.values).toMatchObject({ so_hoi_nghi: 3, luot_tham_du_hoi_nghi: 120, kinh_phi: 1_500_000 });
    expect(report?.firstSubmittedAt?.toISOString()).toBe('2024-03-05T02:00:00.000Z');
    // The same write rewrote the Tổng hợp tab leadership opens.
    const summary = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: world.directive.spreadsheetId,
      range: "'Tổng hợp'!A1:A60",
    });
    expect(JSON.stringify(summary.data.values)).toContain('có 1/25 đơn vị đã báo cáo (đạt 4%)');
  });

  it('explains a mistake in a note, marks it, and turns ✖ into ✔ once fixed', async () => {
    await type('30049', VALID_ROW);
    await type('30049', ['5 buổi'], 'E');
    world.clock.advance(60_000);
    await world.sync();
    const row = rowOf.get('30049')!;
    expect(await cell(`X${row}`)).toBe('✖ Có lỗi (1) — xem ghi chú');
    expect(await noteOf('30049')).toContain('"5 buổi" không phải số nguyên');
    let report = (await loadReports(world.db, world.spec.id, ['2024-Q1'])).get('2024-Q1')!.get('30049');
    expect(report).toMatchObject({
      status: 'invalid',
      version: 1,
      acceptedVersion: null,
      firstSubmittedAt: null,
    });

    await type('30049', ['5'], 'E');
    world.clock.advance(60_000);
    await world.sync();
    expect(await cell(`X${row}`)).toBe('✔ Đã tiếp nhận');
    expect(await noteOf('30049')).toBe('');
    report = (await loadReports(world.db, world.spec.id, ['2024-Q1'])).get('2024-Q1')!.get('30049');
    expect(report).toMatchObject({ status: 'valid', version: 2, acceptedVersion: 2 });
  });

  it('keeps the accepted figures in Firestore when an officer deletes them from the sheet', async () => {
    await world.officer(editorOf('30052')).spreadsheets.values.clear({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!C${rowOf.get('30052')}:W${rowOf.get('30052')}`,
    });
    world.clock.advance(60_000);
    await world.sync();
    expect(await cell(`X${rowOf.get('30052')}`)).toBe('⏳ Chưa báo cáo');
    const report = (await loadReports(world.db, world.spec.id, ['2024-Q1'])).get('2024-Q1')!.get('30052');
    expect(report).toMatchObject({ status: 'empty', version: 2, acceptedVersion: 1 });
    expect(report?.acceptedValues).toMatchObject({ so_hoi_nghi: 3, kinh_phi: 1_500_000 });
    const versions = await world.db
      .collection(`directives/${world.spec.id}/reports/2024-Q1~30052/versions`)
      .get();
    expect(versions.docs.map((d) => d.get('status') as string)).toEqual(['valid', 'empty']);
  });

  it('does not let an officer write into another unit’s row', async () => {
    const attempt = world.officer(editorOf('30052')).spreadsheets.values.update({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!C${rowOf.get('30049')}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['99']] },
    });
    await expect(attempt).rejects.toMatchObject({
      status: 400,
      message:
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    });
    expect(await cell(`C${rowOf.get('30049')}`)).toBe('2');
  });

  it('still reads the right columns and units after columns are moved and the table is sorted', async () => {
    const spreadsheetId = world.directive.spreadsheetId;
    const sheetId = world.directive.tabs[0]!.sheetId;
    await world.clients.sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [
          // "Số hội nghị" (E) moved to the far left, then the unit rows sorted by name, Z→A.
          {
            moveDimension: {
              source: { sheetId, dimension: 'COLUMNS', startIndex: 4, endIndex: 5 },
              destinationIndex: 0,
            },
          },
          {
            sortRange: {
              range: { sheetId, startRowIndex: 4, endRowIndex: 29 },
              sortSpecs: [{ dimensionIndex: 2, sortOrder: 'DESCENDING' }],
            },
          },
        ],
      },
    });
    world.emulator.resetCounters();
    const outcome = await world.sync();
    expect(outcome).toMatchObject({ changedUnits: 0, statusCellsWritten: 0 });
    const report = (await loadReports(world.db, world.spec.id, ['2024-Q1'])).get('2024-Q1')!.get('30049');
    expect(report).toMatchObject({ status: 'valid', version: 2 });
    expect(report?.values).toMatchObject({ so_hoi_nghi: 5 });
  });
  it('still reads the right column after a column is inserted before it and its header renamed', async () => {
    const spreadsheetId = world.directive.spreadsheetId;
    const sheetId = world.directive.tabs[0]!.sheetId;
    await world.clients.sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [
          {
            insertDimension: {
              range: { sheetId, dimension: 'COLUMNS', startIndex: 2, endIndex: 3 },
              inheritFromBefore: false,
            },
          },
        ],
      },
    });
    const header = await world.clients.sheets.spreadsheets.values.get({ spreadsheetId, range: `${TAB}!4:4` });
    const column = (header.data.values?.[0] ?? []).indexOf(
      'Số tin, bài trên trang thông tin điện tử, báo chí',
    );
    expect(column).toBeGreaterThan(0);
    const letter = String.fromCharCode(65 + column);
    // Rows were sorted by the previous test: find Tân Kiều's row again by its code.
    const grid = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId,
      range: `${TAB}!A5:D29`,
    });
    const row = 5 + (grid.data.values ?? []).findIndex((r) => r.includes('30049'));
    await world.clients.sheets.spreadsheets.values.update({
      spreadsheetId,
      range: `${TAB}!${letter}4`,
      valueInputOption: 'RAW',
      requestBody: { values: [['Tin bài (đổi tên)']] },
    });
    // Written as theodoi's owner account: the sort above moved rows away from their protected ranges,
    // which Google anchors to positions (officers cannot sort rows other units own, so only the owner can).
    await world.clients.sheets.spreadsheets.values.update({
      spreadsheetId,
      range: `${TAB}!${letter}${row}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['42']] },
    });
    world.clock.advance(60_000);
    const outcome = await world.sync();
    expect(outcome.changedUnits).toBe(1);
    const report = (await loadReports(world.db, world.spec.id, ['2024-Q1'])).get('2024-Q1')!.get('30049');
    expect(report?.values).toMatchObject({ so_tin_bai: 42, so_hoi_nghi: 5 });
  });
});

// Officers fill their rows; a sync validates them, stores reports and versions, and writes statuses back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from '@theodoi/test-kit/world';

const TAB = "'Quý I/2024'";

describe('syncDirective on a provisioned Tháp Mười directive', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld('sync1');
  });
  afterAll(async () => world?.close());

  it('provisions the spreadsheet in one Sheets call with one row per unit', async () => {
    // Drive: theodoi's folder, its probe file, the spreadsheet; 25 probes (23 Google accounts: share and withdraw;
    // 2 that are none: one refused share), 25 shares, and the version they left (decision 011).
    expect(world.directive.calls).toEqual({ sheets: 1, drive: 3 + 23 * 2 + 2 + 25 + 1 });
    expect(world.directive.tabs.map((t) => t.title)).toEqual(['Quý I/2024']);
    const got = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!A5:B7`,
    });
    expect(got.data.values).toEqual([
      ['VP', 'Văn phòng HĐND và UBND huyện'],
      ['NV', 'Phòng Nội vụ'],
      ['TP', 'Phòng Tư pháp'],
    ]);
  });

  it('writes a status for every row on the first sync, then nothing when nothing changed', async () => {
    world.emulator.resetCounters();
    const first = await world.sync();
    expect(first).toMatchObject({
      result: 'synced',
      periodKey: '2024-Q1',
      changedUnits: 0,
      calls: { sheetsReads: 1, sheetsWrites: 1 },
    });
    expect(first.counts).toEqual({ empty: 25, incomplete: 0, invalid: 0, valid: 0 });
    const second = await world.sync();
    expect(second).toMatchObject({
      changedUnits: 0,
      statusCellsWritten: 0,
      firestoreWrites: 1,
      calls: { sheetsReads: 1, sheetsWrites: 0 },
    });
    // Drive's version before each read, and after the one write (decision 011).
    expect(world.emulator.counters().methods).toEqual({
      'sheets.spreadsheets.getByDataFilter': 2,
      'sheets.spreadsheets.batchUpdate': 1,
      'drive.files.get': 3,
    });
  });

  it('refuses a copied row whose unit code repeats another row, and says where the unit’s row is', async () => {
    const spreadsheetId = world.directive.spreadsheetId;
    const sheetId = world.directive.tabs[0]!.sheetId;
    await world.clients.sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: { requests: [{ appendDimension: { sheetId, dimension: 'ROWS', length: 1 } }] },
    });
    await world.clients.sheets.spreadsheets.values.update({
      spreadsheetId,
      range: `${TAB}!A30:D30`,
      valueInputOption: 'RAW',
      requestBody: { values: [['30052', 'UBND xã Mỹ Hòa', '7', 'Bản sao']] },
    });
    const outcome = await world.sync();
    expect(outcome.changedUnits).toBe(0);
    const status = await world.clients.sheets.spreadsheets.get({
      spreadsheetId,
      ranges: [`${TAB}!X30`],
      includeGridData: true,
      fields: 'sheets.data.rowData.values(formattedValue,note)',
    });
    const cell = status.data.sheets?.[0]?.data?.[0]?.rowData?.[0]?.values?.[0];
    expect(cell?.formattedValue).toBe('✖ Không ghi nhận — xem ghi chú');
    expect(cell?.note).toBe(
      'Mã đơn vị 30052 là của dòng 22: số liệu ở dòng này không được ghi nhận — hãy nhập vào dòng 22.',
    );
  });
});

// Officers fill their rows; a sync validates them, stores reports and versions, and writes statuses back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './world.js';

const TAB = "'Quý I/2024'";

describe('syncDirective on a provisioned Tháp Mười directive', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld('sync1');
  });
  afterAll(async () => world?.close());

  it('provisions the spreadsheet in two Sheets calls with one row per unit', async () => {
    expect(world.directive.calls.sheets).toBe(2);
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
    expect(world.emulator.counters().methods).toEqual({
      'sheets.spreadsheets.values.batchGetByDataFilter': 2,
      'sheets.spreadsheets.batchUpdate': 1,
    });
  });
});

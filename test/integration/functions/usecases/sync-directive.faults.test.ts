// Faults Google answers with: quota (429 with Retry-After) and unavailable (503) are ridden out by the
// sync's retries; nothing is reported as accepted that Firestore does not hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReports } from '@theodoi/functions/store/reports';
import { startWorld, type World } from '@theodoi/test-kit/world';

describe('a sync under faults', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld('faults');
    await world.sync('initial');
  });
  afterAll(async () => world?.close());

  it('retries a 429 burst on the read and a 503 on the write, and stores the edit once', async () => {
    await world.clients.sheets.spreadsheets.values.update({
      spreadsheetId: world.directive.spreadsheetId,
      range: "'Quý I/2024'!C6:E6",
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['1', 'Kế hoạch số 2/KH-NV', '3']] },
    });
    world.emulator.resetCounters();
    world.emulator.addFault({
      status: 429,
      count: 2,
      retryAfterSeconds: 0,
      methods: ['sheets.spreadsheets.getByDataFilter'],
    });
    world.emulator.addFault({ status: 503, count: 1, methods: ['sheets.spreadsheets.batchUpdate'] });
    const outcome = await world.sync();
    expect(outcome).toMatchObject({ result: 'synced', changedUnits: 1 });
    expect(world.emulator.counters().methods).toMatchObject({
      'sheets.spreadsheets.getByDataFilter': 3,
      'sheets.spreadsheets.batchUpdate': 2,
    });
    const report = (await loadReports(world.db, world.spec.id, ['2024-Q1'])).get('2024-Q1')!.get('NV');
    expect(report).toMatchObject({ version: 1 });
    const status = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: world.directive.spreadsheetId,
      range: "'Quý I/2024'!X6",
    });
    expect(status.data.values?.[0]?.[0]).toMatch(/^… Chưa đủ/);
  });

  it('fails the sync, storing nothing, when Sheets stays unavailable for the read', async () => {
    const snapshots = () => world.db.collection(`directives/${world.spec.id}/snapshots`).count().get();
    const before = (await snapshots()).data().count;
    world.emulator.addFault({
      status: 503,
      count: 10,
      methods: ['sheets.spreadsheets.getByDataFilter'],
    });
    await expect(world.sync()).rejects.toMatchObject({ status: 503 });
    world.emulator.clearFaults();
    expect((await snapshots()).data().count).toBe(before);
    // The lease was released: the next sync runs.
    expect((await world.sync()).result).toBe('synced');
  }, 60_000);
});

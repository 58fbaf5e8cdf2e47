// Slow answers: every Google call is bounded by the client's timeout (gaxios aborts it), so a Sheets that stops answering fails the
// sync in bounded time instead of hanging the function. A slow read stores nothing; a write that times out after
// the store leaves the report stored, and a status write that fails for good is made by the next sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@theodoi/functions/config';
import { createGoogleClients } from '@theodoi/functions/sheets/api/clients';
import { loadReports } from '@theodoi/functions/store/reports';
import { syncDirective, type SyncDeps } from '@theodoi/functions/usecases/sync-directive';
import { startWorld, type World } from '@theodoi/test-kit/world';

const TIMEOUT_MS = 400;
const SLOW_MS = 3_000;

describe('a sync when Sheets answers slowly', () => {
  let world: World;
  let deps: SyncDeps;
  const sync = () => syncDirective(deps, { directiveId: world.spec.id, trigger: 'test' });
  const type = (range: string, values: string[]) =>
    world.clients.sheets.spreadsheets.values.update({
      spreadsheetId: world.directive.spreadsheetId,
      range: `'Quý I/2024'!${range}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [values] },
    });
  const statusOf = async (row: number) =>
    (
      await world.clients.sheets.spreadsheets.values.get({
        spreadsheetId: world.directive.spreadsheetId,
        range: `'Quý I/2024'!X${row}`,
      })
    ).data.values?.[0]?.[0] as string | undefined;

  beforeAll(async () => {
    world = await startWorld('slow');
    await world.sync('initial');
    const config = loadConfig({
      ...process.env,
      GOOGLE_CLOUD_PROJECT: 'theodoi-it-slow',
      SHEETS_EMULATOR_URL: world.emulator.url,
      THEODOI_GOOGLE_GRANT: world.env.THEODOI_GOOGLE_GRANT,
    });
    const clients = await createGoogleClients(config, { timeoutMs: TIMEOUT_MS });
    deps = { ...world.deps, clients: { ...clients, retry: { retries: 1, baseMs: 1, maxWaitMs: 5 } } };
  });
  afterAll(async () => {
    world?.emulator.clearFaults();
    await world?.close();
  });

  it('gives up on a read that does not answer, in bounded time, storing nothing; the next sync runs', async () => {
    await type('C6:E6', ['1', 'Kế hoạch số 2/KH-NV', '3']);
    world.emulator.addFault({
      latencyMs: SLOW_MS,
      methods: ['sheets.spreadsheets.getByDataFilter'],
    });
    const started = performance.now();
    await expect(sync()).rejects.toThrow(/aborted/i);
    expect(performance.now() - started).toBeLessThan(SLOW_MS);
    world.emulator.clearFaults();
    expect(
      (await loadReports(world.db, world.spec.id, ['2024-Q1'])).get('2024-Q1')?.get('NV'),
    ).toBeUndefined();
    // The lease was released: the next sync stores the edit and writes its status.
    expect(await sync()).toMatchObject({ result: 'synced', changedUnits: 1 });
    expect(await statusOf(6)).toMatch(/^… Chưa đủ/);
  });

  it('keeps the stored report when the status write times out, and the row ends with its status', async () => {
    await type('C7:E7', ['2', 'Kế hoạch số 5/KH-TP', '4']);
    world.emulator.addFault({ latencyMs: SLOW_MS, methods: ['sheets.spreadsheets.batchUpdate'] });
    const started = performance.now();
    await expect(sync()).rejects.toThrow(/aborted/i);
    expect(performance.now() - started).toBeLessThan(2 * SLOW_MS);
    world.emulator.clearFaults();
    const stored = (await loadReports(world.db, world.spec.id, ['2024-Q1'])).get('2024-Q1')?.get('TP');
    expect(stored).toMatchObject({ version: 1, status: 'incomplete' });
    // Wait out the slow write the emulator may still apply, so the next read sees the sheet as it ends up.
    await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
    const next = await sync();
    expect(next).toMatchObject({ result: 'synced', changedUnits: 0 });
    expect(await statusOf(7)).toMatch(/^… Chưa đủ/);
    expect((await loadReports(world.db, world.spec.id, ['2024-Q1'])).get('2024-Q1')?.get('TP')).toMatchObject(
      {
        version: 1,
      },
    );
  }, 20_000);

  it('when the status write fails for good after the store, the next sync writes the status', async () => {
    await type('C8:E8', ['3', 'Kế hoạch số 9/KH-TC', '5']);
    world.emulator.addFault({ status: 503, count: 2, methods: ['sheets.spreadsheets.batchUpdate'] });
    await expect(sync()).rejects.toMatchObject({ status: 503 });
    world.emulator.clearFaults();
    expect(await statusOf(8)).not.toMatch(/^… Chưa đủ/);
    expect(
      (await loadReports(world.db, world.spec.id, ['2024-Q1'])).get('2024-Q1')?.get('TCKH'),
    ).toMatchObject({
      version: 1,
    });
    world.emulator.resetCounters();
    expect(await sync()).toMatchObject({ result: 'synced', changedUnits: 0, statusCellsWritten: 1 });
    expect(world.emulator.counters().methods['sheets.spreadsheets.batchUpdate']).toBe(1);
    expect(await statusOf(8)).toMatch(/^… Chưa đủ/);
  });
});

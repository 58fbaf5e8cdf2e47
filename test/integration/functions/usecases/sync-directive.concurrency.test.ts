// A burst of triggers for one directive leaves one consistent state: one version per change, none lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReports } from '@theodoi/functions/store/reports';
import { startWorld, type World } from '@theodoi/test-kit/world';

describe('concurrent syncs of one directive', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld('burst');
    await world.sync('initial');
  });
  afterAll(async () => world?.close());

  it('serialises ten simultaneous syncs: the edit is stored once, by exactly one of them', async () => {
    await world.clients.sheets.spreadsheets.values.update({
      spreadsheetId: world.directive.spreadsheetId,
      range: "'Quý I/2024'!C5:E5",
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['1', 'Kế hoạch số 7/KH-VP', '2']] },
    });
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => world.sync('burst')));
    // Each sync either ran under the lease or left a mark for the holder to run again; the edit is
    // seen by exactly one run, whichever order the transactions landed in.
    expect(outcomes.every((o) => o.result === 'synced' || o.result === 'coalesced')).toBe(true);
    expect(outcomes.reduce((n, o) => n + (o.changedUnits ?? 0), 0)).toBe(1);
    const report = (await loadReports(world.db, world.spec.id, ['2024-Q1'])).get('2024-Q1')!.get('VP');
    expect(report).toMatchObject({ version: 1, status: 'incomplete' });
    const versions = await world.db
      .collection(`directives/${world.spec.id}/reports/2024-Q1~VP/versions`)
      .get();
    expect(versions.size).toBe(1);
  });
});

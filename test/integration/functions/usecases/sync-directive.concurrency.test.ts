// Bursts of sync requests for one directive leave one consistent state: every request answered, one version per
// change, none lost, and the lease free afterwards; a lease write its caller gave up on never holds the directive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncDirective } from '@theodoi/functions/usecases/sync-directive';
import { startWorld, type World } from '@theodoi/test-kit/world';
import { cchcRowWith } from '../../../fixtures/cchc-rows.js';
import { storedReport, typeAs, versionsOf } from '../../../support/report-tab.js';

describe('concurrent syncs of one directive', () => {
  let world: World;
  const lease = async () =>
    (await world.db.doc(`directives/${world.spec.id}`).get()).get('syncLease') as
      { holder: string | null; pending: boolean } | undefined;

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
    // seen by exactly one run, whichever order the requests landed in.
    expect(outcomes.every((o) => o.result === 'synced' || o.result === 'coalesced')).toBe(true);
    expect(outcomes.reduce((n, o) => n + (o.changedUnits ?? 0), 0)).toBe(1);
    expect(await storedReport(world, 'VP')).toMatchObject({ version: 1, status: 'incomplete' });
    expect(await versionsOf(world, 'VP')).toHaveLength(1);
  });

  it('answers fifty simultaneous syncs without an error, stores each of five edits once and frees the lease', async () => {
    const units = ['NV', 'TP', 'TCKH', 'VHTT', '30052'];
    units.forEach((code, i) => typeAs(world, code, cchcRowWith(i + 1, 10 * (i + 1))));
    const started = performance.now();
    const answers = await Promise.allSettled(Array.from({ length: 50 }, () => world.sync('sheet:edit')));
    const seconds = (performance.now() - started) / 1000;
    const failed = answers.filter((a) => a.status === 'rejected');
    expect(failed.map((f) => String(f.reason))).toEqual([]);
    for (const code of units) expect(await versionsOf(world, code)).toHaveLength(1);
    expect(await lease()).toMatchObject({ holder: null, pending: false });
    expect(seconds).toBeLessThan(20);
  }, 60_000);
});

describe('a lease write whose caller gave up', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld('give-up');
    await world.sync('initial');
  });
  afterAll(async () => world?.close());

  it('never leaves the directive held by a sync that has failed: its request is left pending instead', async () => {
    const ref = world.db.doc(`directives/${world.spec.id}`);
    // Another writer's transaction holds the directive document: the lease's write waits behind it.
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const holding = world.db.runTransaction(async (tx) => {
      await tx.get(ref);
      await finished;
    });
    await new Promise((r) => setTimeout(r, 200));
    const gaveUp = syncDirective(
      { ...world.deps, firestoreTimeoutMs: 500 },
      { directiveId: world.spec.id, trigger: 'sheet:edit' },
    );
    await expect(gaveUp).rejects.toMatchObject({ code: 'store-unavailable' });
    finish();
    await holding;
    await new Promise((r) => setTimeout(r, 1_000));
    const lease = (await ref.get()).get('syncLease') as
      { holder?: string | null; pending?: boolean } | undefined;
    expect(lease?.holder ?? null).toBeNull();
    expect(lease?.pending).toBe(true);
    expect((await world.sync('after')).result).toBe('synced');
  }, 30_000);
});

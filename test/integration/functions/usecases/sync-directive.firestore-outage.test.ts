// Firestore failing after the read: the sync stores first and writes the sheet after, so a failed or silent
// commit leaves the sheet untouched (nothing shown as accepted that is not stored) and fails clearly; the next
// sync, with Firestore back, stores and writes as usual.
//
// The failure is injected into the commit of a Firestore client that otherwise works (the lease and the reads
// go through), rather than through a client pointed at a closed port: against a closed port the Admin SDK keeps
// retrying writes and transactions for minutes (measured: >200 s) and terminate() waits for them, which would
// leave retries running in the test worker long after the test.
import type { Firestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReports } from '@theodoi/functions/store/reports';
import { syncDirective } from '@theodoi/functions/usecases/sync-directive';
import { VALID_CCHC_ROW } from '../../../fixtures/cchc-rows.js';
import { startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';

/** `db` whose batch commits fail as an unreachable Firestore does (gRPC 14 UNAVAILABLE), or never answer. */
function commitsFailing(db: Firestore, how: 'unavailable' | 'silent'): Firestore {
  const failedCommit = () =>
    how === 'unavailable'
      ? Promise.reject(Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }))
      : new Promise<never>(() => {});
  const bound = <T extends object>(target: T, prop: string | symbol) => {
    const value = Reflect.get(target, prop, target) as unknown;
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  };
  return new Proxy(db, {
    get: (target, prop) =>
      prop === 'batch'
        ? () =>
            new Proxy(target.batch(), {
              get: (batch, p) => (p === 'commit' ? failedCommit : bound(batch, p)),
            })
        : bound(target, prop),
  });
}

const NV_ROW = 5 + thapMuoi.units.findIndex((u) => u.code === 'NV');

describe('Firestore unavailable mid-sync', () => {
  let world: World;
  const status = async () =>
    (
      await world.clients.sheets.spreadsheets.values.get({
        spreadsheetId: world.directive.spreadsheetId,
        range: `'Quý I/2024'!X${NV_ROW}:Z${NV_ROW}`,
      })
    ).data.values?.[0];
  const stored = async () =>
    (await loadReports(world.db, world.spec.id, ['2024-Q1'])).get('2024-Q1')!.get('NV');
  const snapshots = async () =>
    (await world.db.collection(`directives/${world.spec.id}/snapshots`).count().get()).data().count;

  beforeAll(async () => {
    world = await startWorld('outage');
    await world.sync('initial');
    const officer = thapMuoi.units.find((u) => u.code === 'NV')!.editors[0]!;
    await world.officer(officer).spreadsheets.values.update({
      spreadsheetId: world.directive.spreadsheetId,
      range: `'Quý I/2024'!C${NV_ROW}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [[...VALID_CCHC_ROW]] },
    });
  });
  afterAll(async () => world?.close());

  const cases = [
    {
      name: 'a commit refused as UNAVAILABLE',
      how: 'unavailable' as const,
      error: /^Firestore is unavailable while storing the reports \(nothing was written to the sheet\)$/,
    },
    {
      name: 'a commit that never answers, cut by the deadline',
      how: 'silent' as const,
      error: /^Firestore did not answer within 300 ms while storing the reports/,
    },
  ];
  cases.forEach((tc) =>
    it(`${tc.name}: read once, nothing stored, nothing written to the sheet, a clear error`, async () => {
      const before = { status: await status(), snapshots: await snapshots() };
      world.emulator.resetCounters();
      const deps = { ...world.deps, db: commitsFailing(world.db, tc.how), firestoreTimeoutMs: 300 };
      await expect(
        syncDirective(deps, { directiveId: world.spec.id, trigger: 'test' }),
      ).rejects.toMatchObject({
        name: 'StoreUnavailableError',
        code: 'store-unavailable',
        message: expect.stringMatching(tc.error) as string,
      });
      // The read, and Drive's version and last modifier before it (decision 011; the versions' attribution).
      expect(world.emulator.counters().methods).toEqual({
        'sheets.spreadsheets.getByDataFilter': 1,
        'drive.files.get': 1,
      });
      expect(await status()).toEqual(before.status);
      expect(before.status?.[0]).toBe('⏳ Chưa báo cáo');
      expect(await stored()).toBeUndefined();
      expect(await snapshots()).toBe(before.snapshots);
    }),
  );

  it('stores and writes as usual once Firestore is back (the lease was released)', async () => {
    world.emulator.resetCounters();
    expect(await world.sync()).toMatchObject({
      result: 'synced',
      changedUnits: 1,
      calls: { sheetsReads: 1, sheetsWrites: 1 },
    });
    expect(world.emulator.counters().methods).toEqual({
      'sheets.spreadsheets.getByDataFilter': 1,
      'sheets.spreadsheets.batchUpdate': 1,
      'drive.files.get': 2,
    });
    expect(await stored()).toMatchObject({ version: 1, status: 'valid' });
    expect((await status())?.[0]).toBe('✔ Đã tiếp nhận');
  });
});

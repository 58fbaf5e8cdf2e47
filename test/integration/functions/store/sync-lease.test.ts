// The per-directive sync lease serialises syncs, remembers edits that arrived meanwhile, and hands on the work of a
// sync that failed.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Firestore } from 'firebase-admin/firestore';
import { loadConfig } from '@theodoi/functions/config';
import { openFirestore } from '@theodoi/functions/store/firestore';
import {
  LEASE_MS,
  abandonSyncLease,
  acquireSyncLease,
  releaseSyncLease,
  workLeftBehind,
} from '@theodoi/functions/store/sync-lease';

let db: Firestore;
beforeAll(async () => {
  db = await openFirestore(loadConfig({ ...process.env, GOOGLE_CLOUD_PROJECT: 'theodoi-it-lease' }));
});

const t0 = new Date('2024-03-12T02:00:00Z');
const soon = () => ({ giveUpAt: Date.now() + 10_000 });

describe('sync lease', () => {
  it('lets one sync in, makes the second one leave a pending mark, and asks the holder to run again', async () => {
    await db.doc('directives/d-lease-1').set({ number: '01/UBND-NV' });
    expect(await acquireSyncLease(db, 'd-lease-1', 'sync-a', t0, soon())).toMatchObject({
      state: 'taken',
      document: { number: '01/UBND-NV' },
    });
    expect(await acquireSyncLease(db, 'd-lease-1', 'sync-b', t0, soon())).toEqual({ state: 'held' });
    expect(await releaseSyncLease(db, 'd-lease-1', 'sync-a', t0, soon())).toMatchObject({
      state: 'again',
      document: { number: '01/UBND-NV', syncLease: { holder: 'sync-a', pending: false } },
    });
    expect(await releaseSyncLease(db, 'd-lease-1', 'sync-a', t0, soon())).toEqual({ state: 'done' });
    expect(await acquireSyncLease(db, 'd-lease-1', 'sync-b', t0, soon())).toMatchObject({ state: 'taken' });
  });

  it('lets a sync take over a lease whose holder died', async () => {
    await db.doc('directives/d-lease-2').set({ number: '02/UBND-NV' });
    expect(await acquireSyncLease(db, 'd-lease-2', 'dead', t0, soon())).toMatchObject({ state: 'taken' });
    const later = new Date(t0.getTime() + LEASE_MS + 1);
    expect(await acquireSyncLease(db, 'd-lease-2', 'alive', later, soon())).toMatchObject({ state: 'taken' });
    expect(await releaseSyncLease(db, 'd-lease-2', 'dead', later, soon())).toEqual({ state: 'done' });
  });

  it('lets exactly one of ten concurrent syncs in', async () => {
    await db.doc('directives/d-lease-3').set({ number: '03/UBND-NV' });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => acquireSyncLease(db, 'd-lease-3', `sync-${i}`, t0, soon())),
    );
    expect(results.filter((r) => r.state === 'taken')).toHaveLength(1);
    expect(results.filter((r) => r.state === 'held')).toHaveLength(9);
  });

  it('lets fifty concurrent requests through in seconds: one takes it, the others leave one pending mark', async () => {
    await db.doc('directives/d-lease-50').set({ number: '50/UBND-NV' });
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => acquireSyncLease(db, 'd-lease-50', `sync-${i}`, t0, soon())),
    );
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(results.filter((r) => r.state === 'taken')).toHaveLength(1);
    expect((await db.doc('directives/d-lease-50').get()).get('syncLease.pending')).toBe(true);
  });

  it('hands on a failed holder’s work: let go with pending kept, which the sweep sees as work left behind', async () => {
    await db.doc('directives/d-lease-4').set({ number: '04/UBND-NV' });
    expect(await acquireSyncLease(db, 'd-lease-4', 'failing', t0, soon())).toMatchObject({ state: 'taken' });
    expect(await acquireSyncLease(db, 'd-lease-4', 'coalesced', t0, soon())).toEqual({ state: 'held' });
    const document = async () => (await db.doc('directives/d-lease-4').get()).data();
    expect(workLeftBehind(await document(), t0)).toBe(false);
    expect(await abandonSyncLease(db, 'd-lease-4', 'failing', { handOn: false })).toBe(true);
    expect((await document())?.syncLease).toEqual({ holder: null, until: null, pending: true });
    expect(workLeftBehind(await document(), t0)).toBe(true);
    // A holder that died: its lease protects nothing once expired, and its work is left behind too.
    expect(await acquireSyncLease(db, 'd-lease-4', 'dies', t0, soon())).toMatchObject({ state: 'taken' });
    expect(workLeftBehind(await document(), t0)).toBe(false);
    expect(workLeftBehind(await document(), new Date(t0.getTime() + LEASE_MS + 1))).toBe(true);
  });

  it('sends nothing once the caller has given up', async () => {
    await db.doc('directives/d-lease-5').set({ number: '05/UBND-NV' });
    await expect(
      acquireSyncLease(db, 'd-lease-5', 'late', t0, { giveUpAt: Date.now() - 1 }),
    ).rejects.toMatchObject({ code: 'store-unavailable' });
    expect((await db.doc('directives/d-lease-5').get()).get('syncLease')).toBeUndefined();
  });

  it('says there is no directive rather than take a lease on nothing', async () => {
    expect(await acquireSyncLease(db, 'd-lease-none', 'sync-a', t0, soon())).toEqual({ state: 'missing' });
    expect((await db.doc('directives/d-lease-none').get()).exists).toBe(false);
  });
});

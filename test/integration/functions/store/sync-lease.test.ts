// The per-directive sync lease serialises syncs and remembers edits that arrived meanwhile;
// a delivery id is processed once.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Firestore } from 'firebase-admin/firestore';
import { loadConfig } from '@theodoi/functions/config';
import { claimDelivery } from '@theodoi/functions/store/events';
import { openFirestore } from '@theodoi/functions/store/firestore';
import { LEASE_MS, acquireSyncLease, releaseSyncLease } from '@theodoi/functions/store/sync-lease';

let db: Firestore;
beforeAll(async () => {
  db = await openFirestore(loadConfig({ ...process.env, GOOGLE_CLOUD_PROJECT: 'theodoi-it-lease' }));
});

const t0 = new Date('2024-03-12T02:00:00Z');

describe('sync lease', () => {
  it('lets one sync in, makes the second one leave a pending mark, and asks the holder to run again', async () => {
    await db.doc('directives/d-lease-1').set({ number: '01/UBND-NV' });
    expect(await acquireSyncLease(db, 'd-lease-1', 'sync-a', t0)).toMatchObject({
      state: 'taken',
      document: { number: '01/UBND-NV' },
    });
    expect(await acquireSyncLease(db, 'd-lease-1', 'sync-b', t0)).toEqual({ state: 'held' });
    expect(await releaseSyncLease(db, 'd-lease-1', 'sync-a', t0)).toMatchObject({
      state: 'again',
      document: { number: '01/UBND-NV', syncLease: { holder: 'sync-a', pending: true } },
    });
    expect(await releaseSyncLease(db, 'd-lease-1', 'sync-a', t0)).toEqual({ state: 'done' });
    expect(await acquireSyncLease(db, 'd-lease-1', 'sync-b', t0)).toMatchObject({ state: 'taken' });
  });

  it('lets a sync take over a lease whose holder died', async () => {
    await db.doc('directives/d-lease-2').set({ number: '02/UBND-NV' });
    expect(await acquireSyncLease(db, 'd-lease-2', 'dead', t0)).toMatchObject({ state: 'taken' });
    const later = new Date(t0.getTime() + LEASE_MS + 1);
    expect(await acquireSyncLease(db, 'd-lease-2', 'alive', later)).toMatchObject({ state: 'taken' });
    expect(await releaseSyncLease(db, 'd-lease-2', 'dead', later)).toEqual({ state: 'done' });
  });

  it('lets exactly one of ten concurrent syncs in', async () => {
    await db.doc('directives/d-lease-3').set({ number: '03/UBND-NV' });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => acquireSyncLease(db, 'd-lease-3', `sync-${i}`, t0)),
    );
    expect(results.filter((r) => r.state === 'taken')).toHaveLength(1);
    expect(results.filter((r) => r.state === 'held')).toHaveLength(9);
  });

  it('says there is no directive rather than take a lease on nothing', async () => {
    expect(await acquireSyncLease(db, 'd-lease-none', 'sync-a', t0)).toEqual({ state: 'missing' });
    expect((await db.doc('directives/d-lease-none').get()).exists).toBe(false);
  });
});

describe('claimDelivery', () => {
  it('accepts a delivery id once and refuses it after', async () => {
    const id = `delivery-${Date.now()}`;
    expect(await claimDelivery(db, id, { source: 'sheet', spreadsheetId: 'abc' }, t0)).toBe(true);
    expect(await claimDelivery(db, id, { source: 'sheet', spreadsheetId: 'abc' }, t0)).toBe(false);
  });
});

// Trigger deliveries are claimed once, and each claim expires (Firestore's TTL policy deletes it after `expireAt`).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Firestore } from 'firebase-admin/firestore';
import { loadConfig } from '@theodoi/functions/config';
import { claimDelivery, DELIVERY_RETENTION_MS } from '@theodoi/functions/store/events';
import { openFirestore } from '@theodoi/functions/store/firestore';

let db: Firestore;
beforeAll(async () => {
  db = await openFirestore(loadConfig({ ...process.env, GOOGLE_CLOUD_PROJECT: 'theodoi-it-events' }));
});

const t0 = new Date('2024-03-12T02:00:00Z');

describe('claimDelivery', () => {
  it('accepts a delivery id once and refuses it after', async () => {
    const id = `delivery-${Date.now()}`;
    expect(await claimDelivery(db, id, { source: 'sheet', spreadsheetId: 'abc' }, t0)).toBe(true);
    expect(await claimDelivery(db, id, { source: 'sheet', spreadsheetId: 'abc' }, t0)).toBe(false);
  });

  it('stamps each claim with the time Firestore may delete it', async () => {
    const id = `delivery-expiring-${Date.now()}`;
    await claimDelivery(db, id, { source: 'drive', directiveId: 'd1' }, t0);
    const doc = await db.doc(`events/${id}`).get();
    expect((doc.get('expireAt') as FirebaseFirestore.Timestamp | undefined)?.toMillis()).toBe(
      t0.getTime() + DELIVERY_RETENTION_MS,
    );
    expect(DELIVERY_RETENTION_MS).toBeGreaterThanOrEqual(24 * 3600_000);
  });

  it('takes a delivery id no document path can be made of (slashes, dots) without touching another path', async () => {
    const id = `../../directives/x-${Date.now()}`;
    expect(await claimDelivery(db, id, { source: 'sheet', spreadsheetId: 'abc' }, t0)).toBe(true);
    expect(await claimDelivery(db, id, { source: 'sheet', spreadsheetId: 'abc' }, t0)).toBe(false);
    expect((await db.collection('directives').get()).size).toBe(0);
  });
});

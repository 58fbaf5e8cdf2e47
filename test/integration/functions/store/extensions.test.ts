// Extensions of a unit's deadline (decision 007): one document per report row, a later grant keeps the earlier one
// in `previous`, task rows have their own id, and nothing is recorded for a directive that is not registered.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Firestore } from 'firebase-admin/firestore';
import { loadConfig } from '@theodoi/functions/config';
import {
  extensionGrants,
  getExtension,
  grantExtension,
  listExtensions,
  UnknownDirectiveError,
} from '@theodoi/functions/store/extensions';
import { openFirestore } from '@theodoi/functions/store/firestore';

const at = (iso: string) => new Date(iso);

describe('extensions', () => {
  let db: Firestore;
  beforeAll(async () => {
    db = await openFirestore(loadConfig({ ...process.env, GOOGLE_CLOUD_PROJECT: 'theodoi-it-extensions' }));
    await db.doc('directives/cv-gia-han').set({ id: 'cv-gia-han', status: 'open' });
  });

  it('records a grant, then a later one replacing it with the first kept in previous', async () => {
    const first = await grantExtension(
      db,
      'cv-gia-han',
      {
        unitCode: '30052',
        periodKey: '2024-Q1',
        until: '2024-03-25',
        grantedBy: 'nv@thapmuoi.example.vn',
        reason: 'Mất điện',
      },
      at('2024-03-15T02:00:00Z'),
    );
    expect(first).toMatchObject({ reportId: '2024-Q1~30052', until: '2024-03-25', previous: [] });
    await grantExtension(
      db,
      'cv-gia-han',
      {
        unitCode: '30052',
        periodKey: '2024-Q1',
        until: '2024-03-29',
        grantedBy: 'vp@thapmuoi.example.vn',
        reason: ' Xin thêm ',
      },
      at('2024-03-22T02:00:00Z'),
    );
    const stored = await getExtension(db, 'cv-gia-han', { unitCode: '30052', periodKey: '2024-Q1' });
    expect(stored).toEqual({
      reportId: '2024-Q1~30052',
      unitCode: '30052',
      periodKey: '2024-Q1',
      taskId: null,
      until: '2024-03-29',
      grantedAt: at('2024-03-22T02:00:00Z'),
      grantedBy: 'vp@thapmuoi.example.vn',
      reason: 'Xin thêm',
      previous: [
        {
          until: '2024-03-25',
          grantedAt: at('2024-03-15T02:00:00Z'),
          grantedBy: 'nv@thapmuoi.example.vn',
          reason: 'Mất điện',
        },
      ],
    });
    expect(extensionGrants(stored!)).toEqual([
      { until: '2024-03-25', grantedAt: at('2024-03-15T02:00:00Z') },
      { until: '2024-03-29', grantedAt: at('2024-03-22T02:00:00Z') },
    ]);
  });

  it('keeps a task row apart from the unit’s report, and lists every extension of the directive', async () => {
    await grantExtension(
      db,
      'cv-gia-han',
      {
        unitCode: 'NV',
        periodKey: 'once',
        taskId: 'nv2',
        until: '2024-10-15',
        grantedBy: 'nv@thapmuoi.example.vn',
        reason: 'Chờ hướng dẫn',
      },
      at('2024-09-30T02:00:00Z'),
    );
    expect(await getExtension(db, 'cv-gia-han', { unitCode: 'NV', periodKey: 'once' })).toBeUndefined();
    const all = await listExtensions(db, 'cv-gia-han');
    expect(all.map((e) => [e.reportId, e.taskId])).toEqual([
      ['2024-Q1~30052', null],
      ['once~NV~nv2', 'nv2'],
    ]);
  });

  it('refuses a directive that is not registered, a malformed day and an empty reason, writing nothing', async () => {
    const request = {
      unitCode: 'NV',
      periodKey: 'once',
      until: '2024-10-15',
      grantedBy: 'nv@x.vn',
      reason: 'Lý do',
    };
    await expect(grantExtension(db, 'khong-co', request, at('2024-09-30T02:00:00Z'))).rejects.toBeInstanceOf(
      UnknownDirectiveError,
    );
    await expect(
      grantExtension(db, 'cv-gia-han', { ...request, until: '15/10/2024' }, new Date()),
    ).rejects.toThrow();
    await expect(
      grantExtension(db, 'cv-gia-han', { ...request, reason: '  ' }, new Date()),
    ).rejects.toThrow();
    expect(await getExtension(db, 'khong-co', request)).toBeUndefined();
    expect(await getExtension(db, 'cv-gia-han', request)).toBeUndefined();
  });
});

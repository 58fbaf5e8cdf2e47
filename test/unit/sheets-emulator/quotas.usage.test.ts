// What the quota buckets held: the fullest minute per user and per project, and each 429 sent, as the bench reads them.
import { describe, expect, it } from 'vitest';
import { QuotaTracker } from '@theodoi/sheets-emulator/quotas';

const READ = 'sheets.spreadsheets.values.get';
const WRITE = 'sheets.spreadsheets.values.update';

describe('QuotaTracker.usage', () => {
  it('keeps the fullest minute per user and per project, and counts refusals', () => {
    const quotas = new QuotaTracker(
      { readPerUser: 3, readPerProject: 5, writePerUser: 3, writePerProject: 5 },
      '1',
    );
    const minute = (m: number, s = 0) => new Date(Date.UTC(2026, 2, 17, 1, m, s));
    quotas.charge(READ, 'a@x.vn', minute(0));
    quotas.charge(READ, 'a@x.vn', minute(0, 10));
    quotas.charge(READ, 'b@x.vn', minute(0, 20));
    quotas.charge(WRITE, 'a@x.vn', minute(0, 30));
    // A new minute empties the buckets: its one read does not lower the peaks.
    quotas.charge(READ, 'b@x.vn', minute(1));
    for (let i = 0; i < 3; i++) quotas.charge(READ, 'b@x.vn', minute(2, i)); // b fills their bucket
    expect(() => quotas.charge(READ, 'b@x.vn', minute(2, 5))).toThrow(/per minute per user/);
    expect(quotas.usage()).toEqual({
      read: { perUser: 3, user: 'b@x.vn', perProject: 3 },
      write: { perUser: 1, user: 'a@x.vn', perProject: 1 },
      refused: { 'read:user': 1, 'read:project': 0, 'write:user': 0, 'write:project': 0 },
    });
    quotas.reset();
    expect(quotas.usage().read.perUser).toBe(0);
  });
});

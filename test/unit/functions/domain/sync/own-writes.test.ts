// Which Drive versions theodoi may record as seen whole after its own writes, and which listed versions the sweep reads.
import { describe, expect, it } from 'vitest';
import { changedSinceSeen, versionAfterOwnWrites } from '@theodoi/functions/domain/sync/own-writes';

describe('versionAfterOwnWrites', () => {
  it('takes the version after when it moved by exactly the writes made', () => {
    expect(versionAfterOwnWrites('41', '42', 1)).toBe('42');
    expect(versionAfterOwnWrites('41', '41', 0)).toBe('41');
    expect(versionAfterOwnWrites('9007199254740993', '9007199254740994', 1)).toBe('9007199254740994');
  });

  it('records nothing when someone else may have written in between, or Drive could not say', () => {
    expect(versionAfterOwnWrites('41', '43', 1)).toBeUndefined();
    expect(versionAfterOwnWrites('41', '42', 0)).toBeUndefined();
    expect(versionAfterOwnWrites(undefined, '42', 1)).toBeUndefined();
    expect(versionAfterOwnWrites('41', undefined, 1)).toBeUndefined();
    expect(versionAfterOwnWrites('41', 'x', 1)).toBeUndefined();
  });
});

describe('changedSinceSeen', () => {
  it('skips only a spreadsheet listed at the version theodoi saw whole', () => {
    expect(changedSinceSeen('42', '42')).toBe(false);
    expect(changedSinceSeen('43', '42')).toBe(true);
    expect(changedSinceSeen(undefined, '42')).toBe(true);
    expect(changedSinceSeen('42', undefined)).toBe(true);
  });
});

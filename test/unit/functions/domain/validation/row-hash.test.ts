// The row hash is stable across key order and absent values, and changes with any accepted value.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, rowHash } from '@theodoi/functions/domain/validation/row-hash';

describe('rowHash', () => {
  it('is the sha256 of the canonical JSON', () => {
    const values = { b: 2, a: 'Mỹ Hòa', c: null, d: true };
    expect(canonicalJson(values)).toBe('["a","Mỹ Hòa","b",2,"d",true]');
    expect(rowHash(values)).toBe(createHash('sha256').update('["a","Mỹ Hòa","b",2,"d",true]').digest('hex'));
  });

  it('does not depend on key order, nulls or undefined', () => {
    expect(rowHash({ a: 1, b: 'x', c: null })).toBe(rowHash({ b: 'x', a: 1, d: undefined }));
  });

  it('treats -0 as 0', () => {
    expect(rowHash({ a: -0 })).toBe(rowHash({ a: 0 }));
  });

  const changes: Array<{ name: string; other: Record<string, string | number | boolean | null> }> = [
    { name: 'a number', other: { so: 4, ten: 'A', co: true } },
    { name: 'a text', other: { so: 3, ten: 'B', co: true } },
    { name: 'a boolean', other: { so: 3, ten: 'A', co: false } },
    { name: 'a value cleared', other: { so: 3, ten: 'A', co: null } },
    { name: 'a number turned text', other: { so: '3', ten: 'A', co: true } },
  ];
  changes.forEach((tc) => {
    it(`changes when ${tc.name} changes`, () => {
      expect(rowHash(tc.other)).not.toBe(rowHash({ so: 3, ten: 'A', co: true }));
    });
  });
});

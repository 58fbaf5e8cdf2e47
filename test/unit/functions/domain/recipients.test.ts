// A recipient list typed by a coordinator resolves to each unit once, whatever the case, and says what it merged.
import { describe, expect, it } from 'vitest';
import { resolveRecipients } from '@theodoi/functions/domain/recipients';

describe('resolveRecipients', () => {
  const units = ['VP', 'NV', '30052'];

  it('keeps the order given and the units own codes', () => {
    expect(resolveRecipients(['30052', 'vp', ' NV '], units)).toEqual({
      codes: ['30052', 'VP', 'NV'],
      duplicates: [],
      unknown: [],
    });
  });

  it('merges a unit given twice, in any case, and reports it', () => {
    expect(resolveRecipients(['VP', 'NV', 'vp', 'VP'], units)).toEqual({
      codes: ['VP', 'NV'],
      duplicates: ['vp', 'VP'],
      unknown: [],
    });
  });

  it('lists codes that name no unit', () => {
    expect(resolveRecipients(['VP', 'XX'], units).unknown).toEqual(['XX']);
  });
});

// A1 notation: the sheet name of a range Sheets echoes back, quotes undone.
import { describe, expect, it } from 'vitest';
import { sheetNameOf } from '@theodoi/functions/sheets/layout/a1';

describe('sheetNameOf', () => {
  const cases = [
    ["'Quý I/2024'!C1:C29", 'Quý I/2024'],
    ["'Jon''s tab'!A1", "Jon's tab"],
    ['Sheet1!A1:B2', 'Sheet1'],
    ['A1:B2', undefined],
  ] as const;
  cases.forEach(([range, name]) =>
    it(`${range} → ${String(name)}`, () => expect(sheetNameOf(range)).toBe(name)),
  );
});

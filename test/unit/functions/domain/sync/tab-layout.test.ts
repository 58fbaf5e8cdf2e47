// resolveLayout: theodoi's markers are believed, look-alikes are not; a missing marker is put back from the record,
// a row only where its code still shows; a consistent move is followed and recorded.
import { describe, expect, it } from 'vitest';
import {
  resolveLayout,
  type LayoutInput,
  type LayoutMarker,
} from '@theodoi/functions/domain/sync/tab-layout';

const columns = ['_unit_code', 'a', 'b', '_status'];
const record = { columns, rows: { VP: 4, NV: 5 } };
let id = 0;
const marker = (names: string | undefined, index: number, visibility = 'PROJECT'): LayoutMarker => ({
  metadataId: ++id,
  names,
  visibility,
  index,
});
const codes = new Map([
  [4, 'VP'],
  [5, 'NV'],
]);
const input = (overrides: Partial<LayoutInput> = {}): LayoutInput => ({
  expected: { columns, units: ['VP', 'NV'] },
  record,
  columnMarkers: columns.map((key, i) => marker(key, i)),
  rowMarkers: [marker('VP', 4), marker('NV', 5)],
  grid: { rowCount: 8, columnCount: 4 },
  codeKey: '_unit_code',
  textAt: (row, column) => (column === 0 ? (codes.get(row) ?? '') : ''),
  trusted: 'PROJECT',
  ...overrides,
});

describe('resolveLayout', () => {
  it('believes theodoi’s markers: nothing to repair, nothing to record', () => {
    const layout = resolveLayout(input());
    expect([...layout.columnOf]).toEqual(columns.map((k, i) => [k, i]));
    expect([...layout.rowOf]).toEqual([
      ['VP', 4],
      ['NV', 5],
    ]);
    expect(layout).toMatchObject({
      deleteMarkers: [],
      createColumnMarkers: [],
      createRowMarkers: [],
      recordChanged: false,
    });
  });

  it('never believes look-alikes: swapped DOCUMENT markers are deleted and ours put back from the record', () => {
    const swapped = [
      marker('_unit_code', 0, 'DOCUMENT'),
      marker('b', 1, 'DOCUMENT'),
      marker('a', 2, 'DOCUMENT'),
      marker('_status', 3, 'DOCUMENT'),
    ];
    const layout = resolveLayout(input({ columnMarkers: swapped }));
    expect(layout.columnOf.get('a')).toBe(1);
    expect(layout.columnOf.get('b')).toBe(2);
    expect(layout.deleteMarkers).toEqual(swapped.map((m) => m.metadataId));
    expect(layout.createColumnMarkers).toEqual(columns.map((key, index) => ({ index, key })));
    expect(layout.recordChanged).toBe(false);
  });

  it('follows a column moved with its marker, and records where it is now', () => {
    const moved = [marker('_unit_code', 0), marker('b', 1), marker('a', 2), marker('_status', 3)];
    const layout = resolveLayout(input({ columnMarkers: moved }));
    expect(layout.columnOf.get('a')).toBe(2);
    expect(layout.record.columns).toEqual(['_unit_code', 'b', 'a', '_status']);
    expect(layout.recordChanged).toBe(true);
  });

  it('puts a row marker back only where the row still shows its unit’s code', () => {
    const layout = resolveLayout(input({ rowMarkers: [marker('VP', 4)], textAt: () => '' }));
    expect(layout.rowOf.has('NV')).toBe(false);
    expect(layout.missingUnits).toEqual(['NV']);
    const repaired = resolveLayout(input({ rowMarkers: [marker('VP', 4)] }));
    expect(repaired.rowOf.get('NV')).toBe(5);
    expect(repaired.createRowMarkers).toEqual([{ index: 5, unitCode: 'NV' }]);
  });

  it('keeps one marker of a unit marked twice (the recorded row) and deletes the other', () => {
    const twice = [marker('VP', 4), marker('NV', 5), marker('NV', 7)];
    const layout = resolveLayout(input({ rowMarkers: twice }));
    expect(layout.rowOf.get('NV')).toBe(5);
    expect(layout.deleteMarkers).toEqual([twice[2]!.metadataId]);
  });
});

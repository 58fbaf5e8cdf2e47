/**
 * Where a report tab's columns and units' rows are, from the markers read and the layout recorded in Firestore;
 * pure. A marker is believed only when it is theodoi's (PROJECT visibility, a key and value theodoi writes); one
 * that is missing is put back where the record says, if that column or row is free (and, for a row, still shows
 * the unit's code); look-alikes and duplicates are deleted. A consistent move (the owner moved a column or sorted
 * the rows: the markers moved with them) is followed, and the record updated.
 */
import { unitOfRowKey } from '../tasks/task.js';

/** A marker as read: its id, what it names (a column key, a unit code), its visibility and where it is. */
export interface LayoutMarker {
  metadataId: number;
  /** The column key or unit code it names; undefined when it names nothing theodoi knows. */
  names: string | undefined;
  visibility: string;
  index: number;
}

/** The recorded layout: each column key by index, each unit's row by unit code. */
export interface RecordedLayout {
  columns: readonly string[];
  rows: Readonly<Record<string, number>>;
}

/** What resolving takes. */
export interface LayoutInput {
  /** The column keys the tab must have, and the units that must each have a row. */
  expected: { columns: readonly string[]; units: readonly string[] };
  record: RecordedLayout;
  columnMarkers: readonly LayoutMarker[];
  rowMarkers: readonly LayoutMarker[];
  grid: { rowCount: number; columnCount: number };
  /** The key of the unit-code column: a row is put back only where the code cell still shows its unit's code. */
  codeKey: string;
  /** The text of a cell ('' when blank). */
  textAt(rowIndex: number, columnIndex: number): string;
  /** The only visibility believed. */
  trusted: string;
}

/** The resolved layout and the repairs it needs. */
export interface ResolvedLayout {
  columnOf: Map<string, number>;
  rowOf: Map<string, number>;
  missingColumns: string[];
  missingUnits: string[];
  /** Markers to delete: misplaced duplicates of theodoi's, and every look-alike. */
  deleteMarkers: number[];
  createColumnMarkers: { index: number; key: string }[];
  createRowMarkers: { index: number; unitCode: string }[];
  /** The layout to record now, and whether it differs from the record. */
  record: { columns: string[]; rows: Record<string, number> };
  recordChanged: boolean;
}

/** Resolves where each expected column and unit's row is. */
export function resolveLayout(input: LayoutInput): ResolvedLayout {
  const deleteMarkers: number[] = [];
  const columns = resolveDimension(
    input.expected.columns,
    input.columnMarkers,
    (key) => input.record.columns.indexOf(key),
    (index) => index < input.grid.columnCount,
    input.trusted,
    deleteMarkers,
  );
  const codeColumn = columns.found.get(input.codeKey);
  const rows = resolveDimension(
    input.expected.units,
    input.rowMarkers,
    (unit) => input.record.rows[unit] ?? -1,
    (index, unit) =>
      index < input.grid.rowCount &&
      codeColumn !== undefined &&
      input.textAt(index, codeColumn) === unitOfRowKey(unit),
    input.trusted,
    deleteMarkers,
  );
  // Units whose row is not found keep their recorded row: a later repair still knows where it was.
  const record = {
    columns: recordedColumns(input.record.columns, columns.found),
    rows: Object.fromEntries(
      input.expected.units.flatMap((unit) => {
        const index = rows.found.get(unit) ?? input.record.rows[unit];
        return index === undefined ? [] : [[unit, index] as const];
      }),
    ),
  };
  const recordChanged =
    record.columns.length !== input.record.columns.length ||
    record.columns.some((key, i) => input.record.columns[i] !== key) ||
    Object.entries(record.rows).some(([unit, index]) => input.record.rows[unit] !== index);
  return {
    columnOf: columns.found,
    rowOf: rows.found,
    missingColumns: columns.missing,
    missingUnits: rows.missing,
    deleteMarkers,
    createColumnMarkers: columns.create.map(({ index, name }) => ({ index, key: name })),
    createRowMarkers: rows.create.map(({ index, name }) => ({ index, unitCode: name })),
    record,
    recordChanged,
  };
}

/**
 * One dimension: each expected name at its believed marker (the recorded place wins among duplicates), else back
 * at its recorded place when `free` there; the others are missing.
 */
function resolveDimension(
  expected: readonly string[],
  markers: readonly LayoutMarker[],
  recordedIndex: (name: string) => number,
  repairable: (index: number, name: string) => boolean,
  trusted: string,
  deleteMarkers: number[],
): { found: Map<string, number>; missing: string[]; create: { index: number; name: string }[] } {
  const wanted = new Set(expected);
  const byName = new Map<string, LayoutMarker[]>();
  for (const m of markers) {
    if (m.visibility !== trusted || m.names === undefined || !wanted.has(m.names)) {
      deleteMarkers.push(m.metadataId);
      continue;
    }
    byName.set(m.names, [...(byName.get(m.names) ?? []), m]);
  }
  const found = new Map<string, number>();
  const taken = new Set<number>();
  for (const name of expected) {
    const list = byName.get(name) ?? [];
    const kept =
      list.find((m) => m.index === recordedIndex(name) && !taken.has(m.index)) ??
      list.find((m) => !taken.has(m.index));
    for (const m of list) if (m !== kept) deleteMarkers.push(m.metadataId);
    if (!kept) continue;
    found.set(name, kept.index);
    taken.add(kept.index);
  }
  const missing: string[] = [];
  const create: { index: number; name: string }[] = [];
  for (const name of expected) {
    if (found.has(name)) continue;
    const index = recordedIndex(name);
    if (index >= 0 && !taken.has(index) && repairable(index, name)) {
      found.set(name, index);
      taken.add(index);
      create.push({ index, name });
    } else {
      missing.push(name);
    }
  }
  return { found, missing, create };
}

/** The record's column list with each found key at its index now (keys not found keep their recorded place). */
function recordedColumns(recorded: readonly string[], found: ReadonlyMap<string, number>): string[] {
  const width = Math.max(recorded.length, ...[...found.values()].map((i) => i + 1));
  const columns = Array.from({ length: width }, () => '');
  recorded.forEach((key, i) => {
    if (key && !found.has(key)) columns[i] = key;
  });
  for (const [key, index] of found) columns[index] = key;
  return columns;
}

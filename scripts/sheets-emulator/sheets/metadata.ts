/** Developer metadata: locations (derived from the rows/columns carrying the ids), rendering, lookups and data filters. */
import type { sheets_v4 } from '@googleapis/sheets';
import { clampToGrid, gridRangeBounds, parseRange } from './a1.js';
import type { Rect, SheetRange } from './a1.js';
import { badRequest } from './errors.js';
import { sheetById } from './model.js';
import type { Book, SheetData, StoredMetadata } from './model.js';

/** Where a row/column metadata currently sits. */
interface DimLocation {
  sheet: SheetData;
  dim: 'ROWS' | 'COLUMNS';
  start: number;
  end: number;
}

/** Index from metadata id to its current row/column span, built by one scan of all dimension properties. */
export function metadataIndex(book: Book): Map<number, DimLocation> {
  const out = new Map<number, DimLocation>();
  for (const sheet of book.sheets) {
    for (const [dim, props] of [
      ['ROWS', sheet.rowProps],
      ['COLUMNS', sheet.colProps],
    ] as const) {
      props.forEach((p, i) => {
        for (const id of p?.metadataIds ?? []) {
          const cur = out.get(id);
          if (cur) {
            cur.start = Math.min(cur.start, i);
            cur.end = Math.max(cur.end, i + 1);
          } else out.set(id, { sheet, dim, start: i, end: i + 1 });
        }
      });
    }
  }
  return out;
}

/** Drops metadata whose sheet or rows/columns no longer exist. */
export function purgeMetadata(book: Book): void {
  const idx = metadataIndex(book);
  book.metadata = book.metadata.filter((m) => {
    if (m.on === 'SPREADSHEET') return true;
    if (m.on === 'SHEET') return sheetById(book, m.sheetId ?? -1) !== undefined;
    return idx.has(m.metadataId);
  });
}

/** The API location of a stored metadata entry. */
export function renderLocation(
  m: StoredMetadata,
  idx: Map<number, DimLocation>,
): sheets_v4.Schema$DeveloperMetadataLocation {
  if (m.on === 'SPREADSHEET') return { locationType: 'SPREADSHEET', spreadsheet: true };
  if (m.on === 'SHEET') return { locationType: 'SHEET', sheetId: m.sheetId ?? 0 };
  const loc = idx.get(m.metadataId);
  return {
    locationType: m.on,
    dimensionRange: {
      sheetId: loc?.sheet.properties.sheetId ?? m.sheetId ?? 0,
      dimension: m.on === 'ROW' ? 'ROWS' : 'COLUMNS',
      startIndex: loc?.start ?? 0,
      endIndex: loc?.end ?? 0,
    },
  };
}

/** The API DeveloperMetadata of a stored entry. */
export function renderMetadata(
  m: StoredMetadata,
  idx: Map<number, DimLocation>,
): sheets_v4.Schema$DeveloperMetadata {
  return {
    metadataId: m.metadataId,
    metadataKey: m.metadataKey,
    ...(m.metadataValue !== undefined ? { metadataValue: m.metadataValue } : {}),
    location: renderLocation(m, idx),
    visibility: m.visibility,
  };
}

type Loc = sheets_v4.Schema$DeveloperMetadataLocation;

function locType(l: Loc): string | undefined {
  if (l.spreadsheet) return 'SPREADSHEET';
  if (l.dimensionRange) return l.dimensionRange.dimension === 'COLUMNS' ? 'COLUMN' : 'ROW';
  if (l.sheetId != null) return 'SHEET';
  return l.locationType ?? undefined;
}

function sameLocation(a: Loc, b: Loc): boolean {
  const ta = locType(a);
  if (ta !== locType(b)) return false;
  if (ta === 'SPREADSHEET') return true;
  if (ta === 'SHEET') return (a.sheetId ?? 0) === (b.sheetId ?? 0);
  const x = a.dimensionRange!;
  const y = b.dimensionRange!;
  return (
    (x.sheetId ?? 0) === (y.sheetId ?? 0) &&
    (x.startIndex ?? 0) === (y.startIndex ?? 0) &&
    (x.endIndex ?? 0) === (y.endIndex ?? 0)
  );
}

function locSheet(l: Loc): number | undefined {
  return l.dimensionRange ? (l.dimensionRange.sheetId ?? 0) : l.sheetId != null ? l.sheetId : undefined;
}

function intersects(a: Loc, b: Loc): boolean {
  const ta = locType(a);
  const tb = locType(b);
  if (ta === 'SPREADSHEET' || tb === 'SPREADSHEET') return true;
  if (locSheet(a) !== locSheet(b)) return false;
  if (ta === 'SHEET' || tb === 'SHEET' || ta !== tb) return true;
  const x = a.dimensionRange!;
  const y = b.dimensionRange!;
  return (x.startIndex ?? 0) < (y.endIndex ?? Infinity) && (y.startIndex ?? 0) < (x.endIndex ?? Infinity);
}

/** Whether a stored entry matches a DeveloperMetadataLookup. */
export function matchesLookup(
  m: StoredMetadata,
  l: sheets_v4.Schema$DeveloperMetadataLookup,
  idx: Map<number, DimLocation>,
): boolean {
  if (l.metadataId != null && l.metadataId !== m.metadataId) return false;
  if (l.metadataKey != null && l.metadataKey !== m.metadataKey) return false;
  if (l.metadataValue != null && l.metadataValue !== (m.metadataValue ?? '')) return false;
  if (
    l.visibility != null &&
    l.visibility !== 'DEVELOPER_METADATA_VISIBILITY_UNSPECIFIED' &&
    l.visibility !== m.visibility
  )
    return false;
  if (
    l.locationType != null &&
    l.locationType !== 'DEVELOPER_METADATA_LOCATION_TYPE_UNSPECIFIED' &&
    l.locationType !== m.on
  ) {
    return false;
  }
  if (l.metadataLocation) {
    const loc = renderLocation(m, idx);
    return l.locationMatchingStrategy === 'INTERSECTING_LOCATION'
      ? intersects(l.metadataLocation, loc)
      : sameLocation(l.metadataLocation, loc);
  }
  return true;
}

/** The sheet range a stored entry covers (whole rows/columns/sheet), or null for spreadsheet-level metadata. */
export function metadataRange(
  book: Book,
  m: StoredMetadata,
  idx: Map<number, DimLocation>,
): SheetRange | null {
  if (m.on === 'SPREADSHEET') return null;
  if (m.on === 'SHEET') {
    const sheet = sheetById(book, m.sheetId ?? -1);
    return sheet ? { sheet } : null;
  }
  const loc = idx.get(m.metadataId);
  if (!loc) return null;
  return loc.dim === 'ROWS'
    ? { sheet: loc.sheet, startRow: loc.start, endRow: loc.end }
    : { sheet: loc.sheet, startCol: loc.start, endCol: loc.end };
}

/** Resolves a GridRange to a sheet range; unknown sheet is Google's "No grid with id" error. */
export function gridRangeToSheetRange(book: Book, g: sheets_v4.Schema$GridRange): SheetRange {
  const sheet = sheetById(book, g.sheetId ?? 0);
  if (!sheet) throw badRequest(`No grid with id: ${g.sheetId ?? 0}`);
  return { sheet, ...gridRangeBounds(g) };
}

/** The clamped ranges a DataFilter selects (developer metadata lookups may select several, or none). */
export function dataFilterRects(
  book: Book,
  f: sheets_v4.Schema$DataFilter,
  idx = metadataIndex(book),
): Rect[] {
  if (f.a1Range != null) return [clampToGrid(parseRange(book, f.a1Range))];
  if (f.gridRange) return [clampToGrid(gridRangeToSheetRange(book, f.gridRange))];
  if (f.developerMetadataLookup) {
    const out: Rect[] = [];
    for (const m of book.metadata) {
      if (!matchesLookup(m, f.developerMetadataLookup, idx)) continue;
      const r = metadataRange(book, m, idx);
      if (r) out.push(clampToGrid(r));
    }
    return out;
  }
  throw badRequest('A DataFilter must set one of developerMetadataLookup, a1Range or gridRange.');
}

function rangeIntersectsMeta(r: Rect, m: StoredMetadata, idx: Map<number, DimLocation>): boolean {
  if (m.on === 'SPREADSHEET') return false;
  if (m.on === 'SHEET') return m.sheetId === r.sheet.properties.sheetId;
  const loc = idx.get(m.metadataId);
  if (!loc || loc.sheet !== r.sheet) return false;
  return loc.dim === 'ROWS'
    ? loc.start < r.endRow && r.startRow < loc.end
    : loc.start < r.endCol && r.startCol < loc.end;
}

/** The stored metadata a DataFilter selects (by lookup, or by intersecting an A1/grid range). */
export function dataFilterMetadata(
  book: Book,
  f: sheets_v4.Schema$DataFilter,
  idx = metadataIndex(book),
): StoredMetadata[] {
  if (f.developerMetadataLookup)
    return book.metadata.filter((m) => matchesLookup(m, f.developerMetadataLookup!, idx));
  const rects = dataFilterRects(book, f, idx);
  return book.metadata.filter((m) => rects.some((r) => rangeIntersectsMeta(r, m, idx)));
}

/** batchUpdate requests on developer metadata: create, update and delete; row/column metadata is carried by the dimensions. */
import type { sheets_v4 } from '@googleapis/sheets';
import { badRequest } from '../errors.js';
import { dataFilterMetadata, metadataIndex, renderMetadata } from '../metadata.js';
import { columnCount, randomId, rowCount } from '../model.js';
import type { Book, DimProps, StoredMetadata } from '../model.js';
import { applyMask } from './mask.js';
import { requireSheet } from './sheets.js';

const VISIBILITIES = ['DOCUMENT', 'PROJECT'];

function detach(book: Book, id: number): void {
  for (const s of book.sheets) {
    for (const props of [s.rowProps, s.colProps]) {
      props.forEach((p, i) => {
        if (!p?.metadataIds?.includes(id)) return;
        const ids = p.metadataIds.filter((x) => x !== id);
        const next: DimProps = { ...p };
        if (ids.length > 0) next.metadataIds = ids;
        else delete next.metadataIds;
        props[i] = Object.keys(next).length > 0 ? next : null;
      });
    }
  }
}

/** Attaches a stored entry to the location given (spreadsheet, sheet, or a bounded row/column range). */
function attach(
  book: Book,
  m: StoredMetadata,
  loc: sheets_v4.Schema$DeveloperMetadataLocation | undefined,
): void {
  const kinds = [loc?.spreadsheet ? 1 : 0, loc?.sheetId != null ? 1 : 0, loc?.dimensionRange ? 1 : 0].reduce(
    (a, b) => a + b,
    0,
  );
  if (!loc || kinds !== 1)
    throw badRequest(
      'Developer metadata must have exactly one location: spreadsheet, sheetId or dimensionRange.',
    );
  detach(book, m.metadataId);
  delete m.sheetId;
  if (loc.spreadsheet) {
    m.on = 'SPREADSHEET';
    return;
  }
  if (loc.sheetId != null) {
    requireSheet(book, loc.sheetId);
    m.on = 'SHEET';
    m.sheetId = loc.sheetId;
    return;
  }
  const dr = loc.dimensionRange!;
  const sheet = requireSheet(book, dr.sheetId);
  if (dr.dimension !== 'ROWS' && dr.dimension !== 'COLUMNS')
    throw badRequest('The dimensionRange must set dimension to ROWS or COLUMNS.');
  if (dr.startIndex == null || dr.endIndex == null || dr.endIndex <= dr.startIndex) {
    throw badRequest('The dimensionRange of developer metadata must be bounded and non-empty.');
  }
  const limit = dr.dimension === 'ROWS' ? rowCount(sheet) : columnCount(sheet);
  if (dr.endIndex > limit)
    throw badRequest(
      `The dimensionRange ends at ${dr.endIndex}, beyond the ${limit} ${dr.dimension.toLowerCase()} of the sheet.`,
    );
  const props = dr.dimension === 'ROWS' ? sheet.rowProps : sheet.colProps;
  while (props.length < dr.endIndex) props.push(null);
  for (let i = dr.startIndex; i < dr.endIndex; i++) {
    const p: DimProps = { ...props[i] };
    p.metadataIds = [...(p.metadataIds ?? []), m.metadataId];
    props[i] = p;
  }
  m.on = dr.dimension === 'ROWS' ? 'ROW' : 'COLUMN';
  m.sheetId = sheet.properties.sheetId;
}

/** createDeveloperMetadata */
export function createDeveloperMetadata(
  book: Book,
  req: sheets_v4.Schema$CreateDeveloperMetadataRequest,
): sheets_v4.Schema$Response {
  const md = req.developerMetadata ?? {};
  if (!md.metadataKey) throw badRequest('Developer metadata must always have a key specified.');
  if (!md.visibility || !VISIBILITIES.includes(md.visibility))
    throw badRequest('Developer metadata must always have a visibility specified.');
  if (md.metadataId != null) {
    if (md.metadataId <= 0)
      throw badRequest(`Invalid metadataId: ${md.metadataId}. Metadata ids must be positive.`);
    if (book.metadata.some((m) => m.metadataId === md.metadataId))
      throw badRequest(`Developer metadata with id ${md.metadataId} already exists.`);
  }
  const m: StoredMetadata = {
    metadataId: md.metadataId ?? randomId((x) => book.metadata.some((e) => e.metadataId === x)),
    metadataKey: md.metadataKey,
    ...(md.metadataValue != null ? { metadataValue: md.metadataValue } : {}),
    visibility: md.visibility,
    on: 'SPREADSHEET',
  };
  attach(book, m, md.location ?? undefined);
  book.metadata.push(m);
  return { createDeveloperMetadata: { developerMetadata: renderMetadata(m, metadataIndex(book)) } };
}

/** updateDeveloperMetadata: every entry any filter matches takes the masked fields (key, value, visibility, location). */
export function updateDeveloperMetadata(
  book: Book,
  req: sheets_v4.Schema$UpdateDeveloperMetadataRequest,
): sheets_v4.Schema$Response {
  const filters = req.dataFilters ?? [];
  if (filters.length === 0) throw badRequest('At least one data filter must be specified.');
  const idx = metadataIndex(book);
  const matched = new Set(filters.flatMap((f) => dataFilterMetadata(book, f, idx)));
  const src = req.developerMetadata ?? {};
  if (src.metadataId != null && [...matched].some((m) => m.metadataId !== src.metadataId)) {
    throw badRequest('The metadataId of developer metadata cannot be changed.');
  }
  for (const m of matched) {
    const cur = renderMetadata(m, idx);
    const next = applyMask(
      cur,
      src,
      req.fields,
      ['metadataId', 'metadataKey', 'metadataValue', 'location', 'visibility'],
      'developerMetadata',
    );
    if (!next.metadataKey) throw badRequest('Developer metadata must always have a key specified.');
    if (!next.visibility || !VISIBILITIES.includes(next.visibility))
      throw badRequest('Developer metadata must always have a visibility specified.');
    m.metadataKey = next.metadataKey;
    if (next.metadataValue != null) m.metadataValue = next.metadataValue;
    else delete m.metadataValue;
    m.visibility = next.visibility;
    if (JSON.stringify(next.location) !== JSON.stringify(cur.location))
      attach(book, m, next.location ?? undefined);
  }
  const after = metadataIndex(book);
  return {
    updateDeveloperMetadata: { developerMetadata: [...matched].map((m) => renderMetadata(m, after)) },
  };
}

/** deleteDeveloperMetadata */
export function deleteDeveloperMetadata(
  book: Book,
  req: sheets_v4.Schema$DeleteDeveloperMetadataRequest,
): sheets_v4.Schema$Response {
  if (!req.dataFilter) throw badRequest('A data filter must be specified.');
  const idx = metadataIndex(book);
  const matched = dataFilterMetadata(book, req.dataFilter, idx);
  const rendered = matched.map((m) => renderMetadata(m, idx));
  for (const m of matched) detach(book, m.metadataId);
  book.metadata = book.metadata.filter((m) => !matched.includes(m));
  return { deleteDeveloperMetadata: { deletedDeveloperMetadata: rendered } };
}

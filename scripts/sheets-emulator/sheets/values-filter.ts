/** The values.*ByDataFilter methods: ranges chosen by developer metadata lookups, A1 ranges or grid ranges. */
import type { sheets_v4 } from '@googleapis/sheets';
import { formatRange } from './a1.js';
import { badRequest } from './errors.js';
import { dataFilterRects, metadataIndex } from './metadata.js';
import type { Book } from './model.js';
import { Renderer } from './render.js';
import { batchTotals, clearRect, readRect, requireInputOption, writeValues } from './values.js';

/** values.batchGetByDataFilter */
export function valuesBatchGetByDataFilter(
  book: Book,
  body: sheets_v4.Schema$BatchGetValuesByDataFilterRequest,
): sheets_v4.Schema$BatchGetValuesByDataFilterResponse {
  const renderer = new Renderer(book);
  const idx = metadataIndex(book);
  const matched: sheets_v4.Schema$MatchedValueRange[] = [];
  for (const f of body.dataFilters ?? []) {
    for (const rect of dataFilterRects(book, f, idx)) {
      matched.push({ valueRange: readRect(renderer, rect, body), dataFilters: [f] });
    }
  }
  const out: sheets_v4.Schema$BatchGetValuesByDataFilterResponse = { spreadsheetId: book.spreadsheetId };
  if (matched.length > 0) out.valueRanges = matched;
  return out;
}

/** values.batchUpdateByDataFilter: writes each DataFilterValueRange to every range its filter matches. */
export function valuesBatchUpdateByDataFilter(
  book: Book,
  body: sheets_v4.Schema$BatchUpdateValuesByDataFilterRequest,
): sheets_v4.Schema$BatchUpdateValuesByDataFilterResponse {
  const input = requireInputOption(body);
  const idx = metadataIndex(book);
  const targets = (body.data ?? []).flatMap((d) => {
    if (!d.dataFilter) throw badRequest('Invalid data: dataFilter is required');
    return dataFilterRects(book, d.dataFilter, idx).map((rect) => ({ d, rect }));
  });
  const written = targets.map(({ d, rect }) => ({
    d,
    rect,
    w: writeValues(book, rect, d.values, d.majorDimension, input),
  }));
  const renderer = new Renderer(book);
  const responses = written.map(({ d, rect, w }) => {
    const r: sheets_v4.Schema$UpdateValuesByDataFilterResponse = {
      updatedRange: formatRange(w.rect),
      dataFilter: d.dataFilter!,
      updatedRows: w.rows.size,
      updatedColumns: w.cols.size,
      updatedCells: w.cells,
    };
    if (body.includeValuesInResponse) {
      r.updatedData = readRect(renderer, rect, {
        valueRenderOption: body.responseValueRenderOption ?? null,
        dateTimeRenderOption: body.responseDateTimeRenderOption ?? null,
      });
    }
    return r;
  });
  return batchTotals(
    book.spreadsheetId,
    written.map((x) => x.w),
    responses,
  );
}

/** values.batchClearByDataFilter */
export function valuesBatchClearByDataFilter(
  book: Book,
  body: sheets_v4.Schema$BatchClearValuesByDataFilterRequest,
): sheets_v4.Schema$BatchClearValuesByDataFilterResponse {
  const idx = metadataIndex(book);
  const rects = (body.dataFilters ?? []).flatMap((f) => dataFilterRects(book, f, idx));
  rects.forEach(clearRect);
  const out: sheets_v4.Schema$BatchClearValuesByDataFilterResponse = { spreadsheetId: book.spreadsheetId };
  if (rects.length > 0) out.clearedRanges = rects.map(formatRange);
  return out;
}

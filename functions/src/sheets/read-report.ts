/** Reads a report tab in one call: every tagged column, found by developer metadata wherever officers moved it. */
import type { sheets_v4 } from '@googleapis/sheets';
import type { ReadColumn } from '../domain/sync/report-rows.js';
import type { CellValue } from '../domain/values/cell.js';
import { firstColumnOf } from './a1.js';
import type { GoogleClients } from './clients.js';
import { COLUMN_METADATA_KEY, columnMetadataValue } from './report-layout.js';

/** The columns found, by column key; keys whose metadata is gone are listed in `missing`. */
export interface ReadReport {
  columns: Map<string, ReadColumn>;
  missing: string[];
}

/** One `values.batchGetByDataFilter` for `keys` of the period's tab, as unformatted values with serial dates. */
export async function readReportColumns(
  clients: GoogleClients,
  spreadsheetId: string,
  periodKey: string,
  keys: readonly string[],
): Promise<ReadReport> {
  const filters: sheets_v4.Schema$DataFilter[] = keys.map((key) => ({
    developerMetadataLookup: {
      metadataKey: COLUMN_METADATA_KEY,
      metadataValue: columnMetadataValue(periodKey, key),
    },
  }));
  const res = await clients.sheets.spreadsheets.values.batchGetByDataFilter({
    spreadsheetId,
    requestBody: {
      dataFilters: filters,
      majorDimension: 'COLUMNS',
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    },
  });
  const columns = new Map<string, ReadColumn>();
  for (const matched of res.data.valueRanges ?? []) {
    const value = matched.dataFilters?.[0]?.developerMetadataLookup?.metadataValue;
    const key = value?.slice(value.indexOf('/') + 1);
    const range = matched.valueRange?.range;
    const columnIndex = range ? firstColumnOf(range) : undefined;
    if (!key || columnIndex === undefined || columns.has(key)) continue;
    const cells = (matched.valueRange?.values?.[0] ?? []) as CellValue[];
    columns.set(key, { columnIndex, cells });
  }
  return { columns, missing: keys.filter((k) => !columns.has(k)) };
}

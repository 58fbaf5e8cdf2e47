/**
 * Reads report tabs' columns in one call (the deadline check's code and "Tình hình báo cáo" columns): every column
 * of every period's tab carrying theodoi's own marker.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { ReadColumn } from '../../domain/sync/report-rows.js';
import type { CellValue } from '../../domain/values/cell.js';
import { firstColumnOf, sheetNameOf } from '../layout/a1.js';
import type { GoogleClients } from './clients.js';
import { COLUMN_METADATA_KEY, columnMetadataValue, MARKER_VISIBILITY } from '../layout/report-tab.js';
import { callGoogle } from './retry.js';

/** One tab's columns by column key; keys whose metadata is gone are listed in `missing`. */
export interface ReadReport {
  columns: Map<string, ReadColumn>;
  missing: string[];
  /** The tab's title as Sheets echoes it now (officers may rename tabs); absent when no column was found. */
  title?: string;
}

/**
 * One `values.batchGetByDataFilter` for `keys` of every period's tab, as unformatted values with serial
 * dates, wherever officers moved the columns.
 */
export async function readReportColumns(
  clients: GoogleClients,
  spreadsheetId: string,
  periodKeys: readonly string[],
  keys: readonly string[],
): Promise<Map<string, ReadReport>> {
  const filters: sheets_v4.Schema$DataFilter[] = periodKeys.flatMap((periodKey) =>
    keys.map((key) => ({
      // Only theodoi's own markers: a look-alike anyone made must never point the check's writes at other cells.
      developerMetadataLookup: {
        metadataKey: COLUMN_METADATA_KEY,
        metadataValue: columnMetadataValue(periodKey, key),
        visibility: MARKER_VISIBILITY,
      },
    })),
  );
  const res = await callGoogle(
    () =>
      clients.sheets.spreadsheets.values.batchGetByDataFilter({
        spreadsheetId,
        requestBody: {
          dataFilters: filters,
          majorDimension: 'COLUMNS',
          valueRenderOption: 'UNFORMATTED_VALUE',
          dateTimeRenderOption: 'SERIAL_NUMBER',
        },
      }),
    'repeatable',
    clients.retry,
  );
  const byPeriod = new Map<string, Map<string, ReadColumn>>(periodKeys.map((p) => [p, new Map()]));
  const titles = new Map<string, string>();
  for (const matched of res.data.valueRanges ?? []) {
    const value = matched.dataFilters?.[0]?.developerMetadataLookup?.metadataValue ?? '';
    const slash = value.lastIndexOf('/');
    const periodKey = value.slice(0, slash);
    const columns = byPeriod.get(periodKey);
    const key = value.slice(slash + 1);
    const range = matched.valueRange?.range;
    const columnIndex = range ? firstColumnOf(range) : undefined;
    if (!range || !columns || !key || columnIndex === undefined || columns.has(key)) continue;
    columns.set(key, { columnIndex, cells: (matched.valueRange?.values?.[0] ?? []) as CellValue[] });
    const title = sheetNameOf(range);
    if (title !== undefined && !titles.has(periodKey)) titles.set(periodKey, title);
  }
  return new Map(
    [...byPeriod].map(([periodKey, columns]) => {
      const title = titles.get(periodKey);
      return [
        periodKey,
        { columns, missing: keys.filter((k) => !columns.has(k)), ...(title === undefined ? {} : { title }) },
      ];
    }),
  );
}

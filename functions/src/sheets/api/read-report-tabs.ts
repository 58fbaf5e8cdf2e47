/**
 * Reads report tabs in one call (`spreadsheets.getByDataFilter`, a fields mask): every cell as entered — formulas as
 * formulas, numbers and dates as numbers, text as text — and the developer metadata on each tab, its columns and
 * its rows, with each entry's visibility, so the sync can tell theodoi's markers from look-alikes.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { GridValue, ReportGrid } from '../../domain/sync/report-grid.js';
import {
  COLUMN_METADATA_KEY,
  ROW_METADATA_KEY,
  TAB_METADATA_KEY,
  tabMetadataValue,
} from '../layout/report-tab.js';
import type { GoogleClients } from './clients.js';
import { callGoogle } from './retry.js';

/** One developer-metadata entry found on a tab, a column or a row. */
export interface FoundMarker {
  metadataId: number;
  key: string;
  value: string;
  visibility: string;
  /** The 0-based column or row it is on; -1 for the tab's own. */
  index: number;
}

/** One tab as read: where it is, theodoi's (and look-alike) markers, and its cells. */
export interface ReadTab {
  sheetId: number;
  title: string;
  tabMarkers: FoundMarker[];
  columnMarkers: FoundMarker[];
  rowMarkers: FoundMarker[];
  grid: ReportGrid;
}

const METADATA = 'developerMetadata(metadataId,metadataKey,metadataValue,visibility)';
/** Only what the sync uses: a 5,000-unit tab's answer would otherwise carry every cell's formats and values thrice. */
const FIELDS =
  `sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),${METADATA},` +
  `data(startRow,startColumn,rowMetadata(${METADATA}),columnMetadata(${METADATA}),rowData(values(userEnteredValue))))`;
const KEYS = new Set([COLUMN_METADATA_KEY, ROW_METADATA_KEY, TAB_METADATA_KEY]);

/** Which tabs to read: those marked as the periods' report tabs, or (to repair a lost tab marker) these sheet ids. */
export type TabSelection = { periodKeys: readonly string[] } | { sheetIds: readonly number[] };

/** One `spreadsheets.getByDataFilter` for the selected tabs, whole; tabs in the answer's order. */
export async function readReportTabs(
  clients: GoogleClients,
  spreadsheetId: string,
  selection: TabSelection,
): Promise<ReadTab[]> {
  const dataFilters: sheets_v4.Schema$DataFilter[] =
    'periodKeys' in selection
      ? selection.periodKeys.map((periodKey) => ({
          developerMetadataLookup: {
            metadataKey: TAB_METADATA_KEY,
            metadataValue: tabMetadataValue(periodKey),
          },
        }))
      : selection.sheetIds.map((sheetId) => ({ gridRange: { sheetId } }));
  if (dataFilters.length === 0) return [];
  const res = await callGoogle(
    () =>
      clients.sheets.spreadsheets.getByDataFilter({
        spreadsheetId,
        fields: FIELDS,
        requestBody: { dataFilters, includeGridData: true },
      }),
    'repeatable',
    clients.retry,
  );
  return (res.data.sheets ?? []).map(tabFromAnswer);
}

/** A tab of a getByDataFilter answer as the sync reads it (pure: the bench times it on a built answer). */
export function tabFromAnswer(sheet: sheets_v4.Schema$Sheet): ReadTab {
  // A tab matched by two filters (a look-alike tab marker) comes with its grid twice: one is enough.
  const data = sheet.data?.[0] ?? {};
  const startRow = data.startRow ?? 0;
  const startColumn = data.startColumn ?? 0;
  const grid = sheet.properties?.gridProperties ?? {};
  return {
    sheetId: sheet.properties?.sheetId ?? 0,
    title: sheet.properties?.title ?? '',
    tabMarkers: markersOf(sheet.developerMetadata, -1),
    columnMarkers: (data.columnMetadata ?? []).flatMap((p, i) =>
      markersOf(p.developerMetadata, startColumn + i),
    ),
    rowMarkers: (data.rowMetadata ?? []).flatMap((p, i) => markersOf(p.developerMetadata, startRow + i)),
    grid: gridOf(data.rowData ?? [], startRow, startColumn, grid.rowCount ?? 0, grid.columnCount ?? 0),
  };
}

function markersOf(list: sheets_v4.Schema$DeveloperMetadata[] | undefined, index: number): FoundMarker[] {
  return (list ?? []).flatMap((m) =>
    m.metadataKey && KEYS.has(m.metadataKey) && m.metadataId != null
      ? [
          {
            metadataId: m.metadataId,
            key: m.metadataKey,
            value: m.metadataValue ?? '',
            visibility: m.visibility ?? '',
            index,
          },
        ]
      : [],
  );
}

/** The cells of the answer, read where they are (the answer's rows and values are trimmed of trailing blanks). */
function gridOf(
  rows: sheets_v4.Schema$RowData[],
  startRow: number,
  startColumn: number,
  rowCount: number,
  columnCount: number,
): ReportGrid {
  const entered = (row: number, column: number) =>
    rows[row - startRow]?.values?.[column - startColumn]?.userEnteredValue;
  return {
    rowCount: Math.max(rowCount, startRow + rows.length),
    columnCount,
    value: (row, column) => {
      const v = entered(row, column);
      return v ? valueOf(v) : undefined;
    },
    formula: (row, column) => entered(row, column)?.formulaValue != null,
  };
}

/** An entered value as the sync reads it: a formula as its text, never its result. */
function valueOf(v: sheets_v4.Schema$ExtendedValue): GridValue | undefined {
  if (v.formulaValue != null) return v.formulaValue;
  if (v.numberValue != null) return v.numberValue;
  if (v.stringValue != null) return v.stringValue === '' ? undefined : v.stringValue;
  if (v.boolValue != null) return v.boolValue;
  if (v.errorValue) return '#ERROR!';
  return undefined;
}

// Developer metadata: create/update/delete/search/get, and metadata that follows its columns and rows when
// they are inserted, deleted, moved or sorted; values by data filter.
import type { sheets_v4 } from '@googleapis/sheets';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../../support/sheets-harness.js';
import { createSpreadsheet, failure, startHarness, stopHarness } from '../../../support/sheets-harness.js';

let h: Harness;
let id: string;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await stopHarness(h);
});

const HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Tiến độ', 'Ghi chú'];

async function batch(
  requests: sheets_v4.Schema$Request[],
): Promise<sheets_v4.Schema$BatchUpdateSpreadsheetResponse> {
  return (await h.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } })).data;
}

function columnTag(key: string, col: number, metadataId?: number): sheets_v4.Schema$Request {
  return {
    createDeveloperMetadata: {
      developerMetadata: {
        ...(metadataId ? { metadataId } : {}),
        metadataKey: key,
        metadataValue: `col-${col}`,
        visibility: 'DOCUMENT',
        location: {
          dimensionRange: { sheetId: 0, dimension: 'COLUMNS', startIndex: col, endIndex: col + 1 },
        },
      },
    },
  };
}

async function columnOf(key: string): Promise<number | null | undefined> {
  const res = await h.sheets.spreadsheets.developerMetadata.search({
    spreadsheetId: id,
    requestBody: { dataFilters: [{ developerMetadataLookup: { metadataKey: key } }] },
  });
  return res.data.matchedDeveloperMetadata?.[0]?.developerMetadata?.location?.dimensionRange?.startIndex;
}

async function columnValues(key: string): Promise<unknown[] | undefined> {
  const res = await h.sheets.spreadsheets.values.batchGetByDataFilter({
    spreadsheetId: id,
    requestBody: {
      dataFilters: [{ developerMetadataLookup: { metadataKey: key } }],
      majorDimension: 'COLUMNS',
    },
  });
  return res.data.valueRanges?.[0]?.valueRange?.values?.[0] as unknown[] | undefined;
}

beforeEach(async () => {
  id = await createSpreadsheet(h.sheets, { properties: { title: 'Theo dõi', locale: 'vi_VN' } });
  await h.sheets.spreadsheets.values.update({
    spreadsheetId: id,
    range: 'A1',
    valueInputOption: 'RAW',
    requestBody: {
      values: [HEADER, ['U03', 'Xã C', 30, ''], ['U01', 'Xã A', 10, 'x'], ['U02', 'Xã B', 20, '']],
    },
  });
  await batch([
    columnTag('theodoi.ma', 0, 101),
    columnTag('theodoi.ten', 1, 102),
    columnTag('theodoi.tiendo', 2, 103),
    columnTag('theodoi.ghichu', 3, 104),
  ]);
});

describe('createDeveloperMetadata', () => {
  it('replies with the created metadata and its location', async () => {
    const res = await batch([
      {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: 'theodoi.sheet',
            metadataValue: 'v1',
            visibility: 'PROJECT',
            location: { sheetId: 0 },
          },
        },
      },
      {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: 'theodoi.file',
            visibility: 'DOCUMENT',
            location: { spreadsheet: true },
          },
        },
      },
    ]);
    expect(res.replies?.[0]?.createDeveloperMetadata?.developerMetadata).toEqual({
      metadataId: expect.any(Number) as number,
      metadataKey: 'theodoi.sheet',
      metadataValue: 'v1',
      location: { locationType: 'SHEET', sheetId: 0 },
      visibility: 'PROJECT',
    });
    expect(res.replies?.[1]?.createDeveloperMetadata?.developerMetadata?.location).toEqual({
      locationType: 'SPREADSHEET',
      spreadsheet: true,
    });
    const got = await h.sheets.spreadsheets.get({ spreadsheetId: id });
    expect(got.data.developerMetadata?.map((m) => m.metadataKey)).toEqual(['theodoi.file']);
    expect(got.data.sheets?.[0]?.developerMetadata?.map((m) => m.metadataKey)).toEqual(['theodoi.sheet']);
  });

  it('gets one entry by id and 404s on an unknown id', async () => {
    const got = await h.sheets.spreadsheets.developerMetadata.get({ spreadsheetId: id, metadataId: 103 });
    expect(got.data).toEqual({
      metadataId: 103,
      metadataKey: 'theodoi.tiendo',
      metadataValue: 'col-2',
      location: {
        locationType: 'COLUMN',
        // a DimensionRange on sheet 0 comes back without `sheetId` (proto3 leaves 0 out)
        dimensionRange: { dimension: 'COLUMNS', startIndex: 2, endIndex: 3 },
      },
      visibility: 'DOCUMENT',
    });
    const e = await failure(
      h.sheets.spreadsheets.developerMetadata.get({ spreadsheetId: id, metadataId: 999 }),
    );
    expect(e.status).toBe(404);
  });

  it('refuses a duplicate id, a missing key or visibility, an unbounded range', async () => {
    const dup = await failure(batch([columnTag('x', 0, 101)]));
    expect(dup.message).toBe(
      'Invalid requests[0].createDeveloperMetadata: Developer metadata with id 101 already exists.',
    );
    const noVis = await failure(
      batch([
        {
          createDeveloperMetadata: {
            developerMetadata: { metadataKey: 'k', location: { spreadsheet: true } },
          },
        },
      ]),
    );
    expect(noVis.message).toBe(
      'Invalid requests[0].createDeveloperMetadata: Developer metadata must always have a visibility specified.',
    );
    const unb = await failure(
      batch([
        {
          createDeveloperMetadata: {
            developerMetadata: {
              metadataKey: 'k',
              visibility: 'DOCUMENT',
              location: { dimensionRange: { sheetId: 0, dimension: 'ROWS', startIndex: 1 } },
            },
          },
        },
      ]),
    );
    expect(unb.status).toBe(400);
  });

  it('shows row/column metadata in grid data', async () => {
    const got = await h.sheets.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['A1:C1'],
      includeGridData: true,
    });
    const cols = got.data.sheets?.[0]?.data?.[0]?.columnMetadata;
    expect(cols?.map((c) => c.developerMetadata?.map((m) => m.metadataKey))).toEqual([
      ['theodoi.ma'],
      ['theodoi.ten'],
      ['theodoi.tiendo'],
    ]);
  });
});

describe('metadata follows its columns', () => {
  it('when columns are inserted before them', async () => {
    await batch([
      { insertDimension: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 1, endIndex: 3 } } },
    ]);
    expect(await columnOf('theodoi.ma')).toBe(0);
    expect(await columnOf('theodoi.ten')).toBe(3);
    expect(await columnOf('theodoi.tiendo')).toBe(4);
    expect(await columnValues('theodoi.tiendo')).toEqual(['Tiến độ', '30', '10', '20']);
  });

  it('when another column is deleted, and is deleted with its own column', async () => {
    await batch([
      { deleteDimension: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 } } },
    ]);
    expect(await columnOf('theodoi.ten')).toBeUndefined();
    expect(await columnOf('theodoi.tiendo')).toBe(1);
    const e = await failure(
      h.sheets.spreadsheets.developerMetadata.get({ spreadsheetId: id, metadataId: 102 }),
    );
    expect(e.status).toBe(404);
  });

  it('when columns are moved', async () => {
    await batch([
      {
        moveDimension: {
          source: { sheetId: 0, dimension: 'COLUMNS', startIndex: 2, endIndex: 3 },
          destinationIndex: 0,
        },
      },
    ]);
    expect(await columnOf('theodoi.tiendo')).toBe(0);
    expect(await columnOf('theodoi.ma')).toBe(1);
    expect(await columnOf('theodoi.ten')).toBe(2);
    expect(await columnValues('theodoi.ma')).toEqual(['Mã đơn vị', 'U03', 'U01', 'U02']);
    await batch([
      {
        moveDimension: {
          source: { sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 },
          destinationIndex: 4,
        },
      },
    ]);
    expect(await columnOf('theodoi.tiendo')).toBe(3);
    expect(await columnOf('theodoi.ghichu')).toBe(2);
    const header = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: '1:1' });
    expect(header.data.values).toEqual([['Mã đơn vị', 'Tên đơn vị', 'Ghi chú', 'Tiến độ']]);
  });
});

describe('metadata follows its rows', () => {
  beforeEach(async () => {
    await batch(
      [1, 2, 3].map((r) => ({
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: 'theodoi.row',
            metadataValue: `row-${r}`,
            visibility: 'DOCUMENT',
            location: { dimensionRange: { sheetId: 0, dimension: 'ROWS', startIndex: r, endIndex: r + 1 } },
          },
        },
      })),
    );
  });

  async function rowsByValue(): Promise<Record<string, number>> {
    const res = await h.sheets.spreadsheets.developerMetadata.search({
      spreadsheetId: id,
      requestBody: { dataFilters: [{ developerMetadataLookup: { metadataKey: 'theodoi.row' } }] },
    });
    return Object.fromEntries(
      (res.data.matchedDeveloperMetadata ?? []).map((m) => [
        m.developerMetadata?.metadataValue ?? '',
        m.developerMetadata?.location?.dimensionRange?.startIndex ?? -1,
      ]),
    );
  }

  it('when the rows are sorted', async () => {
    await batch([
      {
        sortRange: {
          range: { sheetId: 0, startRowIndex: 1, endRowIndex: 4, startColumnIndex: 0, endColumnIndex: 4 },
          sortSpecs: [{ dimensionIndex: 0, sortOrder: 'ASCENDING' }],
        },
      },
    ]);
    const values = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A2:B4' });
    expect(values.data.values).toEqual([
      ['U01', 'Xã A'],
      ['U02', 'Xã B'],
      ['U03', 'Xã C'],
    ]);
    expect(await rowsByValue()).toEqual({ 'row-1': 3, 'row-2': 1, 'row-3': 2 });
    const row = await h.sheets.spreadsheets.values.batchGetByDataFilter({
      spreadsheetId: id,
      requestBody: { dataFilters: [{ developerMetadataLookup: { metadataValue: 'row-1' } }] },
    });
    expect(row.data.valueRanges?.[0]?.valueRange).toEqual({
      range: 'Sheet1!A4:Z4',
      majorDimension: 'ROWS',
      values: [['U03', 'Xã C', '30']],
    });
  });

  it('when rows are inserted above and a row is deleted', async () => {
    await batch([
      { insertDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 3 } } },
      { deleteDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 4, endIndex: 5 } } },
    ]);
    expect(await rowsByValue()).toEqual({ 'row-1': 3, 'row-3': 4 });
  });

  it('when rows are appended with INSERT_ROWS above them', async () => {
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A10',
      valueInputOption: 'RAW',
      requestBody: { values: [['dưới bảng']] },
    });
    await batch([
      {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: 'theodoi.row',
            metadataValue: 'row-9',
            visibility: 'DOCUMENT',
            location: { dimensionRange: { sheetId: 0, dimension: 'ROWS', startIndex: 9, endIndex: 10 } },
          },
        },
      },
    ]);
    await h.sheets.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'A1:D2',
      valueInputOption: 'RAW',
      insertDataOption: 'INSERT_ROWS',
      requestBody: { values: [['U04', 'Xã D', 40]] },
    });
    expect(await rowsByValue()).toEqual({ 'row-1': 1, 'row-2': 2, 'row-3': 3, 'row-9': 10 });
    const moved = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A5:A11' });
    expect(moved.data.values).toEqual([['U04'], [], [], [], [], [], ['dưới bảng']]);
  });
});

describe('update, delete and lookups', () => {
  it('updates the masked fields of every match and can move an entry', async () => {
    const res = await batch([
      {
        updateDeveloperMetadata: {
          dataFilters: [{ developerMetadataLookup: { metadataId: 104 } }],
          developerMetadata: {
            metadataValue: 'moved',
            location: { dimensionRange: { sheetId: 0, dimension: 'COLUMNS', startIndex: 5, endIndex: 6 } },
          },
          fields: 'metadataValue,location',
        },
      },
    ]);
    expect(res.replies?.[0]?.updateDeveloperMetadata?.developerMetadata).toEqual([
      {
        metadataId: 104,
        metadataKey: 'theodoi.ghichu',
        metadataValue: 'moved',
        location: {
          locationType: 'COLUMN',
          dimensionRange: { dimension: 'COLUMNS', startIndex: 5, endIndex: 6 },
        },
        visibility: 'DOCUMENT',
      },
    ]);
    expect(await columnOf('theodoi.ghichu')).toBe(5);
  });

  it('deletes by lookup and replies with what it deleted', async () => {
    const res = await batch([
      {
        deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataKey: 'theodoi.ten' } } },
      },
    ]);
    expect(
      res.replies?.[0]?.deleteDeveloperMetadata?.deletedDeveloperMetadata?.map((m) => m.metadataId),
    ).toEqual([102]);
    expect(await columnOf('theodoi.ten')).toBeUndefined();
  });

  it('matches by location: exact and intersecting', async () => {
    const exact = await h.sheets.spreadsheets.developerMetadata.search({
      spreadsheetId: id,
      requestBody: {
        dataFilters: [
          {
            developerMetadataLookup: {
              metadataLocation: {
                dimensionRange: { sheetId: 0, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 },
              },
              locationMatchingStrategy: 'EXACT_LOCATION',
            },
          },
        ],
      },
    });
    expect(exact.data.matchedDeveloperMetadata?.map((m) => m.developerMetadata?.metadataId)).toEqual([102]);
    const wide = await h.sheets.spreadsheets.developerMetadata.search({
      spreadsheetId: id,
      requestBody: {
        dataFilters: [
          {
            developerMetadataLookup: {
              locationType: 'COLUMN',
              metadataLocation: {
                dimensionRange: { sheetId: 0, dimension: 'COLUMNS', startIndex: 1, endIndex: 3 },
              },
              locationMatchingStrategy: 'INTERSECTING_LOCATION',
            },
          },
        ],
      },
    });
    expect(wide.data.matchedDeveloperMetadata?.map((m) => m.developerMetadata?.metadataId)).toEqual([
      102, 103,
    ]);
    const a1 = await h.sheets.spreadsheets.developerMetadata.search({
      spreadsheetId: id,
      requestBody: { dataFilters: [{ a1Range: 'D2:D3' }] },
    });
    expect(a1.data.matchedDeveloperMetadata?.map((m) => m.developerMetadata?.metadataId)).toEqual([104]);
  });
});

describe('values by data filter', () => {
  it('updates and clears the column a metadata lookup selects, and accepts A1 and grid ranges', async () => {
    const res = await h.sheets.spreadsheets.values.batchUpdateByDataFilter({
      spreadsheetId: id,
      requestBody: {
        valueInputOption: 'USER_ENTERED',
        includeValuesInResponse: true,
        data: [
          {
            dataFilter: { developerMetadataLookup: { metadataKey: 'theodoi.ghichu' } },
            majorDimension: 'COLUMNS',
            values: [['Ghi chú', 'a', 'b', 'c']],
          },
          { dataFilter: { a1Range: 'F1' }, values: [['1,5']] },
          {
            dataFilter: {
              gridRange: {
                sheetId: 0,
                startRowIndex: 0,
                endRowIndex: 1,
                startColumnIndex: 6,
                endColumnIndex: 7,
              },
            },
            values: [['g']],
          },
        ],
      },
    });
    expect(res.data).toMatchObject({ spreadsheetId: id, totalUpdatedCells: 6, totalUpdatedSheets: 1 });
    expect(res.data.responses?.[0]).toMatchObject({
      updatedRange: 'Sheet1!D1:D4',
      updatedCells: 4,
      dataFilter: { developerMetadataLookup: { metadataKey: 'theodoi.ghichu' } },
      updatedData: {
        range: 'Sheet1!D1:D1000',
        majorDimension: 'ROWS',
        values: [['Ghi chú'], ['a'], ['b'], ['c']],
      },
    });
    const f = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'F1',
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(f.data.values).toEqual([[1.5]]);
    const tooWide = await failure(
      h.sheets.spreadsheets.values.batchUpdateByDataFilter({
        spreadsheetId: id,
        requestBody: {
          valueInputOption: 'RAW',
          data: [{ dataFilter: { developerMetadataLookup: { metadataId: 101 } }, values: [['a', 'b']] }],
        },
      }),
    );
    expect(tooWide.status).toBe(400);
    const cleared = await h.sheets.spreadsheets.values.batchClearByDataFilter({
      spreadsheetId: id,
      requestBody: {
        dataFilters: [{ developerMetadataLookup: { metadataKey: 'theodoi.tiendo' } }, { a1Range: 'F1:G1' }],
      },
    });
    expect(cleared.data).toEqual({ spreadsheetId: id, clearedRanges: ['Sheet1!C1:C1000', 'Sheet1!F1:G1'] });
    expect(await columnValues('theodoi.tiendo')).toBeUndefined();
  });

  it('getByDataFilter returns the sheets (and grid data) the filters select', async () => {
    const res = await h.sheets.spreadsheets.getByDataFilter({
      spreadsheetId: id,
      requestBody: {
        dataFilters: [{ developerMetadataLookup: { metadataKey: 'theodoi.ma' } }],
        includeGridData: true,
      },
    });
    const data = res.data.sheets?.[0]?.data?.[0];
    expect(data?.rowData?.map((r) => r.values?.[0]?.formattedValue)).toEqual([
      'Mã đơn vị',
      'U03',
      'U01',
      'U02',
    ]);
    expect(data?.startColumn).toBeUndefined();
  });
});

// spreadsheets.create/get (ranges, grid data, fields), sheets.copyTo, Drive-created and Drive-copied spreadsheets, access.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor } from '@theodoi/test-kit/clients';
import type { Harness } from '../../../support/sheets-harness.js';
import { createSpreadsheet, failure, startHarness, stopHarness } from '../../../support/sheets-harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await stopHarness(h);
});

describe('spreadsheets.create', () => {
  it('creates a default spreadsheet like Google (Sheet1, id 0, 1000×26, Arial 10, the default theme)', async () => {
    const res = await h.sheets.spreadsheets.create({ requestBody: { properties: { title: 'Chỉ thị 12' } } });
    const rgb = (red: number, green: number, blue: number) => ({ rgbColor: { red, green, blue } });
    expect(res.data).toEqual({
      spreadsheetId: expect.any(String) as string,
      properties: {
        title: 'Chỉ thị 12',
        locale: 'en_US',
        autoRecalc: 'ON_CHANGE',
        timeZone: 'Etc/GMT',
        // as a recorded Google reply has them: black is `{}` (proto3 leaves 0 out) but `bold: false` stays
        defaultFormat: {
          backgroundColor: { red: 1, green: 1, blue: 1 },
          padding: { top: 2, right: 3, bottom: 2, left: 3 },
          verticalAlignment: 'BOTTOM',
          wrapStrategy: 'OVERFLOW_CELL',
          textFormat: {
            foregroundColor: {},
            fontFamily: 'arial,sans,sans-serif',
            fontSize: 10,
            bold: false,
            italic: false,
            strikethrough: false,
            underline: false,
            foregroundColorStyle: { rgbColor: {} },
          },
          backgroundColorStyle: rgb(1, 1, 1),
        },
        spreadsheetTheme: {
          primaryFontFamily: 'Arial',
          themeColors: [
            { colorType: 'TEXT', color: { rgbColor: {} } },
            { colorType: 'BACKGROUND', color: rgb(1, 1, 1) },
            { colorType: 'ACCENT1', color: rgb(0.25882354, 0.52156866, 0.95686275) },
            { colorType: 'ACCENT2', color: rgb(0.91764706, 0.2627451, 0.20784314) },
            { colorType: 'ACCENT3', color: rgb(0.9843137, 0.7372549, 0.015686275) },
            { colorType: 'ACCENT4', color: rgb(0.20392157, 0.65882355, 0.3254902) },
            { colorType: 'ACCENT5', color: rgb(1, 0.42745098, 0.003921569) },
            { colorType: 'ACCENT6', color: rgb(0.27450982, 0.7411765, 0.7764706) },
            { colorType: 'LINK', color: rgb(0.06666667, 0.33333334, 0.8) },
          ],
        },
      },
      sheets: [
        {
          properties: {
            sheetId: 0,
            title: 'Sheet1',
            index: 0,
            sheetType: 'GRID',
            gridProperties: { rowCount: 1000, columnCount: 26 },
          },
        },
      ],
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${res.data.spreadsheetId}/edit`,
    });
    const file = await h.drive.files.get({ fileId: res.data.spreadsheetId ?? '', fields: 'name,mimeType' });
    expect(file.data).toEqual({ name: 'Chỉ thị 12', mimeType: 'application/vnd.google-apps.spreadsheet' });
  });

  it('creates sheets with data, named ranges and metadata from the body', async () => {
    const id = await createSpreadsheet(h.sheets, {
      properties: { title: 'Có dữ liệu', locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' },
      sheets: [
        {
          properties: {
            title: 'Tổng hợp',
            sheetId: 5,
            gridProperties: { rowCount: 10, columnCount: 4, frozenRowCount: 1 },
          },
          developerMetadata: [
            {
              metadataKey: 'theodoi.col',
              visibility: 'DOCUMENT',
              location: { dimensionRange: { sheetId: 5, dimension: 'COLUMNS', startIndex: 2, endIndex: 3 } },
            },
          ],
          data: [
            {
              startRow: 1,
              startColumn: 1,
              rowData: [
                {
                  values: [
                    { userEnteredValue: { numberValue: 1.5 } },
                    { userEnteredValue: { formulaValue: '=B2*2' } },
                  ],
                },
              ],
            },
          ],
        },
      ],
      namedRanges: [{ name: 'Dong2', range: { sheetId: 5, startRowIndex: 1, endRowIndex: 2 } }],
      developerMetadata: [
        {
          metadataKey: 'theodoi.version',
          metadataValue: '1',
          visibility: 'DOCUMENT',
          location: { spreadsheet: true },
        },
      ],
    });
    const v = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Dong2' });
    expect(v.data).toEqual({ range: "'Tổng hợp'!A2:D2", majorDimension: 'ROWS', values: [['', '1,5', '3']] });
    const s = await h.sheets.spreadsheets.get({ spreadsheetId: id });
    expect(s.data.sheets?.[0]?.properties).toEqual({
      sheetId: 5,
      title: 'Tổng hợp',
      index: 0,
      sheetType: 'GRID',
      gridProperties: { rowCount: 10, columnCount: 4, frozenRowCount: 1 },
    });
    const col = await h.sheets.spreadsheets.values.batchGetByDataFilter({
      spreadsheetId: id,
      requestBody: { dataFilters: [{ developerMetadataLookup: { metadataKey: 'theodoi.col' } }] },
    });
    expect(col.data.valueRanges?.[0]?.valueRange).toEqual({
      range: "'Tổng hợp'!C1:C10",
      majorDimension: 'ROWS',
      values: [[], ['3']],
    });
    const groups = await failure(
      h.sheets.spreadsheets.create({
        requestBody: {
          sheets: [{ rowGroups: [{ range: { sheetId: 0, dimension: 'ROWS', startIndex: 0, endIndex: 2 } }] }],
        },
      }),
    );
    expect(groups.status).toBe(501);
    expect(s.data.developerMetadata?.[0]).toMatchObject({
      metadataKey: 'theodoi.version',
      location: { locationType: 'SPREADSHEET', spreadsheet: true },
    });
  });
});

describe('spreadsheets.get', () => {
  it('filters sheets by ranges and returns grid data only when asked', async () => {
    const id = await createSpreadsheet(h.sheets, {
      sheets: [{ properties: { title: 'A' } }, { properties: { title: 'B' } }],
    });
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'B!B2',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['x', '=1/0']] },
    });
    const plain = await h.sheets.spreadsheets.get({ spreadsheetId: id, ranges: ['B!A1:C3'] });
    expect(plain.data.sheets?.map((s) => s.properties?.title)).toEqual(['B']);
    expect(plain.data.sheets?.[0]?.data).toBeUndefined();
    const withData = await h.sheets.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['B!B2:C3', 'B!A1'],
      includeGridData: true,
    });
    const [d1, d2] = withData.data.sheets?.[0]?.data ?? [];
    expect(d1?.startRow).toBe(1);
    expect(d1?.startColumn).toBe(1);
    expect(d1?.rowData).toEqual([
      {
        values: [
          {
            userEnteredValue: { stringValue: 'x' },
            effectiveValue: { stringValue: 'x' },
            formattedValue: 'x',
          },
          {
            userEnteredValue: { formulaValue: '=1/0' },
            effectiveValue: {
              errorValue: { type: 'DIVIDE_BY_ZERO', message: 'Function DIVIDE parameter 2 cannot be zero.' },
            },
            formattedValue: '#DIV/0!',
          },
        ],
      },
    ]);
    expect(d1?.rowMetadata).toHaveLength(2);
    expect(d1?.columnMetadata).toEqual([{ pixelSize: 100 }, { pixelSize: 100 }]);
    expect(d2).toEqual({ rowMetadata: [{ pixelSize: 21 }], columnMetadata: [{ pixelSize: 100 }] });
  });

  it('applies a fields mask (in the shell) and returns grid data the mask asks for', async () => {
    const id = await createSpreadsheet(h.sheets);
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['v']] },
    });
    const res = await h.sheets.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['A1'],
      fields: 'sheets(properties.title,data.rowData.values.formattedValue)',
    });
    expect(res.data).toEqual({
      sheets: [
        { properties: { title: 'Sheet1' }, data: [{ rowData: [{ values: [{ formattedValue: 'v' }] }] }] },
      ],
    });
  });
});

describe('sheets.copyTo', () => {
  it('copies a sheet into another spreadsheet as "Copy of …"', async () => {
    const src = await createSpreadsheet(h.sheets);
    const dst = await createSpreadsheet(h.sheets);
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: src,
      range: 'A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['sao chép']] },
    });
    const res = await h.sheets.spreadsheets.sheets.copyTo({
      spreadsheetId: src,
      sheetId: 0,
      requestBody: { destinationSpreadsheetId: dst },
    });
    expect(res.data).toMatchObject({ title: 'Copy of Sheet1', index: 1, sheetType: 'GRID' });
    const v = await h.sheets.spreadsheets.values.get({ spreadsheetId: dst, range: "'Copy of Sheet1'!A1" });
    expect(v.data.values).toEqual([['sao chép']]);
    const e = await failure(
      h.sheets.spreadsheets.sheets.copyTo({
        spreadsheetId: src,
        sheetId: 9,
        requestBody: { destinationSpreadsheetId: dst },
      }),
    );
    expect(e.status).toBe(404);
  });
});

describe('Drive and access', () => {
  it('a spreadsheet created or copied through Drive is a working Sheets model', async () => {
    const created = await h.drive.files.create({
      requestBody: { name: 'Từ Drive', mimeType: 'application/vnd.google-apps.spreadsheet' },
    });
    const id = created.data.id ?? '';
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['gốc']] },
    });
    const copy = await h.drive.files.copy({ fileId: id, requestBody: { name: 'Bản sao' } });
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['đổi']] },
    });
    const got = await h.sheets.spreadsheets.get({ spreadsheetId: copy.data.id ?? '' });
    expect(got.data.properties?.title).toBe('Bản sao');
    const v = await h.sheets.spreadsheets.values.get({ spreadsheetId: copy.data.id ?? '', range: 'A1' });
    expect(v.data.values).toEqual([['gốc']]);
  });

  it('refuses writes from a reader and reads from a stranger; every write bumps the Drive version once', async () => {
    const id = await createSpreadsheet(h.sheets);
    await h.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'user', role: 'reader', emailAddress: 'reader@example.com' },
    });
    const reader = clientsFor(h.server, 'reader@example.com', { retry: false });
    const stranger = clientsFor(h.server, 'stranger@example.com', { retry: false });
    expect((await reader.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' })).status).toBe(
      200,
    );
    const w = await failure(
      reader.sheets.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'A1',
        valueInputOption: 'RAW',
        requestBody: { values: [[1]] },
      }),
    );
    expect(w.status).toBe(403);
    expect(w.message).toBe('The caller does not have permission');
    const r = await failure(stranger.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' }));
    expect(r.status).toBe(403);
    const v0 = Number((await h.drive.files.get({ fileId: id, fields: 'version' })).data.version);
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ addSheet: {} }, { addSheet: {} }] },
    });
    const v1 = Number((await h.drive.files.get({ fileId: id, fields: 'version' })).data.version);
    expect(v1 - v0).toBe(1);
    await failure(
      h.sheets.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ deleteSheet: { sheetId: 12345 } }] },
      }),
    );
    const v2 = Number((await h.drive.files.get({ fileId: id, fields: 'version' })).data.version);
    expect(v2).toBe(v1);
  });
});

describe('persistence', () => {
  it('a spreadsheet model survives a restart with dataDir (cells, formats, metadata, named ranges)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sheets-emulator-'));
    try {
      const first = await startHarness({ dataDir: dir });
      const id = await createSpreadsheet(first.sheets, { properties: { locale: 'vi_VN' } });
      await first.sheets.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'A1',
        valueInputOption: 'USER_ENTERED',
        requestBody: { values: [['15/03/2024', '=A1+1', "'007"]] },
      });
      await first.sheets.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            {
              createDeveloperMetadata: {
                developerMetadata: {
                  metadataId: 7,
                  metadataKey: 'k',
                  visibility: 'DOCUMENT',
                  location: {
                    dimensionRange: { sheetId: 0, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 },
                  },
                },
              },
            },
            {
              addNamedRange: {
                namedRange: {
                  name: 'Ngay',
                  range: {
                    sheetId: 0,
                    startRowIndex: 0,
                    endRowIndex: 1,
                    startColumnIndex: 0,
                    endColumnIndex: 1,
                  },
                },
              },
            },
          ],
        },
      });
      await first.server.stop();
      const second = await startHarness({ dataDir: dir });
      try {
        const v = await second.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1:C1' });
        expect(v.data.values).toEqual([['15/03/2024', '16/03/2024', '007']]);
        const n = await second.sheets.spreadsheets.values.get({
          spreadsheetId: id,
          range: 'Ngay',
          valueRenderOption: 'UNFORMATTED_VALUE',
        });
        expect(n.data.values).toEqual([[45366]]);
        const m = await second.sheets.spreadsheets.developerMetadata.get({
          spreadsheetId: id,
          metadataId: 7,
        });
        expect(m.data.location?.dimensionRange).toEqual({
          dimension: 'COLUMNS',
          startIndex: 1,
          endIndex: 2,
        });
      } finally {
        await second.server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

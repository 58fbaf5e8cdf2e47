// A person's view: headless Chromium (Debian's package) renders the emulator's HTML view of a formatted
// spreadsheet into a PNG with real content, and a one-tab view whole, however long and wide the tab. Skips, saying
// why, only where no browser is installed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, pageSize, screenshot } from '@theodoi/sheets-emulator/ui/screenshot';
import {
  createSpreadsheet,
  startHarness,
  stopHarness,
  type Harness,
} from '../../../support/sheets-harness.js';

const CHROMIUM = findChromium();

describe.skipIf(!CHROMIUM)(
  `screenshot of the view${CHROMIUM ? '' : " (skipped: no Chromium installed; .ci/run installs Debian's chromium)"}`,
  () => {
    let h: Harness;
    let id = '';
    beforeAll(async () => {
      h = await startHarness();
      id = await createSpreadsheet(h.sheets, { properties: { title: 'Tổng hợp thử', locale: 'vi_VN' } });
      const rows = Array.from({ length: 30 }, (_, i) => [
        `UBND xã số ${i + 1}`,
        String(1000 + i * 37),
        i % 3 ? 'Đúng hạn' : 'Trễ hạn',
      ]);
      await h.sheets.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'Sheet1!A1',
        valueInputOption: 'USER_ENTERED',
        requestBody: { values: [['Đơn vị', 'Lượt tham dự', 'Tình hình'], ...rows] },
      });
      await h.sheets.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            {
              repeatCell: {
                range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 },
                cell: {
                  userEnteredFormat: {
                    backgroundColor: { red: 0.85, green: 0.91, blue: 0.97 },
                    textFormat: { bold: true },
                  },
                },
                fields: 'userEnteredFormat.backgroundColor,userEnteredFormat.textFormat.bold',
              },
            },
            {
              updateDimensionProperties: {
                range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 },
                properties: { pixelSize: 260 },
                fields: 'pixelSize',
              },
            },
          ],
        },
      });
    });
    afterAll(async () => stopHarness(h));

    it('renders a PNG with the spreadsheet drawn in it', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'shot-')), 'view.png');
      await screenshot(CHROMIUM!, `${h.server.url}/__emulator/spreadsheets/${id}/view`, file, {
        width: 1000,
        height: 800,
      });
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(1000);
      // A blank page of this size compresses to a few kilobytes; text, grid lines and fills make it far larger.
      expect(png.length).toBeGreaterThan(30_000);
    }, 90_000);

    it('captures a tab longer and wider than the window whole: every row and column of the grid', async () => {
      const long = await createSpreadsheet(h.sheets, {
        properties: { title: 'Tổng hợp dài', locale: 'vi_VN' },
        sheets: [{ properties: { sheetId: 7, title: 'Tổng hợp' } }],
      });
      const rows = Array.from({ length: 140 }, (_, i) => [`Đơn vị số ${i + 1}`, String(i * 11), 'Đúng hạn']);
      await h.sheets.spreadsheets.values.update({
        spreadsheetId: long,
        range: "'Tổng hợp'!A1",
        valueInputOption: 'USER_ENTERED',
        requestBody: { values: [['Đơn vị', 'Số liệu', 'Tình hình'], ...rows] },
      });
      await h.sheets.spreadsheets.batchUpdate({
        spreadsheetId: long,
        requestBody: {
          requests: [
            // Taller rows further down, and a first column wider than the window.
            {
              updateDimensionProperties: {
                range: { sheetId: 7, dimension: 'ROWS', startIndex: 100, endIndex: 120 },
                properties: { pixelSize: 48 },
                fields: 'pixelSize',
              },
            },
            {
              updateDimensionProperties: {
                range: { sheetId: 7, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 },
                properties: { pixelSize: 1300 },
                fields: 'pixelSize',
              },
            },
          ],
        },
      });
      const meta = await h.sheets.spreadsheets.get({
        spreadsheetId: long,
        ranges: ["'Tổng hợp'!A1:C141"],
        fields: 'sheets.data(rowMetadata.pixelSize,columnMetadata.pixelSize)',
      });
      const data = meta.data.sheets![0]!.data![0]!;
      const gridHeight = (data.rowMetadata ?? []).reduce((n, r) => n + (r.pixelSize ?? 0), 0);
      const gridWidth = (data.columnMetadata ?? []).reduce((n, c) => n + (c.pixelSize ?? 0), 0);
      expect(gridHeight).toBe(141 * 21 + 20 * (48 - 21));
      const file = join(mkdtempSync(join(tmpdir(), 'shot-')), 'whole.png');
      await screenshot(CHROMIUM!, `${h.server.url}/__emulator/spreadsheets/${long}/view?tab=7`, file, {
        width: 1000,
      });
      const png = readFileSync(file);
      // Far beyond the 1000 × 1000 a fixed window would have cut it to: the grid's rows and columns, plus the
      // title, the tab bar and the column letters above it.
      expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(gridHeight + 60);
      expect(png.readUInt32BE(20)).toBeLessThan(gridHeight + 400);
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(gridWidth);
      const size = await pageSize(
        CHROMIUM!,
        `${h.server.url}/__emulator/spreadsheets/${long}/view?tab=7`,
        1000,
      );
      expect(size).toEqual({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
    }, 120_000);
  },
);

// A person's view: headless Chromium (Debian's package) renders the emulator's HTML view of a formatted
// spreadsheet into a PNG with real content. Skips, saying why, only where no browser is installed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, screenshot } from '@theodoi/sheets-emulator/ui/screenshot';
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
  },
);

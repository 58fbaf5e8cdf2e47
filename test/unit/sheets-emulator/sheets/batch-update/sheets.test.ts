// Sheet properties through batchUpdate: Google refuses to hide the last visible sheet, with its message.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../support/sheets-harness.js';
import { createSpreadsheet, failure, startHarness, stopHarness } from '../../../../support/sheets-harness.js';

let h: Harness;
let id: string;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await stopHarness(h);
});
beforeEach(async () => {
  id = await createSpreadsheet(h.sheets, { properties: { title: 'Ẩn trang' } });
});

const hide = (sheetId: number) => ({
  updateSheetProperties: { properties: { sheetId, hidden: true }, fields: 'hidden' },
});

describe('hiding sheets', () => {
  it('refuses to hide the only sheet with Google’s 400, as recorded', async () => {
    const seen = await failure(
      h.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [hide(0)] } }),
    );
    expect(seen.status).toBe(400);
    expect(seen.data).toEqual({
      error: {
        code: 400,
        message: "Invalid requests[0].updateSheetProperties: You can't hide all the sheets in a document.",
        status: 'INVALID_ARGUMENT',
      },
    });
  });

  it('hides a sheet while another stays visible, and refuses to hide that one too', async () => {
    const added = await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ addSheet: { properties: { title: 'Phụ' } } }, hide(0)] },
    });
    const other = added.data.replies?.[0]?.addSheet?.properties?.sheetId ?? -1;
    const seen = await failure(
      h.sheets.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            { updateSheetProperties: { properties: { sheetId: other, title: 'Phụ lục' }, fields: 'title' } },
            hide(other),
          ],
        },
      }),
    );
    expect(seen.message).toBe(
      "Invalid requests[1].updateSheetProperties: You can't hide all the sheets in a document.",
    );
    const got = await h.sheets.spreadsheets.get({
      spreadsheetId: id,
      fields: 'sheets.properties(title,hidden)',
    });
    expect(got.data.sheets?.map((s) => s.properties)).toEqual([
      { title: 'Sheet1', hidden: true },
      { title: 'Phụ' },
    ]);
  });
});

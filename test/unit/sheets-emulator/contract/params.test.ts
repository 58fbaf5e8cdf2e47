// Query parameters as Google's front end reads them: booleans in any case (`True`, `FALSE`, as Python
// clients send them), anything else Google's 400; prettyPrint likewise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../support/sheets-harness.js';
import { createSpreadsheet, failure, startHarness, stopHarness } from '../../../support/sheets-harness.js';

let h: Harness;
let id: string;

beforeAll(async () => {
  h = await startHarness();
  id = await createSpreadsheet(h.sheets, { properties: { title: 'Tham số' } });
  await h.sheets.spreadsheets.values.update({
    spreadsheetId: id,
    range: 'A1',
    valueInputOption: 'RAW',
    requestBody: { values: [['có']] },
  });
});
afterAll(async () => {
  await stopHarness(h);
});

describe('boolean query parameters', () => {
  it('reads True and TRUE as true and False as false (includeGridData, includeValuesInResponse)', async () => {
    const upper = await h.sheets.spreadsheets.get({ spreadsheetId: id, includeGridData: 'TRUE' as never });
    expect(upper.data.sheets?.[0]?.data?.[0]?.rowData?.[0]?.values?.[0]?.formattedValue).toBe('có');
    const no = await h.sheets.spreadsheets.get({ spreadsheetId: id, includeGridData: 'False' as never });
    expect(no.data.sheets?.[0]?.data).toBeUndefined();
    const appended = await h.sheets.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'A1',
      valueInputOption: 'RAW',
      includeValuesInResponse: 'True' as never,
      requestBody: { values: [['thêm']] },
    });
    expect(appended.data.updates?.updatedData?.values).toEqual([['thêm']]);
  });

  it('reads Drive booleans the same way', async () => {
    const listed = await h.drive.files.list({ supportsAllDrives: 'True' as never, fields: 'files(id)' });
    expect(listed.data.files?.map((f) => f.id)).toContain(id);
  });

  it('refuses any other value with Google’s 400', async () => {
    const seen = await failure(
      h.sheets.spreadsheets.get({ spreadsheetId: id, includeGridData: 'yes' as never }),
    );
    expect(seen.status).toBe(400);
    expect(seen.message).toBe(`Invalid value at 'include_grid_data' (TYPE_BOOL), "yes"`);
    const one = await failure(
      h.sheets.spreadsheets.get({ spreadsheetId: id, includeGridData: '1' as never }),
    );
    expect(one.message).toBe(`Invalid value at 'include_grid_data' (TYPE_BOOL), "1"`);
  });

  it('prints compact JSON for prettyPrint=False', async () => {
    const res = await fetch(`${h.server.url}/v4/spreadsheets/${id}?prettyPrint=False&fields=spreadsheetId`, {
      headers: { Authorization: `Bearer ${h.token}` },
    });
    expect(await res.text()).toBe(`{"spreadsheetId":"${id}"}`);
  });
});

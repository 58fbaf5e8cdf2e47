// Request bodies refused as Google refuses them, with the field paths its protos give: a body bound to a
// request field (`data` of values.update) starts every path, lists of lists are ListValues, a oneof takes one.
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
beforeEach(async () => {
  id = await createSpreadsheet(h.sheets, { properties: { title: 'Đường dẫn lỗi' } });
});

/** Google's 400 body for one field violation. */
function badRequest(field: string, description: string) {
  return {
    error: {
      code: 400,
      message: description,
      status: 'INVALID_ARGUMENT',
      details: [
        { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field, description }] },
      ],
    },
  };
}

describe('values.update and values.append bind their body to `data`', () => {
  it('names a values string that is no list data.values, as a recorded Google reply does', async () => {
    const seen = await failure(
      h.sheets.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'A1',
        valueInputOption: 'RAW',
        requestBody: { values: 'X' as never },
      }),
    );
    expect(seen.status).toBe(400);
    const description = `Invalid value at 'data.values' (type.googleapis.com/google.protobuf.ListValue), "X"`;
    expect(seen.data).toEqual(badRequest('data.values', description));
  });

  it('names a row that is no list data.values[1], a ListValue too', async () => {
    const seen = await failure(
      h.sheets.spreadsheets.values.append({
        spreadsheetId: id,
        range: 'A1',
        valueInputOption: 'RAW',
        requestBody: { values: [['a'], 'b'] as never },
      }),
    );
    expect(seen.message).toBe(
      `Invalid value at 'data.values[1]' (type.googleapis.com/google.protobuf.ListValue), "b"`,
    );
  });

  it('places an unknown top-level name "at \'data\'" (a values.batchUpdate body sent to values.update)', async () => {
    const seen = await failure(
      h.sheets.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'A1',
        valueInputOption: 'RAW',
        requestBody: { valueInputOption: 'RAW', data: [] } as never,
      }),
    );
    expect(seen.message).toBe(
      'Invalid JSON payload received. Unknown name "valueInputOption" at \'data\': Cannot find field.\n' +
        'Invalid JSON payload received. Unknown name "data" at \'data\': Cannot find field.',
    );
  });

  it('prints a cell that is itself a list in protobuf text form, as Google does', async () => {
    const seen = await failure(
      h.sheets.spreadsheets.values.append({
        spreadsheetId: id,
        range: 'A1',
        valueInputOption: 'RAW',
        requestBody: { values: [['a', ['Báo cáo']]] as never },
      }),
    );
    expect(seen.message).toBe(
      'Invalid values[0][1]: list_value {\n  values {\n    string_value: "B\\303\\241o c\\303\\241o"\n  }\n}',
    );
  });
});

describe('bodies bound whole keep their own paths', () => {
  it('names a bad row list in values.batchUpdate data[0].values and in batchUpdate requests[0].update_cells.rows', async () => {
    const values = await failure(
      h.sheets.spreadsheets.values.batchUpdate({
        spreadsheetId: id,
        requestBody: { valueInputOption: 'RAW', data: [{ range: 'A1', values: 'X' as never }] },
      }),
    );
    expect(values.message).toBe(
      `Invalid value at 'data[0].values' (type.googleapis.com/google.protobuf.ListValue), "X"`,
    );
    const cells = await failure(
      h.sheets.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [{ updateCells: { start: { sheetId: 0 }, rows: 'X' as never, fields: '*' } }],
        },
      }),
    );
    expect(cells.message).toBe(
      `Invalid value at 'requests[0].update_cells.rows' (type.googleapis.com/google.apps.sheets.v4.RowData), "X"`,
    );
  });

  it('names a bad field of spreadsheets.create under spreadsheet.', async () => {
    const seen = await failure(
      h.sheets.spreadsheets.create({ requestBody: { properties: { title: 5 as never } } }),
    );
    expect(seen.message).toBe(`Invalid value at 'spreadsheet.properties.title' (TYPE_STRING), 5`);
  });
});

describe('oneof fields', () => {
  it('refuses a second member of a cell value’s oneof, naming the message that holds it', async () => {
    const seen = await failure(
      h.sheets.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            {
              updateCells: {
                start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
                rows: [{ values: [{ userEnteredValue: { numberValue: 1, stringValue: 'một' } }] }],
                fields: 'userEnteredValue',
              },
            },
          ],
        },
      }),
    );
    const path = 'requests[0].update_cells.rows[0].values[0].user_entered_value';
    const description = `Invalid value at '${path}' (oneof), oneof field 'value' is already set. Cannot set 'string_value'`;
    expect(seen.data).toEqual(badRequest(path, description));
    const read = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' });
    expect(read.data.values).toBeUndefined();
  });
});

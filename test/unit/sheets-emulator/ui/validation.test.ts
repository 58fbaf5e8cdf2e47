// Data validation on what officers type in the UI: strict rules reject the entry (nothing written, nothing
// fired), other rules keep it and the view marks it invalid; API writes are not validated, as on Google.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSpreadsheet,
  startHarness,
  stopHarness,
  type Harness,
} from '../../../support/sheets-harness.js';
import { startReceiver, type Receiver } from '../../../support/receiver.js';
import { share } from '../../../support/apps-script.js';
import { installRecordingTrigger } from '../../../support/recording-trigger.js';

const COORDINATOR = 'dieu.phoi@thapmuoi.gov.vn';
const OFFICER = 'can.bo@myhoa.thapmuoi.gov.vn';
const rejected = (a1: string) =>
  `There was a problem. The data you entered in cell ${a1} violates the data validation rules set on this cell.`;

describe('data validation on UI edits', () => {
  let h: Harness;
  let rx: Receiver;
  let id = '';
  const uiEdit = (range: string, values: unknown[][]) =>
    fetch(`${h.server.url}/__emulator/spreadsheets/${id}/ui-edit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: OFFICER, range, values }),
    });
  const read = async (range: string) =>
    (await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range })).data.values ?? [];
  const rule = (col: number, r: object) => ({
    setDataValidation: {
      range: { sheetId: 0, startRowIndex: 1, endRowIndex: 2, startColumnIndex: col, endColumnIndex: col + 1 },
      rule: r,
    },
  });

  beforeAll(async () => {
    h = await startHarness();
    rx = await startReceiver();
    id = await createSpreadsheet(h.sheets, {
      properties: { title: 'Kiểm tra dữ liệu', locale: 'vi_VN' },
      sheets: [
        { properties: { title: 'Báo cáo', sheetId: 0 } },
        { properties: { title: 'Danh mục', sheetId: 1 } },
      ],
    });
    await h.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'user', role: 'writer', emailAddress: OFFICER },
    });
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'Danh mục'!A1:A3",
      valueInputOption: 'RAW',
      requestBody: { values: [['Hội nghị'], ['Tọa đàm'], ['Tập huấn']] },
    });
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          rule(2, {
            condition: { type: 'ONE_OF_RANGE', values: [{ userEnteredValue: "='Danh mục'!A1:A3" }] },
            strict: true,
          }),
          rule(3, {
            condition: {
              type: 'ONE_OF_LIST',
              values: [{ userEnteredValue: 'Có' }, { userEnteredValue: 'Không' }],
            },
            strict: true,
            showCustomUi: true,
          }),
          rule(4, {
            condition: {
              type: 'NUMBER_BETWEEN',
              values: [{ userEnteredValue: '0' }, { userEnteredValue: '100' }],
            },
          }),
          rule(5, {
            condition: { type: 'DATE_ON_OR_AFTER', values: [{ userEnteredValue: '01/03/2024' }] },
            strict: true,
          }),
        ],
      },
    });
    await share(h.drive, id, [COORDINATOR]);
    await installRecordingTrigger(h.server, id, { owner: COORDINATOR, url: rx.url });
  });
  afterAll(async () => {
    await rx.close();
    await stopHarness(h);
  });

  it('accepts entries that satisfy strict rules', async () => {
    expect((await uiEdit("'Báo cáo'!C2:F2", [['Tọa đàm', 'Có', '50', '15/03/2024']])).status).toBe(200);
    expect(await read("'Báo cáo'!C2:F2")).toEqual([['Tọa đàm', 'Có', '50', '15/03/2024']]);
    await h.server.triggersIdle();
    expect(rx.received).toHaveLength(1);
  });

  it('rejects an entry that breaks a strict rule, writing and firing nothing', async () => {
    for (const [range, value, a1] of [
      ["'Báo cáo'!D2", 'Có lẽ', 'D2'],
      ["'Báo cáo'!C2", 'Hội thảo', 'C2'],
      ["'Báo cáo'!F2", '15/02/2024', 'F2'],
      ["'Báo cáo'!F2", 'hôm qua', 'F2'],
    ] as const) {
      const res = await uiEdit(range, [[value]]);
      expect(res.status, `${range} ← ${value}`).toBe(400);
      expect(await res.json()).toEqual({
        error: { code: 400, message: rejected(a1), status: 'INVALID_ARGUMENT' },
      });
    }
    // one bad cell refuses the whole paste
    expect((await uiEdit("'Báo cáo'!C2:D2", [['Hội nghị', 'Có lẽ']])).status).toBe(400);
    expect(await read("'Báo cáo'!C2:F2")).toEqual([['Tọa đàm', 'Có', '50', '15/03/2024']]);
    await h.server.triggersIdle();
    expect(rx.received).toHaveLength(1);
  });

  it('keeps an entry that breaks a non-strict rule and marks it invalid in the view', async () => {
    expect((await uiEdit("'Báo cáo'!E2", [['150']])).status).toBe(200);
    expect(await read("'Báo cáo'!E2")).toEqual([['150']]);
    const html = h.server.view(id) ?? '';
    expect(html).toMatch(/<td [^>]*class="invalid"[^>]*>150<\/td>/);
    expect(html).not.toMatch(/class="[^"]*invalid[^"]*"[^>]*>Tọa đàm</);
  });

  it('lets clearing a validated cell through, and does not validate API writes (as Google)', async () => {
    expect((await uiEdit("'Báo cáo'!D2", [['']])).status).toBe(200);
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'Báo cáo'!D2",
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['Có lẽ']] },
    });
    expect(await read("'Báo cáo'!D2")).toEqual([['Có lẽ']]);
  });
});

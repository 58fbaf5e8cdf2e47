// UI edits as an officer fire the installable triggers on the spreadsheet, each script getting the event Apps Script
// builds (tab, A1 range, value, editor when it may be revealed); API writes and refused edits fire nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionRecord } from '@theodoi/sheets-emulator/apps-script/model';
import { clientsFor } from '@theodoi/test-kit/clients';
import { admin as adminCall, share } from '../../../support/apps-script.js';
import { installRecordingTrigger, type RecordedEvent } from '../../../support/recording-trigger.js';
import {
  createSpreadsheet,
  startHarness,
  stopHarness,
  type Harness,
} from '../../../support/sheets-harness.js';
import { startReceiver, type Receiver } from '../../../support/receiver.js';

const COORDINATOR = 'dieu.phoi@thapmuoi.gov.vn';
const OFFICER = 'can.bo@myhoa.thapmuoi.gov.vn';
const OTHER = 'can.bo@tankieu.thapmuoi.gov.vn';
const STRANGER = 'nguoi.la@example.com';
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

describe('UI edits and the sheet triggers', () => {
  let h: Harness;
  let rx: Receiver;
  let id = '';
  let scriptId = '';
  const admin = (path: string, init?: RequestInit) => fetch(`${h.server.url}/__emulator${path}`, init);
  const post = (path: string, body: unknown) =>
    admin(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const uiEdit = (email: string, range: string, values: unknown[][]) =>
    post(`/spreadsheets/${id}/ui-edit`, { email, range, values });
  const events = () => rx.received.map((r) => JSON.parse(r.body) as RecordedEvent);
  const executions = (): ExecutionRecord[] => h.server.appsScript.executions(scriptId);

  beforeAll(async () => {
    h = await startHarness();
    rx = await startReceiver();
    id = await createSpreadsheet(h.sheets, {
      properties: { title: 'Báo cáo CCHC', locale: 'vi_VN' },
      sheets: [{ properties: { title: 'Báo cáo', sheetId: 7 } }],
    });
    await share(h.drive, id, [COORDINATOR, OFFICER, OTHER]);
    // Row 7 is Mỹ Hòa's; columns M:N (system columns) are the owner's only.
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            addProtectedRange: {
              protectedRange: {
                range: {
                  sheetId: 7,
                  startRowIndex: 6,
                  endRowIndex: 7,
                  startColumnIndex: 0,
                  endColumnIndex: 12,
                },
                editors: { users: [OFFICER] },
              },
            },
          },
          {
            addProtectedRange: {
              protectedRange: {
                range: { sheetId: 7, startColumnIndex: 12, endColumnIndex: 14 },
                editors: { users: [] },
              },
            },
          },
        ],
      },
    });
    // The coordinator's script, its owner inside the officers' Workspace domain: it may see who typed.
    scriptId = (
      await installRecordingTrigger(h.server, id, {
        owner: COORDINATOR,
        url: rx.url,
        userVisibility: 'always',
      })
    ).scriptId;
  });
  afterAll(async () => {
    await rx.close();
    await stopHarness(h);
  });

  it('runs the trigger for an officer’s UI edit, with the tab, range and editor as Apps Script hands them', async () => {
    const res = await uiEdit(OFFICER, "'Báo cáo'!C7", [['1.234,5', '15/03/2024']]);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response: { updatedRange: string }; executions: string[] };
    expect(body.response.updatedRange).toBe("'Báo cáo'!C7:D7");
    // onEdit, and onChange with changeType EDIT (which the script ignores)
    expect(body.executions).toHaveLength(2);
    await h.server.triggersIdle();
    expect(events()).toEqual([
      { kind: 'edit', spreadsheetId: id, sheetName: 'Báo cáo', range: 'C7:D7', user: OFFICER },
    ]);
    const ran = executions().filter((e) => e.trigger);
    expect(ran.map((e) => [e.function, e.runAs, e.status])).toEqual([
      ['onSheetEdit', COORDINATOR, 'completed'],
      ['onSheetChange', COORDINATOR, 'completed'],
    ]);
    // typed, not raw: parsed with the vi_VN locale
    const got = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: "'Báo cáo'!C7:D7",
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(got.data.values).toEqual([[1234.5, 45366]]);
  });

  it('names a single cell as Apps Script does, with its value and the value before', async () => {
    const before = rx.received.length;
    await uiEdit(OFFICER, "'Báo cáo'!E7", [['4']]);
    await uiEdit(OFFICER, "'Báo cáo'!E7", [['5']]);
    await h.server.triggersIdle();
    expect(events().slice(before)).toEqual([
      { kind: 'edit', spreadsheetId: id, sheetName: 'Báo cáo', range: 'E7', user: OFFICER, value: '4' },
      {
        kind: 'edit',
        spreadsheetId: id,
        sheetName: 'Báo cáo',
        range: 'E7',
        user: OFFICER,
        value: '5',
        oldValue: '4',
      },
    ]);
  });

  it('fires nothing for API writes, whoever makes them', async () => {
    const before = rx.received.length;
    const ran = executions().length;
    await clientsFor(h.server, OFFICER, { retry: false }).sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'Báo cáo'!F7",
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['200']] },
    });
    await h.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'Báo cáo'!M7",
      valueInputOption: 'RAW',
      requestBody: { values: [['✔ Đã tiếp nhận']] },
    });
    await h.server.triggersIdle();
    expect(rx.received).toHaveLength(before);
    expect(executions()).toHaveLength(ran);
  });

  it('refuses a UI edit into a protected cell with Google’s 400, changes nothing and fires nothing', async () => {
    const before = rx.received.length;
    const other = await uiEdit(OTHER, "'Báo cáo'!C7", [['9']]);
    expect(other.status).toBe(400);
    expect(await other.json()).toEqual({
      error: { code: 400, message: PROTECTED, status: 'INVALID_ARGUMENT' },
    });
    const system = await uiEdit(OFFICER, "'Báo cáo'!M7", [['Đã sửa tay']]);
    expect(system.status).toBe(400);
    const stranger = await uiEdit(STRANGER, "'Báo cáo'!C9", [['1']]);
    expect(stranger.status).toBe(403);
    await h.server.triggersIdle();
    expect(rx.received).toHaveLength(before);
    const got = await h.sheets.spreadsheets.values.get({ spreadsheetId: id, range: "'Báo cáo'!C7:M7" });
    expect(got.data.values?.[0]?.[0]).toBe('1.234,5');
    expect(got.data.values?.[0]?.[10]).toBe('✔ Đã tiếp nhận');
  });

  it('refuses malformed UI edits with 400 before touching anything', async () => {
    expect(
      (await post(`/spreadsheets/${id}/ui-edit`, { email: 'not-an-address', range: 'A1', values: [['x']] }))
        .status,
    ).toBe(400);
    expect(
      (await post(`/spreadsheets/${id}/ui-edit`, { email: OFFICER, range: 'A1', values: 'x' })).status,
    ).toBe(400);
    expect((await uiEdit(OFFICER, "'Không có'!A1", [['x']])).status).toBe(400);
  });

  it('answers the edit before the trigger’s call has been answered', async () => {
    const before = rx.received.length;
    rx.hold();
    try {
      const res = await uiEdit(OFFICER, "'Báo cáo'!G7", [['3']]);
      expect(res.status).toBe(200);
      const [edit] = ((await res.json()) as { executions: string[] }).executions;
      await expect.poll(() => rx.received.length).toBe(before + 1);
      expect(executions().find((e) => e.id === edit)?.status).toBe('running'); // still waiting on UrlFetchApp
    } finally {
      rx.release();
    }
    await h.server.triggersIdle();
    expect(executions().every((e) => e.status === 'completed')).toBe(true);
  });

  it('offers the same through start()’s object, and logs an unreachable receiver as status 0', async () => {
    const result = h.server.uiEdit(id, { email: OFFICER, range: "'Báo cáo'!H7", values: [['7']] });
    await h.server.triggersIdle();
    const ran = executions().find((e) => e.id === result.executions?.[0]);
    expect(ran?.urlFetch).toMatchObject([{ url: rx.url, status: 204 }]);

    const closed = 'http://127.0.0.1:9/closed';
    const props = await adminCall(h.server, 'PUT', `/scripts/${scriptId}/properties?as=${COORDINATOR}`, {
      properties: { SHEET: id, URL: closed },
    });
    expect(props.status).toBe(200);
    const again = h.server.uiEdit(id, { email: OFFICER, range: "'Báo cáo'!H7", values: [['8']] });
    await h.server.triggersIdle();
    const failed = executions().find((e) => e.id === again.executions?.[0]);
    expect(failed?.urlFetch[0]).toMatchObject({ url: closed, status: 0 });
    expect(failed?.urlFetch[0]?.error).toBeTruthy();
    await adminCall(h.server, 'PUT', `/scripts/${scriptId}/properties?as=${COORDINATOR}`, {
      properties: { SHEET: id, URL: rx.url },
    });
  });

  it('hides the editor from a script whose owner may not see them', async () => {
    expect((await adminCall(h.server, 'DELETE', `/scripts/${scriptId}`)).status).toBe(200);
    scriptId = (
      await installRecordingTrigger(h.server, id, {
        owner: COORDINATOR,
        url: rx.url,
        userVisibility: 'never',
      })
    ).scriptId;
    const before = rx.received.length;
    await uiEdit(OFFICER, "'Báo cáo'!I7", [['1']]);
    await h.server.triggersIdle();
    expect(events().slice(before)).toEqual([
      { kind: 'edit', spreadsheetId: id, sheetName: 'Báo cáo', range: 'I7', user: null, value: '1' },
    ]);
  });

  it('stops firing once the script is deleted', async () => {
    const before = rx.received.length;
    expect((await adminCall(h.server, 'DELETE', `/scripts/${scriptId}`)).status).toBe(200);
    expect((await adminCall(h.server, 'DELETE', `/scripts/${scriptId}`)).status).toBe(404);
    const res = await uiEdit(OFFICER, "'Báo cáo'!H7", [['9']]);
    expect(((await res.json()) as { executions: string[] }).executions).toEqual([]);
    await h.server.triggersIdle();
    expect(rx.received).toHaveLength(before);
  });
});

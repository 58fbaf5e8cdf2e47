// UI edits as an officer fire theodoi's sheet trigger with the Apps Script's exact signed payload; API writes
// and refused edits fire nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSheetEvent, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '@theodoi/functions/triggers/sheet-event';
import { clientsFor } from '@theodoi/test-kit/clients';
import {
  createSpreadsheet,
  startHarness,
  stopHarness,
  type Harness,
} from '../../../support/sheets-harness.js';
import { startReceiver, type Receiver } from '../../../support/receiver.js';

const SECRET = 'bí-mật-kích-hoạt-0123456789';
const OFFICER = 'can.bo@myhoa.thapmuoi.gov.vn';
const OTHER = 'can.bo@tankieu.thapmuoi.gov.vn';
const STRANGER = 'nguoi.la@example.com';
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

describe('UI edits and the sheet trigger', () => {
  let h: Harness;
  let rx: Receiver;
  let id = '';
  const admin = (path: string, init?: RequestInit) => fetch(`${h.server.url}/__emulator${path}`, init);
  const post = (path: string, body: unknown) =>
    admin(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const uiEdit = (email: string, range: string, values: unknown[][]) =>
    post(`/spreadsheets/${id}/ui-edit`, { email, range, values });
  const deliveries = async (): Promise<{ status: number; event: { kind: string } }[]> => {
    const res = await admin('/triggers?idle=true');
    return ((await res.json()) as { deliveries: { status: number; event: { kind: string } }[] }).deliveries;
  };
  const check = (i: number, secret = SECRET) => {
    const call = rx.received[i]!;
    return checkSheetEvent(
      call.body,
      {
        timestamp: call.headers[TIMESTAMP_HEADER] as string | undefined,
        signature: call.headers[SIGNATURE_HEADER] as string | undefined,
      },
      secret,
      new Date(),
    );
  };

  beforeAll(async () => {
    h = await startHarness();
    rx = await startReceiver();
    id = await createSpreadsheet(h.sheets, {
      properties: { title: 'Báo cáo CCHC', locale: 'vi_VN' },
      sheets: [{ properties: { title: 'Báo cáo', sheetId: 7 } }],
    });
    for (const email of [OFFICER, OTHER]) {
      await h.drive.permissions.create({
        fileId: id,
        requestBody: { type: 'user', role: 'writer', emailAddress: email },
      });
    }
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
  });
  afterAll(async () => {
    await rx.close();
    await stopHarness(h);
  });

  it('refuses to install a trigger without an address or a secret, or on an unknown spreadsheet', async () => {
    expect((await post(`/spreadsheets/${id}/trigger`, { url: rx.url })).status).toBe(400);
    expect((await post(`/spreadsheets/${id}/trigger`, { url: 'ftp://x', secret: SECRET })).status).toBe(400);
    expect(
      (await post('/spreadsheets/khong-co-bang-tinh-nay/trigger', { url: rx.url, secret: SECRET })).status,
    ).toBe(404);
    expect((await admin(`/spreadsheets/${id}/trigger`)).status).toBe(404);
  });

  it('delivers one signed edit event for an officer’s UI edit, as the Apps Script sends it', async () => {
    const installed = await post(`/spreadsheets/${id}/trigger`, { url: rx.url, secret: SECRET });
    expect(installed.status).toBe(200);
    expect(await installed.json()).toEqual({ spreadsheetId: id, url: rx.url });

    const res = await uiEdit(OFFICER, "'Báo cáo'!C7", [['1.234,5', '15/03/2024']]);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response: { updatedRange: string }; deliveryId: string };
    expect(body.response.updatedRange).toBe("'Báo cáo'!C7:D7");

    expect(await deliveries()).toMatchObject([{ status: 204, event: { kind: 'edit' } }]);
    expect(rx.received).toHaveLength(1);
    expect(rx.received[0]!.headers['content-type']).toBe('application/json');
    const checked = check(0);
    expect(checked).toEqual({
      ok: true,
      event: {
        v: 1,
        deliveryId: body.deliveryId,
        spreadsheetId: id,
        kind: 'edit',
        sheetName: 'Báo cáo',
        range: 'C7:D7',
        user: OFFICER,
      },
    });
    // the exact key order of apps-script/Code.gs
    expect(Object.keys(JSON.parse(rx.received[0]!.body) as object)).toEqual([
      'v',
      'deliveryId',
      'spreadsheetId',
      'kind',
      'sheetName',
      'range',
      'user',
    ]);
    expect(check(0, 'another-secret')).toEqual({ ok: false, reason: 'forged' });

    // typed, not raw: parsed with the vi_VN locale
    const got = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: "'Báo cáo'!C7:D7",
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(got.data.values).toEqual([[1234.5, 45366]]);
  });

  it('gives every UI edit a fresh delivery id and names a single cell as Apps Script does', async () => {
    const before = rx.received.length;
    await uiEdit(OFFICER, "'Báo cáo'!E7", [['4']]);
    await uiEdit(OFFICER, "'Báo cáo'!E7", [['5']]);
    await deliveries();
    const events = rx.received
      .slice(before)
      .map((r) => JSON.parse(r.body) as { deliveryId: string; range: string });
    expect(events.map((e) => e.range)).toEqual(['E7', 'E7']);
    expect(
      new Set([
        ...events.map((e) => e.deliveryId),
        ...rx.received.slice(0, before).map((r) => (JSON.parse(r.body) as { deliveryId: string }).deliveryId),
      ]).size,
    ).toBe(before + 2);
  });

  it('fires nothing for API writes, whoever makes them', async () => {
    const before = rx.received.length;
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
    expect(h.server.triggerDeliveries()).toHaveLength(before);
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

  it('answers the edit before the receiver has answered the delivery', async () => {
    const before = rx.received.length;
    rx.hold();
    try {
      const res = await uiEdit(OFFICER, "'Báo cáo'!G7", [['3']]);
      expect(res.status).toBe(200);
      await expect.poll(() => rx.received.length).toBe(before + 1);
      expect(h.server.triggerDeliveries()).toHaveLength(before); // still in flight
    } finally {
      rx.release();
    }
    await h.server.triggersIdle();
    expect(h.server.triggerDeliveries()).toHaveLength(before + 1);
  });

  it('offers the same through start()’s object, and logs an unreachable receiver as status 0', async () => {
    const result = h.server.uiEdit(id, { email: OFFICER, range: "'Báo cáo'!H7", values: [['7']] });
    expect(result.deliveryId).toMatch(/^[0-9a-f-]{36}$/);
    await h.server.triggersIdle();
    expect(h.server.triggerDeliveries().at(-1)).toMatchObject({ deliveryId: result.deliveryId, status: 204 });

    h.server.installTrigger(id, { url: 'http://127.0.0.1:9/closed', secret: SECRET });
    h.server.uiEdit(id, { email: OFFICER, range: "'Báo cáo'!H7", values: [['8']] });
    await h.server.triggersIdle();
    const last = h.server.triggerDeliveries().at(-1);
    expect(last?.status).toBe(0);
    expect(last?.error).toBeTruthy();
  });

  it('sends user null when the trigger may not reveal the editor', async () => {
    const before = rx.received.length;
    expect(
      (await post(`/spreadsheets/${id}/trigger`, { url: rx.url, secret: SECRET, revealUser: 'no' })).status,
    ).toBe(400);
    expect(
      (await post(`/spreadsheets/${id}/trigger`, { url: rx.url, secret: SECRET, revealUser: false })).status,
    ).toBe(200);
    await uiEdit(OFFICER, "'Báo cáo'!I7", [['1']]);
    await h.server.triggersIdle();
    expect(rx.received).toHaveLength(before + 1);
    const checked = check(before);
    expect(checked.ok && checked.event.user).toBeNull();
    expect(checked.ok && checked.event.range).toBe('I7');
  });

  it('stops firing once the trigger is removed', async () => {
    const before = h.server.triggerDeliveries().length;
    expect((await admin(`/spreadsheets/${id}/trigger`, { method: 'DELETE' })).status).toBe(200);
    expect((await admin(`/spreadsheets/${id}/trigger`, { method: 'DELETE' })).status).toBe(404);
    const res = await uiEdit(OFFICER, "'Báo cáo'!H7", [['9']]);
    expect(((await res.json()) as { deliveryId?: string }).deliveryId).toBeUndefined();
    await h.server.triggersIdle();
    expect(h.server.triggerDeliveries()).toHaveLength(before);
  });
});

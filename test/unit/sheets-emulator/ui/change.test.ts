// Structural changes made in the UI fire the installable onChange triggers with Apps Script's changeType; the same
// requests through the API fire nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, share } from '../../../support/apps-script.js';
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

describe('UI changes and onChange', () => {
  let h: Harness;
  let rx: Receiver;
  let id = '';
  const uiChange = (email: string, requests: unknown[]) =>
    fetch(`${h.server.url}/__emulator/spreadsheets/${id}/ui-change`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, requests }),
    });
  const lastEvent = () => JSON.parse(rx.received.at(-1)!.body) as RecordedEvent;
  let scriptId = '';

  beforeAll(async () => {
    h = await startHarness();
    rx = await startReceiver();
    id = await createSpreadsheet(h.sheets, { properties: { title: 'Thay đổi', locale: 'vi_VN' } });
    await share(h.drive, id, [COORDINATOR, OFFICER]);
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

  it('runs onChange with INSERT_ROW for rows inserted in the UI', async () => {
    const res = await uiChange(OFFICER, [
      { insertDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 3, endIndex: 5 } } },
    ]);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { changeType: string; executions: string[] };
    expect(body.changeType).toBe('INSERT_ROW');
    expect(body.executions).toHaveLength(1);
    await h.server.triggersIdle();
    expect(rx.received).toHaveLength(1);
    expect(lastEvent()).toEqual({
      kind: 'change',
      spreadsheetId: id,
      changeType: 'INSERT_ROW',
      user: OFFICER,
    });
    const sheet = await h.sheets.spreadsheets.get({ spreadsheetId: id });
    expect(sheet.data.sheets?.[0]?.properties?.gridProperties?.rowCount).toBe(1002);
  });

  it('names columns removed, tabs added and formatting as Apps Script does', async () => {
    const types: string[] = [];
    for (const requests of [
      [{ deleteDimension: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 25, endIndex: 26 } } }],
      [{ addSheet: { properties: { title: 'Phụ lục' } } }],
      [
        {
          repeatCell: {
            range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 },
            cell: { userEnteredFormat: { textFormat: { bold: true } } },
            fields: 'userEnteredFormat.textFormat.bold',
          },
        },
      ],
    ]) {
      expect((await uiChange(OFFICER, requests)).status).toBe(200);
      await h.server.triggersIdle();
      types.push(lastEvent().changeType ?? '');
    }
    expect(types).toEqual(['REMOVE_COLUMN', 'INSERT_GRID', 'FORMAT']);
  });

  it('refuses requests Google would refuse, firing nothing; API changes fire nothing either', async () => {
    const before = rx.received.length;
    const bad = await uiChange(OFFICER, [
      { insertDimension: { range: { sheetId: 0, dimension: 'ROWS' }, bogus: 1 } },
    ]);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('Unknown name \\"bogus\\"');
    expect((await uiChange(OFFICER, [])).status).toBe(400);
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          { insertDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 0, endIndex: 1 } } },
        ],
      },
    });
    await h.server.triggersIdle();
    expect(rx.received).toHaveLength(before);
  });

  it('forgets every script and trigger on wipe', async () => {
    expect((await admin(h.server, 'GET', `/scripts/${scriptId}/triggers`)).status).toBe(200);
    await fetch(`${h.server.url}/__emulator/wipe`, { method: 'POST' });
    expect((await admin(h.server, 'GET', `/scripts/${scriptId}/triggers`)).status).toBe(404);
    expect(h.server.appsScript.executions()).toEqual([]);
  });
});

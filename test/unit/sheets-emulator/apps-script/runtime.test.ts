// A standalone script, owned by the coordinator's gmail account, installs onEdit triggers for two spreadsheets; an
// officer's UI edit runs the trigger as the coordinator, and its POST carries an ID token that the receiver
// verifies with google-auth-library against the emulator's certificates. Google's 20-trigger limit holds per user.
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionRecord } from '@theodoi/sheets-emulator/apps-script/model';
import { subjectOf } from '@theodoi/sheets-emulator/identity-tokens';
import { clientsFor } from '@theodoi/test-kit/clients';
import { admin, createScript, ID_TOKEN_SCOPES, runScript, share } from '../../../support/apps-script.js';
import type { ScriptInfo } from '../../../support/apps-script.js';
import { startReceiver } from '../../../support/receiver.js';
import type { Receiver } from '../../../support/receiver.js';
import { createSpreadsheet, startHarness, stopHarness } from '../../../support/sheets-harness.js';
import type { Harness } from '../../../support/sheets-harness.js';

const COORDINATOR = 'dieu.phoi.thapmuoi@gmail.com';
const ASSISTANT = 'tro.ly.thapmuoi@gmail.com';
const OFFICER = 'can.bo.myhoa@gmail.com';

const SOURCE = `
var props = PropertiesService.getScriptProperties();

function install() {
  props.getProperty('SHEETS').split(',').forEach(function (id) {
    ScriptApp.newTrigger('onSheetEdit').forSpreadsheet(id).onEdit().create();
  });
  return ScriptApp.getProjectTriggers().map(function (t) {
    return [t.getHandlerFunction(), t.getTriggerSourceId(), String(t.getEventType())];
  });
}

function installUnshared() {
  ScriptApp.newTrigger('onSheetEdit').forSpreadsheet(props.getProperty('UNSHARED')).onEdit().create();
}

function fill() {
  var made = ScriptApp.getProjectTriggers().length;
  try {
    for (;;) {
      ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
      made++;
    }
  } catch (err) {
    return { made: made, error: String(err) };
  }
}

function onSheetEdit(e) {
  var res = UrlFetchApp.fetch(props.getProperty('ENDPOINT'), {
    method: 'post',
    contentType: 'application/json',
    headers: { Authorization: 'Bearer ' + ScriptApp.getIdentityToken() },
    payload: JSON.stringify({
      spreadsheetId: e.source.getId(),
      sheet: e.range.getSheet().getName(),
      range: e.range.getA1Notation(),
      value: e.value,
      oldValue: e.oldValue,
      user: e.user.getEmail(),
      triggerUid: e.triggerUid,
    }),
  });
  return res.getResponseCode();
}

function tick() {}
`;

describe('a standalone script’s installable onEdit triggers', () => {
  let h: Harness;
  let rx: Receiver;
  let script: ScriptInfo;
  const ids: string[] = [];
  let unshared = '';

  beforeAll(async () => {
    h = await startHarness();
    rx = await startReceiver();
    for (const title of ['Báo cáo Mỹ Hòa', 'Báo cáo Tân Kiều', 'Không chia sẻ']) {
      ids.push(
        await createSpreadsheet(h.sheets, {
          properties: { title },
          sheets: [{ properties: { title: 'Quý I' } }],
        }),
      );
    }
    unshared = ids.pop()!;
    for (const id of ids) await share(h.drive, id, [COORDINATOR, OFFICER]);
    script = await createScript(h.server, {
      owner: COORDINATOR,
      editors: [ASSISTANT],
      source: SOURCE,
      manifest: { timeZone: 'Asia/Ho_Chi_Minh', oauthScopes: ID_TOKEN_SCOPES },
      scriptProperties: { ENDPOINT: `${rx.url}/sheetEvent`, SHEETS: ids.join(','), UNSHARED: unshared },
    });
  });
  afterAll(async () => {
    await rx.close();
    await stopHarness(h);
  });

  it('installs a trigger per spreadsheet when the coordinator runs install', async () => {
    const run = await runScript(h.server, script.scriptId, 'install', COORDINATOR);
    expect(run).toMatchObject({ status: 'completed', runAs: COORDINATOR });
    expect(run.result).toEqual(ids.map((id) => ['onSheetEdit', id, 'ON_EDIT']));
    const triggers = await admin<{ triggers: { creator: string }[] }>(
      h.server,
      'GET',
      `/scripts/${script.scriptId}/triggers`,
    );
    expect(triggers.body.triggers.map((t) => t.creator)).toEqual([COORDINATOR, COORDINATOR]);
  });

  it('runs the trigger as its creator on an officer’s UI edit, with an ID token the receiver can verify', async () => {
    const first = h.server.uiEdit(ids[0]!, { email: OFFICER, range: "'Quý I'!C7", values: [['12']] });
    expect(first.executions).toHaveLength(1);
    h.server.uiEdit(ids[0]!, { email: OFFICER, range: "'Quý I'!C7", values: [['13']] });
    h.server.uiEdit(ids[1]!, { email: OFFICER, range: "'Quý I'!D5:E5", values: [['x', 'y']] });
    await h.server.triggersIdle();
    expect(rx.received).toHaveLength(3);

    const client = new OAuth2Client({
      endpoints: {
        oauth2FederatedSignonPemCertsUrl: `${h.server.url}/oauth2/v1/certs`,
        oauth2FederatedSignonJwkCertsUrl: `${h.server.url}/oauth2/v3/certs`,
      },
    });
    for (const call of rx.received) {
      const idToken = /^Bearer (.+)$/.exec(String(call.headers.authorization))![1]!;
      const ticket = await client.verifyIdToken({ idToken, audience: script.clientId });
      // The trigger's effective user is its creator: the token names the coordinator, never the officer.
      expect(ticket.getPayload()).toMatchObject({
        iss: 'https://accounts.google.com',
        aud: script.clientId,
        sub: subjectOf(COORDINATOR),
        email: COORDINATOR,
        email_verified: true,
      });
      expect(call.headers['user-agent']).toMatch(/Google-Apps-Script/);
    }
    const bodies = rx.received.map((c) => JSON.parse(c.body) as Record<string, unknown>);
    // One spreadsheet's executions run in order; the two spreadsheets' run side by side.
    const [a1, a2] = bodies.filter((b) => b.spreadsheetId === ids[0]);
    const [b1] = bodies.filter((b) => b.spreadsheetId === ids[1]);
    // Between two gmail accounts Apps Script does not reveal the editor: e.user.getEmail() is ''.
    expect(a1).toEqual({
      spreadsheetId: ids[0],
      sheet: 'Quý I',
      range: 'C7',
      value: '12',
      user: '',
      triggerUid: expect.any(String) as string,
    });
    expect(a2).toMatchObject({ range: 'C7', value: '13', oldValue: '12' });
    expect(b1).toMatchObject({ range: 'D5:E5', user: '' });
    expect(b1).not.toHaveProperty('value');

    const log = await admin<{ executions: ExecutionRecord[] }>(
      h.server,
      'GET',
      `/apps-script/executions?script=${script.scriptId}&idle=true`,
    );
    const edits = log.body.executions.filter((e) => e.function === 'onSheetEdit');
    expect(edits).toHaveLength(3);
    for (const e of edits) {
      expect(e).toMatchObject({ status: 'completed', runAs: COORDINATOR, trigger: { eventType: 'ON_EDIT' } });
      expect(e.urlFetch).toEqual([expect.objectContaining({ method: 'POST', status: 204 })]);
      expect(e.durationMs).toBeGreaterThanOrEqual(e.urlFetch[0]!.durationMs);
    }
  });

  it('fires nothing for API writes, even the officer’s own', async () => {
    const before = rx.received.length;
    await clientsFor(h.server, OFFICER, { retry: false }).sheets.spreadsheets.values.update({
      spreadsheetId: ids[0]!,
      range: "'Quý I'!C8",
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['5']] },
    });
    await h.server.triggersIdle();
    expect(rx.received).toHaveLength(before);
  });

  it('refuses a trigger on a spreadsheet its creator cannot edit', async () => {
    const run = await runScript(h.server, script.scriptId, 'installUnshared', COORDINATOR);
    expect(run).toMatchObject({
      status: 'failed',
      error: 'Exception: You do not have permission to access the requested document.',
    });
  });

  it('refuses the 21st trigger of one user in one script with Apps Script’s message; another user has their own 20', async () => {
    const coordinator = await runScript(h.server, script.scriptId, 'fill', COORDINATOR);
    expect(coordinator.result).toEqual({
      made: 20,
      error:
        'Exception: This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    });
    const assistant = await runScript(h.server, script.scriptId, 'fill', ASSISTANT);
    expect(assistant.result).toMatchObject({ made: 20 });
    const all = await admin<{ triggers: unknown[] }>(h.server, 'GET', `/scripts/${script.scriptId}/triggers`);
    expect(all.body.triggers).toHaveLength(40);
  });

  it('lets only people the project is shared with press Run, and only after they consented', async () => {
    const stranger = await admin(h.server, 'POST', `/scripts/${script.scriptId}/run`, {
      function: 'install',
      as: OFFICER,
      consent: true,
    });
    expect(stranger).toEqual({
      status: 403,
      body: {
        error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' },
      },
    });
    const shared = await createScript(h.server, {
      owner: COORDINATOR,
      editors: [ASSISTANT],
      source: SOURCE,
      manifest: { oauthScopes: ID_TOKEN_SCOPES },
    });
    const unconsented = await admin(h.server, 'POST', `/scripts/${shared.scriptId}/run`, {
      function: 'tick',
      as: ASSISTANT,
    });
    expect(unconsented).toEqual({
      status: 403,
      body: {
        error: {
          code: 403,
          message: 'Authorization is required to perform that action.',
          status: 'PERMISSION_DENIED',
        },
      },
    });
    const privateFn = await admin(h.server, 'POST', `/scripts/${shared.scriptId}/run`, {
      function: 'helper_',
      as: COORDINATOR,
      consent: true,
    });
    expect(privateFn.status).toBe(404);
  });
});

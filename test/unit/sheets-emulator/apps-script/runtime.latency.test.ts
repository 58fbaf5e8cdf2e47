// Apps Script under the latency model: an installable trigger's execution starts Google's scheduling delay after the
// UI edit, every execution pays its start-up (counted in its duration, as Google counts it), UrlFetchApp adds its
// overhead to the HTTP call, and properties reads cost what they cost; a run from the editor is not scheduled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScript, runScript, share } from '../../../support/apps-script.js';
import { constantLatency } from '../../../support/latency.js';
import { startReceiver } from '../../../support/receiver.js';
import type { Receiver } from '../../../support/receiver.js';
import { createSpreadsheet, startHarness, stopHarness } from '../../../support/sheets-harness.js';
import type { Harness } from '../../../support/sheets-harness.js';

const COORDINATOR = 'dieu.phoi.thapmuoi@gmail.com';
const OFFICER = 'can.bo.myhoa@gmail.com';
const TRIGGER_DELAY = 600;
const STARTUP = 300;
const URLFETCH = 200;
const PROPERTY_READ = 50;

const SOURCE = `
function install() {
  var id = PropertiesService.getScriptProperties().getProperty('SHEET');
  ScriptApp.newTrigger('onSheetEdit').forSpreadsheet(id).onEdit().create();
}

function onSheetEdit(e) {
  var url = PropertiesService.getScriptProperties().getProperty('ENDPOINT');
  return UrlFetchApp.fetch(url, { method: 'post', payload: e.range.getA1Notation() }).getResponseCode();
}

function nothing() {}
`;

describe('the Apps Script path under the latency model', () => {
  let h: Harness;
  let rx: Receiver;
  let scriptId = '';
  let spreadsheetId = '';

  beforeAll(async () => {
    h = await startHarness({
      latency: constantLatency({
        'appsScript.triggerDelay': TRIGGER_DELAY,
        'appsScript.startup': STARTUP,
        'appsScript.urlFetch': URLFETCH,
        'appsScript.propertiesRead': PROPERTY_READ,
      }),
    });
    rx = await startReceiver();
    spreadsheetId = await createSpreadsheet(h.sheets, { sheets: [{ properties: { title: 'Quý I' } }] });
    await share(h.drive, spreadsheetId, [COORDINATOR, OFFICER]);
    scriptId = (
      await createScript(h.server, {
        owner: COORDINATOR,
        source: SOURCE,
        scriptProperties: { ENDPOINT: rx.url, SHEET: spreadsheetId },
      })
    ).scriptId;
    expect(await runScript(h.server, scriptId, 'install', COORDINATOR)).toMatchObject({
      status: 'completed',
    });
  });
  afterAll(async () => {
    await rx.close();
    await stopHarness(h);
  });

  it('starts the trigger’s execution after the scheduling delay and counts start-up and UrlFetch in its time', async () => {
    const edited = performance.now();
    const { executions } = h.server.uiEdit(spreadsheetId, {
      email: OFFICER,
      range: "'Quý I'!C7",
      values: [['12']],
    });
    while (rx.received.length === 0) await new Promise((r) => setTimeout(r, 5));
    const reachedMs = performance.now() - edited;
    await h.server.triggersIdle();

    // The receiver hears from the script only after scheduling, start-up, one property read and UrlFetch's overhead.
    expect(reachedMs).toBeGreaterThanOrEqual(TRIGGER_DELAY + STARTUP + PROPERTY_READ + URLFETCH - 10);
    const exec = h.server.appsScript.executions(scriptId).find((e) => e.id === executions?.[0])!;
    expect(exec).toMatchObject({ status: 'completed', result: 204 });
    expect(Date.parse(exec.start!) - Date.parse(exec.queuedAt)).toBeGreaterThanOrEqual(TRIGGER_DELAY - 10);
    expect(exec.durationMs).toBeGreaterThanOrEqual(STARTUP + PROPERTY_READ + URLFETCH - 10);
    expect(exec.urlFetch[0]!.durationMs).toBeGreaterThanOrEqual(URLFETCH - 10);
    // Google charges that time to the creator's daily trigger runtime.
    expect(h.server.appsScript.quotas(COORDINATOR)).toMatchObject({
      used: { triggerRuntimeMs: exec.durationMs },
    });
  });

  it('does not schedule a run from the editor, but it pays the start-up', async () => {
    const run = await runScript(h.server, scriptId, 'nothing', COORDINATOR);
    expect(run.status).toBe('completed');
    expect(Date.parse(run.start!) - Date.parse(run.queuedAt)).toBeLessThan(TRIGGER_DELAY / 2);
    expect(run.durationMs).toBeGreaterThanOrEqual(STARTUP - 10);
  });
});

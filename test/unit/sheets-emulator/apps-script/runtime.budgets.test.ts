// Triggers spend their creator's daily budgets: the runtime, waits on UrlFetchApp included, and UrlFetch calls.
// Past a budget a trigger execution does not run (or its fetch throws), with Apps Script's message, until the
// rolling 24 hours have let the use go. Small budgets here; Google's defaults shown at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionRecord } from '@theodoi/sheets-emulator/apps-script/model';
import { start } from '@theodoi/sheets-emulator/server';
import { admin, createScript, runScript, share } from '../../../support/apps-script.js';
import type { ScriptInfo } from '../../../support/apps-script.js';
import { fakeSheets } from '../../../support/fake-sheets.js';
import { startReceiver } from '../../../support/receiver.js';
import type { Receiver } from '../../../support/receiver.js';
import { createSpreadsheet, startHarness, stopHarness } from '../../../support/sheets-harness.js';
import type { Harness } from '../../../support/sheets-harness.js';

const RUNNER = 'chay.lau@gmail.com';
const FETCHER = 'goi.nhieu@gmail.com';
const OFFICER = 'can.bo.myhoa@gmail.com';
const HOUR = 3_600_000;

const SOURCE = `
var props = PropertiesService.getScriptProperties();
function install() {
  var me = Session.getEffectiveUser().getEmail();
  ScriptApp.newTrigger('send').forSpreadsheet(props.getProperty(me)).onEdit().create();
}
function send(e) {
  UrlFetchApp.fetch(props.getProperty('ENDPOINT'), { method: 'post', payload: e.range.getA1Notation() });
}
function hello() {
  return 'xin chào';
}
`;

interface Quotas {
  accountType: string;
  limits: { triggerRuntimeMs: number; urlFetchCalls: number; triggersPerUserPerScript: number };
  used: { triggerRuntimeMs: number; urlFetchCalls: number };
  remaining: { triggerRuntimeMs: number; urlFetchCalls: number };
}

describe('daily budgets of trigger creators', () => {
  let h: Harness;
  let rx: Receiver;
  let script: ScriptInfo;
  let shift = 0;
  const sheetOf: Record<string, string> = {};

  const lastExecution = async (): Promise<ExecutionRecord> => {
    const log = await admin<{ executions: ExecutionRecord[] }>(
      h.server,
      'GET',
      '/apps-script/executions?idle=true',
    );
    return log.body.executions.filter((e) => e.function === 'send').at(-1)!;
  };
  const quotas = async (user: string) =>
    (await admin<Quotas>(h.server, 'GET', `/apps-script/quotas?user=${encodeURIComponent(user)}`)).body;
  const edit = (creator: string, cell: string) =>
    h.server.uiEdit(sheetOf[creator]!, { email: OFFICER, range: cell, values: [['1']] });

  beforeAll(async () => {
    h = await startHarness({
      now: () => new Date(Date.now() + shift),
      appsScript: { budgets: { consumer: { triggerRuntimeMs: 300, urlFetchCalls: 2 } } },
    });
    rx = await startReceiver();
    for (const creator of [RUNNER, FETCHER]) {
      sheetOf[creator] = await createSpreadsheet(h.sheets, { properties: { title: creator } });
      await share(h.drive, sheetOf[creator], [creator, OFFICER]);
    }
    script = await createScript(h.server, {
      owner: RUNNER,
      editors: [FETCHER],
      source: SOURCE,
      manifest: {
        oauthScopes: [
          'https://www.googleapis.com/auth/script.external_request',
          'https://www.googleapis.com/auth/script.scriptapp',
          'https://www.googleapis.com/auth/userinfo.email',
        ],
      },
      scriptProperties: { ENDPOINT: rx.url, ...sheetOf },
    });
    for (const creator of [RUNNER, FETCHER])
      expect(await runScript(h.server, script.scriptId, 'install', creator)).toMatchObject({
        status: 'completed',
      });
  });
  afterAll(async () => {
    await rx.close();
    await stopHarness(h);
  });

  it('counts the wait on UrlFetchApp, and does not run a trigger past its creator’s runtime budget', async () => {
    rx.hold();
    edit(RUNNER, 'A1');
    await expect.poll(() => rx.received.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    rx.release();
    const slow = await lastExecution();
    expect(slow).toMatchObject({ status: 'completed', runAs: RUNNER });
    expect(slow.durationMs).toBeGreaterThanOrEqual(400);
    const spent = await quotas(RUNNER);
    expect(spent.limits.triggerRuntimeMs).toBe(300);
    expect(spent.used.triggerRuntimeMs).toBe(slow.durationMs);
    expect(spent.remaining.triggerRuntimeMs).toBe(0);

    edit(RUNNER, 'A2');
    const refused = await lastExecution();
    expect(refused).toMatchObject({
      status: 'failed',
      runAs: RUNNER,
      durationMs: 0,
      error: 'Service using too much computer time for one day.',
    });
    expect(refused.urlFetch).toEqual([]);
    expect(rx.received).toHaveLength(1);
    // The budget is triggers' runtime: pressing Run in the editor still works.
    expect(await runScript(h.server, script.scriptId, 'hello', RUNNER)).toMatchObject({
      status: 'completed',
      result: 'xin chào',
    });
  });

  it('throws from UrlFetchApp.fetch once the creator’s calls are spent', async () => {
    edit(FETCHER, 'B1');
    edit(FETCHER, 'B2');
    await h.server.triggersIdle();
    expect((await quotas(FETCHER)).used.urlFetchCalls).toBe(2);
    edit(FETCHER, 'B3');
    const refused = await lastExecution();
    expect(refused).toMatchObject({
      status: 'failed',
      runAs: FETCHER,
      error: 'Exception: Service invoked too many times for one day: urlfetch.',
    });
    expect(refused.urlFetch).toEqual([
      expect.objectContaining({ status: 0, error: 'Service invoked too many times for one day: urlfetch.' }),
    ]);
    expect(rx.received.map((r) => r.body)).toEqual(['A1', 'B1', 'B2']);
  });

  it('gives the use back 24 hours after it, on the emulator clock (a rolling window)', async () => {
    shift = 23 * HOUR;
    edit(RUNNER, 'A3');
    expect(await lastExecution()).toMatchObject({
      status: 'failed',
      error: 'Service using too much computer time for one day.',
    });
    shift = 24 * HOUR + 2 * 60_000;
    expect((await quotas(RUNNER)).used).toEqual({ triggerRuntimeMs: 0, urlFetchCalls: 0 });
    edit(RUNNER, 'A4');
    expect(await lastExecution()).toMatchObject({ status: 'completed', runAs: RUNNER });
    expect(rx.received.at(-1)?.body).toBe('A4');
  });
});

describe('Google’s default budgets', () => {
  it('are 90 min and 20,000 calls for consumer accounts, 6 h and 100,000 for Workspace, 20 triggers per script', async () => {
    const server = await start({
      sheets: fakeSheets,
      googleAccounts: [{ email: 'van.thu@ubnd.thapmuoi.gov.vn', kind: 'workspace' }],
    });
    try {
      const of = async (user: string) =>
        (await admin<Quotas>(server, 'GET', `/apps-script/quotas?user=${encodeURIComponent(user)}`)).body;
      expect(await of('dieu.phoi@gmail.com')).toMatchObject({
        accountType: 'consumer',
        limits: { triggerRuntimeMs: 90 * 60_000, urlFetchCalls: 20_000, triggersPerUserPerScript: 20 },
        used: { triggerRuntimeMs: 0, urlFetchCalls: 0 },
      });
      expect(await of('van.thu@ubnd.thapmuoi.gov.vn')).toMatchObject({
        accountType: 'workspace',
        limits: { triggerRuntimeMs: 6 * HOUR, urlFetchCalls: 100_000, triggersPerUserPerScript: 20 },
      });
      expect((await admin(server, 'GET', '/apps-script/quotas')).status).toBe(400);
    } finally {
      await server.stop();
    }
  });
});

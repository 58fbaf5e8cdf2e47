// apps-script/Code.gs for real: the emulator runs it as the coordinator's standalone script (created and set up
// through its admin endpoints, as apps-script/README.md asks of the coordinator), against a stand-in for theodoi
// that checks every call's ID token with the production verifier and the payload with the contract.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CONTRACT_VERSION,
  MAX_EDIT_TRIGGERS,
  SheetEventSchema,
  type SheetEvent,
} from '@theodoi/apps-script/contract';
import { certificatesUrl, createIdTokenVerifier } from '@theodoi/functions/triggers/id-token';
import type { ExecutionRecord, TriggerRecord } from '@theodoi/sheets-emulator/apps-script/model';
import {
  coordinatorScriptFiles,
  installCoordinatorScript,
  type CoordinatorScript,
} from '@theodoi/test-kit/sheet-triggers';
import { admin, share } from '../../support/apps-script.js';
import { createSpreadsheet, startHarness, stopHarness, type Harness } from '../../support/sheets-harness.js';

const COORDINATOR = 'dieu.phoi.thapmuoi@gmail.com';
const OFFICER = 'can.bo.myhoa@gmail.com';
const CLIENT_ID = '1234567890-kichhoat.apps.googleusercontent.com';

/** theodoi as the script sees it: sheetTargets answers `targets`, sheetEvent records what it verified. */
interface StandIn {
  url: string;
  targets: string[];
  /** Status every call is answered with instead (a refusing or failing theodoi). */
  failWith?: number;
  callers: string[];
  events: SheetEvent[];
  close(): Promise<void>;
}

async function standIn(emulatorUrl: string): Promise<StandIn> {
  const verifier = createIdTokenVerifier({ audience: CLIENT_ID, certsUrl: certificatesUrl(emulatorUrl)! });
  const state: Omit<StandIn, 'url' | 'close'> = { targets: [], callers: [], events: [] };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      void (async () => {
        const answer = (status: number, json: unknown) =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
        if (state.failWith) return answer(state.failWith, { error: 'refused', code: 'refused' });
        const caller = await verifier.verify(req.headers.authorization);
        if (!caller.ok) return answer(401, { error: caller.reason, code: caller.reason });
        state.callers.push(caller.email);
        if (req.url === '/sheetTargets')
          return answer(200, { v: CONTRACT_VERSION, spreadsheetIds: state.targets, openDirectives: 0 });
        state.events.push(SheetEventSchema.parse(JSON.parse(body)));
        return answer(202, { accepted: true });
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

describe('apps-script/Code.gs, the coordinator’s standalone script', () => {
  let h: Harness;
  let theodoi: StandIn;
  let script: CoordinatorScript;
  const sheets: string[] = [];
  let unshared = '';
  const triggers = async () =>
    (await admin<{ triggers: TriggerRecord[] }>(h.server, 'GET', `/scripts/${script.scriptId}/triggers`)).body
      .triggers;
  const editTargets = async () =>
    (await triggers())
      .filter((t) => t.handler === 'khiChinhSua')
      .map((t) => t.sourceId)
      .sort();

  beforeAll(async () => {
    h = await startHarness();
    theodoi = await standIn(h.server.url);
    for (let i = 0; i < MAX_EDIT_TRIGGERS + 2; i++) {
      const id = await createSpreadsheet(h.sheets, { properties: { title: `Văn bản ${i + 1}` } });
      await share(h.drive, id, [COORDINATOR, OFFICER]);
      sheets.push(id);
    }
    unshared = await createSpreadsheet(h.sheets, { properties: { title: 'Không chia sẻ' } });
    theodoi.targets = sheets.slice(0, 3);
    script = await installCoordinatorScript(h.server, {
      owner: COORDINATOR,
      url: theodoi.url,
      clientId: CLIENT_ID,
    });
  }, 60_000);
  afterAll(async () => {
    await theodoi?.close();
    await stopHarness(h);
  });
  beforeEach(() => {
    theodoi.failWith = undefined;
  });

  it('caiDat installs the hourly refresh and an edit trigger on each listed spreadsheet, as the coordinator', async () => {
    expect(script.setup).toMatchObject({ status: 'completed', runAs: COORDINATOR });
    expect(script.setup.result).toEqual({ listed: 3, added: 3, removed: 0, failed: [] });
    expect(theodoi.callers).toEqual([COORDINATOR]);
    const installed = await triggers();
    expect(installed.filter((t) => t.eventType === 'CLOCK')).toMatchObject([
      { handler: 'dongBoKichHoat', creator: COORDINATOR, everyMs: 3_600_000 },
    ]);
    expect(await editTargets()).toEqual(sheets.slice(0, 3).sort());
    expect(installed.every((t) => t.creator === COORDINATOR)).toBe(true);
  });

  it('sends an officer’s edit as the contract’s hint, with the coordinator’s ID token and nothing else', async () => {
    const result = h.server.uiEdit(sheets[1]!, {
      email: OFFICER,
      range: 'Sheet1!C7:D7',
      values: [['5', 'x']],
    });
    await h.server.triggersIdle();
    expect(theodoi.events.at(-1)).toEqual({
      v: CONTRACT_VERSION,
      spreadsheetId: sheets[1],
      kind: 'edit',
      sheetName: 'Sheet1',
      range: 'C7:D7',
    });
    expect(theodoi.callers.at(-1)).toBe(COORDINATOR);
    const [execution] = h.server.appsScript
      .executions(script.scriptId)
      .filter((e) => e.id === result.executions?.[0]);
    expect(execution).toMatchObject({ function: 'khiChinhSua', runAs: COORDINATOR, status: 'completed' });
    expect(execution!.urlFetch).toMatchObject([{ url: `${theodoi.url}/sheetEvent`, status: 202 }]);
  });

  it('dongBoKichHoat follows the list: adds the new, removes the unlisted, keeps the rest once', async () => {
    theodoi.targets = [sheets[2]!, sheets[3]!, sheets[4]!];
    expect((await script.refresh()).result).toEqual({ listed: 3, added: 2, removed: 2, failed: [] });
    expect(await editTargets()).toEqual([sheets[2]!, sheets[3]!, sheets[4]!].sort());
    expect((await script.refresh()).result).toEqual({ listed: 3, added: 0, removed: 0, failed: [] });
    h.server.uiEdit(sheets[0]!, { email: OFFICER, range: 'Sheet1!A1', values: [['không còn kích hoạt']] });
    await h.server.triggersIdle();
    expect(theodoi.events.filter((e) => e.spreadsheetId === sheets[0])).toEqual([]);
  });

  it('stays within Google’s 20 triggers per user per script: 19 edit triggers and the hourly one', async () => {
    theodoi.targets = sheets.slice(0, MAX_EDIT_TRIGGERS);
    expect((await script.refresh()).result).toMatchObject({ listed: 19, failed: [] });
    expect(await triggers()).toHaveLength(20);
    // A list one longer than theodoi ever sends: the last trigger does not fit, and only it fails.
    theodoi.targets = sheets.slice(0, MAX_EDIT_TRIGGERS + 1);
    const over = await script.refresh();
    expect(over.result).toMatchObject({ listed: 20, added: 0, failed: [sheets[MAX_EDIT_TRIGGERS]] });
    expect(over.logs.join('\n')).toContain('This script has too many triggers');
    expect(await triggers()).toHaveLength(20);
  });

  it('skips a spreadsheet the coordinator cannot edit and installs the others', async () => {
    theodoi.targets = [sheets[0]!, unshared];
    const run = await script.refresh();
    expect(run.result).toMatchObject({ listed: 2, failed: [unshared] });
    expect(await editTargets()).toEqual([sheets[0]]);
  });

  it('keeps one hourly refresh when caiDat is run again', async () => {
    await admin<ExecutionRecord>(h.server, 'POST', `/scripts/${script.scriptId}/run`, {
      function: 'caiDat',
      as: COORDINATOR,
    });
    expect((await triggers()).filter((t) => t.handler === 'dongBoKichHoat')).toHaveLength(1);
  });

  it('never fails the officer’s edit: theodoi refusing or unreachable, the execution still completes', async () => {
    theodoi.targets = [sheets[0]!];
    await script.refresh();
    theodoi.failWith = 503;
    const refused = h.server.uiEdit(sheets[0]!, { email: OFFICER, range: 'Sheet1!B2', values: [['7']] });
    await h.server.triggersIdle();
    await admin(h.server, 'PUT', `/scripts/${script.scriptId}/properties?as=${COORDINATOR}`, {
      properties: { THEODOI_URL: 'http://127.0.0.1:9' },
    });
    const unreachable = h.server.uiEdit(sheets[0]!, { email: OFFICER, range: 'Sheet1!B3', values: [['8']] });
    await h.server.triggersIdle();
    const executions = h.server.appsScript.executions(script.scriptId);
    const of = (id: string | undefined) => executions.find((e) => e.id === id)!;
    expect(of(refused.executions?.[0])).toMatchObject({ status: 'completed', urlFetch: [{ status: 503 }] });
    expect(of(unreachable.executions?.[0])).toMatchObject({ status: 'completed', urlFetch: [{ status: 0 }] });
    expect(of(unreachable.executions?.[0]).logs.join('\n')).toContain('không gửi được sự kiện chỉnh sửa');
    const typed = await h.sheets.spreadsheets.values.get({
      spreadsheetId: sheets[0]!,
      range: 'Sheet1!B2:B3',
    });
    expect(typed.data.values).toEqual([['7'], ['8']]);
    await admin(h.server, 'PUT', `/scripts/${script.scriptId}/properties?as=${COORDINATOR}`, {
      properties: { THEODOI_URL: theodoi.url },
    });
  });

  it('tells the coordinator in Vietnamese when theodoi will not list the spreadsheets', async () => {
    theodoi.failWith = 401;
    const res = await admin<ExecutionRecord>(h.server, 'POST', `/scripts/${script.scriptId}/run`, {
      function: 'dongBoKichHoat',
      as: COORDINATOR,
    });
    expect(res.body.status).toBe('failed');
    expect(res.body.error).toContain('theodoi không trả lời danh sách bảng tính (mã 401)');
  });

  it('asks for exactly the four scopes it uses, and keeps no secret: its one property is theodoi’s URL', async () => {
    expect(coordinatorScriptFiles().manifest.oauthScopes).toEqual([
      'openid',
      'https://www.googleapis.com/auth/userinfo.email',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/script.scriptapp',
    ]);
    const props = await admin(h.server, 'GET', `/scripts/${script.scriptId}/properties?as=${COORDINATOR}`);
    expect(props.body).toEqual({ properties: { THEODOI_URL: theodoi.url } });
    expect(coordinatorScriptFiles().source).not.toMatch(/computeHmac|THEODOI_SECRET|X-Theodoi-Signature/);
  });
});

// The services a script calls behave as Apps Script's: UrlFetchApp throws on HTTP errors unless muted, scopes missing
// from an explicit manifest are refused, getIdentityToken needs `openid`, addresses are revealed only as Google
// reveals them, properties and caches keep to their scopes, time-driven triggers fire on the emulator clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionRecord } from '@theodoi/sheets-emulator/apps-script/model';
import { admin, createScript, ID_TOKEN_SCOPES, runScript, share } from '../../../support/apps-script.js';
import { startReceiver } from '../../../support/receiver.js';
import type { Receiver } from '../../../support/receiver.js';
import { createSpreadsheet, startHarness, stopHarness } from '../../../support/sheets-harness.js';
import type { Harness } from '../../../support/sheets-harness.js';

const OWNER = 'dieu.phoi@ubnd.thapmuoi.gov.vn';
const COLLEAGUE = 'van.thu@ubnd.thapmuoi.gov.vn';
const GMAIL = 'can.bo.myhoa@gmail.com';
const OTHER_GMAIL = 'can.bo.tankieu@gmail.com';

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('Apps Script services in the emulator', () => {
  let h: Harness;
  let rx: Receiver;
  let clock = Date.parse('2026-12-01T01:00:00Z');
  const run = async (
    source: string,
    fn: string,
    options: { manifest?: unknown; as?: string; props?: object } = {},
  ) => {
    const script = await createScript(h.server, {
      owner: options.as ?? OWNER,
      source,
      ...(options.manifest !== undefined ? { manifest: options.manifest } : {}),
      scriptProperties: { URL: rx.url, ...options.props },
    });
    return runScript(h.server, script.scriptId, fn, options.as ?? OWNER);
  };

  beforeAll(async () => {
    h = await startHarness({
      now: () => new Date(clock),
      googleAccounts: [
        { email: OWNER, kind: 'workspace' },
        { email: COLLEAGUE, kind: 'workspace' },
      ],
      appsScript: { maxExecutionMs: 1500 },
    });
    rx = await startReceiver();
  });
  afterAll(async () => {
    await rx.close();
    await stopHarness(h);
  });

  describe('UrlFetchApp.fetch', () => {
    const fetcher = `
      function go() {
        var url = PropertiesService.getScriptProperties().getProperty('URL');
        var res = UrlFetchApp.fetch(url, { method: 'put', payload: { a: 'x y', b: 2 } });
        return [res.getResponseCode(), res.getContentText()];
      }`;

    it('sends the payload form-encoded and returns the response', async () => {
      const before = rx.received.length;
      const ok = await run(fetcher, 'go');
      expect(ok).toMatchObject({ status: 'completed', result: [204, ''] });
      const sent = rx.received[before]!;
      expect(sent.body).toBe('a=x%20y&b=2');
      expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
    });

    it('throws on an HTTP error unless muteHttpExceptions, and on an unreachable address', async () => {
      const closed = await startReceiver();
      await closed.close();
      const failing = `
        function go() {
          return UrlFetchApp.fetch(PropertiesService.getScriptProperties().getProperty('URL'), { method: 'post', payload: 'x' }).getResponseCode();
        }`;
      const unreachable = await run(failing, 'go', { props: { URL: closed.url } });
      expect(unreachable).toMatchObject({
        status: 'failed',
        error: `Exception: Address unavailable: ${closed.url}`,
      });
      expect(unreachable.urlFetch[0]).toMatchObject({ status: 0, error: expect.any(String) as string });

      const server = await import('node:http');
      const teapot = server.createServer((_req, res) => {
        res.writeHead(418, { 'content-type': 'text/plain' });
        res.end('I am a teapot');
      });
      await new Promise<void>((resolve) => teapot.listen(0, '127.0.0.1', resolve));
      const port = (teapot.address() as { port: number }).port;
      try {
        const url = `http://127.0.0.1:${port}/secret/path?token=abc`;
        const thrown = await run(failing, 'go', { props: { URL: url } });
        expect(thrown).toMatchObject({
          status: 'failed',
          error: `Exception: Request failed for http://127.0.0.1:${port} returned code 418. Truncated server response: I am a teapot (use muteHttpExceptions option to examine full response)`,
        });
        const muted = await run(
          `function go() {
             var res = UrlFetchApp.fetch(PropertiesService.getScriptProperties().getProperty('URL'), { muteHttpExceptions: true });
             return [res.getResponseCode(), res.getContentText(), res.getHeaders()['content-type']];
           }`,
          'go',
          { props: { URL: url } },
        );
        expect(muted.result).toEqual([418, 'I am a teapot', 'text/plain']);
      } finally {
        await new Promise<void>((resolve) => teapot.close(() => resolve()));
      }
    });

    it('is refused when the explicit manifest lacks script.external_request', async () => {
      const refused = await run(fetcher, 'go', {
        manifest: { oauthScopes: ['https://www.googleapis.com/auth/script.scriptapp'] },
      });
      expect(refused).toMatchObject({
        status: 'failed',
        error:
          'Exception: You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
      });
    });
  });

  describe('ScriptApp.getIdentityToken', () => {
    const source = 'function go() { return ScriptApp.getIdentityToken(); }';

    it('returns null unless the manifest lists openid, even when Apps Script picks the scopes', async () => {
      expect((await run(source, 'go')).result).toBeNull();
      const none = await run(`function go() { return ScriptApp.getIdentityToken() === null; }`, 'go', {
        manifest: { oauthScopes: ['https://www.googleapis.com/auth/userinfo.email'] },
      });
      expect(none.result).toBe(true);
    });

    it('names the effective user, with the address only when userinfo.email is listed', async () => {
      const withEmail = await run(source, 'go', { manifest: { oauthScopes: ID_TOKEN_SCOPES } });
      expect(claimsOf(withEmail.result as string)).toMatchObject({ email: OWNER, email_verified: true });
      const withoutEmail = await run(source, 'go', { manifest: { oauthScopes: ['openid'] } });
      const claims = claimsOf(withoutEmail.result as string);
      expect(claims).not.toHaveProperty('email');
      expect(claims.exp).toBe(Math.floor(clock / 1000) + 3600);
    });
  });

  describe('Session and event users', () => {
    const source = `
      function who() {
        return [Session.getEffectiveUser().getEmail(), Session.getActiveUser().getEmail()];
      }
      function install() {
        ScriptApp.newTrigger('seen').forSpreadsheet(PropertiesService.getScriptProperties().getProperty('SHEET')).onEdit().create();
      }
      function seen(e) {
        PropertiesService.getScriptProperties().setProperty('LAST', e.user.getEmail() + '|' + Session.getActiveUser().getEmail());
      }`;

    it('reveals an editor only inside the owner’s Workspace domain, never between gmail accounts', async () => {
      const sheet = await createSpreadsheet(h.sheets, { properties: { title: 'Ai sửa' } });
      await share(h.drive, sheet, [OWNER, COLLEAGUE, GMAIL, OTHER_GMAIL]);
      const seenBy = async (creator: string, editor: string) => {
        const script = await createScript(h.server, {
          owner: creator,
          source,
          scriptProperties: { SHEET: sheet },
        });
        await runScript(h.server, script.scriptId, 'install', creator);
        h.server.uiEdit(sheet, { email: editor, range: 'A1', values: [['x']] });
        await h.server.triggersIdle();
        const props = await admin<{ properties: { LAST: string } }>(
          h.server,
          'GET',
          `/scripts/${script.scriptId}/properties?as=${creator}`,
        );
        await admin(h.server, 'DELETE', `/scripts/${script.scriptId}`);
        return props.body.properties.LAST;
      };
      expect(await seenBy(OWNER, COLLEAGUE)).toBe(`${COLLEAGUE}|${COLLEAGUE}`);
      expect(await seenBy(OWNER, GMAIL)).toBe('|');
      expect(await seenBy(GMAIL, OTHER_GMAIL)).toBe('|');
      expect(await seenBy(GMAIL, GMAIL)).toBe(`${GMAIL}|${GMAIL}`);
      const pressed = await run(source, 'who', { as: GMAIL });
      expect(pressed.result).toEqual([GMAIL, GMAIL]);
    });
  });

  describe('PropertiesService and CacheService', () => {
    it('keeps user properties per user and lets cached values expire on the emulator clock', async () => {
      const script = await createScript(h.server, {
        owner: OWNER,
        editors: [COLLEAGUE],
        source: `
          function put() {
            PropertiesService.getUserProperties().setProperty('mine', Session.getEffectiveUser().getEmail());
            CacheService.getScriptCache().put('k', 'v', 60);
          }
          function get() {
            return [PropertiesService.getUserProperties().getProperty('mine'), CacheService.getScriptCache().get('k')];
          }`,
      });
      await runScript(h.server, script.scriptId, 'put', OWNER);
      expect((await runScript(h.server, script.scriptId, 'get', OWNER)).result).toEqual([OWNER, 'v']);
      expect((await runScript(h.server, script.scriptId, 'get', COLLEAGUE)).result).toEqual([null, 'v']);
      clock += 61_000;
      expect((await runScript(h.server, script.scriptId, 'get', OWNER)).result).toEqual([OWNER, null]);
    });
  });

  describe('time-driven triggers', () => {
    it('fire when due on the emulator clock, once per interval, with the clock event', async () => {
      const script = await createScript(h.server, {
        owner: OWNER,
        source: `
          function install() {
            ScriptApp.newTrigger('tick').timeBased().everyMinutes(5).create();
          }
          function wrong() {
            ScriptApp.newTrigger('tick').timeBased().everyMinutes(7).create();
          }
          function tick(e) {
            return [e['day-of-month'], e.hour, e.minute, e.timezone, String(e.authMode), typeof e.triggerUid];
          }`,
        manifest: { timeZone: 'Asia/Ho_Chi_Minh' },
      });
      await runScript(h.server, script.scriptId, 'install', OWNER);
      const runDue = async () =>
        (await admin<{ executions: ExecutionRecord[] }>(h.server, 'POST', '/apps-script/run-due')).body
          .executions;
      expect(await runDue()).toEqual([]);
      clock += 5 * 60_000;
      const due = await runDue();
      expect(due).toHaveLength(1);
      const at = new Date(clock);
      expect(due[0]).toMatchObject({
        status: 'completed',
        runAs: OWNER,
        trigger: { eventType: 'CLOCK' },
        result: [
          at.getUTCDate(),
          (at.getUTCHours() + 7) % 24,
          at.getUTCMinutes(),
          'Asia/Ho_Chi_Minh',
          'FULL',
          'string',
        ],
      });
      expect(await runDue()).toEqual([]);
      clock += 17 * 60_000; // three intervals missed: one run, as Google does not catch up
      expect(await runDue()).toHaveLength(1);
      const wrong = await runScript(h.server, script.scriptId, 'wrong', OWNER);
      expect(wrong.error).toBe(
        'Exception: The value passed to everyMinutes must be one of 1, 5, 10, 15 or 30.',
      );
    });
  });

  describe('limits of an execution', () => {
    it('ends a script that runs past the execution limit, and reports a missing function', async () => {
      const slow = await run('function go() { Utilities.sleep(5000); }', 'go');
      expect(slow).toMatchObject({ status: 'timed out', error: 'Exceeded maximum execution time' });
      expect(slow.durationMs).toBeGreaterThanOrEqual(1500);
      const missing = await createScript(h.server, { owner: OWNER, source: 'function a() {}' });
      await admin(h.server, 'POST', `/scripts/${missing.scriptId}/consent`, { as: OWNER });
      const ran = await admin<ExecutionRecord>(h.server, 'POST', `/scripts/${missing.scriptId}/run`, {
        function: 'b',
        as: OWNER,
      });
      expect(ran.body).toMatchObject({ status: 'failed', error: 'Script function not found: b' });
    });
  });
});

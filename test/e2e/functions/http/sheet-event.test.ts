// End to end through the trigger path (decisions 004–006): an officer's edit in the Sheets UI runs the
// coordinator's standalone script (apps-script/Code.gs), whose call carries a Google-signed ID token; sheetEvent
// answers 202 within ~300 ms of its processing and hands the sync to Pub/Sub, whose push runs syncDirectiveEvent,
// which writes the verdict next to the row. Forged, expired, foreign and outsiders' tokens are refused before any
// work: no Sheets call, no Firestore write, nothing published.
import type { PubSub, Subscription } from '@google-cloud/pubsub';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTRACT_VERSION } from '@theodoi/apps-script/contract';
import { answerCall } from '@theodoi/functions/http/edge';
import { endpoint as sheetEvent } from '@theodoi/functions/http/sheet-event';
import { createRuntime } from '@theodoi/functions/runtime';
import type { ExecutionRecord } from '@theodoi/sheets-emulator/apps-script/model';
import {
  emulatorPubsub,
  type CoordinatorScript,
  type SheetTriggerPath,
} from '@theodoi/test-kit/sheet-triggers';
import { percentileOf } from '@theodoi/test-kit/trigger-runtime';
import { startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';
import { cchcRowWith } from '../../../fixtures/cchc-rows.js';
import { bearer, expiredToken, forgedToken, googleToken } from '../../../support/id-tokens.js';
import { jsonBody, OVERSIZED_BODY, send } from '../../../support/json-answer.js';

const TAB = 'Quý I/2024';
const COORDINATOR = thapMuoi.coordinator.email;
const STRANGER = 'nguoi.la@example.com';
const unitRow = (code: string) => 5 + thapMuoi.units.findIndex((u) => u.code === code);
const editorOf = (code: string) => thapMuoi.units.find((u) => u.code === code)!.editors[0]!;

describe('sheetEvent', () => {
  let world: World;
  let triggers: SheetTriggerPath;
  let script: CoordinatorScript;
  let url = '';
  let published: Subscription;
  let pubsub: PubSub;

  beforeAll(async () => {
    world = await startWorld('sheet-event', undefined, { sheetTriggers: true });
    triggers = world.triggers!;
    url = `${triggers.url}/sheetEvent`;
    script = await triggers.installCoordinatorScript(COORDINATOR);
    // A pull subscription of our own on the sync topic: every message sheetEvent publishes lands here too.
    pubsub = emulatorPubsub(world.runtime.config.projectId, triggers.pubsubHost);
    [published] = await pubsub.topic(world.runtime.config.syncTopic).createSubscription('published-by-test');
  }, 60_000);
  afterAll(async () => {
    await published?.delete();
    await pubsub?.close();
    await world?.close();
  });

  /** Types `values` into unit `code`'s row from column C, as its officer in the Sheets UI. */
  const typeRow = (code: string, values: string[]) =>
    world.emulator.uiEdit(world.directive.spreadsheetId, {
      email: editorOf(code),
      range: `'${TAB}'!C${unitRow(code)}`,
      values: [values],
    });
  const statusOf = async (code: string) =>
    (
      await world.clients.sheets.spreadsheets.values.get({
        spreadsheetId: world.directive.spreadsheetId,
        range: `'${TAB}'!X${unitRow(code)}`,
      })
    ).data.values?.[0]?.[0] as string | undefined;
  const executionsOf = (): ExecutionRecord[] =>
    world.emulator.appsScript.executions(script.scriptId).filter((e) => e.function === 'khiChinhSua');
  /** Messages published on the sync topic since the last call, pulled for `ms`. */
  const drainPublished = async (ms = 400): Promise<unknown[]> => {
    const messages: unknown[] = [];
    const onMessage = (m: { data: Buffer; ack(): void }) => {
      m.ack();
      messages.push(JSON.parse(m.data.toString('utf8')));
    };
    published.on('message', onMessage);
    await new Promise((resolve) => setTimeout(resolve, ms));
    published.off('message', onMessage);
    return messages;
  };

  it("takes an officer's UI edit through the coordinator's script, Pub/Sub and syncDirectiveEvent to the verdict on the row", async () => {
    expect(script.setup.result).toMatchObject({ listed: 1, added: 1, removed: 0, failed: [] });
    typeRow('30052', ['1', 'Kế hoạch số 3/KH-UBND', '12 buổi']);
    await triggers.settled();
    expect(await statusOf('30052')).toMatch(/^✖ Có lỗi \(\d+\) — xem ghi chú$/);
    // The script ran as the coordinator and was answered 202; the request it started was published once.
    const [execution] = executionsOf();
    expect(execution).toMatchObject({
      runAs: COORDINATOR,
      status: 'completed',
      trigger: { eventType: 'ON_EDIT' },
    });
    expect(execution!.urlFetch).toMatchObject([{ url, method: 'POST', status: 202 }]);
    expect(await drainPublished()).toEqual([
      { directiveId: world.spec.id, trigger: 'sheet:edit', sheetName: TAB, by: COORDINATOR },
    ]);
    const synced = triggers.answers().filter((a) => a.function === 'syncDirectiveEvent');
    expect(synced.at(-1)).toMatchObject({
      status: 200,
      body: { directiveId: world.spec.id, result: 'synced', changedUnits: 1 },
    });
  });

  it('answers each trigger 202 within 300 ms of its processing, and the verdict follows', async () => {
    // Officers whose address is a Google account (30073's and YT's are not: they cannot open the spreadsheet).
    const codes = ['30055', '30058', '30061', '30064', '30067', '30070', '30043', 'VP', 'TP', 'TNMT'];
    const before = triggers.answers().length;
    for (const [i, code] of codes.entries()) {
      typeRow(code, cchcRowWith(i + 1, 10 * (i + 1)));
      await triggers.settled();
      expect(await statusOf(code)).toBe('✔ Đã tiếp nhận');
    }
    const acks = triggers
      .answers()
      .slice(before)
      .filter((a) => a.function === 'sheetEvent')
      .map((a) => {
        expect(a.status).toBe(202);
        return a.ms;
      });
    expect(acks).toHaveLength(codes.length);
    console.log(
      `sheetEvent acknowledgement: p50 ${percentileOf(acks, 50).toFixed(1)} ms, max ${Math.max(...acks).toFixed(1)} ms`,
    );
    expect(percentileOf(acks, 95)).toBeLessThan(300);
    await drainPublished();
  });

  const refusals: {
    name: string;
    token: () => Promise<string>;
    status: number;
    code: string;
    spreadsheetId?: () => string;
  }[] = [
    {
      name: 'a token signed with a key of its own',
      token: () => forgedToken(world.emulator, triggers.clientId, COORDINATOR),
      status: 401,
      code: 'invalid-token',
    },
    {
      name: 'an expired token',
      token: () => expiredToken(world.emulator, triggers.clientId, COORDINATOR),
      status: 401,
      code: 'expired-token',
    },
    {
      name: "a token for another script's audience",
      token: () => googleToken(world.emulator, '999999-khac.apps.googleusercontent.com', COORDINATOR),
      status: 401,
      code: 'wrong-audience',
    },
    {
      name: 'a token of someone who neither follows nor edits the directive',
      token: () => googleToken(world.emulator, triggers.clientId, STRANGER),
      status: 403,
      code: 'not-an-editor',
    },
    {
      name: 'a call naming a spreadsheet of no directive',
      token: () => googleToken(world.emulator, triggers.clientId, COORDINATOR),
      status: 404,
      code: 'unknown-spreadsheet',
      spreadsheetId: () => '1NoDirectiveHasThisSpreadsheet0000',
    },
  ];
  refusals.forEach((tc) =>
    it(`refuses ${tc.name} (${tc.status}) before any work: no Sheets call, no Firestore write, nothing published`, async () => {
      const directive = world.db.doc(`directives/${world.spec.id}`);
      const updated = (await directive.get()).updateTime;
      const snapshots = (await directive.collection('snapshots').count().get()).data().count;
      world.emulator.resetCounters();
      const body = JSON.stringify({
        v: CONTRACT_VERSION,
        spreadsheetId: tc.spreadsheetId?.() ?? world.directive.spreadsheetId,
        kind: 'edit',
        sheetName: TAB,
        range: 'C22',
      });
      const answer = jsonBody(await send(url, { headers: bearer(await tc.token()), body }), tc.status);
      expect(answer).toMatchObject({ code: tc.code });
      expect(await drainPublished()).toEqual([]);
      expect(world.emulator.counters().total).toBe(0);
      expect((await directive.get()).updateTime).toEqual(updated);
      expect((await directive.collection('snapshots').count().get()).data().count).toBe(snapshots);
      expect((await world.db.collection('events').count().get()).data().count).toBe(0);
    }),
  );

  it('refuses a call without a token, and the signed payload of the first contract, in JSON', async () => {
    const body = JSON.stringify({
      v: CONTRACT_VERSION,
      spreadsheetId: world.directive.spreadsheetId,
      kind: 'edit',
    });
    const unsigned = { headers: { 'content-type': 'application/json' }, body };
    expect(jsonBody(await send(url, unsigned), 401)).toMatchObject({ code: 'missing-token' });
    const token = await googleToken(world.emulator, triggers.clientId, COORDINATOR);
    const first = JSON.stringify({
      v: 1,
      deliveryId: '8f0e1f5e-8b7a-4f65-9f59-2b1d6f1c9a11',
      spreadsheetId: world.directive.spreadsheetId,
      kind: 'edit',
      user: editorOf('30052'),
    });
    expect(jsonBody(await send(url, { headers: bearer(token), body: first }), 400)).toMatchObject({
      code: 'invalid-body',
    });
    expect(await drainPublished()).toEqual([]);
  });

  it('answers a wrong method, an oversized body and malformed JSON in JSON, never the framework’s HTML page', async () => {
    const token = await googleToken(world.emulator, triggers.clientId, COORDINATOR);
    expect(jsonBody(await send(url, { method: 'GET' }), 405)).toMatchObject({ code: 'method-not-allowed' });
    expect(jsonBody(await send(url, { body: OVERSIZED_BODY }), 413)).toMatchObject({ code: 'too-large' });
    expect(
      jsonBody(await send(url, { headers: bearer(token), body: '{"v": 2, "spreadsheetId": ' }), 400),
    ).toEqual({
      error: 'the body is not JSON',
      code: 'malformed-json',
    });
  });

  it("logs ids and counts, never a token, an officer's cell or a caller's address", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      // The same edge and endpoint the function runs, with a runtime that logs everything down to debug.
      const rt = createRuntime({ ...process.env, ...world.env, LOG_LEVEL: 'debug' });
      const call = (token: string, spreadsheetId = world.directive.spreadsheetId) =>
        answerCall(sheetEvent, () => rt, {
          method: 'POST',
          rawBody: Buffer.from(
            JSON.stringify({ v: CONTRACT_VERSION, spreadsheetId, kind: 'edit', sheetName: TAB }),
          ),
          header: (name) => (name.toLowerCase() === 'authorization' ? `Bearer ${token}` : undefined),
        });
      const good = await googleToken(world.emulator, triggers.clientId, COORDINATOR);
      const forged = await forgedToken(world.emulator, triggers.clientId, COORDINATOR);
      expect((await call(good)).status).toBe(202);
      expect((await call(forged)).status).toBe(401);
      const all = lines.join('');
      for (const secret of [good, forged, good.split('.')[2]!, COORDINATOR])
        expect(all).not.toContain(secret);
      const events = lines
        .flatMap((l) => l.split('\n'))
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(events.map((e) => e.message)).toEqual([
        'Configuration loaded',
        'Sync requested',
        'Request refused',
      ]);
      expect(events[1]).toMatchObject({ directiveId: world.spec.id, trigger: 'sheet:edit' });
      expect(events[2]).toMatchObject({ function: 'sheetEvent', status: 401, code: 'invalid-token' });
    } finally {
      spy.mockRestore();
    }
    await triggers.settled();
    await drainPublished();
  });
});

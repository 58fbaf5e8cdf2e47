// End to end through the functions' HTTP surface: a signed trigger call from the sheet leads to a sync
// whose verdict appears in the sheet; forged, stale and replayed calls are refused before any work.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { answerCall } from '@theodoi/functions/http/edge';
import { endpoint as sheetEvent } from '@theodoi/functions/http/sheet-event';
import { createRuntime } from '@theodoi/functions/runtime';
import {
  signedRequest,
  signSheetEvent,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  type SheetEvent,
} from '@theodoi/functions/triggers/sheet-event';
import { serveFunction, type FunctionServer } from '@theodoi/test-kit/function-server';
import { startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';
import { expectUnavailable, jsonBody, OVERSIZED_BODY, send } from '../../../support/json-answer.js';

const SECRET = 'e2e-secret-'.padEnd(40, 'x');
const TAB = "'Quý I/2024'";

describe('sheetEvent', () => {
  let world: World;
  let fn: FunctionServer;
  let url = '';

  beforeAll(async () => {
    world = await startWorld('e2e');
    fn = await serveFunction('sheetEvent', {
      GOOGLE_CLOUD_PROJECT: 'theodoi-it-e2e',
      SHEETS_EMULATOR_URL: world.emulator.url,
      THEODOI_GOOGLE_GRANT: world.env.THEODOI_GOOGLE_GRANT!,
      THEODOI_TRIGGER_SECRET: SECRET,
    });
    url = fn.url;
  });
  afterAll(async () => {
    await fn?.close();
    await world?.close();
  });

  const event = (overrides: Partial<SheetEvent> = {}): SheetEvent => ({
    v: 1,
    deliveryId: randomUUID(),
    spreadsheetId: world.directive.spreadsheetId,
    kind: 'edit',
    sheetName: 'Quý I/2024',
    range: 'E22',
    user: thapMuoi.units.find((u) => u.code === '30052')!.editors[0]!,
    ...overrides,
  });
  const post = (body: string, headers: Record<string, string>) =>
    fetch(url, { method: 'POST', body, headers });

  it('syncs the edited tab and writes the verdict next to the row', async () => {
    const editor = world.officer(thapMuoi.units.find((u) => u.code === '30052')!.editors[0]!);
    const row = 5 + thapMuoi.units.findIndex((u) => u.code === '30052');
    await editor.spreadsheets.values.update({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!C${row}:E${row}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['1', 'Kế hoạch số 3/KH-UBND', '12 buổi']] },
    });
    const req = signedRequest(event(), SECRET, new Date());
    const res = await post(req.body, req.headers);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: 'synced', periodKey: '2024-Q1', changedUnits: 1 });
    const status = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!X${row}`,
    });
    expect(status.data.values?.[0]?.[0]).toMatch(/^✖ Có lỗi \(\d+\) — xem ghi chú$/);
  });

  const refusals: {
    name: string;
    make: () => { body: string; headers: Record<string, string> };
    status: number;
  }[] = [
    {
      name: 'a forged signature',
      make: () => {
        const req = signedRequest(event(), 'not-the-secret'.padEnd(40, 'y'), new Date());
        return req;
      },
      status: 401,
    },
    {
      name: 'a call signed ten minutes ago',
      make: () => signedRequest(event(), SECRET, new Date(Date.now() - 600_000)),
      status: 401,
    },
    {
      name: 'an oversized body',
      make: () => ({ body: 'x'.repeat(20_000), headers: { 'content-type': 'text/plain' } }),
      status: 413,
    },
  ];
  refusals.forEach((tc) =>
    it(`refuses ${tc.name} with ${tc.status}, reading and writing nothing`, async () => {
      world.emulator.resetCounters();
      const req = tc.make();
      const res = await post(req.body, req.headers);
      expect(res.status).toBe(tc.status);
      expect(world.emulator.counters().total).toBe(0);
    }),
  );

  it('refuses a replayed delivery with 409, reading and writing nothing', async () => {
    const req = signedRequest(event(), SECRET, new Date());
    expect((await post(req.body, req.headers)).status).toBe(200);
    world.emulator.resetCounters();
    const again = await post(req.body, req.headers);
    expect(again.status).toBe(409);
    expect(world.emulator.counters().total).toBe(0);
  });

  it('answers a wrong method, an oversized body and malformed JSON in JSON, never the framework’s HTML page', async () => {
    expect(jsonBody(await send(url, { method: 'GET' }), 405)).toMatchObject({ code: 'method-not-allowed' });
    expect(jsonBody(await send(url, { body: OVERSIZED_BODY }), 413)).toMatchObject({ code: 'too-large' });
    const malformed = '{"v": 1, "deliveryId": ';
    const unsigned = { headers: { 'content-type': 'application/json' }, body: malformed };
    expect(jsonBody(await send(url, unsigned), 401)).toEqual({
      error: 'missing-signature',
      code: 'missing-signature',
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = {
      headers: {
        'content-type': 'application/json',
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signSheetEvent(malformed, timestamp, SECRET),
      },
      body: malformed,
    };
    expect(jsonBody(await send(url, signed), 400)).toEqual({ error: 'malformed', code: 'malformed' });
  });

  it('answers 503 in JSON when the sync fails on a Sheets that stays unavailable, so the trigger may try again', async () => {
    const req = signedRequest(event(), SECRET, new Date());
    await expectUnavailable(world.emulator, () => send(url, { body: req.body, headers: req.headers }));
    const again = signedRequest(event(), SECRET, new Date());
    expect((await post(again.body, again.headers)).status).toBe(200);
  });

  it("logs ids and counts, never an officer's cell contents, the secret or a signature", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const typed = 'Nội dung riêng của xã Mỹ Hòa 7391';
    try {
      // The same edge and endpoint the function runs, with a runtime that logs everything down to debug.
      const rt = createRuntime({
        ...process.env,
        GOOGLE_CLOUD_PROJECT: 'theodoi-it-e2e',
        SHEETS_EMULATOR_URL: world.emulator.url,
        THEODOI_GOOGLE_GRANT: world.env.THEODOI_GOOGLE_GRANT!,
        THEODOI_TRIGGER_SECRET: SECRET,
        LOG_LEVEL: 'debug',
      });
      const call = (req: { body: string; headers: Record<string, string> }) =>
        answerCall(sheetEvent, () => rt, {
          method: 'POST',
          rawBody: Buffer.from(req.body),
          header: (name) =>
            Object.entries(req.headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1],
        });
      const editor = world.officer(thapMuoi.units.find((u) => u.code === '30052')!.editors[0]!);
      const row = 5 + thapMuoi.units.findIndex((u) => u.code === '30052');
      await editor.spreadsheets.values.update({
        spreadsheetId: world.directive.spreadsheetId,
        range: `${TAB}!D${row}`,
        valueInputOption: 'USER_ENTERED',
        requestBody: { values: [[typed]] },
      });
      const ok = signedRequest(event(), SECRET, new Date());
      expect((await call(ok)).status).toBe(200);
      const forged = signedRequest(event(), 'not-the-secret'.padEnd(40, 'y'), new Date());
      expect((await call(forged)).status).toBe(401);
      const all = lines.join('');
      expect(all).not.toContain(typed);
      expect(all).not.toContain('7391');
      expect(all).not.toContain(SECRET);
      for (const value of Object.values(ok.headers)) if (value.length > 20) expect(all).not.toContain(value);
      const events = lines
        .flatMap((l) => l.split('\n'))
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(events.map((e) => e.message)).toEqual([
        'Configuration loaded',
        'Directive synced',
        'Request refused',
      ]);
      expect(events[1]).toMatchObject({ directiveId: world.spec.id, changedUnits: 1 });
      expect(events[2]).toMatchObject({ function: 'sheetEvent', status: 401, code: 'forged' });
    } finally {
      spy.mockRestore();
    }
  });
});

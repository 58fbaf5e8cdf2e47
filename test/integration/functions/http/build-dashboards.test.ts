// The scheduled dashboard rewrite through its HTTP function, served by the Functions Framework on the machine's
// clock: the first call creates the organisation's dashboard, a call with nothing new costs no Sheets call, an
// officer's report makes the next call rewrite it once, and an unknown organisation is a clear error (500, so the
// scheduler retries) that does not stop the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardsOutcome } from '@theodoi/functions/usecases/rebuild-dashboards';
import { getOrganisation } from '@theodoi/functions/store/units';
import { startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';
import { serveFunction, type FunctionServer } from '@theodoi/test-kit/function-server';
import { jsonBody, OVERSIZED_BODY, send } from '../../../support/json-answer.js';

const NAME = 'dashboard-entry';

describe('buildDashboards entry point', () => {
  let world: World;
  let fn: FunctionServer | undefined;
  let url = '';
  const saved = { ...process.env };
  const post = async (body: unknown) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as DashboardsOutcome };
  };
  const directivesTab = async (spreadsheetId: string) =>
    ((
      await world.clients.sheets.spreadsheets.values.get({
        spreadsheetId,
        range: "'Văn bản'!A1:L6",
      })
    ).data.values ?? []) as string[][];

  beforeAll(async () => {
    world = await startWorld(NAME);
    fn = await serveFunction('buildDashboards', {
      GOOGLE_CLOUD_PROJECT: `theodoi-it-${NAME}`,
      SHEETS_EMULATOR_URL: world.emulator.url,
      THEODOI_GOOGLE_GRANT: world.env.THEODOI_GOOGLE_GRANT!,
    });
    url = fn.url;
  });
  afterAll(async () => {
    process.env = saved;
    await fn?.close();
    await world?.close();
  });

  it('refuses anything but a POST with {} or {organisationId}, in JSON', async () => {
    expect(jsonBody(await send(url, { method: 'GET' }), 405)).toMatchObject({ code: 'method-not-allowed' });
    expect((await post({ directiveId: 'x' })).status).toBe(400);
    const json = { 'content-type': 'application/json' };
    expect(jsonBody(await send(url, { headers: json, body: '{"organisationId": ' }), 400)).toMatchObject({
      code: 'malformed-json',
    });
    expect(jsonBody(await send(url, { headers: json, body: OVERSIZED_BODY }), 413)).toMatchObject({
      code: 'too-large',
    });
  });

  it('creates the dashboard of every organisation with an open directive on the first call', async () => {
    world.emulator.resetCounters();
    const { status, body } = await post({});
    expect(status).toBe(200);
    expect(body).toMatchObject({
      failed: [],
      built: [{ organisationId: `org-${NAME}`, created: true, unchanged: false, directives: 1 }],
    });
    const org = await getOrganisation(world.db, `org-${NAME}`);
    expect(body.built[0]?.spreadsheetUrl).toBe(org?.dashboardSpreadsheetUrl);
    const rows = await directivesTab(org!.dashboardSpreadsheetId!);
    expect(rows[0]?.[0]).toBe('THEO DÕI THỰC HIỆN VĂN BẢN CHỈ ĐẠO — ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI');
    // The machine's clock is past every 2024 deadline: the line follows Quý IV/2024, nobody has reported.
    expect(rows[4]).toEqual([
      '1',
      '(chưa có số)',
      '05/02/2024',
      world.spec.subject,
      'Quý IV/2024',
      '17/12/2024',
      `0/${thapMuoi.units.length}`,
      '0',
      String(thapMuoi.units.length),
      String(thapMuoi.units.length),
      '0',
      'Mở bảng tính',
    ]);
  });

  it('costs no Sheets call when nothing but the time would change', async () => {
    world.emulator.resetCounters();
    const { status, body } = await post({});
    expect(status).toBe(200);
    expect(body.built).toMatchObject([{ unchanged: true, calls: { sheetsReads: 0, sheetsWrites: 0 } }]);
    expect(world.emulator.counters().methods).toEqual({});
  });

  it('rewrites it in one write once what it shows changed: a new directive is opened', async () => {
    await world.another(`cchc-${NAME}-b`);
    world.emulator.resetCounters();
    const { body } = await post({ organisationId: `org-${NAME}` });
    expect(body.built).toMatchObject([{ unchanged: false, directives: 2, calls: { sheetsWrites: 1 } }]);
    expect(world.emulator.counters().methods).toEqual({ 'sheets.spreadsheets.batchUpdate': 1 });
    const org = await getOrganisation(world.db, `org-${NAME}`);
    expect((await directivesTab(org!.dashboardSpreadsheetId!))[1]?.[0]).toMatch(
      /; 2 văn bản đang theo dõi\.$/,
    );
  });

  it('answers 500 with a Vietnamese reason for an unknown organisation, so the scheduler retries', async () => {
    const answer = await send(url, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisationId: 'khong-co' }),
    });
    const body = jsonBody(answer, 500) as unknown as DashboardsOutcome;
    expect(body.failed).toEqual([
      { organisationId: 'khong-co', error: expect.stringContaining('khong-co') as unknown },
    ]);
  });
});

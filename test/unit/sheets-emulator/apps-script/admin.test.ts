// Anyone who can edit a spreadsheet can open its bound script and read its Script Properties: a secret kept there is
// readable by every officer with edit access (why theodoi keeps none, decision 004). Viewers and strangers are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, createScript, share } from '../../../support/apps-script.js';
import { createSpreadsheet, startHarness, stopHarness } from '../../../support/sheets-harness.js';
import type { Harness } from '../../../support/sheets-harness.js';

const SECRET = 'bi-mat-chung-0123456789';
const COORDINATOR = 'dieu.phoi.thapmuoi@gmail.com';
const OFFICER = 'can.bo.myhoa@gmail.com';
const VIEWER = 'lanh.dao.xem@gmail.com';
const STRANGER = 'nguoi.la@gmail.com';

describe('opening a bound script', () => {
  let h: Harness;
  let id = '';
  const properties = (scriptId: string, as?: string) =>
    admin(h.server, 'GET', `/scripts/${scriptId}/properties${as ? `?as=${encodeURIComponent(as)}` : ''}`);
  const refused = {
    status: 403,
    body: {
      error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' },
    },
  };

  beforeAll(async () => {
    h = await startHarness();
    id = await createSpreadsheet(h.sheets, { properties: { title: 'Báo cáo CCHC' } });
    await share(h.drive, id, [COORDINATOR, OFFICER]);
    await share(h.drive, id, [VIEWER], 'reader');
  });
  afterAll(async () => {
    await stopHarness(h);
  });

  it('shows a bound script’s properties to every editor of the spreadsheet, and to nobody else', async () => {
    await createScript(h.server, {
      owner: COORDINATOR,
      boundTo: id,
      source: 'function hello() { return 1; }',
      scriptProperties: { SECRET },
    });
    const list = await admin<{ scripts: { scriptId: string; boundTo?: string }[] }>(
      h.server,
      'GET',
      '/scripts',
    );
    const bound = list.body.scripts.find((s) => s.boundTo === id)!;
    for (const editor of [h.server.serviceAccountEmail, OFFICER, COORDINATOR]) {
      expect(await properties(bound.scriptId, editor)).toEqual({
        status: 200,
        body: { properties: { SECRET } },
      });
    }
    expect(await properties(bound.scriptId, VIEWER)).toEqual(refused);
    expect(await properties(bound.scriptId, STRANGER)).toEqual(refused);
    expect((await properties(bound.scriptId)).status).toBe(400);
  });

  it('lets an editor read and change a bound script’s code and properties; a viewer cannot', async () => {
    const script = await createScript(h.server, {
      owner: COORDINATOR,
      boundTo: id,
      source: 'function hello() { return 1; }',
      scriptProperties: { KHOA: 'gia-tri' },
    });
    expect(script.boundTo).toBe(id);
    const code = await admin<{ source: string }>(
      h.server,
      'GET',
      `/scripts/${script.scriptId}?as=${OFFICER}`,
    );
    expect(code.body.source).toBe('function hello() { return 1; }');
    expect(await admin(h.server, 'GET', `/scripts/${script.scriptId}?as=${VIEWER}`)).toEqual(refused);
    const changed = await admin(h.server, 'PUT', `/scripts/${script.scriptId}/properties?as=${OFFICER}`, {
      properties: { KHOA: 'da-doi' },
    });
    expect(changed).toEqual({ status: 200, body: { properties: { KHOA: 'da-doi' } } });
    expect(
      await admin(h.server, 'PUT', `/scripts/${script.scriptId}/properties?as=${VIEWER}`, { properties: {} }),
    ).toEqual(refused);
    expect((await properties(script.scriptId, COORDINATOR)).body).toEqual({ properties: { KHOA: 'da-doi' } });
  });

  it('keeps a standalone script to its owner and the people it is shared with', async () => {
    const script = await createScript(h.server, {
      owner: COORDINATOR,
      editors: [OFFICER],
      source: '',
      scriptProperties: { KHOA: 'rieng' },
    });
    expect((await properties(script.scriptId, OFFICER)).status).toBe(200);
    expect(await properties(script.scriptId, VIEWER)).toEqual(refused);
  });

  it('refuses to create what the editor would refuse', async () => {
    const notEditor = await admin(h.server, 'POST', '/scripts', { owner: VIEWER, boundTo: id, source: '' });
    expect(notEditor).toEqual(refused);
    const broken = await admin<{ error: { message: string } }>(h.server, 'POST', '/scripts', {
      owner: COORDINATOR,
      source: 'function a() {\n  return (;\n}',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(
      /^Syntax error: SyntaxError: Unexpected token .* line: 2 file: Code\.gs$/,
    );
    const noContainer = await admin(h.server, 'POST', '/scripts', {
      owner: COORDINATOR,
      boundTo: 'khong-co',
      source: '',
    });
    expect(noContainer.status).toBe(404);
    expect((await admin(h.server, 'POST', '/scripts', { owner: 'not-an-address', source: '' })).status).toBe(
      400,
    );
  });
});

describe('an address that is no Google account', () => {
  let h: Harness;
  beforeAll(async () => {
    // Strict accounts: the harness is lenient for tests of other features.
    h = await startHarness({ accounts: 'strict' });
  });
  afterAll(async () => {
    await stopHarness(h);
  });

  it('can neither own nor run a script', async () => {
    const refusal = (email: string) => ({
      status: 403,
      body: {
        error: {
          code: 403,
          message: `${email} is not a Google account: it cannot use Apps Script.`,
          status: 'PERMISSION_DENIED',
        },
      },
    });
    const officer = 'van.thu@thapmuoi.gov.vn';
    expect(
      await admin(h.server, 'POST', '/scripts', { owner: officer, source: 'function f() { return 1; }' }),
    ).toEqual(refusal(officer));
    const script = await createScript(h.server, { owner: COORDINATOR, source: 'function f() { return 1; }' });
    expect(
      await admin(h.server, 'POST', `/scripts/${script.scriptId}/run`, { function: 'f', as: officer }),
    ).toEqual(refusal(officer));
  });
});

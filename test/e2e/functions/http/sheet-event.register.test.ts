// The coordinator's register (decision 010) end to end through the trigger path: the coordinator pastes a công văn
// into "Sổ theo dõi văn bản" on the organisation's dashboard spreadsheet in the Sheets UI; the standalone script's
// edit trigger calls sheetEvent with the coordinator's ID token, Pub/Sub delivers the register sync to
// syncDirectiveEvent, and what was read appears beside the text; ticking "Tạo bảng theo dõi" provisions the directive
// (its link on the row, Firestore holding it), "Gia hạn" extends a unit, "Đóng" closes it. An officer is refused.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_VERSION } from '@theodoi/apps-script/contract';
import {
  columnIndex,
  REGISTER_COLUMN_KEYS,
  type RegisterColumnKey,
} from '@theodoi/functions/domain/register/columns';
import { register as msg } from '@theodoi/functions/messages.vi';
import { getDirective } from '@theodoi/functions/store/directives';
import { buildDashboard } from '@theodoi/functions/usecases/build-dashboard';
import { columnLetters } from '@theodoi/sheets-emulator/sheets/a1';
import { startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';
import { bearer, googleToken } from '../../../support/id-tokens.js';
import { jsonBody, send } from '../../../support/json-answer.js';

const COORDINATOR = thapMuoi.coordinator.email;
const OFFICER = thapMuoi.units.find((u) => u.code === '30052')!.editors[0]!;
const TAB = msg.tab;
const SEED = new URL('../../../../examples/thap-muoi-2024/congvan-cchc-2024.txt', import.meta.url);
/** The row the công văn is pasted in (row 2 on screen, under the header). */
const ROW = 2;
const cell = (key: RegisterColumnKey) => `'${TAB}'!${columnLetters(columnIndex(key))}${ROW}`;

describe('the register tab "Sổ theo dõi văn bản"', () => {
  let world: World;
  let dashboardId = '';

  beforeAll(async () => {
    world = await startWorld('register', '2024-03-05T02:00:00Z', { sheetTriggers: true });
    dashboardId = (await buildDashboard(world.deps, { organisationId: world.organisation.id })).spreadsheetId;
    const script = await world.triggers!.installCoordinatorScript(COORDINATOR);
    // The register is listed first: the coordinator's edits there reach theodoi at once.
    expect((script.setup.result as { listed: number }).listed).toBe(2);
  }, 90_000);
  afterAll(async () => {
    await world?.close();
  });

  /** Types into the register as `email` in the Sheets UI, then waits for the trigger and the sync it asked for. */
  const type = async (key: RegisterColumnKey, value: unknown, email = COORDINATOR) => {
    world.emulator.uiEdit(dashboardId, { email, range: cell(key), values: [[value]] });
    await world.triggers!.settled(60_000);
  };
  const row = async (): Promise<Record<RegisterColumnKey, string>> => {
    const res = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: dashboardId,
      range: `'${TAB}'!A${ROW}:R${ROW}`,
    });
    const values = (res.data.values?.[0] ?? []) as string[];
    return Object.fromEntries(
      REGISTER_COLUMN_KEYS.map((k) => [k, String(values[columnIndex(k)] ?? '')]),
    ) as Record<RegisterColumnKey, string>;
  };

  it('shows what was read of a pasted công văn, in words, with the proposed id and form', async () => {
    world.emulator.resetCounters();
    await type('text', await readFile(SEED, 'utf8'));
    const shown = await row();
    expect(shown.subject).toContain('triển khai Quyết định ban hành Kế hoạch thông tin, tuyên truyền CCHC');
    expect(shown.number).toBe('/UBND-NV');
    expect(shown.date).toBe('…/02/2024');
    expect(shown.recipients).toContain('Phòng Nội vụ');
    expect(shown.tasks).toMatch(/^2 nhiệm vụ\n1\. Chủ trì: /);
    // What the importer could not find, in words — never a field path.
    expect(shown.missing).toContain('số văn bản');
    expect(shown.missing).toContain('ngày ban hành');
    expect(shown.missing).not.toMatch(/date\.day|tasks\[|numberSymbol/);
    expect(shown.id).toMatch(/^[a-z0-9-]+-2024$/);
    expect(shown.template).not.toBe('');
    expect(shown.status).toBe(msg.waiting);
    // One read of the register and one write of what was read: nothing else on Sheets.
    const counts = world.emulator.counters().methods;
    expect(counts['sheets.spreadsheets.getByDataFilter']).toBe(1);
    expect(counts['sheets.spreadsheets.batchUpdate']).toBe(1);
  });

  it('refuses to create without a deadline, then a deadline already past until it is confirmed', async () => {
    await type('create', true);
    expect((await row()).status).toBe(msg.blocked([msg.noDeadline]));
    await type('deadline', '01/03/2024');
    expect((await row()).status).toBe(msg.blocked([msg.pastDeadline('01/03/2024', '05/03/2024')]));
    const id = (await row()).id;
    expect(await getDirective(world.db, id)).toBeUndefined();
  });

  it('creates the directive when the deadline is fixed: its link on the row, Firestore holding it', async () => {
    world.emulator.resetCounters();
    await type('deadline', '29/03/2024');
    const shown = await row();
    expect(shown.status).toMatch(/^Đã tạo: \d+ đơn vị/);
    const directive = await getDirective(world.db, shown.id);
    expect(directive).toMatchObject({ status: 'open', schedule: { kind: 'once', deadline: '2024-03-29' } });
    expect(shown.link).toBe(directive!.spreadsheetUrl);
    const sheet = await world.clients.sheets.spreadsheets.get({ spreadsheetId: directive!.spreadsheetId });
    expect(sheet.data.properties?.title).toContain('triển khai Quyết định');
    // The register's own calls: one read, "Đang tạo…" written first, then the results.
    const counts = world.emulator.counters().methods;
    expect(counts['sheets.spreadsheets.getByDataFilter']).toBe(1);
  });

  it('never creates a row twice: another edit of the row leaves the directive as it is', async () => {
    const before = await row();
    world.emulator.resetCounters();
    await type('create', true);
    const after = await row();
    expect(after.link).toBe(before.link);
    expect(after.status).toBe(before.status);
    const counts = world.emulator.counters().methods;
    expect(counts['sheets.spreadsheets.getByDataFilter']).toBe(1);
    expect(counts['sheets.spreadsheets.batchUpdate'] ?? 0).toBe(0);
    expect(counts['drive.files.create'] ?? 0).toBe(0);
  });

  it('extends one unit from the "Gia hạn" column: its deadline changes, the result is written back', async () => {
    const id = (await row()).id;
    await type('extensions', '30073: 10/04/2024 — chờ số liệu của các ấp');
    expect((await row()).extensionResults).toBe(
      msg.extended('30073 (' + unitName('30073') + ')', '10/04/2024'),
    );
    const directive = await getDirective(world.db, id);
    expect(Object.entries(directive!.extensions ?? {})).toEqual([
      [expect.stringMatching(/~30073$/), '2024-04-10'],
    ]);
    const extension = await world.db.collection(`directives/${id}/extensions`).get();
    expect(extension.docs.map((d) => d.get('reason') as string)).toEqual(['chờ số liệu của các ấp']);
    // The directive's own Tổng hợp shows the unit's new deadline at once.
    const summary = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: directive!.spreadsheetId,
      range: "'Tổng hợp'!A1:H80",
    });
    const line = ((summary.data.values ?? []) as string[][]).find((r) =>
      r.includes(thapMuoi.units.find((u) => u.code === '30073')!.name),
    );
    expect(line?.join(' | ')).toContain('(gia hạn đến 10/04/2024)');
    // Typed again (another edit of the row), the extension is not granted twice.
    await type('extensions', '30073: 10/04/2024 — chờ số liệu của các ấp\n');
    expect((await world.db.collection(`directives/${id}/extensions`).get()).size).toBe(1);
  });

  it('closes the directive when "Đóng" is ticked', async () => {
    const id = (await row()).id;
    await type('close', true);
    expect((await row()).status).toBe(msg.closed);
    expect((await getDirective(world.db, id))?.status).toBe('closed');
  });

  it("refuses an officer's call about the register before any work (403), nothing synced", async () => {
    const token = await googleToken(world.emulator, world.triggers!.clientId, OFFICER);
    world.emulator.resetCounters();
    const body = JSON.stringify({
      v: CONTRACT_VERSION,
      spreadsheetId: dashboardId,
      kind: 'edit',
      sheetName: TAB,
    });
    const answer = jsonBody(
      await send(`${world.triggers!.url}/sheetEvent`, { headers: bearer(token), body }),
      403,
    );
    expect(answer).toMatchObject({ code: 'not-the-coordinator' });
    expect(world.emulator.counters().total).toBe(0);
  });
});

function unitName(code: string): string {
  const unit = thapMuoi.units.find((u) => u.code === code)!;
  return unit.shortName ?? unit.name;
}

// Fifty officers edit their own rows at once and fifty trigger calls reach sheetEvent at the same moment: each is
// answered 202 at once, the sync requests go through Pub/Sub, and syncDirectiveEvent's lease serialises the syncs and
// coalesces the rest — every edit stored exactly once (one version each, none lost, none doubled), every row's status
// on the sheet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_VERSION } from '@theodoi/apps-script/contract';
import { parseOrganisation, type Organisation } from '@theodoi/functions/domain/organisation';
import { loadReports } from '@theodoi/functions/store/reports';
import { syncDirective } from '@theodoi/functions/usecases/sync-directive';
import type { CreatedDirective } from '@theodoi/functions/usecases/create-directive';
import { buildWorld, quarterlyDirective, type LocalWorld } from '@theodoi/test-kit/world';
import { cchcRowWith } from '../../../fixtures/cchc-rows.js';
import { bearer, googleToken } from '../../../support/id-tokens.js';

const TAB = 'Quý I/2024';
const UNITS = 50;
const COORDINATOR = 'dieu.phoi@burst.example.vn';

const organisation: Organisation = parseOrganisation({
  id: 'org-burst50',
  name: 'Ủy ban nhân dân huyện Năm Mươi',
  level: 'huyen',
  place: 'Năm Mươi',
  coordinator: { unitCode: 'X00', email: COORDINATOR },
  groups: [{ id: 'xa', name: 'UBND các xã' }],
  units: Array.from({ length: UNITS }, (_, i) => ({
    code: `X${String(i).padStart(2, '0')}`,
    name: `UBND xã Năm Mươi ${i + 1}`,
    kind: 'xa',
    group: 'xa',
    editors: [`xa${i}@burst.example.vn`],
    contact: { person: `Đầu mối xã ${i + 1}`, phone: '0277 3821 101' },
  })),
});

describe('fifty simultaneous sheet triggers for one directive', () => {
  let world: LocalWorld;
  let directive: CreatedDirective;
  let statuses: number[] = [];
  const directiveId = 'cchc-burst50';
  const rowOf = (i: number) => 5 + i;

  beforeAll(async () => {
    world = await buildWorld({
      project: 'theodoi-it-burst50',
      clock: '2024-03-05T02:00:00Z',
      organisation,
      retry: { retries: 4, baseMs: 1, maxWaitMs: 5 },
      sheetTriggers: true,
    });
    directive = await world.addDirective(quarterlyDirective(directiveId, organisation));
    await syncDirective(world.deps, { directiveId, trigger: 'initial' });
    await Promise.all(
      organisation.units.map((unit, i) =>
        world.officer(unit.editors[0]!).spreadsheets.values.update({
          spreadsheetId: directive.spreadsheetId,
          range: `'${TAB}'!C${rowOf(i)}`,
          valueInputOption: 'USER_ENTERED',
          requestBody: { values: [cchcRowWith((i % 12) + 1, 40 + i)] },
        }),
      ),
    );
    const triggers = world.triggers!;
    const token = await googleToken(world.emulator, triggers.clientId, COORDINATOR);
    statuses = await Promise.all(
      organisation.units.map(async (_, i) => {
        const res = await fetch(`${triggers.url}/sheetEvent`, {
          method: 'POST',
          headers: bearer(token),
          body: JSON.stringify({
            v: CONTRACT_VERSION,
            spreadsheetId: directive.spreadsheetId,
            kind: 'edit',
            sheetName: TAB,
            range: `C${rowOf(i)}`,
          }),
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    await triggers.settled(90_000);
  }, 180_000);
  afterAll(async () => {
    await world?.close();
  });

  it('answers every call 202, and every sync request it published is run', () => {
    expect(statuses).toEqual(organisation.units.map(() => 202));
    const runs = world.triggers!.answers().filter((a) => a.function === 'syncDirectiveEvent');
    expect(runs.length).toBeGreaterThanOrEqual(UNITS);
    expect(runs.every((a) => a.status === 200)).toBe(true);
    const stored = runs.reduce((n, a) => n + ((a.body as { changedUnits?: number }).changedUnits ?? 0), 0);
    expect(stored).toBe(UNITS);
  });

  it('keeps one version per edit in Firestore, none lost and none doubled', async () => {
    const reports = (await loadReports(world.db, directiveId, ['2024-Q1'])).get('2024-Q1')!;
    for (const unit of organisation.units) {
      expect(reports.get(unit.code), unit.code).toMatchObject({ version: 1, status: 'valid' });
      const versions = await world.db
        .collection(`directives/${directiveId}/reports/2024-Q1~${unit.code}/versions`)
        .get();
      expect(versions.size, unit.code).toBe(1);
    }
  });

  it('shows every row as accepted on the sheet, and a sync afterwards finds nothing left to do', async () => {
    const statusCells = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: directive.spreadsheetId,
      range: `'${TAB}'!X${rowOf(0)}:X${rowOf(UNITS - 1)}`,
    });
    expect(statusCells.data.values?.map((r) => r[0] as string)).toEqual(
      organisation.units.map(() => '✔ Đã tiếp nhận'),
    );
    world.emulator.resetCounters();
    expect(await syncDirective(world.deps, { directiveId, trigger: 'check' })).toMatchObject({
      result: 'synced',
      changedUnits: 0,
      statusCellsWritten: 0,
    });
    expect(world.emulator.counters().methods['sheets.spreadsheets.batchUpdate']).toBeUndefined();
  });
});

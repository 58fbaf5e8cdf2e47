// sheetTargets for one coordinator: the open directives they follow first whose spreadsheets theodoi can open, ranked
// by the nearest due period and the officers' latest edit (as Firestore holds them), at most 19; others' directives,
// ones they follow second, closed ones and spreadsheets theodoi lost are left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@theodoi/functions/clock';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { DIRECTIVE_FORMAT, parseDirectiveSpec } from '@theodoi/functions/domain/directive';
import { openedPeriods } from '@theodoi/functions/domain/periods/index';
import {
  markAccessLost,
  markProvisioned,
  recordSpreadsheet,
  registerDirective,
} from '@theodoi/functions/store/directives';
import { listSheetTargets } from '@theodoi/functions/usecases/list-sheet-targets';
import { startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';

const COORDINATOR = thapMuoi.coordinator.email;
const OTHER_COORDINATOR = 'dieu.phoi.khac@thapmuoi.example.vn';
const NOW = '2024-03-12T02:00:00Z';

describe('listSheetTargets', () => {
  let world: World;
  const calendar = createCalendar();

  /** Registers a one-off directive due on `deadline`, followed by `coordinators`, without provisioning a sheet. */
  const register = async (id: string, deadline: string, coordinators = [COORDINATOR]) => {
    const spec = parseDirectiveSpec({
      format: DIRECTIVE_FORMAT,
      id,
      organisation: world.organisation.id,
      number: null,
      date: '2024-03-01',
      issuer: world.organisation.name,
      subject: `báo cáo ${id}`,
      recipients: ['NV'],
      template: 'cchc-tuyen-truyen@1',
      schedule: { kind: 'once', opensOn: '2024-03-01', deadline },
      coordinators: coordinators.map((c) => c.toUpperCase()),
    });
    const periods = openedPeriods(spec.schedule, new Date(NOW), calendar);
    await registerDirective(world.db, spec, [], periods, new Date(NOW));
    await recordSpreadsheet(
      world.db,
      id,
      {
        spreadsheetId: `sheet-${id}`,
        spreadsheetUrl: `https://example.test/${id}`,
      },
      new Date(NOW),
    );
    await markProvisioned(world.db, id, new Date(NOW));
  };
  /** Records an officer's change of one of the directive's reports at `at`. */
  const edited = (id: string, at: string) =>
    world.db.doc(`directives/${id}/reports/once~NV`).set({ unitCode: 'NV', lastChangedAt: new Date(at) });

  beforeAll(async () => {
    world = await startWorld('sheet-targets', NOW);
    // 22 one-off directives of this coordinator, due 1…22 April (20…41 days ahead); the world's own quarterly one is
    // due for its first quarter within a week.
    for (let day = 1; day <= 22; day++)
      await register(`due-in-${day}`, `2024-04-${String(day).padStart(2, '0')}`);
    await register('overdue-yesterday', '2024-03-11');
    await edited('due-in-22', '2024-03-12T01:30:00Z'); // edited half an hour ago: the most urgent of all
    await register('others', '2024-03-13', [OTHER_COORDINATOR]);
    // Followed by both, the other first: only the other's script triggers on it, so an edit is not synced twice.
    await register('shared', '2024-03-14', [OTHER_COORDINATOR, COORDINATOR]);
    await register('closed', '2024-03-13');
    await world.db.doc('directives/closed').update({ status: 'closed' });
    await register('lost', '2024-03-13');
    await markAccessLost(
      world.db,
      'lost',
      { reason: 'not-found', since: new Date(NOW), message: 'Không mở được' },
      new Date(NOW),
    );
  }, 60_000);
  afterAll(async () => {
    await world?.close();
  });

  it('lists 19 of the coordinator’s 25 open directives, the most urgent first', async () => {
    const deps = { db: world.db, calendar, clock: new ManualClock(NOW) };
    const targets = await listSheetTargets(deps, COORDINATOR);
    expect(targets.openDirectives).toBe(25); // 22 + overdue + lost + the world's own (closed, others', shared excluded)
    expect(targets.spreadsheetIds).toHaveLength(19);
    expect(targets.spreadsheetIds.slice(0, 3)).toEqual([
      'sheet-due-in-22',
      'sheet-overdue-yesterday',
      world.directive.spreadsheetId,
    ]);
    expect(targets.spreadsheetIds.slice(3)).toEqual(
      Array.from({ length: 16 }, (_, i) => `sheet-due-in-${i + 1}`),
    );
    for (const left of ['sheet-others', 'sheet-shared', 'sheet-closed', 'sheet-lost', 'sheet-due-in-17'])
      expect(targets.spreadsheetIds).not.toContain(left);
  });

  it('lists nothing for someone who follows no directive', async () => {
    const deps = { db: world.db, calendar, clock: new ManualClock(NOW) };
    expect(await listSheetTargets(deps, 'nguoi.la@example.com')).toEqual({
      spreadsheetIds: [],
      openDirectives: 0,
    });
    expect((await listSheetTargets(deps, OTHER_COORDINATOR)).spreadsheetIds).toEqual([
      'sheet-others',
      'sheet-shared',
    ]);
  });
});

// The coordinator's path without a terminal for a directive made of tasks (issue #19's must-show): a công văn text
// with three tasks (two with their own deadlines, one recurring "hằng tháng") pasted into the register tab
// "Sổ theo dõi văn bản" in the Sheets UI → what was read beside it, the task form proposed → ticking "Tạo bảng theo
// dõi" provisions a task sheet with one row per task × responsible unit, its lead and co-operating units and each
// task's own deadline, read back from the emulator; an extension line naming a task moves that one row's deadline.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const COORDINATOR = thapMuoi.coordinator.email;
const TAB = msg.tab;
const TASKS = new URL('../../../fixtures/coordinator/congvan-nhiem-vu-cds-2026.txt', import.meta.url);
const ROW = 2;
const cell = (key: RegisterColumnKey) => `'${TAB}'!${columnLetters(columnIndex(key))}${ROW}`;

describe('the register tab creates a directive of tasks from a pasted công văn', () => {
  let world: World;
  let dashboardId = '';

  beforeAll(async () => {
    // 3 November 2026: the day after the công văn, before its tasks' deadlines.
    world = await startWorld('register-tasks', '2026-11-03T02:00:00Z', { sheetTriggers: true });
    dashboardId = (await buildDashboard(world.deps, { organisationId: world.organisation.id })).spreadsheetId;
    await world.triggers!.installCoordinatorScript(COORDINATOR);
  }, 90_000);
  afterAll(async () => {
    await world?.close();
  });

  const type = async (key: RegisterColumnKey, value: unknown) => {
    world.emulator.uiEdit(dashboardId, { email: COORDINATOR, range: cell(key), values: [[value]] });
    await world.triggers!.settled(60_000);
  };
  const row = async (): Promise<Record<RegisterColumnKey, string>> => {
    const res = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: dashboardId,
      range: `'${TAB}'!A${ROW}:Z${ROW}`,
    });
    const values = (res.data.values?.[0] ?? []) as string[];
    return Object.fromEntries(
      REGISTER_COLUMN_KEYS.map((k) => [k, String(values[columnIndex(k)] ?? '')]),
    ) as Record<RegisterColumnKey, string>;
  };
  const values = async (spreadsheetId: string, range: string) =>
    ((await world.clients.sheets.spreadsheets.values.get({ spreadsheetId, range })).data.values ??
      []) as string[][];

  it('reads the three tasks with their leads and deadlines, and proposes the task form', async () => {
    await type('text', await readFile(TASKS, 'utf8'));
    const shown = await row();
    expect(shown.number).toBe('2468/UBND-VHTT');
    expect(shown.tasks.split('\n')).toEqual([
      '3 nhiệm vụ',
      '1. Chủ trì: Phòng VH&TT; thời hạn: hoàn thành trước ngày 20/11/2026',
      '2. Chủ trì: Phòng Tư pháp; thời hạn: hoàn thành trước ngày 27/11/2026',
      '3. Chủ trì: Phòng Nội vụ; thời hạn: định kỳ hằng tháng',
    ]);
    expect(shown.template).toBe('Tiến độ thực hiện nhiệm vụ');
    expect(shown.status).toBe(msg.waiting);
  });

  it('provisions the task sheet when ticked, without any hand-written file: rows, roles and deadlines', async () => {
    await type('create', true);
    const shown = await row();
    expect(shown.status).toMatch(/^Đã tạo: \d+ đơn vị/);
    const directive = (await getDirective(world.db, shown.id))!;
    expect(directive).toMatchObject({ status: 'open', template: 'tien-do-nhiem-vu@1' });
    expect(directive.tasks?.map((t) => [t.id, t.lead, t.support, t.due.kind])).toEqual([
      ['nv1', 'VHTT', ['NV'], 'by'],
      ['nv2', 'TP', ['VP'], 'by'],
      ['nv3', 'NV', [], 'periodic'],
    ]);
    expect(shown.link).toBe(directive.spreadsheetUrl);
    expect(await values(directive.spreadsheetId, "'Nhiệm vụ'!A5:F8")).toEqual([
      [
        '1',
        expect.stringMatching(/^Giao Phòng Văn hóa/),
        'VHTT',
        'Phòng Văn hóa và Thông tin',
        'Chủ trì',
        '20/11/2026 (thứ Sáu)',
      ],
      ['1', expect.stringMatching(/dịch vụ công/), 'NV', 'Phòng Nội vụ', 'Phối hợp', '20/11/2026 (thứ Sáu)'],
      [
        '2',
        expect.stringMatching(/^Giao Phòng Tư pháp/),
        'TP',
        'Phòng Tư pháp',
        'Chủ trì',
        '27/11/2026 (thứ Sáu)',
      ],
      [
        '2',
        expect.stringMatching(/hộ tịch/),
        'VP',
        'Văn phòng HĐND và UBND huyện',
        'Phối hợp',
        '27/11/2026 (thứ Sáu)',
      ],
    ]);
    // The recurring task has its row in the month's tab, led by Phòng Nội vụ.
    const monthly = await values(directive.spreadsheetId, "'Tháng 11/2026'!A5:F5");
    expect(monthly[0]?.slice(0, 5)).toEqual([
      '3',
      expect.stringMatching(/hằng tháng/),
      'NV',
      'Phòng Nội vụ',
      'Chủ trì',
    ]);
  });

  it('extends one task row from a "Gia hạn" line naming the task, and says how when the task is not named', async () => {
    const id = (await row()).id;
    await type('extensions', 'TP: 04/12/2026 — chờ bàn giao hồ sơ');
    expect((await row()).extensionResults).toContain('ghi mã nhiệm vụ sau đơn vị');
    await type('extensions', 'TP nv2: 04/12/2026 — chờ bàn giao hồ sơ');
    expect((await row()).extensionResults).toContain('04/12/2026');
    const directive = (await getDirective(world.db, id))!;
    expect(Object.entries(directive.extensions ?? {})).toEqual([
      [expect.stringMatching(/~TP~nv2$/), '2026-12-04'],
    ]);
  });
});

// The register sync's own guarantees (decision 010), below the trigger path: a creation Google stops half way is
// said on the row and finished by the next sync, never with a second spreadsheet; the 5-minute sweep takes up a
// register edit whose trigger call never came, and an unchanged register costs it no Sheets call.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnIndex, type RegisterColumnKey } from '@theodoi/functions/domain/register/columns';
import { register as msg } from '@theodoi/functions/messages.vi';
import { loadDirective } from '@theodoi/functions/store/directives';
import { buildDashboard } from '@theodoi/functions/usecases/build-dashboard';
import { runSync } from '@theodoi/functions/usecases/run-sync';
import { syncRegister } from '@theodoi/functions/usecases/sync-register';
import { columnLetters } from '@theodoi/sheets-emulator/sheets/a1';
import { startWorld, type World } from '@theodoi/test-kit/world';

const TAB = msg.tab;
const SEED = new URL('../../../../examples/thap-muoi-2024/congvan-cchc-2024.txt', import.meta.url);

describe('the register sync', () => {
  let world: World;
  let dashboardId = '';
  let seed = '';

  beforeAll(async () => {
    world = await startWorld('register-sync');
    dashboardId = (await buildDashboard(world.deps, { organisationId: world.organisation.id })).spreadsheetId;
    seed = await readFile(SEED, 'utf8');
  }, 60_000);
  afterAll(async () => world?.close());

  /** Writes cells of register row `row` (1-based) as the coordinator, with their own Sheets client. */
  const fill = async (row: number, cells: Partial<Record<RegisterColumnKey, string | boolean>>) => {
    await world.clients.sheets.spreadsheets.values.batchUpdate({
      spreadsheetId: dashboardId,
      requestBody: {
        valueInputOption: 'USER_ENTERED',
        data: Object.entries(cells).map(([key, value]) => ({
          range: `'${TAB}'!${columnLetters(columnIndex(key as RegisterColumnKey))}${row}`,
          values: [[value]],
        })),
      },
    });
  };
  const read = async (row: number, key: RegisterColumnKey) => {
    const res = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: dashboardId,
      range: `'${TAB}'!${columnLetters(columnIndex(key))}${row}`,
    });
    return String(res.data.values?.[0]?.[0] ?? '');
  };
  const sync = () => syncRegister(world.deps, { organisationId: world.organisation.id, trigger: 'test' });

  it('says on the row when Google stops a creation half way, and the next sync finishes it with one spreadsheet', async () => {
    await fill(2, { text: seed, id: 'cv-tuyen-truyen-cchc-2024', deadline: '29/03/2024', create: true });
    // Drive refuses to make the spreadsheet (a creation is never retried within a call): the directive is registered.
    world.emulator.addFault({ status: 503, methods: ['drive.files.create'], count: 1 });
    await expect(sync()).rejects.toThrow();
    expect(await read(2, 'status')).toBe(msg.failed(msg.tryLater));
    expect((await loadDirective(world.db, 'cv-tuyen-truyen-cchc-2024'))?.state).toBe('provisioning');
    const made = await sync();
    expect(made.created).toEqual(['cv-tuyen-truyen-cchc-2024']);
    expect(await read(2, 'status')).toMatch(/^Đã tạo: /);
    const stored = await loadDirective(world.db, 'cv-tuyen-truyen-cchc-2024');
    expect(stored?.state).toBe('ready');
    const files = await world.clients.drive.files.list({
      q: `name contains 'triển khai Quyết định ban hành' and trashed = false`,
      fields: 'files(id)',
    });
    // The world's own quarterly directive has the same subject; apart from it, one spreadsheet.
    const ids = files.data.files?.map((f) => f.id).filter((id) => id !== world.directive.spreadsheetId);
    expect(ids).toEqual([stored!.record.spreadsheetId]);
    // The id cell changed by hand afterwards does not make a second directive: the row is keyed by its marker.
    await fill(2, { id: 'cv-khac-2024' });
    expect((await sync()).created).toEqual([]);
    expect(await loadDirective(world.db, 'cv-khac-2024')).toBeUndefined();
  });

  it('is taken up by the sweep when no trigger called, and costs the sweep no Sheets call once unchanged', async () => {
    await fill(3, { text: seed.replace('Số: /UBND-NV', 'Số: 77/UBND-NV') });
    await runSync(world.deps, { trigger: 'sweep' });
    expect(await read(3, 'number')).toBe('77/UBND-NV');
    expect(await read(3, 'status')).toBe(msg.waiting);
    // The sweep's own write to the register is a Drive change: read once more, nothing to write.
    world.emulator.resetCounters();
    await runSync(world.deps, { trigger: 'sweep' });
    expect(world.emulator.counters().methods['sheets.spreadsheets.batchUpdate'] ?? 0).toBe(0);
    world.emulator.resetCounters();
    await runSync(world.deps, { trigger: 'sweep' });
    const counts = world.emulator.counters().methods;
    expect(Object.keys(counts).filter((m) => m.startsWith('sheets.'))).toEqual([]);
  });
});

// The scheduled sweep reads only the spreadsheets someone other than theodoi changed since the last sweep: theodoi's
// own writes are told apart by the Drive version they produced (decision 011), and no officer's edit is lost to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { drive_v3 } from '@googleapis/drive';
import type { sheets_v4 } from '@googleapis/sheets';
import { getDirective } from '@theodoi/functions/store/directives';
import { sweepDirectives, type SweepOutcome } from '@theodoi/functions/usecases/sweep';
import type { SyncOutcome } from '@theodoi/functions/usecases/sync-directive';
import { hasGoogleAccount, startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';

const Q1 = "'Quý I/2024'";
const codes = thapMuoi.units.map((u) => u.code);
const typing = codes.filter((code) =>
  hasGoogleAccount(thapMuoi.units.find((u) => u.code === code)!.editors[0]!),
);

describe('sweepDirectives', () => {
  let world: World;
  let ids: string[];
  const spreadsheetOf = new Map<string, string>();

  /** An officer of `code` types `value` in their row's first input cell, through their own Sheets client. */
  const type = async (directiveId: string, code: string, value: string) => {
    const editor = thapMuoi.units.find((u) => u.code === code)!.editors[0]!;
    await world.officer(editor).spreadsheets.values.update({
      spreadsheetId: spreadsheetOf.get(directiveId)!,
      range: `${Q1}!C${5 + codes.indexOf(code)}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [[value]] },
    });
  };
  /** One sweep, with the Sheets reads it made (one spreadsheets.getByDataFilter per spreadsheet read). */
  const sweep = async (deps = world.deps) => {
    world.emulator.resetCounters();
    const outcome = await sweepDirectives(deps);
    const methods = world.emulator.counters().methods;
    return { outcome, reads: methods['sheets.spreadsheets.getByDataFilter'] ?? 0, methods };
  };
  const synced = (outcome: SweepOutcome) =>
    Object.fromEntries(
      outcome.outcomes
        .filter((o): o is SyncOutcome => 'result' in o)
        .map((o) => [o.directiveId, o.changedUnits]),
    );

  beforeAll(async () => {
    world = await startWorld('sweep');
    await world.another('cchc-sweep-b');
    await world.another('cchc-sweep-c');
    ids = ['cchc-sweep', 'cchc-sweep-b', 'cchc-sweep-c'];
    for (const id of ids) spreadsheetOf.set(id, (await getDirective(world.db, id))!.spreadsheetId);
  });
  afterAll(async () => world?.close());

  it('syncs every open directive the first time, then only the one an officer edited', async () => {
    const first = await sweep();
    expect(first.outcome).toMatchObject({ openDirectives: 3, changedDirectives: 3 });
    expect(first.reads).toBe(3);

    // The first sweep wrote statuses into all three; Drive lists those writes, at the versions theodoi recorded.
    const settle = await sweep();
    expect(settle.outcome).toMatchObject({ changedDirectives: 0, ownWritesSkipped: 3 });
    expect(settle.reads).toBe(0);

    await type('cchc-sweep-b', typing[1]!, '3');
    const edited = await sweep();
    expect(edited.outcome).toMatchObject({ openDirectives: 3, changedDirectives: 1, ownWritesSkipped: 0 });
    expect(edited.outcome.outcomes).toMatchObject([{ directiveId: 'cchc-sweep-b', changedUnits: 1 }]);
    // The version before the read comes with the change; one files.get after the write learns the version it made.
    expect(edited.methods).toEqual({
      'drive.changes.list': 1,
      'drive.files.get': 1,
      'sheets.spreadsheets.getByDataFilter': 1,
      'sheets.spreadsheets.batchUpdate': 1,
    });
  });

  it('the sweep reads each changed spreadsheet once', async () => {
    // Steady state: theodoi wrote to all three in earlier sweeps and nobody else has since.
    expect((await sweep()).reads).toBe(0);

    // Officers edit two of the three (K = 2) after theodoi's writes: exactly those two are read, once.
    await type('cchc-sweep', typing[2]!, '4');
    await type('cchc-sweep-c', typing[3]!, '5');
    const edited = await sweep();
    expect(edited.reads).toBe(2);
    expect(synced(edited.outcome)).toEqual({ 'cchc-sweep': 1, 'cchc-sweep-c': 1 });
    expect(edited.outcome.ownWritesSkipped).toBe(0);

    // The sweep after it sees only theodoi's own status writes: nothing is read again.
    const next = await sweep();
    expect(next.reads).toBe(0);
    expect(next.outcome).toMatchObject({ changedDirectives: 0, ownWritesSkipped: 2 });
  });

  it('an officer edit landing between theodoi’s write and its version read is read by the next sweep', async () => {
    await type('cchc-sweep-b', typing[4]!, '6');
    // The officer of another unit types just after theodoi's write, before theodoi asks Drive for the version.
    const deps = interceptFirst(world, 'version', () => type('cchc-sweep-b', typing[5]!, '7'));
    const raced = await sweep(deps);
    expect(synced(raced.outcome)).toEqual({ 'cchc-sweep-b': 1 });
    // The version moved by two (theodoi's write and the edit): it is not taken as theodoi's.
    expect((raced.outcome.outcomes[0] as SyncOutcome).seenVersion).toBeUndefined();

    const next = await sweep();
    expect(next.reads).toBe(1);
    expect(synced(next.outcome)).toEqual({ 'cchc-sweep-b': 1 });
    expect((await sweep()).reads).toBe(0);
  });

  it('an officer edit landing between theodoi’s read and its write is read by the next sweep', async () => {
    await type('cchc-sweep-c', typing[6]!, '8');
    const deps = interceptFirst(world, 'write', () => type('cchc-sweep-c', typing[7]!, '9'));
    const raced = await sweep(deps);
    expect(synced(raced.outcome)).toEqual({ 'cchc-sweep-c': 1 });

    const next = await sweep();
    expect(next.reads).toBe(1);
    expect(synced(next.outcome)).toEqual({ 'cchc-sweep-c': 1 });
    expect((await sweep()).reads).toBe(0);
  });

  it('does not read a directive theodoi just created, shaped and shared', async () => {
    await world.another('cchc-sweep-d');
    const next = await sweep();
    expect(next.outcome).toMatchObject({ openDirectives: 4, changedDirectives: 0, ownWritesSkipped: 1 });
    expect(next.reads).toBe(0);
  });
});

/**
 * The world's deps whose clients run `edit` once, just before the first Drive version read (`'version'`) or the first
 * Sheets batchUpdate (`'write'`) they make: an officer's edit landing at that instant.
 */
function interceptFirst(world: World, at: 'version' | 'write', edit: () => Promise<void>) {
  let pending = true;
  const once = async () => {
    if (!pending) return;
    pending = false;
    await edit();
  };
  const { drive, sheets } = world.clients;
  const files = Object.create(drive.files) as drive_v3.Resource$Files;
  files.get = (async (params: drive_v3.Params$Resource$Files$Get, ...rest: unknown[]) => {
    if (at === 'version' && params.fields === 'version') await once();
    return (drive.files.get as (...args: unknown[]) => unknown).call(drive.files, params, ...rest);
  }) as typeof files.get;
  const spreadsheets = Object.create(sheets.spreadsheets) as sheets_v4.Resource$Spreadsheets;
  spreadsheets.batchUpdate = (async (...args: unknown[]) => {
    if (at === 'write') await once();
    return (sheets.spreadsheets.batchUpdate as (...a: unknown[]) => unknown).apply(sheets.spreadsheets, args);
  }) as typeof spreadsheets.batchUpdate;
  const clients = {
    ...world.clients,
    drive: replacing(drive, 'files', files),
    sheets: replacing(sheets, 'spreadsheets', spreadsheets),
  };
  return { ...world.deps, clients };
}

/** An object like `target` (its prototype) whose own, read-only property `key` is `value` instead. */
function replacing<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): T {
  return Object.defineProperty(Object.create(target) as T, key, { value });
}

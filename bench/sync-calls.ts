/**
 * Sheets calls and Firestore writes of one sync of Tháp Mười's 25-unit directive, against the emulators:
 * a sync after three units typed their reports, then the same sync with nothing changed.
 */
import { syncDirective, type SyncOutcome } from '@theodoi/functions/usecases/sync-directive';
import { cchcRowWith, VALID_CCHC_ROW } from '../test/fixtures/cchc-rows.js';
import { countCalls, type ApiCalls } from './api-calls.js';
import type { Row } from './row.js';
import { startBenchWorld, thapMuoi } from './world.js';

/** What one sync cost. */
export interface SyncCost {
  changedUnits: number;
  firestoreWrites: number;
  calls: ApiCalls;
  ms: number;
}

/** The two syncs' costs. */
export interface SyncCalls {
  units: number;
  changed: SyncCost;
  unchanged: SyncCost;
}

const EDITED_ROWS = [VALID_CCHC_ROW, cchcRowWith(2, 40), cchcRowWith(3, 75)];

/** Provisions the directive, settles it with a first sync, then measures a changed and an unchanged sync. */
export async function measureSyncCalls(firestoreHost: string): Promise<SyncCalls> {
  const world = await startBenchWorld('theodoi-bench-calls', thapMuoi(), firestoreHost);
  try {
    const directive = await world.addDirective('bench-calls');
    const sync = async (): Promise<SyncCost> => {
      const { result, calls, ms } = await countCalls(world.emulator, () =>
        syncDirective(world.deps, { directiveId: 'bench-calls', trigger: 'bench' }),
      );
      return { changedUnits: result.changedUnits ?? 0, firestoreWrites: writes(result), calls, ms };
    };
    // The first sync writes every row's status and draws the Tổng hợp chart; later ones only what changed.
    await sync();
    await world.fillRows(directive.spreadsheetId, 0, EDITED_ROWS);
    const changed = await sync();
    const unchanged = await sync();
    return { units: world.org.units.length, changed, unchanged };
  } finally {
    await world.close();
  }
}

function writes(outcome: SyncOutcome): number {
  if (outcome.firestoreWrites === undefined) throw new Error(`sync ${outcome.result}: no writes reported`);
  return outcome.firestoreWrites;
}

/** The rows: Sheets calls and Firestore writes of a changed and an unchanged sync. */
export async function syncCallRows(firestoreHost: string): Promise<Row[]> {
  const f = await measureSyncCalls(firestoreHost);
  const { changed: c, unchanged: u } = f;
  return [
    {
      name: `Sheets calls per sync, ${c.changedUnits} of ${f.units} units changed`,
      value: c.calls.sheetsReads + c.calls.sheetsWrites,
      unit: 'calls',
      // Plus Drive files.get: the version and who typed (attribution) before the read, the version after the write
      // (decision 011: the sweep does not read theodoi's own write again).
      target: '1 read + ≤ 1 write (+ 2 Drive files.get)',
      met: c.calls.sheetsReads === 1 && c.calls.sheetsWrites <= 1 && c.calls.drive <= 2,
      note: `${c.calls.sheetsReads} read + ${c.calls.sheetsWrites} write (statuses and Tổng hợp in one batchUpdate), ${c.calls.drive} Drive; ${Math.round(c.ms)} ms`,
    },
    {
      name: 'Sheets calls per sync, nothing changed',
      value: u.calls.sheetsReads + u.calls.sheetsWrites,
      unit: 'calls',
      target: '1 read, 0 writes (+ 1 Drive files.get)',
      met: u.calls.sheetsReads === 1 && u.calls.sheetsWrites === 0 && u.calls.drive <= 1,
      note: `${u.calls.sheetsReads} read + ${u.calls.sheetsWrites} write, ${u.calls.drive} Drive (the version before the read); ${Math.round(u.ms)} ms`,
    },
    {
      name: `Firestore writes per sync, ${c.changedUnits} units changed`,
      value: c.firestoreWrites,
      unit: 'documents',
      target: `changed units + 1 = ${c.changedUnits + 1}`,
      met: c.firestoreWrites <= c.changedUnits + 1,
      note: 'each changed unit is 2 documents (report + kept version, as ARCHITECTURE counts) + 1 snapshot',
    },
    {
      name: 'Firestore writes per sync, nothing changed',
      value: u.firestoreWrites,
      unit: 'documents',
      target: '0 report writes (+ 1 snapshot)',
      met: u.firestoreWrites === 1,
      note: 'the snapshot only',
    },
  ];
}

/**
 * The scheduled sweep over many open directives of which a few changed, against the emulators: which
 * spreadsheets it reads (Drive's change feed lets it skip the others) and what that costs in Sheets quota.
 */
import { sweepDirectives, type SweepOutcome } from '@theodoi/functions/usecases/sweep';
import { cchcRowWith } from '../test/fixtures/cchc-rows.js';
import { countCalls, type ApiCalls } from './api-calls.js';
import { round, type Row } from './row.js';
import { startBenchWorld, syntheticOrganisation } from './world.js';

/** Options: how many open directives, how many edited before the measured sweep, units in each. */
export interface SweepOptions {
  directives: number;
  changed: number;
  unitsPerDirective: number;
}

/** One sweep: what it did, the requests it made, how long it took. */
export interface Measured {
  result: SweepOutcome;
  calls: ApiCalls;
  ms: number;
}

/** A sweep's figures. */
export interface SweepFigures extends SweepOptions {
  /** The measured sweep. */
  sweep: Measured;
  /** The sweep after it, with no edit in between: Drive lists the measured sweep's own writes; none is read. */
  next: Measured;
  provisionMs: number;
}

/** Provisions the directives, brings them to a steady state, edits `changed` of them and sweeps. */
export async function measureSweep(firestoreHost: string, options: SweepOptions): Promise<SweepFigures> {
  const org = syntheticOrganisation('bench-sweep', options.unitsPerDirective);
  const world = await startBenchWorld('theodoi-bench-sweep', org, firestoreHost);
  try {
    const started = performance.now();
    const ids = Array.from({ length: options.directives }, (_, i) => `sweep-${String(i).padStart(3, '0')}`);
    const spreadsheets = new Map<string, string>();
    // Four at a time: provisioning is a handful of calls each, mostly waiting on the emulators.
    for (let i = 0; i < ids.length; i += 4) {
      const batch = ids.slice(i, i + 4);
      const created = await Promise.all(batch.map((id) => world.addDirective(id)));
      batch.forEach((id, k) => spreadsheets.set(id, created[k]!.spreadsheetId));
    }
    const provisionMs = performance.now() - started;
    const sweep = () => countCalls(world.emulator, () => sweepDirectives(world.deps));
    // The first sweep has no cursor and syncs every directive, writing each row's status. The measured one sees
    // those writes in the change feed at the versions theodoi recorded and reads only what officers edited since
    // (decision 011).
    await sweep();
    const edited = ids.filter((_, i) => i % Math.floor(ids.length / options.changed) === 0);
    for (const id of edited.slice(0, options.changed)) {
      await world.fillRows(spreadsheets.get(id)!, 0, [cchcRowWith(2, 40)]);
    }
    const measured = await sweep();
    const next = await sweep();
    return { ...options, sweep: measured, next, provisionMs };
  } finally {
    await world.close();
  }
}

/** The rows: spreadsheets a sweep reads, and the Sheets requests per minute it costs in a steady state. */
export async function sweepRows(firestoreHost: string, options: SweepOptions): Promise<Row[]> {
  const f = await measureSweep(firestoreHost, options);
  const s = f.sweep.calls;
  const echo = f.next.calls.sheetsReads;
  const perSweep = s.sheetsReads + s.sheetsWrites + echo;
  // A sweep's calls all fall within the minutes it takes (well under one here).
  const perMinute = perSweep / Math.max(1, Math.ceil(f.sweep.ms / 60_000));
  return [
    {
      name: `sweep of ${f.directives} open directives (${f.unitsPerDirective} units each) theodoi wrote to, ${f.changed} edited by officers: spreadsheets read`,
      value: s.sheetsReads,
      unit: 'spreadsheets',
      target: `only the ones officers changed (${f.changed})`,
      met: s.sheetsReads === f.changed && f.sweep.result.changedDirectives === f.changed,
      note:
        `${s.sheetsReads} reads + ${s.sheetsWrites} writes + ${s.drive} Drive calls (changes.list, files.get); ` +
        `${f.sweep.result.ownWritesSkipped} listed by Drive for theodoi's own writes only, not read; ` +
        `${f.directives - f.sweep.result.changedDirectives - f.sweep.result.ownWritesSkipped} not listed; ` +
        `sweep took ${round(f.sweep.ms / 1000)} s`,
    },
    {
      name: `the sweep after it, no officer edit: spreadsheets read again for theodoi's own writes`,
      value: echo,
      unit: 'spreadsheets',
      target: '0 (decision 011)',
      met: echo === 0,
      note: `Drive listed ${f.next.result.ownWritesSkipped} spreadsheets the measured sweep wrote; each at the version theodoi recorded`,
    },
    {
      name: `sweep quota: Sheets requests per minute, ${f.changed} edited per 5-minute sweep`,
      value: perMinute,
      unit: 'req/min/user',
      target: '< 60 req/min/user',
      met: perMinute < 60,
      note:
        `steady state: ${s.sheetsReads} reads + ${s.sheetsWrites} writes, plus ${echo} reads of the spreadsheets ` +
        `the previous sweep wrote (Drive lists theodoi's own writes; skipped by version, decision 011), all within ` +
        `a minute; ${round(perSweep / 5)}/min averaged over 5 min; Google counts reads and writes apart (60 each)`,
    },
  ];
}

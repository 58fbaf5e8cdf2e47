/**
 * Peak memory of one full sync of a large directive, as one Cloud Function invocation: a fresh Node process
 * serves the built `syncDirective` function (functions/dist, through the Functions Framework) and is asked once to sync
 * the directive; the emulators run in other processes, so only the function's own memory is counted.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { SyncOutcome } from '@theodoi/functions/usecases/sync-directive';
import { cchcRowWith } from '../test/fixtures/cchc-rows.js';
import { mib, round, type Row } from './row.js';
import { startBenchWorld, syntheticOrganisation } from './world.js';

/** What the invocation reported. */
export interface MemoryFigures {
  units: number;
  /** HTTP status of the invocation and its answer. */
  status: number;
  outcome: SyncOutcome;
  /** Wall time of the invocation. */
  ms: number;
  /** process.resourceUsage().maxRSS of the function's process, in bytes. */
  maxRssBytes: number;
  /** RSS before the invocation, with the entry module imported and the server listening. */
  idleRssBytes: number;
  /** The largest heapUsed seen (sampled every 10 ms and at the end), in bytes. */
  heapPeakBytes: number;
  /** Provisioning and filling the spreadsheet through the emulator, before the invocation. */
  setupMs: number;
  /** --max-old-space-size given to the function's process, when one was. */
  heapLimitMiB: number | undefined;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MARK = 'BENCH-MEMORY ';

/** The function's process: serve syncDirective on a free port, call it once, print the figures, exit. */
const CHILD = (directiveId: string) => `
import { getTestServer } from '@google-cloud/functions-framework/testing';
await import('./functions/dist/index.js');
const server = getTestServer('syncDirective');
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const idleRss = process.memoryUsage().rss;
let heapPeak = 0;
const sample = () => { heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed); };
const timer = setInterval(sample, 10);
const started = performance.now();
const res = await fetch('http://127.0.0.1:' + server.address().port + '/', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ directiveId: ${JSON.stringify(directiveId)} }),
});
const outcome = await res.json();
const ms = performance.now() - started;
sample();
clearInterval(timer);
process.stdout.write('\\n${MARK}' + JSON.stringify({
  status: res.status, outcome, ms, maxRssBytes: process.resourceUsage().maxRSS * 1024, heapPeakBytes: heapPeak, idleRssBytes: idleRss,
}) + '\\n');
process.exit(0);
`;

/**
 * Provisions one directive of `units` units per entry of `heapLimitsMiB`, fills every row, and measures its
 * first sync (every unit changed: the heaviest) in a fresh process, with V8's old space capped at that many
 * MiB (--max-old-space-size) or, for `undefined`, left at Node's default.
 */
export async function measureSyncMemory(
  firestoreHost: string,
  units: number,
  heapLimitsMiB: readonly (number | undefined)[],
): Promise<MemoryFigures[]> {
  const org = syntheticOrganisation('bench-memory', units);
  const world = await startBenchWorld('theodoi-bench-memory', org, firestoreHost);
  const rows = org.units.map((_, i) => cchcRowWith(i % 12, (i % 12) * 35));
  const figures: MemoryFigures[] = [];
  try {
    for (const [i, heapLimitMiB] of heapLimitsMiB.entries()) {
      const started = performance.now();
      const id = `bench-memory-${i}`;
      const directive = await world.addDirective(id);
      await world.fillRows(directive.spreadsheetId, 0, rows);
      const setupMs = performance.now() - started;
      const flags = heapLimitMiB === undefined ? [] : [`--max-old-space-size=${heapLimitMiB}`];
      // Asynchronous: this process keeps serving the Sheets emulator while the function runs.
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [...flags, '--input-type=module', '-e', CHILD(id)],
        {
          cwd: ROOT,
          env: { ...process.env, ...world.env, LOG_LEVEL: 'warning' },
          timeout: 300_000,
          maxBuffer: 16 * 2 ** 20,
        },
      );
      const line = stdout.split('\n').find((l) => l.startsWith(MARK));
      if (!line) throw new Error(`the function's process printed no figures:\n${stdout.slice(-2000)}`);
      const measured = JSON.parse(line.slice(MARK.length)) as Omit<
        MemoryFigures,
        'units' | 'setupMs' | 'heapLimitMiB'
      >;
      if (measured.status !== 200) {
        throw new Error(`syncDirective answered ${measured.status}: ${JSON.stringify(measured.outcome)}`);
      }
      figures.push({ ...measured, units, setupMs, heapLimitMiB });
    }
    return figures;
  } finally {
    await world.close();
  }
}

/** The rows: peak RSS of each run against DESIGN's 256 MiB, and how long the default run's invocation took. */
export async function memoryRows(
  firestoreHost: string,
  units: number,
  heapLimitsMiB: readonly (number | undefined)[],
): Promise<Row[]> {
  const runs = await measureSyncMemory(firestoreHost, units, heapLimitsMiB);
  return runs.flatMap((m) => {
    const o = m.outcome;
    const heap =
      m.heapLimitMiB === undefined ? "Node's default heap" : `--max-old-space-size=${m.heapLimitMiB}`;
    const rows: Row[] = [
      {
        name: `memory: first sync of ${m.units} units, peak RSS (${heap})`,
        value: mib(m.maxRssBytes),
        unit: 'MiB',
        target: '≤ 256 MiB',
        met: m.maxRssBytes <= 256 * 2 ** 20,
        note:
          `heap used peak ${mib(m.heapPeakBytes)} MiB (sampled); RSS before the call ${mib(m.idleRssBytes)} MiB; ` +
          `HTTP ${m.status}, ${o.changedUnits} units changed, ${o.firestoreWrites} Firestore writes, ` +
          `${o.calls?.sheetsReads} Sheets read + ${o.calls?.sheetsWrites} write; one invocation of the built syncDirective in a fresh process`,
      },
    ];
    if (m.heapLimitMiB === undefined) {
      rows.push({
        name: `sync of ${m.units} units × 21 columns, one invocation`,
        value: round(m.ms / 1000),
        unit: 's',
        target: 'within one invocation (60 s default timeout)',
        met: m.status === 200 && m.ms < 60_000,
        note: `every unit changed (the heaviest sync); provisioning and filling it through the emulator took ${round(m.setupMs / 1000)} s`,
      });
    }
    return rows;
  });
}

/** Measures cold start: the time a fresh Node process spends importing (or requiring) one module. */
import { execFileSync } from 'node:child_process';
import { ensureGoogleapis, GOOGLEAPIS_VERSION } from './googleapis.js';
import { round, type Row } from './row.js';

/** Median wall time, in ms, of `runs` fresh processes each running `script`, which prints its own timing. */
function medianOfFreshProcesses(args: string[], runs: number, cwd: string): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(Number(execFileSync(process.execPath, args, { cwd, encoding: 'utf8' })));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Median time, in ms, of `runs` fresh processes doing `await import(specifier)` (ESM, resolved from `cwd`). */
export function importTimeMs(specifier: string, runs = 7, cwd = process.cwd()): number {
  const script = `const t=performance.now();await import(${JSON.stringify(specifier)});process.stdout.write(String(performance.now()-t))`;
  return medianOfFreshProcesses(['--input-type=module', '-e', script], runs, cwd);
}

/** Median time, in ms, of `runs` fresh processes doing `require(path)` (CommonJS). */
export function requireTimeMs(path: string, runs = 7, cwd = process.cwd()): number {
  const script = `const t=performance.now();require(${JSON.stringify(path)});process.stdout.write(String(performance.now()-t))`;
  return medianOfFreshProcesses(['--input-type=commonjs', '-e', script], runs, cwd);
}

/** The cold-start rows: the entry module next to the monolithic googleapis, and the two clients loaded lazily. */
export async function coldStartRows(log: (line: string) => void): Promise<Row[]> {
  const entry = importTimeMs('./functions/dist/index.js');
  const googleapis = await ensureGoogleapis(log);
  if ('error' in googleapis) log(`googleapis not measured: ${googleapis.error}`);
  const monolith = 'dir' in googleapis ? requireTimeMs(googleapis.dir) : undefined;
  return [
    {
      name: 'cold start: import functions entry (dist)',
      value: round(entry),
      unit: 'ms',
      target: '≤ 350 ms',
      met: entry <= 350,
    },
    {
      name: `cold start: require('googleapis') ${GOOGLEAPIS_VERSION}`,
      value: monolith === undefined ? null : round(monolith),
      unit: 'ms',
      note:
        'error' in googleapis
          ? `not measured: ${googleapis.error}`
          : 'not a dependency: installed into bench/.cache for this comparison; DESIGN quotes ~1.5 s',
    },
    {
      name: "cold start: entry ÷ require('googleapis')",
      value: monolith === undefined ? null : Math.round((entry / monolith) * 100) / 100,
      unit: '×',
      target: '≤ 0.35 s vs ~1.5 s (≈ 0.23×)',
      ...(monolith === undefined
        ? { note: 'not measured: googleapis missing' }
        : { met: entry / monolith <= 0.35 / 1.5 }),
    },
    {
      name: 'cold start: import @googleapis/sheets',
      value: round(importTimeMs('@googleapis/sheets')),
      unit: 'ms',
      note: 'loaded lazily',
    },
    {
      name: 'cold start: import firebase-admin/firestore',
      value: round(importTimeMs('firebase-admin/firestore')),
      unit: 'ms',
      note: 'loaded lazily',
    },
  ];
}

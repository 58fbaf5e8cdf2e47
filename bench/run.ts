/**
 * `npm run bench`: runs every benchmark, prints a table and writes bench/results.json; `npm run bench -- province`
 * runs the province day alone.
 */
import { writeFileSync } from 'node:fs';
import { startFirestoreEmulator, type FirestoreEmulator } from '@theodoi/test-kit/emulators/firestore';
import { coldStartRows } from './cold-start.js';
import { evaluationRows } from './evaluation.js';
import { feedbackRows, measureFeedback, type FeedbackFigures } from './feedback.js';
import { BENCH_LATENCY, feedbackLatencyRows } from './feedback-latency.js';
import { importerCorpusRows } from './importer-corpus.js';
import { memoryRows } from './memory.js';
import { provinceDayRows } from './province-day.js';
import type { Row } from './row.js';
import { sweepRows } from './sweep.js';
import { syncCallRows } from './sync-calls.js';
import { syncProcessingRows } from './sync-processing.js';
import { triggerRuntimeRows } from './trigger-runtime.js';

// `npm run bench -- province`: the province day alone (bench/province-only.ts), bench/results.json untouched.
if (process.argv[2] === 'province') {
  await import('./province-only.js');
  process.exit(process.exitCode ?? 0);
}

const rows: Row[] = [];
const log = (line: string) => console.log(`bench: ${line}`);
// Ctrl-C: exit through process.exit, whose handlers stop the Firestore emulator's process group.
process.once('SIGINT', () => process.exit(130));

/** Runs one part; a failure becomes a "not measured" row and a failing exit code, and the others still run. */
async function part(name: string, run: () => Promise<Row[]> | Row[]): Promise<void> {
  log(name);
  const started = performance.now();
  try {
    rows.push(...(await run()));
  } catch (error) {
    process.exitCode = 1;
    console.error(error);
    rows.push({ name, value: null, unit: '', note: `not measured: ${(error as Error).message}` });
  }
  log(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Waits until the stopped Firestore emulator no longer answers (its java process is gone), or says it still does. */
async function untilClosed(host: string, timeoutMs = 15_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    try {
      await fetch(`http://${host}/`, { signal: AbortSignal.timeout(500) });
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.error(`bench: the Firestore emulator at ${host} still answers after being stopped`);
}

// Pure figures first, while no emulator competes for the CPU.
await part('cold start', () => coldStartRows(log));
await part('sync processing', syncProcessingRows);
await part('importer corpus', () => importerCorpusRows(log));
await part('evaluation of a province year', () => evaluationRows(200, 120));

let firestore: FirestoreEmulator | undefined;
await part('Firestore emulator', async () => {
  firestore = await startFirestoreEmulator();
  log(`Firestore emulator: ${firestore.source} at ${firestore.host}`);
  return [];
});

if (firestore) {
  const { host, source } = firestore;
  try {
    await part('Sheets calls and Firestore writes per sync', () => syncCallRows(host));
    await part('sweep', () => sweepRows(host, { directives: 200, changed: 10, unitsPerDirective: 5 }));
    let loopback: FeedbackFigures | undefined;
    let modelled: FeedbackFigures | undefined;
    await part('officer feedback', async () => feedbackRows((loopback = await measureFeedback(host, 20))));
    // Under the emulator's latency model of real Google (on by default in the bench; DESIGN §6's ≤ 3 s).
    await part('officer feedback under Google’s latency model', async () =>
      feedbackLatencyRows((modelled = await measureFeedback(host, 20, BENCH_LATENCY))),
    );
    await part("trigger runtime of a province's busy day", () => {
      if (!loopback || !modelled) throw new Error('no trigger durations: an officer feedback part failed');
      return [...triggerRuntimeRows(loopback, 'loopback'), ...triggerRuntimeRows(modelled, 'latency model')];
    });
    await part("a province's day under Google's quotas and latency", () => provinceDayRows(host, log));
    await part('memory of the 5,000-unit sync', () => memoryRows(host, 5000, [undefined, 180]));
  } finally {
    log('stopping the Firestore emulator');
    await firestore.stop();
    if (source !== 'existing') await untilClosed(host);
  }
}

console.table(rows);
writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`,
);

/**
 * Officer feedback latency: an officer types a row in the Sheets UI (the emulator's UI edit), the installed
 * trigger POSTs the signed event to `sheetEvent`, the function syncs and writes the verdict next to the row.
 * The functions run from the built CLI bundle in their own process (`theodoi serve`), as they would on Cloud Functions.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { columnLetters, quoteSheetName } from '@theodoi/functions/sheets/layout/a1';
import { FIRST_UNIT_ROW, reportColumns, SYSTEM_KEYS } from '@theodoi/functions/sheets/layout/report-tab';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import type { ExecutionRecord } from '@theodoi/sheets-emulator/apps-script/model';
import type { LatencyOption } from '@theodoi/sheets-emulator/latency/latency';
import { cchcRowWith } from '../test/fixtures/cchc-rows.js';
import { percentile, type Row } from './row.js';
import { startBenchWorld, TAB, TEMPLATE, thapMuoi, type BenchWorld } from './world.js';

/** Latencies, in ms: the first edit (the function's cold start and the directive's first sync), then warm ones. */
export interface FeedbackFigures {
  firstMs: number;
  samplesMs: number[];
  /** The sheet trigger's executions meanwhile, as Apps Script counts them against the daily trigger runtime. */
  executions: ExecutionRecord[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Serves the functions, installs the trigger, and times `edits` officers' edits after a first one; with `latency`, the
 * Sheets emulator waits as real Google would (its latency model).
 */
export async function measureFeedback(
  firestoreHost: string,
  edits: number,
  latency?: LatencyOption,
): Promise<FeedbackFigures> {
  const project = latency ? 'theodoi-bench-feedback-latency' : 'theodoi-bench-feedback';
  const world = await startBenchWorld(project, thapMuoi(), firestoreHost, undefined, latency);
  let functions: ChildProcess | undefined;
  try {
    if (edits + 1 > world.org.units.length) throw new Error(`only ${world.org.units.length} units to edit`);
    const directive = await world.addDirective('bench-feedback');
    const secret = randomBytes(32).toString('base64url');
    const served = await serveFunctions({ ...world.env, THEODOI_TRIGGER_SECRET: secret });
    functions = served.child;
    world.emulator.installTrigger(directive.spreadsheetId, { url: `${served.url}/sheetEvent`, secret });
    const times: number[] = [];
    for (let i = 0; i <= edits; i++) times.push(await timeEdit(world, directive.spreadsheetId, i));
    const executions = world.emulator.appsScript.executions().filter((e) => e.trigger !== undefined);
    return { firstMs: times[0]!, samplesMs: times.slice(1), executions };
  } finally {
    functions?.kill('SIGTERM');
    await world.close();
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Unit `i`'s officer pastes a complete report into their row; resolves with the time until the verdict is on it. */
async function timeEdit(world: BenchWorld, spreadsheetId: string, i: number): Promise<number> {
  const unit = world.org.units[i]!;
  const columns = reportColumns(loadTemplate(TEMPLATE));
  const first = columns.findIndex((c) => !c.system);
  const status = columns.findIndex((c) => c.key === SYSTEM_KEYS.status);
  const row = FIRST_UNIT_ROW + 1 + i;
  const started = performance.now();
  const { deliveryId } = world.emulator.uiEdit(spreadsheetId, {
    email: unit.editors[0]!,
    range: `${quoteSheetName(TAB)}!${columnLetters(first)}${row}`,
    values: [cchcRowWith(i + 1, (i + 1) * 20)],
  });
  // sheetEvent answers once the sync has written the statuses, so the delivery ends when the verdict is shown. The
  // edit's onChange execution (EDIT: it returns at once) runs after it and is no part of the officer's wait.
  const delivered = () => world.emulator.triggerDeliveries().find((d) => d.deliveryId === deliveryId);
  const idle = world.emulator.triggersIdle().then(() => 'idle' as const);
  while (!delivered() && (await Promise.race([idle, pause(2)])) !== 'idle');
  const ms = performance.now() - started;
  await idle;
  const delivery = delivered();
  if (delivery?.status !== 200) throw new Error(`sheetEvent answered ${delivery?.status ?? 'nothing'}`);
  const shown = await world.deps.clients.sheets.spreadsheets.values.get({
    spreadsheetId,
    range: `${quoteSheetName(TAB)}!${columnLetters(status)}${row}`,
  });
  const text = String(shown.data.values?.[0]?.[0] ?? '');
  if (!text.startsWith('✔')) throw new Error(`row ${row} shows "${text}" after the edit, not the verdict`);
  return ms;
}

/** Starts the built `theodoi serve` on a free port with `env`; resolves once it listens. */
function serveFunctions(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['scripts/cli/dist/main.js', 'serve', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'warning' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /sheetEvent: (http:\/\/\S+)\/sheetEvent/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`theodoi serve exited (${code}):\n${out}`)));
  });
}

/** The rows: p50 and p95 of `edits` warm edits. */
export async function feedbackRows(firestoreHost: string, edits: number): Promise<Row[]> {
  const f = await measureFeedback(firestoreHost, edits);
  const p95 = percentile(f.samplesMs, 95);
  return [
    {
      name: 'officer feedback: edit → verdict on the row, p50',
      value: Math.round(percentile(f.samplesMs, 50)),
      unit: 'ms',
      note: `${f.samplesMs.length} edits through the UI: trigger → sheetEvent (dist, own process) → sync → write-back`,
    },
    {
      name: 'officer feedback: edit → verdict on the row, p95',
      value: Math.round(p95),
      unit: 'ms',
      target: 'p95 ≤ 2000 ms',
      met: p95 <= 2000,
      note: `max ${Math.round(Math.max(...f.samplesMs))} ms; first edit after the functions' cold start ${Math.round(f.firstMs)} ms (not in the percentiles); Apps Script's own delay on Google is not included`,
    },
  ];
}

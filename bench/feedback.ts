/**
 * Officer feedback latency through the production trigger path: an officer types a row in the Sheets UI (the
 * emulator's UI edit), the coordinator's standalone script (apps-script/Code.gs) calls `sheetEvent` with its ID token,
 * which hands the sync to Pub/Sub and answers 202; the Pub/Sub emulator pushes it to `syncDirectiveEvent`, which syncs
 * and writes the verdict next to the row. The functions run from the built CLI bundle in their own process
 * (`theodoi serve`), as they would on Cloud Functions. Each trigger's duration is measured as Apps Script counts it,
 * for the coordinator's daily budget (bench/trigger-runtime.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { columnLetters, quoteSheetName } from '@theodoi/functions/sheets/layout/a1';
import { FIRST_UNIT_ROW, reportColumns, SYSTEM_KEYS } from '@theodoi/functions/sheets/layout/report-tab';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import {
  emulatorPubsub,
  installCoordinatorScript,
  openSyncPush,
  prepareSheetTriggers,
  type PreparedTriggers,
} from '@theodoi/test-kit/sheet-triggers';
import { readTriggerRuntime } from '@theodoi/test-kit/trigger-runtime';
import { hasGoogleAccount } from '@theodoi/test-kit/world';
import type { LatencyOption } from '@theodoi/sheets-emulator/latency/latency';
import { cchcRowWith } from '../test/fixtures/cchc-rows.js';
import { percentile, type Row } from './row.js';
import { startBenchWorld, TAB, TEMPLATE, thapMuoi, type BenchWorld } from './world.js';

/** What one run measured, in ms: the feedback, the trigger's round trip to sheetEvent and its whole execution. */
export interface FeedbackFigures {
  /** The first edit: the functions' cold start (Pub/Sub client, keys) and the directive's first sync. */
  firstMs: number;
  samplesMs: number[];
  /** Each edit trigger's wait on sheetEvent, as UrlFetchApp measured it (warm edits). */
  acknowledgementMs: number[];
  /** Each edit trigger's whole execution, as Apps Script charges it to the coordinator (warm edits). */
  editTriggerMs: number[];
  /** One run of the hourly dongBoKichHoat (ask sheetTargets, reconcile the triggers). */
  refreshMs: number;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Serves the functions, sets the coordinator's script up, and times `edits` officers' edits after a first one; with
 * `latency`, the Sheets emulator (its Apps Script too) waits as real Google would (its latency model).
 */
export async function measureFeedback(
  firestoreHost: string,
  edits: number,
  latency?: LatencyOption,
): Promise<FeedbackFigures> {
  const project = latency ? 'theodoi-bench-feedback-latency' : 'theodoi-bench-feedback';
  const world = await startBenchWorld(project, thapMuoi(), firestoreHost, undefined, latency);
  let prepared: PreparedTriggers | undefined;
  let functions: ChildProcess | undefined;
  const pubsubs: { close(): Promise<void> }[] = [];
  try {
    // Only officers whose address is a Google account can open the spreadsheet and type.
    const typing = world.org.units.filter((u) => hasGoogleAccount(u.editors[0]!));
    if (edits + 1 > typing.length) throw new Error(`only ${typing.length} units to edit`);
    prepared = await prepareSheetTriggers();
    const served = await serveFunctions({ ...world.env, ...prepared.env });
    functions = served.child;
    const pubsub = emulatorPubsub(world.env.GOOGLE_CLOUD_PROJECT!, prepared.pubsub.host);
    pubsubs.push(pubsub);
    await openSyncPush(pubsub, 'theodoi-sync-requests', `${served.url}/syncDirectiveEvent`);
    const directive = await world.addDirective('bench-feedback');
    const coordinator = world.org.coordinator.email;
    const script = await installCoordinatorScript(world.emulator, {
      owner: coordinator,
      url: served.url,
      clientId: prepared.clientId,
    });
    const times: number[] = [];
    for (let i = 0; i <= edits; i++)
      times.push(await timeEdit(world, directive.spreadsheetId, typing[i]!, i));
    const refresh = await script.refresh();
    const runtime = await readTriggerRuntime(world.emulator.url, script.scriptId, coordinator);
    const executions = world.emulator.appsScript
      .executions(script.scriptId)
      .filter((e) => e.trigger?.eventType === 'ON_EDIT');
    return {
      firstMs: times[0]!,
      samplesMs: times.slice(1),
      acknowledgementMs: executions.slice(1).map((e) => e.urlFetch[0]?.durationMs ?? 0),
      editTriggerMs: runtime.editDurationsMs.slice(1),
      refreshMs: refresh.durationMs ?? 0,
    };
  } finally {
    for (const p of pubsubs) await p.close();
    functions?.kill('SIGTERM');
    await prepared?.pubsub.stop();
    await world.close();
  }
}

/** `unit`'s officer pastes the `i`th complete report into their row; resolves with the time until the verdict shows. */
async function timeEdit(
  world: BenchWorld,
  spreadsheetId: string,
  unit: BenchWorld['org']['units'][number],
  i: number,
): Promise<number> {
  const columns = reportColumns(loadTemplate(TEMPLATE));
  const first = columns.findIndex((c) => !c.system);
  const status = columns.findIndex((c) => c.key === SYSTEM_KEYS.status);
  const row = FIRST_UNIT_ROW + 1 + world.org.units.indexOf(unit);
  const started = performance.now();
  world.emulator.uiEdit(spreadsheetId, {
    email: unit.editors[0]!,
    range: `${quoteSheetName(TAB)}!${columnLetters(first)}${row}`,
    values: [cchcRowWith(i + 1, (i + 1) * 20)],
  });
  // sheetEvent answers before the sync: the verdict is on the row once Pub/Sub's push has run syncDirectiveEvent.
  for (const deadline = started + 15_000; performance.now() < deadline;) {
    const shown = await world.deps.clients.sheets.spreadsheets.values.get({
      spreadsheetId,
      range: `${quoteSheetName(TAB)}!${columnLetters(status)}${row}`,
    });
    const text = String(shown.data.values?.[0]?.[0] ?? '');
    if (text.startsWith('✔')) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`row ${row} shows no verdict 15 s after the edit`);
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

/** The rows: feedback p50 and p95, and the trigger's acknowledgement, of the warm edits. */
export function feedbackRows(f: FeedbackFigures): Row[] {
  const p95 = percentile(f.samplesMs, 95);
  const ack95 = percentile(f.acknowledgementMs, 95);
  return [
    {
      name: 'officer feedback: edit → verdict on the row, p50',
      value: Math.round(percentile(f.samplesMs, 50)),
      unit: 'ms',
      note: `${f.samplesMs.length} edits through the UI: coordinator's script → sheetEvent (ID token) → Pub/Sub → syncDirectiveEvent (dist, own process) → write-back`,
    },
    {
      name: 'officer feedback: edit → verdict on the row, p95',
      value: Math.round(p95),
      unit: 'ms',
      target: 'p95 ≤ 2000 ms',
      met: p95 <= 2000,
      note: `max ${Math.round(Math.max(...f.samplesMs))} ms; first edit after the functions' cold start ${Math.round(f.firstMs)} ms (not in the percentiles); Apps Script's own delay on Google is not included`,
    },
    {
      name: "trigger acknowledgement: the script's wait on sheetEvent's 202, p95",
      value: Math.round(ack95),
      unit: 'ms',
      target: '≤ 300 ms',
      met: ack95 <= 300,
      note: `median ${Math.round(percentile(f.acknowledgementMs, 50))} ms; UrlFetchApp's round trip as the emulator's Apps Script measured it`,
    },
  ];
}

/** The demo's figures of the trigger path: how fast `sheetEvent` answered, and what the coordinator's triggers cost. */
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import type { CoordinatorScript, SheetTriggerPath } from '@theodoi/test-kit/sheet-triggers';
import { percentileOf, readTriggerRuntime } from '@theodoi/test-kit/trigger-runtime';

/** The path every officer's edit took. */
export const TRIGGER_PATH = 'standalone-script → sheetEvent (ID token) → Pub/Sub → syncDirectiveEvent';

/** What the demo says of its triggers. */
export interface TriggerFigures {
  path: typeof TRIGGER_PATH;
  /** `sheetEvent`'s processing time until its 202, in ms. */
  acknowledgementMs: { p50: number; p95: number; max: number };
  /** Edit-trigger executions that ran. */
  editExecutions: number;
  meanExecutionMs: number;
  /** The coordinator's trigger runtime used today, and Google's daily budget. */
  runtimeUsedMs: number;
  runtimeLimitMs: number;
}

/** Reads the figures from the served answers and the emulator's execution log and quotas. */
export async function triggerFigures(
  emulator: EmulatorServer,
  triggers: SheetTriggerPath,
  script: CoordinatorScript,
): Promise<TriggerFigures> {
  const acks = triggers
    .answers()
    .filter((a) => a.function === 'sheetEvent' && a.status === 202)
    .map((a) => a.ms);
  const runtime = await readTriggerRuntime(emulator.url, script.scriptId, script.owner);
  const total = runtime.editDurationsMs.reduce((sum, ms) => sum + ms, 0);
  return {
    path: TRIGGER_PATH,
    acknowledgementMs: {
      p50: Math.round(percentileOf(acks, 50)),
      p95: Math.round(percentileOf(acks, 95)),
      max: Math.round(Math.max(0, ...acks)),
    },
    editExecutions: runtime.editDurationsMs.length,
    meanExecutionMs: runtime.editDurationsMs.length ? Math.round(total / runtime.editDurationsMs.length) : 0,
    runtimeUsedMs: runtime.usedMs,
    runtimeLimitMs: runtime.limitMs,
  };
}

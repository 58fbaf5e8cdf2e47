/**
 * What the coordinator's triggers cost them, read from the emulator's Apps Script admin endpoints: each edit
 * trigger's measured duration (the wait on `sheetEvent` included, as Google counts it) and the coordinator's daily
 * trigger-runtime budget, used and allowed.
 */
import type { ExecutionRecord } from '@theodoi/sheets-emulator/apps-script/model';
import type { BudgetReport } from '@theodoi/sheets-emulator/apps-script/budgets';

/** A province's busy day (DESIGN §6: about 120 units, 200 directives): officers' edits, each one edit trigger. */
export const PROVINCE_BUSY_DAY_EDITS = 6000;

/** Minutes of trigger runtime a day of `edits` edit triggers of `perEditMs` each costs, with `extraMs` more. */
export function runtimeMinutesPerDay(edits: number, perEditMs: number, extraMs = 0): number {
  return (edits * perEditMs + extraMs) / 60_000;
}

/** The coordinator's trigger runtime. */
export interface TriggerRuntime {
  /** Durations of the completed edit-trigger executions, oldest first. */
  editDurationsMs: number[];
  /** Trigger runtime the coordinator has used in the budget's window (every trigger, the hourly one too). */
  usedMs: number;
  /** The daily budget (Google's 90 minutes for a gmail account). */
  limitMs: number;
}

/** Reads `GET /__emulator/apps-script/executions?script=` and `/quotas?user=` of `emulatorUrl`. */
export async function readTriggerRuntime(
  emulatorUrl: string,
  scriptId: string,
  coordinator: string,
): Promise<TriggerRuntime> {
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${emulatorUrl}/__emulator/apps-script/${path}`);
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return (await res.json()) as T;
  };
  const [{ executions }, quotas] = await Promise.all([
    get<{ executions: ExecutionRecord[] }>(`executions?script=${encodeURIComponent(scriptId)}&idle=true`),
    get<BudgetReport>(`quotas?user=${encodeURIComponent(coordinator)}`),
  ]);
  return {
    editDurationsMs: executions
      .filter((e) => e.trigger?.eventType === 'ON_EDIT' && e.status === 'completed')
      .map((e) => e.durationMs ?? 0),
    usedMs: quotas.used.triggerRuntimeMs,
    limitMs: quotas.limits.triggerRuntimeMs,
  };
}

/** The `p`th percentile of `values` (nearest rank); 0 for none. */
export function percentileOf(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

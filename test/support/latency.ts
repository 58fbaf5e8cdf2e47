/** Test helper: latency settings with constant delays, so a test knows to the millisecond what each call waits. */
import type { LatencySettings } from '@theodoi/sheets-emulator/latency/latency';
import { LATENCY_GROUPS } from '@theodoi/sheets-emulator/latency/model';
import type { LatencyDistribution, LatencyGroup } from '@theodoi/sheets-emulator/latency/model';

/** Every group waits `others` ms (default 1), except the groups given: a number of ms, or ms plus a cost per KiB. */
export function constantLatency(
  delays: Partial<Record<LatencyGroup, number | { ms: number; msPerKiB: number }>>,
  others = 1,
): LatencySettings {
  const groups: Partial<Record<LatencyGroup, LatencyDistribution>> = {};
  for (const group of LATENCY_GROUPS) {
    const given = delays[group] ?? others;
    groups[group] =
      typeof given === 'number'
        ? { medianMs: given, p95Ms: given }
        : { medianMs: given.ms, p95Ms: given.ms, msPerKiB: given.msPerKiB };
  }
  return { groups };
}

/**
 * The floor of officer feedback under the latency model: the delays of Google's own stages on the edit path that no
 * design of theodoi's can remove (the trigger's scheduling and start-up, its one UrlFetch, the sync's one Sheets read
 * and one Sheets write), drawn from the emulator's model and summed. Our own processing, Pub/Sub and Firestore come
 * on top, so measured feedback cannot be below it.
 */
import { GOOGLE_LATENCY, type LatencyGroup } from '@theodoi/sheets-emulator/latency/model';
import { logNormal, uniformStream } from '@theodoi/sheets-emulator/latency/random';
import { percentile } from './row.js';

/** The stages of one edit's path that only Google's time fills, in order. */
export const FLOOR_STAGES: readonly LatencyGroup[] = [
  'appsScript.triggerDelay',
  'appsScript.startup',
  'appsScript.urlFetch',
  'sheets.read',
  'sheets.write',
];

/** p50 and p95 of the stages' summed delays over `draws` seeded draws (body sizes left out: a few KiB, < 10 ms). */
export function feedbackFloor(draws = 10_000, seed = 1): { p50: number; p95: number } {
  const streams = FLOOR_STAGES.map((group) => ({
    next: uniformStream(seed, `floor:${group}`),
    ...GOOGLE_LATENCY[group],
  }));
  const sums: number[] = [];
  for (let i = 0; i < draws; i++)
    sums.push(streams.reduce((total, s) => total + logNormal(s.next, s.medianMs, s.p95Ms), 0));
  return { p50: percentile(sums, 50), p95: percentile(sums, 95) };
}

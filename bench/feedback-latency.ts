/**
 * Officer feedback under the Sheets emulator's latency model of real Google (scripts/sheets-emulator/README.md
 * "Latency model"): the same edits as `feedback.ts`, with Google's delays on every Sheets call, the Apps Script
 * trigger's scheduling and start-up, and UrlFetch; and what each edit trigger's execution costs of the coordinator's
 * daily trigger runtime.
 */
import type { LatencySettings } from '@theodoi/sheets-emulator/latency/latency';
import type { FeedbackFigures } from './feedback.js';
import { FLOOR_STAGES, feedbackFloor } from './feedback-floor.js';
import { percentile, type Row } from './row.js';

/** Google's model, seeded: every bench run draws the same delays for the same calls. */
export const BENCH_LATENCY: LatencySettings = { seed: 20 };

/** DESIGN §6: edit → status on the row within 3 s under the latency model. */
const TARGET_MS = 3000;

/** The rows: feedback p50/p95 under the model, and the edit trigger's execution as Apps Script charges it. */
export function feedbackLatencyRows(f: FeedbackFigures): Row[] {
  const p95 = percentile(f.samplesMs, 95);
  const floor = feedbackFloor();
  return [
    {
      name: 'officer feedback under Google’s latency model, p50',
      value: Math.round(percentile(f.samplesMs, 50)),
      unit: 'ms',
      note: `${f.samplesMs.length} edits; seed ${BENCH_LATENCY.seed}; trigger scheduling, start-up, UrlFetch, Pub/Sub's push and every Sheets call wait as on Google`,
    },
    {
      name: 'officer feedback under Google’s latency model, p95',
      value: Math.round(p95),
      unit: 'ms',
      target: `p95 ≤ ${TARGET_MS} ms`,
      met: p95 <= TARGET_MS,
      note: `max ${Math.round(Math.max(...f.samplesMs))} ms; first edit (cold start) ${Math.round(f.firstMs)} ms, not in the percentiles`,
    },
    {
      name: 'floor of feedback under the model: Google’s own stages alone, p95',
      value: Math.round(floor.p95),
      unit: 'ms',
      target: `p95 ≤ ${TARGET_MS} ms`,
      met: floor.p95 <= TARGET_MS,
      note: `p50 ${Math.round(floor.p50)} ms; 10,000 draws of ${FLOOR_STAGES.join(' + ')}: no design of ours goes below it (the measured p95 of 20 edits is a small sample of the same tail), so ${TARGET_MS} ms at p95 cannot be met under this model`,
    },
    {
      name: 'edit trigger execution under the model (khiChinhSua: start-up, properties, sheetEvent’s 202), p50',
      value: Math.round(percentile(f.editTriggerMs, 50)),
      unit: 'ms',
      note: `p95 ${Math.round(percentile(f.editTriggerMs, 95))} ms over ${f.editTriggerMs.length} executions; the wait on sheetEvent p50 ${Math.round(percentile(f.acknowledgementMs, 50))} ms`,
    },
  ];
}

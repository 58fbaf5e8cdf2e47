/**
 * The coordinator's trigger runtime on a province's busy day (DESIGN §6): 6,000 officers' edits, each running the
 * coordinator's edit trigger once, plus the hourly dongBoKichHoat, extrapolated from the durations the emulator's
 * Apps Script measured per execution (bench/feedback.ts). Google's cap is 90 minutes a day for a gmail account;
 * theodoi's target is 30.
 */
import type { FeedbackFigures } from './feedback.js';
import { percentile, round, type Row } from './row.js';

/** A province's busy day: officers' edits, each one trigger execution. */
export const BUSY_DAY_EDITS = 6000;
/** The hourly refresh of the edit triggers. */
const REFRESHES_PER_DAY = 24;
/** Google's daily trigger runtime for a consumer account, and theodoi's target, in minutes. */
const GOOGLE_CAP_MIN = 90;
const TARGET_MIN = 30;
/** UrlFetch calls a consumer account may make per day. */
const URLFETCH_CAP = 20_000;

/** Minutes of trigger runtime for a busy day if every edit trigger took `perEditMs`. */
function busyDayMinutes(perEditMs: number, refreshMs: number): number {
  return (BUSY_DAY_EDITS * perEditMs + REFRESHES_PER_DAY * refreshMs) / 60_000;
}

/** The rows: the busy day's runtime from the mean and from the p95 trigger, and its UrlFetch calls. */
export function triggerRuntimeRows(f: FeedbackFigures): Row[] {
  const mean = f.editTriggerMs.reduce((sum, ms) => sum + ms, 0) / f.editTriggerMs.length;
  const p95 = percentile(f.editTriggerMs, 95);
  const typical = busyDayMinutes(mean, f.refreshMs);
  const slow = busyDayMinutes(p95, f.refreshMs);
  const measured = `${f.editTriggerMs.length} edit triggers measured: mean ${Math.round(mean)} ms, p95 ${Math.round(p95)} ms; hourly refresh ${Math.round(f.refreshMs)} ms`;
  return [
    {
      name: `coordinator's trigger runtime, a province's busy day (${BUSY_DAY_EDITS.toLocaleString('en')} edits), from the mean trigger`,
      value: round(typical),
      unit: 'min/day',
      target: `≤ ${TARGET_MIN} min (Google's cap ${GOOGLE_CAP_MIN})`,
      met: typical <= TARGET_MIN,
      note: `${measured}; ${Math.round((typical / GOOGLE_CAP_MIN) * 100)}% of Google's cap; Apps Script's own start-up per execution on Google is not modelled`,
    },
    {
      name: `coordinator's trigger runtime, a province's busy day, if every trigger took the p95`,
      value: round(slow),
      unit: 'min/day',
      target: `≤ ${GOOGLE_CAP_MIN} min (Google's cap)`,
      met: slow <= GOOGLE_CAP_MIN,
      note: `${Math.round((slow / GOOGLE_CAP_MIN) * 100)}% of Google's cap; budget left per edit under the target: ${Math.round((TARGET_MIN * 60_000 - REFRESHES_PER_DAY * f.refreshMs) / BUSY_DAY_EDITS)} ms`,
    },
    {
      name: "coordinator's UrlFetch calls, a province's busy day",
      value: BUSY_DAY_EDITS + REFRESHES_PER_DAY,
      unit: 'calls/day',
      target: `≤ ${URLFETCH_CAP.toLocaleString('en')} (Google's cap for gmail)`,
      met: BUSY_DAY_EDITS + REFRESHES_PER_DAY <= URLFETCH_CAP,
      note: 'one sheetEvent call per edit, one sheetTargets call per hourly refresh',
    },
  ];
}

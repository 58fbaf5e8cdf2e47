/**
 * The coordinator's trigger runtime on a province's busy day (DESIGN §6): 6,000 officers' edits, each running the
 * coordinator's edit trigger once, plus the hourly dongBoKichHoat, extrapolated from the durations the emulator's
 * Apps Script measured per execution (bench/feedback.ts), on loopback and under the emulator's latency model of real
 * Google. Google's cap is 90 minutes a day for a gmail account (6 hours for Workspace); theodoi's target is 30.
 */
import {
  PROVINCE_BUSY_DAY_EDITS as BUSY_DAY_EDITS,
  runtimeMinutesPerDay,
} from '@theodoi/test-kit/trigger-runtime';
import type { FeedbackFigures } from './feedback.js';
import { percentile, round, type Row } from './row.js';
/** The hourly refresh of the edit triggers. */
const REFRESHES_PER_DAY = 24;
/** Google's daily trigger runtime for a consumer and a Workspace account, and theodoi's target, in minutes. */
const GOOGLE_CAP_MIN = 90;
const WORKSPACE_CAP_MIN = 360;
const TARGET_MIN = 30;
/** UrlFetch calls a consumer account may make per day. */
const URLFETCH_CAP = 20_000;

/** Minutes of trigger runtime for a busy day if every edit trigger took `perEditMs`. */
function busyDayMinutes(perEditMs: number, refreshMs: number): number {
  return runtimeMinutesPerDay(BUSY_DAY_EDITS, perEditMs, REFRESHES_PER_DAY * refreshMs);
}

/** Where the durations were measured. */
export type Measured = 'loopback' | 'latency model';

/** The rows: the busy day's runtime from the mean and from the p95 trigger (and, once, its UrlFetch calls). */
export function triggerRuntimeRows(f: FeedbackFigures, measured: Measured): Row[] {
  const mean = f.editTriggerMs.reduce((sum, ms) => sum + ms, 0) / f.editTriggerMs.length;
  const p95 = percentile(f.editTriggerMs, 95);
  const typical = busyDayMinutes(mean, f.refreshMs);
  const slow = busyDayMinutes(p95, f.refreshMs);
  const where =
    measured === 'loopback'
      ? "on loopback (Apps Script's own start-up on Google not included)"
      : "under Google's latency model (Apps Script start-up, UrlFetch and Sheets delays included)";
  const figures = `${f.editTriggerMs.length} edit triggers measured ${where}: mean ${Math.round(mean)} ms, p95 ${Math.round(p95)} ms; hourly refresh ${Math.round(f.refreshMs)} ms`;
  const share = (min: number) =>
    `${Math.round((min / GOOGLE_CAP_MIN) * 100)}% of gmail's ${GOOGLE_CAP_MIN} min, ${Math.round((min / WORKSPACE_CAP_MIN) * 100)}% of Workspace's 6 h`;
  const rows: Row[] = [
    {
      name: `coordinator's trigger runtime, a province's busy day (${BUSY_DAY_EDITS.toLocaleString('en')} edits), mean trigger, ${measured}`,
      value: round(typical),
      unit: 'min/day',
      target: `≤ ${TARGET_MIN} min (Google's cap ${GOOGLE_CAP_MIN})`,
      met: typical <= TARGET_MIN,
      note: `${figures}; ${share(typical)}`,
    },
    {
      name: `coordinator's trigger runtime, a province's busy day, every trigger at the p95, ${measured}`,
      value: round(slow),
      unit: 'min/day',
      target: `≤ ${GOOGLE_CAP_MIN} min (Google's cap)`,
      met: slow <= GOOGLE_CAP_MIN,
      note: `${share(slow)}; budget left per edit under the target: ${Math.round((TARGET_MIN * 60_000 - REFRESHES_PER_DAY * f.refreshMs) / BUSY_DAY_EDITS)} ms`,
    },
  ];
  if (measured === 'loopback')
    rows.push({
      name: "coordinator's UrlFetch calls, a province's busy day",
      value: BUSY_DAY_EDITS + REFRESHES_PER_DAY,
      unit: 'calls/day',
      target: `≤ ${URLFETCH_CAP.toLocaleString('en')} (Google's cap for gmail)`,
      met: BUSY_DAY_EDITS + REFRESHES_PER_DAY <= URLFETCH_CAP,
      note: 'one sheetEvent call per edit, one sheetTargets call per hourly refresh',
    });
  return rows;
}

/**
 * The province-scale day (scripts/test-kit/province-day.ts) as bench rows: what was measured on the emulators
 * under Google's quotas and latency model, what is extrapolated to the whole day from it (and how), and the
 * monthly cost of a commune, a former district and the province at Google's list prices (bench/monthly-cost.ts).
 */
import { dongThap2026, runProvinceDay, type ProvinceDay } from '@theodoi/test-kit/province-day';
import { PROVINCE_BUSY_DAY_EDITS } from '@theodoi/test-kit/trigger-runtime';
import { cchcRowWith } from '../test/fixtures/cchc-rows.js';
import { BENCH_LATENCY } from './feedback-latency.js';
import { monthlyCostRows, type DayLoad } from './monthly-cost.js';
import { percentile, round, type Row } from './row.js';

/** Open directives of the day: PROVINCE_DIRECTIVES (200 by default; fewer for a quick run). */
export function provinceDirectives(): number {
  return Number(process.env.PROVINCE_DIRECTIVES ?? 200);
}

/** Scheduler windows (the functions' timeouts, scripts/cli/deploy/plan.ts) and the day's schedule. */
const WINDOW_MS = 300_000;
const SWEEPS_PER_DAY = 288;
const DASHBOARDS_PER_DAY = 10;
const REFRESHES_PER_DAY = 24;

/** Runs the day and turns it into rows. */
export async function provinceDayRows(firestoreHost: string, log: (line: string) => void): Promise<Row[]> {
  const { organisation, directive } = dongThap2026();
  const day = await runProvinceDay({
    project: 'theodoi-bench-province-day',
    organisation,
    directive,
    firestoreHost,
    directives: provinceDirectives(),
    editsPerDay: PROVINCE_BUSY_DAY_EDITS,
    sampled: 3,
    latency: BENCH_LATENCY,
    row: (participants) => cchcRowWith(2, participants),
    log,
  });
  return rowsOf(day);
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** What a whole day costs, extrapolated from the measured one (see README "Performance": how). */
export function dayLoad(day: ProvinceDay): DayLoad {
  const jobs = (kind: string) => day.jobs.filter((j) => j.job === kind);
  const check = jobs('check')[0]!;
  const dashboards = jobs('dashboards');
  const sweeps = jobs('sweep');
  const typed = day.edits.length;
  const perEdit = {
    reads: day.triggerFirestore.reads / typed,
    writes: day.triggerFirestore.writes / typed,
  };
  // A sweep's cost per directive it synced, and an idle sweep's (no change): the measured sweeps.
  const synced = sum(sweeps.map((s) => s.directives));
  const sweepPerDirective = {
    reads: synced ? sum(sweeps.map((s) => s.firestore.reads)) / synced : 0,
    writes: synced ? sum(sweeps.map((s) => s.firestore.writes)) / synced : 0,
  };
  // In the real day every directive changed in a 5-minute slot is swept again (Drive lists the change): the
  // busy slot's edits are one 5-minute slot's, one directive each.
  const slotDirectives = day.edits.filter((e) => e.busySlot).length;
  const busySweeps = Math.round((7.5 * 60) / 5);
  const mean = (xs: number[]) => (xs.length ? sum(xs) / xs.length : 0);
  return {
    units: day.units,
    directives: day.directives,
    editsPerDay: day.editsPerDay,
    firestoreReads:
      check.firestore.reads +
      DASHBOARDS_PER_DAY * mean(dashboards.map((d) => d.firestore.reads)) +
      busySweeps * slotDirectives * sweepPerDirective.reads +
      SWEEPS_PER_DAY * 1 +
      day.editsPerDay * perEdit.reads,
    firestoreWrites:
      check.firestore.writes +
      DASHBOARDS_PER_DAY * mean(dashboards.map((d) => d.firestore.writes)) +
      busySweeps * slotDirectives * sweepPerDirective.writes +
      SWEEPS_PER_DAY * 1 +
      day.editsPerDay * perEdit.writes,
    invocations: 2 * day.editsPerDay + SWEEPS_PER_DAY + DASHBOARDS_PER_DAY + 1 + REFRESHES_PER_DAY,
    // Each edit: sheetEvent's answer (its acknowledgement) and syncDirectiveEvent's sync (the verdict's wait less
    // the trigger's part), at most the measured verdict time; the jobs their measured durations.
    functionSecondsPerDay:
      (day.editsPerDay * percentile(verdicts(day, 'trigger'), 50)) / 1000 +
      (check.durationMs - check.pacedMs) / 1000 +
      DASHBOARDS_PER_DAY * mean(dashboards.map((d) => d.durationMs / 1000)) +
      SWEEPS_PER_DAY * mean(sweeps.map((s) => s.durationMs / 1000)),
    pubsubMessagesPerDay: 2 * day.editsPerDay,
  };
}

function verdicts(day: ProvinceDay, path: 'trigger' | 'sweep'): number[] {
  return day.edits
    .filter((e) => e.path === path && !e.busySlot && e.verdictMs !== undefined)
    .map((e) => e.verdictMs!);
}

/** The rows. */
export function rowsOf(day: ProvinceDay): Row[] {
  const measured = `measured: ${day.directives} directives × ${day.units} units, Google's quotas and latency model on`;
  const trig = verdicts(day, 'trigger');
  const swept = verdicts(day, 'sweep');
  const check = day.jobs.find((j) => j.job === 'check')!;
  const longest = (kind: string) =>
    Math.max(0, ...day.jobs.filter((j) => j.job === kind).map((j) => j.durationMs));
  const refused = sum(Object.values(day.quota.refused));
  const perEditMs = sum(day.triggerRuntime.editMs) / day.triggerRuntime.editMs.length;
  const triggeredShare = day.triggeredDirectives / day.directives;
  const runtimeMin = (edits: number) =>
    (edits * perEditMs + REFRESHES_PER_DAY * day.triggerRuntime.refreshMs) / 60_000;
  const realRuntime = runtimeMin(day.editsPerDay * triggeredShare);
  const everyEdit = runtimeMin(day.editsPerDay);
  const load = dayLoad(day);
  const rows: Row[] = [
    {
      name: 'province day: edit → verdict through the trigger path, p50',
      value: Math.round(percentile(trig, 50)),
      unit: 'ms',
      note: `${measured}; ${trig.length} edits of ${day.sampled.triggered.length} directives typed one at a time over office hours`,
    },
    {
      name: 'province day: edit → verdict through the trigger path, p95',
      value: Math.round(percentile(trig, 95)),
      unit: 'ms',
      target: 'p95 ≤ 3000 ms',
      met: percentile(trig, 95) <= 3000,
      note: `measured; max ${Math.round(Math.max(...trig))} ms`,
    },
  ];
  if (swept.length)
    rows.push({
      name: 'province day: edit → verdict on a directive without an edit trigger (the sweep), p50 / p95',
      value: Math.round(percentile(swept, 50) / 1000),
      unit: 's',
      note: `measured on the day's clock: p95 ${Math.round(percentile(swept, 95) / 1000)} s over ${swept.length} edits; only ${day.triggeredDirectives} of ${day.directives} directives get an edit trigger (≤ 19 per coordinator's script, Google's 20 triggers per script); Drive's push (~3 min on Google) is not served in the day`,
    });
  rows.push(
    {
      name: 'province day: peak Sheets reads per minute, per user (theodoi’s service account)',
      value: day.quota.read.perUser,
      unit: 'req/min',
      target: '≤ 60',
      met: day.quota.read.perUser <= 60,
      note: `measured over the day (busy 5-minute slot of ${day.edits.filter((e) => e.busySlot).length} edits included); writes ${day.quota.write.perUser}/min; user ${day.quota.read.user ?? '—'}`,
    },
    {
      name: 'province day: peak Sheets requests per minute, per project (reads / writes)',
      value: day.quota.read.perProject,
      unit: 'req/min',
      target: '≤ 300',
      met: day.quota.read.perProject <= 300 && day.quota.write.perProject <= 300,
      note: `measured; writes ${day.quota.write.perProject}/min`,
    },
    {
      name: 'province day: Sheets 429s',
      value: refused,
      unit: '429s',
      target: '0',
      met: refused === 0,
      note: `measured: ${JSON.stringify(day.quota.refused)} of ${day.requests.total} Sheets and Drive requests; errors ${day.requests.errors}`,
    },
    {
      name: `province day: 07:30 deadline check of ${check.directives} directives`,
      value: round(check.durationMs / 1000),
      unit: 's',
      target: `≤ ${WINDOW_MS / 1000} s (its timeout)`,
      met: check.durationMs <= WINDOW_MS,
      note: `measured on the day's clock: ${round(check.pacedMs / 1000)} s of it paced waits, the rest calls under the latency model; dashboards included; ${check.failed} failed`,
    },
    {
      name: 'province day: longest hourly dashboards run / longest sweep',
      value: round(longest('dashboards') / 1000),
      unit: 's',
      target: `≤ ${WINDOW_MS / 1000} s each`,
      met: longest('dashboards') <= WINDOW_MS && longest('sweep') <= WINDOW_MS,
      note: `measured; longest sweep ${round(longest('sweep') / 1000)} s`,
    },
    {
      name: "province day: coordinator's trigger runtime",
      value: round(realRuntime),
      unit: 'min/day',
      target: '≤ 90 min (gmail), 360 (Workspace)',
      met: realRuntime <= 90,
      note: `extrapolated: ${Math.round(day.editsPerDay * triggeredShare)} edits on the ${day.triggeredDirectives} triggered directives × ${Math.round(perEditMs)} ms measured per edit trigger + 24 refreshes of ${Math.round(day.triggerRuntime.refreshMs)} ms; if every edit ran a trigger ${round(everyEdit)} min (${Math.round((everyEdit / 90) * 100)}% of 90 min, ${Math.round((everyEdit / 360) * 100)}% of 6 h)`,
    },
    {
      name: 'province day: Firestore document reads',
      value: Math.round(load.firestoreReads),
      unit: 'reads/day',
      note: `extrapolated from counted operations: check ${check.firestore.reads} + dashboards + sweeps + ${day.editsPerDay} edits × ${round(day.triggerFirestore.reads / day.edits.length)} per edit; counted in the measured day ${day.dayFirestore.reads}`,
    },
    {
      name: 'province day: Firestore document writes',
      value: Math.round(load.firestoreWrites),
      unit: 'writes/day',
      note: `extrapolated: check ${check.firestore.writes} + dashboards + sweeps + ${day.editsPerDay} edits × ${round(day.triggerFirestore.writes / day.edits.length)} per edit; counted in the measured day ${day.dayFirestore.writes}`,
    },
    {
      name: 'province day: wall time (provisioning, the day)',
      value: round((day.provisionWallMs + day.dayWallMs) / 1000),
      unit: 's',
      note: `provisioning ${round(day.provisionWallMs / 1000)} s at loopback speed; the day ${round(day.dayWallMs / 1000)} s for ${round(day.daySimulatedMs / 3_600_000)} simulated hours; ${day.lost.length} edits lost of ${day.edits.length} typed`,
    },
  );
  return [...rows, ...monthlyCostRows(load)];
}

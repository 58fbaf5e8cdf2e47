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
import { FUNCTION_SETTINGS } from '@theodoi/cli/deploy/plan';

/** The province of issue 20: its open directives and its officers' edits in a working day. */
export const PROVINCE = { directives: 200, editsPerDay: PROVINCE_BUSY_DAY_EDITS } as const;

/** Directives provisioned and measured: PROVINCE_DIRECTIVES (20 by default; 200 is the whole province, ~1 h). */
export function provinceDirectives(): number {
  return Number(process.env.PROVINCE_DIRECTIVES ?? 20);
}

/** Edits whose modelled delays are waited in real time: PROVINCE_WAITED_EDITS (12 by default). */
export function provinceWaitedEdits(): number {
  return Number(process.env.PROVINCE_WAITED_EDITS ?? 12);
}

/** The office hours the province works; the measured window is their first two hours (check, busy slot included). */
const OFFICE_DAY_HOURS = 7.5;
export const MEASURED_WINDOW: readonly (readonly [string, string])[] = [['07:30', '09:30']];
const WINDOW_HOURS = 2;

/** Scheduler windows: the deployed functions' timeouts (scripts/cli/deploy/plan.ts). */
const CHECK_WINDOW_MS = FUNCTION_SETTINGS.checkDeadlines.timeoutSeconds * 1000;
const DASHBOARDS_WINDOW_MS = FUNCTION_SETTINGS.buildDashboards.timeoutSeconds * 1000;
const SWEEP_WINDOW_MS = FUNCTION_SETTINGS.syncDirective.timeoutSeconds * 1000;
/** Requests a minute the check and the dashboards allow themselves: 200 reads at 40 a minute are 5 minutes at least. */
const PACED_READS_PER_MINUTE = 40;
const SWEEPS_PER_DAY = 288;
const DASHBOARDS_PER_DAY = 10;
const REFRESHES_PER_DAY = 24;
/** Spreadsheets the coordinator's script triggers on (Google's 20 triggers a script, one kept for the refresh). */
const TRIGGERED_IN_PROVINCE = 19;

/** Runs the measured window of the day and turns it into rows. */
export async function provinceDayRows(firestoreHost: string, log: (line: string) => void): Promise<Row[]> {
  const { organisation, directive } = dongThap2026();
  const day = await runProvinceDay({
    project: 'theodoi-bench-province-day',
    organisation,
    directive,
    firestoreHost,
    directives: provinceDirectives(),
    // The province's edits of the window, shared among its 200 directives: each sampled directive gets its share,
    // the busy slot the province's rate.
    editsPerDay: Math.round((PROVINCE.editsPerDay * WINDOW_HOURS) / OFFICE_DAY_HOURS),
    shareOf: PROVINCE.directives,
    officeHours: MEASURED_WINDOW,
    sampled: 3,
    waitedEdits: provinceWaitedEdits(),
    latency: BENCH_LATENCY,
    row: (participants) => cchcRowWith(2, participants),
    log,
  });
  return rowsOf(day);
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: readonly number[]) => (xs.length ? sum(xs) / xs.length : 0);

/** How the measured window scales to the province's day (see README "Performance": what is extrapolated). */
export function scaling(day: ProvinceDay) {
  return {
    /** The province's directives over the measured ones: work that goes directive by directive. */
    directives: PROVINCE.directives / day.directives,
    /** The office day over the measured window: sweeps and edits spread over office hours. */
    window: OFFICE_DAY_HOURS / WINDOW_HOURS,
  };
}

/** What a whole day of the province costs, extrapolated from the measured window. */
export function dayLoad(day: ProvinceDay): DayLoad {
  const scale = scaling(day);
  const jobs = (kind: string) => day.jobs.filter((j) => j.job === kind);
  const check = jobs('check')[0]!;
  const dashboards = jobs('dashboards');
  const sweeps = jobs('sweep');
  const typed = day.edits.length;
  const ops = (pick: (f: ProvinceDay['dayFirestore']) => number) =>
    // The check, each dashboards run and the window's sweeps go directive by directive; every edit costs one
    // trigger-path sync's operations whichever path syncs it.
    pick(check.firestore) * scale.directives +
    DASHBOARDS_PER_DAY * mean(dashboards.map((d) => pick(d.firestore))) * scale.directives +
    sum(sweeps.map((s) => pick(s.firestore))) * scale.window * scale.directives +
    PROVINCE.editsPerDay * (pick(day.triggerFirestore) / typed);
  return {
    units: day.units,
    directives: PROVINCE.directives,
    editsPerDay: PROVINCE.editsPerDay,
    firestoreReads: ops((f) => f.reads),
    firestoreWrites: ops((f) => f.writes),
    invocations: 2 * PROVINCE.editsPerDay + SWEEPS_PER_DAY + DASHBOARDS_PER_DAY + 1 + REFRESHES_PER_DAY,
    // Each edit: its sync's time (the waited verdict's p50, the trigger's part included: an upper bound); the jobs
    // their extrapolated durations.
    functionSecondsPerDay:
      (PROVINCE.editsPerDay * percentile(verdicts(day, 'trigger', true), 50)) / 1000 +
      (((check.durationMs - check.pacedMs) / 1000) * scale.directives +
        DASHBOARDS_PER_DAY * mean(dashboards.map((d) => d.durationMs / 1000)) * scale.directives +
        sum(sweeps.map((s) => s.durationMs / 1000)) * scale.window * scale.directives),
    pubsubMessagesPerDay: 2 * PROVINCE.editsPerDay,
  };
}

/** The measured edit → verdict times of `path`'s sampled edits; `waited`: only those whose delays were waited. */
function verdicts(day: ProvinceDay, path: 'trigger' | 'sweep', waited?: boolean): number[] {
  return day.edits
    .filter((e) => e.path === path && !e.busySlot && e.verdictMs !== undefined)
    .filter((e) => waited === undefined || e.waited === waited)
    .map((e) => e.verdictMs!);
}

/** The edit triggers' execution times of the sampled edits (`waited` or on the day's clock). */
function triggerTimes(day: ProvinceDay, waited: boolean): number[] {
  return day.edits
    .filter((e) => !e.busySlot && e.waited === waited && e.triggerMs !== undefined)
    .map((e) => e.triggerMs!);
}

/** The rows: measured in the window, extrapolated to the province's 200 directives and whole day where said. */
export function rowsOf(day: ProvinceDay): Row[] {
  const scale = scaling(day);
  const measured = `measured: ${day.directives} directives × ${day.units} units, 07:30–09:30, Google's quotas and latency model on`;
  const trig = verdicts(day, 'trigger', true);
  const simulatedTrig = verdicts(day, 'trigger', false);
  const swept = verdicts(day, 'sweep');
  const check = day.jobs.find((j) => j.job === 'check')!;
  const longest = (kind: string) =>
    Math.max(0, ...day.jobs.filter((j) => j.job === kind).map((j) => j.durationMs));
  const refused = sum(Object.values(day.quota.refused));
  // Per edit trigger: the waited edits' executions (real time), as Apps Script charges them.
  const perEditMs = mean(triggerTimes(day, true));
  const perEditSimulatedMs = mean(triggerTimes(day, false));
  const triggeredShare = TRIGGERED_IN_PROVINCE / PROVINCE.directives;
  const runtimeMin = (edits: number) =>
    (edits * perEditMs + REFRESHES_PER_DAY * day.triggerRuntime.refreshMs) / 60_000;
  const realRuntime = runtimeMin(PROVINCE.editsPerDay * triggeredShare);
  const everyEdit = runtimeMin(PROVINCE.editsPerDay);
  // The check goes directive by directive: its unpaced time scales with directives, and 200 reads cannot take less
  // than the pace allows.
  const checkProvinceMs = Math.max(
    (check.durationMs - check.pacedMs) * scale.directives,
    (PROVINCE.directives / PACED_READS_PER_MINUTE) * 60_000,
  );
  const dashboardsProvinceMs = longest('dashboards') * scale.directives;
  // The busiest sweep syncs directive by directive: at the province's scale, each directive edited in the busy
  // slot (one edit each: 67 edits on 200 directives), at the measured busiest sweep's time per directive.
  const busiest = day.jobs
    .filter((j) => j.job === 'sweep')
    .reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
  const slotEdits = day.edits.filter((e) => e.busySlot).length;
  const sweepProvinceMs =
    (busiest.durationMs / Math.max(1, busiest.directives)) * Math.min(PROVINCE.directives, slotEdits);
  const load = dayLoad(day);
  const s = (ms: number) => round(ms / 1000);
  const rows: Row[] = [
    {
      name: 'province day: edit → verdict through the trigger path, p50',
      value: Math.round(percentile(trig, 50)),
      unit: 'ms',
      note: `${measured}; ${trig.length} edits of ${day.sampled.triggered.length} directives spread over the window, typed one at a time, Google's modelled delays waited in real time`,
    },
    {
      name: 'province day: edit → verdict through the trigger path, p95',
      value: Math.round(percentile(trig, 95)),
      unit: 'ms',
      target: 'p95 ≤ 3000 ms',
      met: percentile(trig, 95) <= 3000,
      note: `measured; max ${Math.round(Math.max(...trig))} ms`,
    },
    {
      name: "province day: edit → verdict on the day's clock (delays simulated), p50",
      value: Math.round(percentile(simulatedTrig, 50)),
      unit: 'ms',
      note: `measured, the cross-check: p95 ${Math.round(percentile(simulatedTrig, 95))} ms over the other ${simulatedTrig.length} sampled edits, whose delays passed on the day's clock instead of being waited; an edit typed while the busy slot's triggers run has its verdict when all of them are done`,
    },
  ];
  if (swept.length)
    rows.push({
      name: 'province day: edit → verdict on a directive without an edit trigger (the sweep), p50',
      value: Math.round(percentile(swept, 50) / 1000),
      unit: 's',
      note: `measured on the day's clock: p95 ${Math.round(percentile(swept, 95) / 1000)} s over ${swept.length} edits; the coordinator's script triggers on ${TRIGGERED_IN_PROVINCE} spreadsheets (Google's 20 triggers a script), the others wait for the 5-minute sweep; Drive's push (~3 min on Google) is not served in the day`,
    });
  rows.push(
    {
      name: 'province day: peak Sheets reads per minute, per user (the coordinator’s grant)',
      value: day.quota.read.perUser,
      unit: 'req/min',
      target: '≤ 60',
      met: day.quota.read.perUser <= 60,
      note: `measured over the window: the check (directive by directive, its rate independent of how many), sweeps, and a busy 5-minute slot of ${day.edits.filter((e) => e.busySlot).length} edits at the province's rate; writes ${day.quota.write.perUser}/min`,
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
      met: refused === 0 && day.requests.errors === 0,
      note: `measured: ${JSON.stringify(day.quota.refused)} of ${day.requests.total} Sheets and Drive requests; answers with an error ${day.requests.errors}; edits lost ${day.lost.length} of ${day.edits.length}`,
    },
    {
      name: `province day: 07:30 deadline check of ${PROVINCE.directives} directives (dashboards included)`,
      value: s(checkProvinceMs),
      unit: 's',
      target: `≤ ${CHECK_WINDOW_MS / 1000} s (its timeout)`,
      met: checkProvinceMs <= CHECK_WINDOW_MS,
      note: `extrapolated: measured ${s(check.durationMs)} s on the day's clock for ${check.directives} directives (${s(check.pacedMs)} s paced, ${check.failed} failed) × ${round(scale.directives)}, at least ${PROVINCE.directives} reads at ${PACED_READS_PER_MINUTE}/min`,
    },
    {
      name: 'province day: longest hourly dashboards run',
      value: s(dashboardsProvinceMs),
      unit: 's',
      target: `≤ ${DASHBOARDS_WINDOW_MS / 1000} s`,
      met: dashboardsProvinceMs <= DASHBOARDS_WINDOW_MS,
      note: `extrapolated: measured ${s(longest('dashboards'))} s for ${day.directives} directives × ${round(scale.directives)}`,
    },
    {
      name: 'province day: longest sweep',
      value: s(sweepProvinceMs),
      unit: 's',
      target: `≤ ${SWEEP_WINDOW_MS / 1000} s`,
      met: sweepProvinceMs <= SWEEP_WINDOW_MS,
      note: `extrapolated: the busiest measured sweep took ${s(busiest.durationMs)} s for ${busiest.directives} directives; at the province's scale it syncs the ${Math.min(PROVINCE.directives, slotEdits)} directives edited in the busy slot`,
    },
    {
      name: "province day: coordinator's trigger runtime",
      value: round(realRuntime),
      unit: 'min/day',
      target: '≤ 90 min (gmail), 360 (Workspace)',
      met: realRuntime <= 90,
      note: `extrapolated: ${Math.round(PROVINCE.editsPerDay * triggeredShare)} edits on the ${TRIGGERED_IN_PROVINCE} triggered of ${PROVINCE.directives} directives × ${Math.round(perEditMs)} ms measured per edit trigger (waited; ${Math.round(perEditSimulatedMs)} ms on the day's clock) + 24 refreshes of ${Math.round(day.triggerRuntime.refreshMs)} ms; if every edit ran a trigger ${round(everyEdit)} min (${Math.round((everyEdit / 360) * 100)}% of 6 h)`,
    },
    {
      name: 'province day: Firestore document reads',
      value: Math.round(load.firestoreReads),
      unit: 'reads/day',
      note: `extrapolated from counted operations: (check ${check.firestore.reads} + 10 dashboards + the window's sweeps × ${round(scale.window)}) × ${round(scale.directives)} + ${PROVINCE.editsPerDay} edits × ${round(day.triggerFirestore.reads / day.edits.length)}; counted in the window ${day.dayFirestore.reads}`,
    },
    {
      name: 'province day: Firestore document writes',
      value: Math.round(load.firestoreWrites),
      unit: 'writes/day',
      note: `extrapolated likewise: check ${check.firestore.writes}, ${PROVINCE.editsPerDay} edits × ${round(day.triggerFirestore.writes / day.edits.length)}; counted in the window ${day.dayFirestore.writes}`,
    },
    {
      name: 'province day: wall time (provisioning, the window)',
      value: s(day.provisionWallMs + day.dayWallMs),
      unit: 's',
      note: `provisioning ${s(day.provisionWallMs)} s at loopback speed; ${round(day.daySimulatedMs / 3_600_000)} simulated hours in ${s(day.dayWallMs)} s`,
    },
  );
  return [...rows, ...monthlyCostRows(load)];
}

/**
 * A province's working day on the emulators, Google's Sheets quotas and latency model on, on a RunningClock:
 * the directives provisioned (at loopback speed, before the day), the coordinator's script installed, then the
 * 07:30 deadline check, the hourly dashboards, the 5-minute sweep and officers' edits through the production
 * trigger path (Apps Script → sheetEvent → Pub/Sub → syncDirectiveEvent), all in time order. The edits of
 * `sampled` directives are every edit those directives get in a day, typed one at a time and timed to their
 * verdict; one busy 5-minute slot types the whole province's edits of that slot across every directive at once.
 * What it counts: Sheets requests per minute (the emulator's buckets), 429s, Firestore operations per job, the
 * coordinator's trigger runtime, and every edit's stored version (none may be lost).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '@theodoi/functions/clock';
import { parseDirectiveSpec, type DirectiveSpec } from '@theodoi/functions/domain/directive';
import { parseOrganisation, type Organisation } from '@theodoi/functions/domain/organisation';
import { periodKeyLabel } from '@theodoi/functions/domain/periods/index';
import { columnLetters, quoteSheetName } from '@theodoi/functions/sheets/layout/a1';
import { FIRST_UNIT_ROW, reportColumns } from '@theodoi/functions/sheets/layout/report-tab';
import { startPageToken } from '@theodoi/functions/sheets/api/drive-changes';
import { setDriveCursor } from '@theodoi/functions/store/drive-cursor';
import { loadReports } from '@theodoi/functions/store/reports';
import { listSheetTargets } from '@theodoi/functions/usecases/list-sheet-targets';
import { runDashboards } from '@theodoi/functions/usecases/rebuild-dashboards';
import { runDeadlineCheck } from '@theodoi/functions/usecases/run-deadline-check';
import { runSync } from '@theodoi/functions/usecases/run-sync';
import type { SweepOutcome } from '@theodoi/functions/usecases/sweep';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import type { LatencyOption } from '@theodoi/sheets-emulator/latency/latency';
import type { QuotaUsage } from '@theodoi/sheets-emulator/quotas';
import { countFirestoreOperations, type FirestoreOperations } from './firestore-operations.js';
import { repositoryRoot } from './repo-root.js';
import { RunningClock } from './running-clock.js';
import { readTriggerRuntime } from './trigger-runtime.js';
import { buildWorld, type LocalWorld } from './world.js';

/** The 2026 province of examples/ and its directive, the day's organisation and the model of its directives. */
export function dongThap2026(): { organisation: Organisation; directive: DirectiveSpec } {
  const read = (file: string) =>
    JSON.parse(readFileSync(join(repositoryRoot(), 'examples/dong-thap-2026', file), 'utf8')) as unknown;
  return {
    organisation: parseOrganisation(read('organisation.json')),
    directive: parseDirectiveSpec(read('directive-cchc-2026.json')),
  };
}

/** Office hours in Vietnam (HH:mm), the edits' spread. */
export const OFFICE_HOURS: readonly (readonly [string, string])[] = [
  ['07:30', '11:30'],
  ['13:30', '17:00'],
];

/** What the day is made of. */
export interface ProvinceDayOptions {
  project: string;
  organisation: Organisation;
  /** The directive every open directive is made from (ids `<id>-<n>`). */
  directive: DirectiveSpec;
  /** Open directives. */
  directives: number;
  /** The province's officer edits over `officeHours` (every directive gets an equal share). */
  editsPerDay: number;
  /**
   * Directives the edits are shared among (default `directives`): the province's 200 when fewer are provisioned,
   * so a sampled directive gets its province share and the busy slot the province's rate.
   */
  shareOf?: number;
  /** Directives whose every edit of the day is typed and timed (the rest are counted by the busy slot only). */
  sampled: number;
  /**
   * Of the sampled directives' trigger-path edits, how many (spread evenly over the day) wait Google's modelled
   * delays in real time; every other call of the day has its delays pass on the day's clock (`Latency.simulate`).
   */
  waitedEdits: number;
  /** The working day (yyyy-mm-dd, Vietnam); a Tuesday of Q1 2026 by default. */
  day?: string;
  officeHours?: readonly (readonly [string, string])[];
  firestoreHost?: string;
  latency: LatencyOption;
  /** A complete, valid row of the directive's template with `participants` in its fourth input column. */
  row: (participants: number) => string[];
  /** Progress lines. */
  log?: (line: string) => void;
}

/** One edit typed, and when its verdict was on the row (on the day's clock), if measured. */
export interface EditRecord {
  directiveId: string;
  unitCode: string;
  participants: number;
  typedAt: number;
  verdictMs?: number;
  path: 'trigger' | 'sweep';
  busySlot: boolean;
  /** Whether the modelled delays of its path were waited in real time (else they passed on the day's clock). */
  waited: boolean;
  /** The edit trigger's execution time as Apps Script charges it, on the path's time (trigger path only). */
  triggerMs?: number;
}

/** A scheduled job's run: when, how long on the day's clock, what it did. */
export interface JobRun {
  job: 'check' | 'dashboards' | 'sweep';
  at: string;
  durationMs: number;
  /** Of `durationMs`, the waits the job chose to stay under the quotas (skipped on the clock). */
  pacedMs: number;
  firestore: FirestoreOperations;
  /** Directives it synced (sweep) or checked (check). */
  directives: number;
  failed: number;
}

/** Everything the day measured. */
export interface ProvinceDay {
  units: number;
  directives: number;
  editsPerDay: number;
  sampled: { triggered: string[]; untriggered: string[] };
  /** Directives the coordinator's script triggers on (Google allows 20 triggers per script). */
  triggeredDirectives: number;
  edits: EditRecord[];
  jobs: JobRun[];
  /** Firestore operations of the trigger path's syncs (sheetEvent, sheetTargets, syncDirectiveEvent). */
  triggerFirestore: FirestoreOperations;
  /** Firestore operations of the whole day (jobs + triggers + the end-of-day check of stored versions). */
  dayFirestore: FirestoreOperations;
  /** The fullest per-minute Sheets buckets and the 429s, over the day (provisioning excluded). */
  quota: QuotaUsage;
  /** Sheets and Drive requests of the day, and those answered with an error. */
  requests: { total: number; errors: number };
  /** The coordinator's edit-trigger executions (ms each, as Apps Script charges them) and the hourly refresh. */
  triggerRuntime: { editMs: number[]; refreshMs: number; usedMs: number };
  /** Edits whose last typed value is not the stored version of the unit's report. */
  lost: { directiveId: string; unitCode: string; expected: number; stored: unknown }[];
  provisionWallMs: number;
  dayWallMs: number;
  /** Simulated time the day covered, first job to last verdict. */
  daySimulatedMs: number;
}

type World = LocalWorld & { triggers: NonNullable<LocalWorld['triggers']> };

/** Runs the day; the Firestore emulator at `firestoreHost` (or the test setup's) holds project `project`. */
export async function runProvinceDay(options: ProvinceDayOptions): Promise<ProvinceDay> {
  const log = options.log ?? (() => {});
  const day = options.day ?? '2026-03-17';
  const at = (hhmm: string) =>
    DateTime.fromISO(`${day}T${hhmm}`, { zone: VIETNAM_ZONE }).toUTC().toJSDate().getTime();
  const hours = options.officeHours ?? OFFICE_HOURS;
  const clock = new RunningClock(new Date(at('06:00')));
  const world = (await buildWorld({
    project: options.project,
    clock,
    organisation: options.organisation,
    ...(options.firestoreHost ? { firestoreHost: options.firestoreHost } : {}),
    // Quotas per minute of the day's clock; ID tokens on the machine's, which their verifier checks.
    quotasOnWorldClock: true,
    quotas: 'google',
    sheetsLatency: options.latency,
    sheetTriggers: true,
    env: { LOG_LEVEL: 'error' },
  })) as World;
  const counter = countFirestoreOperations();
  try {
    const provisionStarted = performance.now();
    world.emulator.latency.pause(true);
    const ids = await provision(world, options, clock);
    // The sweep's Drive cursor as a running deployment has it: the day's sweeps see only the day's changes.
    await setDriveCursor(world.db, await startPageToken(world.clients), clock.now());
    const coordinator = options.organisation.coordinator.email;
    const script = await world.triggers.installCoordinatorScript(coordinator);
    const targets = new Set((await listSheetTargets(world.deps, coordinator)).spreadsheetIds);
    const spreadsheetOf = new Map<string, string>();
    for (const id of ids) {
      const { spreadsheetId } = (await world.db.doc(`directives/${id}`).get()).data() as {
        spreadsheetId: string;
      };
      spreadsheetOf.set(id, spreadsheetId);
    }
    const triggered = ids.filter((id) => targets.has(spreadsheetOf.get(id)!));
    const untriggered = ids.filter((id) => !targets.has(spreadsheetOf.get(id)!));
    const sampled = {
      triggered: triggered.slice(0, options.sampled),
      // One directive without a trigger, when there are some: its officers wait for the sweep.
      untriggered: untriggered.slice(0, options.sampled > 1 ? 1 : 0),
    };
    const provisionWallMs = performance.now() - provisionStarted;
    log(`provisioned ${ids.length} directives in ${(provisionWallMs / 1000).toFixed(0)} s`);

    world.emulator.latency.pause(false);
    // The day's delays pass on its clock (a call drawn at t answers at t + delay), except the waited edits'.
    const simulatedTime = {
      now: () => clock.now().getTime(),
      advanceTo: (ms: number) => clock.set(new Date(ms)),
    };
    world.emulator.latency.simulate(simulatedTime);
    world.emulator.resetCounters();
    counter.reset();
    const dayStarted = performance.now();
    const firstAt = at('07:30');
    const schedule = daySchedule(options, hours, at, [...sampled.triggered, ...sampled.untriggered], ids);
    const waited = waitedEditIndexes(schedule, sampled.triggered, options.waitedEdits);
    const typing = new Typist(world, options, spreadsheetOf, periodKeyLabel(periodKeyOf(options.directive)));
    const jobs: JobRun[] = [];
    const pendingSweep: EditRecord[] = [];
    let jobFirestore: FirestoreOperations = { reads: 0, writes: 0, commits: 0 };
    const runJob = async (
      job: JobRun['job'],
      work: () => Promise<{ pacedMs: number; directives: number; failed: number; sweep?: SweepOutcome }>,
    ) => {
      await world.triggers.settled(120_000);
      const before = counter.snapshot();
      const started = clock.now();
      const done = await work();
      const after = counter.snapshot();
      const firestore = minus(after, before);
      jobFirestore = plus(jobFirestore, firestore);
      const durationMs = clock.now().getTime() - started.getTime();
      jobs.push({
        job,
        at: started.toISOString(),
        durationMs,
        pacedMs: done.pacedMs,
        firestore,
        directives: done.directives,
        failed: done.failed,
      });
      if (done.sweep) {
        const synced = new Set(done.sweep.outcomes.filter((o) => !('error' in o)).map((o) => o.directiveId));
        for (const edit of pendingSweep.splice(0)) {
          if (synced.has(edit.directiveId)) edit.verdictMs = clock.now().getTime() - edit.typedAt;
          else pendingSweep.push(edit);
        }
      }
    };
    for (const [index, event] of schedule.entries()) {
      if (event.kind !== 'edit' && event.kind !== 'sweep')
        log(
          `${event.kind} at ${new Date(event.at).toISOString()}, ${((performance.now() - dayStarted) / 1000).toFixed(0)} s into the day`,
        );
      clock.set(new Date(event.at));
      if (event.kind === 'check') {
        await runJob('check', async () => {
          const run = await runDeadlineCheck(world.deps, { trigger: 'schedule', mail: false });
          return {
            pacedMs: run.check.pacedMs + (run.dashboards.pacedMs ?? 0),
            directives: run.check.directives.length,
            failed: run.check.failed.length + run.dashboards.failed.length,
          };
        });
      } else if (event.kind === 'dashboards') {
        await runJob('dashboards', async () => {
          const run = await runDashboards(world.deps, { trigger: 'schedule' });
          return { pacedMs: run.pacedMs ?? 0, directives: run.built.length, failed: run.failed.length };
        });
      } else if (event.kind === 'sweep') {
        await runJob('sweep', async () => {
          const sweep = (await runSync(world.deps, { trigger: 'schedule' })) as SweepOutcome;
          const failed = sweep.outcomes.filter((o) => 'error' in o).length;
          return { pacedMs: 0, directives: sweep.changedDirectives, failed, sweep };
        });
      } else if (event.kind === 'edit') {
        const path = targets.has(spreadsheetOf.get(event.directiveId)!) ? 'trigger' : 'sweep';
        const inRealTime = waited.has(index);
        // Alone in flight (the jobs and the edits before it settled), so its delays alone are waited.
        if (inRealTime) world.emulator.latency.simulate(undefined);
        const edit = typing.type(event.directiveId, clock.now().getTime(), path, event.busySlot, inRealTime);
        if (path === 'sweep') pendingSweep.push(edit);
        else if (!event.busySlot) {
          await world.triggers.settled(120_000);
          edit.verdictMs = clock.now().getTime() - edit.typedAt;
        }
        if (inRealTime) world.emulator.latency.simulate(simulatedTime);
      }
    }
    await world.triggers.settled(120_000);
    const lastAt = clock.now().getTime();
    const dayWallMs = performance.now() - dayStarted;
    const quota = world.emulator.quotaUsage()!;
    const counters = world.emulator.counters();
    const refresh = await script.refresh();
    const runtime = await readTriggerRuntime(world.emulator.url, script.scriptId, coordinator);
    attachTriggerTimes(typing.edits, runtime.editDurationsMs);
    const dayFirestore = counter.snapshot();
    const lost = await lostEdits(world, typing.edits, options.directive);
    return {
      units: options.organisation.units.length,
      directives: ids.length,
      editsPerDay: options.editsPerDay,
      sampled,
      triggeredDirectives: triggered.length,
      edits: typing.edits,
      jobs,
      triggerFirestore: minus(dayFirestore, jobFirestore),
      dayFirestore,
      quota,
      requests: { total: counters.total, errors: Object.values(counters.errors).reduce((a, b) => a + b, 0) },
      triggerRuntime: {
        editMs: runtime.editDurationsMs,
        refreshMs: refresh.durationMs ?? 0,
        usedMs: runtime.usedMs,
      },
      lost,
      provisionWallMs,
      dayWallMs,
      daySimulatedMs: lastAt - firstAt,
    };
  } finally {
    counter.stop();
    await world.close();
  }
}

function periodKeyOf(spec: DirectiveSpec): string {
  if (spec.schedule.kind !== 'quarterly') throw new Error('the province day takes a quarterly directive');
  return spec.schedule.first;
}

function minus(a: FirestoreOperations, b: FirestoreOperations): FirestoreOperations {
  return { reads: a.reads - b.reads, writes: a.writes - b.writes, commits: a.commits - b.commits };
}

function plus(a: FirestoreOperations, b: FirestoreOperations): FirestoreOperations {
  return { reads: a.reads + b.reads, writes: a.writes + b.writes, commits: a.commits + b.commits };
}

/** Provisions `options.directives` like the example, under the quotas: 25 a minute (two Sheets writes each). */
async function provision(world: World, options: ProvinceDayOptions, clock: RunningClock): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < options.directives; i++) {
    if (i > 0 && i % 25 === 0) clock.advance(61_000);
    const id = `${options.directive.id}-${String(i + 1).padStart(3, '0')}`;
    await world.addDirective({ ...options.directive, id, organisation: options.organisation.id });
    ids.push(id);
  }
  return ids;
}

type DayEvent =
  | { at: number; kind: 'check' | 'dashboards' | 'sweep' }
  | { at: number; kind: 'edit'; directiveId: string; busySlot: boolean };

/**
 * The day in time order: the check at 07:30, dashboards on the hour 08–17, a sweep every 5 minutes, the sampled
 * directives' edits evenly over office hours, and half an hour into the day one 5-minute slot of the province's
 * full rate of edits, over every directive in turn.
 */
function daySchedule(
  options: ProvinceDayOptions,
  hours: readonly (readonly [string, string])[],
  at: (hhmm: string) => number,
  sampled: readonly string[],
  ids: readonly string[],
): DayEvent[] {
  const events: DayEvent[] = [{ at: at('07:30'), kind: 'check' }];
  const start = at(hours[0]![0]);
  const end = at(hours[hours.length - 1]![1]);
  for (let t = at('08:00'); t <= Math.min(end, at('17:00')); t += 3_600_000)
    events.push({ at: t, kind: 'dashboards' });
  for (let t = start + 5 * 60_000; t <= end + 5 * 60_000; t += 5 * 60_000)
    events.push({ at: t, kind: 'sweep' });
  const office = hours.map(([from, to]) => [at(from), at(to)] as const);
  const officeMs = office.reduce((n, [a, b]) => n + (b - a), 0);
  const officeInstant = (fraction: number) => {
    let left = fraction * officeMs;
    for (const [a, b] of office) {
      if (left < b - a) return a + left;
      left -= b - a;
    }
    return office[office.length - 1]![1];
  };
  const perDirective = Math.max(1, Math.round(options.editsPerDay / (options.shareOf ?? options.directives)));
  sampled.forEach((directiveId, d) => {
    for (let k = 0; k < perDirective; k++) {
      // Directives' edits interleave: directive d's k-th edit at (k + d/n) / perDirective of office hours.
      const fraction = (k + (d + 0.5) / sampled.length) / perDirective;
      events.push({ at: Math.round(officeInstant(fraction)), kind: 'edit', directiveId, busySlot: false });
    }
  });
  // The busy slot: the province's share of a 5-minute slot, its edits over the directives in turn.
  const slot = start + 30 * 60_000 + 1;
  const slotEdits = Math.round((options.editsPerDay * 5 * 60_000) / officeMs);
  for (let i = 0; i < slotEdits; i++) {
    const directiveId = ids[i % ids.length]!;
    events.push({
      at: slot + Math.round((i * 5 * 60_000) / slotEdits),
      kind: 'edit',
      directiveId,
      busySlot: true,
    });
  }
  const order = { check: 0, dashboards: 1, sweep: 2, edit: 3 };
  return events.sort((a, b) => a.at - b.at || order[a.kind] - order[b.kind]);
}

/**
 * The schedule's indexes of `count` edits of the `triggered` sampled directives (not the busy slot's), spread evenly
 * over the day: the edits whose delays are waited in real time.
 */
function waitedEditIndexes(
  schedule: readonly DayEvent[],
  triggered: readonly string[],
  count: number,
): Set<number> {
  const candidates = schedule.flatMap((event, index) =>
    event.kind === 'edit' && !event.busySlot && triggered.includes(event.directiveId) ? [index] : [],
  );
  const chosen = new Set<number>();
  const n = Math.min(count, candidates.length);
  for (let k = 0; k < n; k++) chosen.add(candidates[Math.floor(((k + 0.5) * candidates.length) / n)]!);
  return chosen;
}

/** Gives each trigger-path edit its execution's time: one edit trigger each, run in the order typed. */
function attachTriggerTimes(edits: readonly EditRecord[], durationsMs: readonly number[]): void {
  const triggered = edits.filter((e) => e.path === 'trigger');
  if (triggered.length !== durationsMs.length)
    throw new Error(
      `${triggered.length} edits on triggered directives but ${durationsMs.length} edit triggers ran`,
    );
  triggered.forEach((edit, i) => (edit.triggerMs = durationsMs[i]));
}

/** Types officers' rows in the Sheets UI: each edit a complete report with its own participant count. */
class Typist {
  readonly edits: EditRecord[] = [];
  private next = new Map<string, number>();
  private readonly firstInput: number;

  constructor(
    private readonly world: World,
    private readonly options: ProvinceDayOptions,
    private readonly spreadsheetOf: ReadonlyMap<string, string>,
    private readonly tab: string,
  ) {
    this.firstInput = reportColumns(loadTemplate(options.directive.template)).findIndex((c) => !c.system);
  }

  /** The next recipient of `directiveId` types their row. */
  type(
    directiveId: string,
    typedAt: number,
    path: EditRecord['path'],
    busySlot: boolean,
    waited: boolean,
  ): EditRecord {
    const recipients = this.options.directive.recipients;
    const n = this.next.get(directiveId) ?? 0;
    this.next.set(directiveId, n + 1);
    const i = n % recipients.length;
    const unit = this.options.organisation.units.find((u) => u.code === recipients[i])!;
    const participants = 40 + this.edits.length;
    const row = FIRST_UNIT_ROW + 1 + i;
    this.world.emulator.uiEdit(this.spreadsheetOf.get(directiveId)!, {
      email: unit.editors[0]!,
      range: `${quoteSheetName(this.tab)}!${columnLetters(this.firstInput)}${row}`,
      values: [this.options.row(participants)],
    });
    const edit: EditRecord = {
      directiveId,
      unitCode: unit.code,
      participants,
      typedAt,
      path,
      busySlot,
      waited,
    };
    this.edits.push(edit);
    return edit;
  }
}

/** The edits whose unit's stored report is not the last value typed for it. */
async function lostEdits(
  world: World,
  edits: readonly EditRecord[],
  spec: DirectiveSpec,
): Promise<ProvinceDay['lost']> {
  const periodKey = periodKeyOf(spec);
  // The fourth input column: the participants each edit types uniquely.
  const participants = loadTemplate(spec.template).columns[3]!.key;
  const last = new Map<string, EditRecord>();
  for (const e of edits) last.set(`${e.directiveId}/${e.unitCode}`, e);
  const lost: ProvinceDay['lost'] = [];
  const byDirective = new Map<string, EditRecord[]>();
  for (const e of last.values())
    byDirective.set(e.directiveId, [...(byDirective.get(e.directiveId) ?? []), e]);
  for (const [directiveId, typed] of byDirective) {
    const stored = (await loadReports(world.db, directiveId, [periodKey])).get(periodKey)!;
    for (const e of typed) {
      const report = stored.get(e.unitCode);
      if (Number(report?.values[participants]) !== e.participants)
        lost.push({ directiveId, unitCode: e.unitCode, expected: e.participants, stored: report?.values });
    }
  }
  return lost;
}

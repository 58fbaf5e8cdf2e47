/**
 * Plays the Tháp Mười directive's first quarter on the local emulators with a simulated clock: the coordinator sets
 * up their standalone script once; officers type into their rows as in the Sheets UI, the script's trigger calls
 * `sheetEvent` with an ID token, which hands the sync to Pub/Sub and `syncDirectiveEvent` runs it; the morning
 * checks run at 07:30; at the end the summary, the dashboard, the report draft and a screenshot are made. Beside
 * it, a công văn of tasks (its own deadline per task) is imported, its officers update their task rows the same
 * way, and the check flags the row left overdue; its Tổng hợp, report draft and screenshot are made too.
 */
import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '@theodoi/functions/clock';
import type { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { parseDirectiveSpec, specFromDraft } from '@theodoi/functions/domain/directive';
import { importDirective } from '@theodoi/functions/domain/importer/import';
import { parseOrganisation } from '@theodoi/functions/domain/organisation';
import { UNIT_STATUS_CODES, type UnitStatusCode } from '@theodoi/functions/domain/status/index';
import type { TaskStatusCode } from '@theodoi/functions/domain/tasks/task-status';
import type { TaskSummaryModel } from '@theodoi/functions/domain/tasks/task-summary';
import { demo as msg } from '@theodoi/functions/messages.vi';
import { buildSummary } from '@theodoi/functions/usecases/build-summary';
import { checkDeadlines } from '@theodoi/functions/usecases/check-deadlines';
import type { LatencyOption } from '@theodoi/sheets-emulator/latency/latency';
import type { LocalEmulators } from '@theodoi/test-kit/emulators/local';
import type { SheetTriggerPath } from '@theodoi/test-kit/sheet-triggers';
import { PROVINCE_BUSY_DAY_EDITS, runtimeMinutesPerDay } from '@theodoi/test-kit/trigger-runtime';
import { buildWorld, type LocalWorld } from '@theodoi/test-kit/world';
import { viewUrl, writeArtefacts } from './artefacts.js';
import { sharingLines } from '../sharing-report.js';
import { triggerFigures, type TriggerFigures } from './trigger-figures.js';
import { typeAndSettle } from './officer-edit.js';
import { seedEdits } from './seed-edits.js';
import { flaggedOverdueRows, registerTaskDirective, taskEdits, taskRowStates } from './task-directive.js';

/** 07:30 Vietnam time on every working day from `from` to `to`. */
function workingMornings(from: string, to: string, calendar: ReturnType<typeof createCalendar>): Date[] {
  const days: Date[] = [];
  for (let d = DateTime.fromISO(from, { zone: VIETNAM_ZONE }); d.toISODate() <= to; d = d.plus({ days: 1 })) {
    if (calendar.isWorkingDay(d.toISODate())) days.push(d.set({ hour: 7, minute: 30 }).toJSDate());
  }
  return days;
}

function formatVn(instant: Date, pattern: string): string {
  return DateTime.fromJSDate(instant, { zone: VIETNAM_ZONE }).toFormat(pattern);
}

/** The demo's final figures. */
export interface DemoResult {
  spreadsheetId: string;
  viewUrl: string;
  dashboardViewUrl: string;
  /** Officers' edits of both directives. */
  edits: number;
  /** Morning deadline checks run. */
  checks: number;
  /** Files written for people to open. */
  files: string[];
  /** The PNG of the whole Tổng hợp tab; undefined when no Chromium is installed. */
  screenshot?: string;
  /** The PNG of the dashboard's "Đánh giá đơn vị" tab; undefined when no Chromium is installed. */
  evaluationScreenshot?: string;
  /** The dashboard spreadsheet. */
  dashboardSpreadsheetId: string;
  /** Units on the last morning check's reminder list. */
  flaggedOnLastMorning: number;
  /** The draft paragraph of the official report, from the Tổng hợp tab. */
  paragraph: string;
  statuses: Record<UnitStatusCode, string[]>;
  /** The directive of tasks played beside the seed's: its rows' statuses at the end and its Tổng hợp. */
  tasks: {
    directiveId: string;
    spreadsheetId: string;
    viewUrl: string;
    /** Every task row in the tab's order, with its status at the end of the demo. */
    rows: { unitCode: string; taskId: string; status: TaskStatusCode }[];
    summary: TaskSummaryModel;
    /** The PNG of its whole Tổng hợp tab; undefined when no Chromium is installed. */
    screenshot?: string;
  };
  /**
   * Sheets and Drive calls Google answered, per method. Refused attempts are left out: the emulator keeps the
   * world's simulated clock, which jumps hours ahead, so an access token google-auth-library still holds as fresh is
   * refused as expired (401) and renewed once, as on Google with a clock ahead of ours.
   */
  sheetsCalls: Record<string, number>;
  /** Officer feedback: from the edit to its status on the row (trigger + Pub/Sub + sync + write-back), in ms. */
  feedbackMs: { p50: number; p95: number; max: number };
  /** The path every edit took (said in the output), and what it cost the coordinator's trigger budget. */
  triggers: TriggerFigures;
  /** theodoi's URL the coordinator's script calls (its THEODOI_URL). */
  theodoiUrl: string;
  /** The Pub/Sub emulator carrying the sync requests. */
  pubsubHost: string;
  emulators: LocalEmulators;
  /** Stops the function and the emulators. */
  stop(): Promise<void>;
}

const ORG_FILE = new URL('../../../examples/thap-muoi-2024/organisation.json', import.meta.url);
const DIRECTIVE_FILE = new URL('../../../examples/thap-muoi-2024/directive-cchc-2024.json', import.meta.url);
const SEED_FILE = new URL('../../../examples/thap-muoi-2024/congvan-cchc-2024.txt', import.meta.url);

/**
 * Runs the scenario; the caller stops the result (or keeps it running for a person to look and type). With
 * `latency`, the Sheets emulator answers as slowly as real Google would (its latency model).
 */
export async function runDemo(
  log: (line: string) => void,
  outDir = 'out/demo',
  latency: LatencyOption = 'off',
): Promise<DemoResult> {
  log(msg.starting);
  log(latency === 'off' ? msg.latencyOff : msg.latencyGoogle);
  // theodoi runs on the simulated clock; the emulators keep the machine's, on which Google's ID tokens are checked.
  const world = await buildWorld({
    project: 'theodoi-demo',
    clock: '2024-03-01T02:00:00Z',
    organisation: parseOrganisation(JSON.parse(await readFile(ORG_FILE, 'utf8'))),
    sheetTriggers: true,
    sheetsLatency: latency,
    env: { LOG_LEVEL: 'error' },
  });
  try {
    const result = await play(world, world.triggers!, log, outDir);
    return { ...result, emulators: world.emulators, stop: () => world.close() };
  } catch (error) {
    await world.close();
    throw error;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function play(
  world: LocalWorld,
  triggers: SheetTriggerPath,
  log: (line: string) => void,
  outDir: string,
): Promise<Omit<DemoResult, 'emulators' | 'stop'>> {
  const { deps, clock, emulators, organisation: org } = world;
  const { calendar } = deps;
  log(msg.unitsLoaded(org.units.length));
  log(msg.loggedIn(world.grant.email));
  // The coordinator imports the công văn's text, then completes what no document says.
  const draft = importDirective(await readFile(SEED_FILE, 'utf8'), org, {
    file: 'congvan-cchc-2024.txt',
    format: 'txt',
  });
  log(
    msg.imported(
      draft.subject ?? '—',
      draft.recipients.unitCodes.length,
      draft.references.length,
      draft.tasks.length,
      draft.missing,
    ),
  );
  const choices = parseDirectiveSpec(JSON.parse(await readFile(DIRECTIVE_FILE, 'utf8')));
  const spec = specFromDraft(draft, choices);
  const created = await world.addDirective(spec);
  const tab = created.tabs[0]!;
  log(msg.provisioned(created.title, created.calls.sheets, created.calls.drive));
  const shortNames = new Map(org.units.map((u) => [u.code, u.shortName ?? u.name]));
  for (const line of sharingLines(created.sharing, shortNames, spec.id)) log(line);
  // Beside it, a công văn of tasks: each task with its lead, co-operating units and its own deadline.
  const tasks = await registerTaskDirective(world, log);
  // The coordinator's one-time step: their standalone script, run once (caiDat), installs the edit triggers.
  const script = await triggers.installCoordinatorScript(org.coordinator.email);
  const setup = script.setup.result as { listed: number };
  log(msg.triggerInstalled(triggers.url, setup.listed));

  const nameOf = new Map(org.units.map((u) => [u.code, u.name]));
  const edits = [...seedEdits(world, spec, created), ...taskEdits(world, tasks)];
  // The working-morning deadline checks (07:30, as Cloud Scheduler runs them) interleaved with the edits.
  const mornings = workingMornings('2024-03-04', '2024-03-22', calendar);
  const events = [
    ...edits.map((edit) => ({ at: new Date(edit.at).getTime(), edit })),
    ...mornings.map((at) => ({ at: at.getTime(), edit: undefined })),
  ].sort((a, b) => a.at - b.at);
  let flagged = 0;
  let overdueBefore: string[] = [];
  const feedback: number[] = [];
  for (const event of events) {
    clock.set(new Date(event.at));
    const when = formatVn(clock.now(), 'dd/MM HH:mm');
    if (!event.edit) {
      const check = await checkDeadlines(deps);
      const seed = check.directives.find((d) => d.directiveId === spec.id);
      const counts = seed?.periods[tab.periodKey];
      const reminders = check.reminders.filter((r) => r.directiveId === spec.id);
      flagged = reminders.length;
      if (counts) log(msg.morning(when, counts, reminders.length));
      // The rows the check flags as overdue, said when they change.
      const overdue = (await flaggedOverdueRows(world, tasks)).map(
        (s) => `${msg.taskRow(nameOf.get(s.row.unitCode)!, s.row.taskNo)} (${s.text})`,
      );
      if (overdue.join() !== overdueBefore.join()) log(msg.taskCheck(when, overdue));
      overdueBefore = overdue;
      continue;
    }
    // The officer types the row in the Sheets UI; the trigger fires and sheetEvent syncs, as in production.
    const ms = await typeAndSettle(emulators.sheets, triggers, event.edit);
    feedback.push(ms);
    log(msg.edit(when, event.edit.who, event.edit.note, await event.edit.shown(), ms));
  }

  const figures = await triggerFigures(emulators.sheets, triggers, script);
  log(msg.triggerPath);
  log(
    msg.acknowledged(
      figures.acknowledgementMs.p50,
      figures.acknowledgementMs.p95,
      figures.acknowledgementMs.max,
    ),
  );
  log(
    msg.triggerRuntime(
      figures.runtimeUsedMs,
      figures.editExecutions,
      figures.meanExecutionMs,
      figures.runtimeLimitMs,
    ),
  );
  log(
    msg.triggerRuntimeProvince(
      PROVINCE_BUSY_DAY_EDITS,
      runtimeMinutesPerDay(PROVINCE_BUSY_DAY_EDITS, figures.meanExecutionMs),
    ),
  );

  clock.set('2024-03-22T01:00:00Z');
  const summary = await buildSummary(deps, { directiveId: spec.id, periodKey: tab.periodKey });
  // Each recipient's status, as the Tổng hợp tab just written shows it.
  const statuses = Object.fromEntries(UNIT_STATUS_CODES.map((c) => [c, [] as string[]])) as Record<
    UnitStatusCode,
    string[]
  >;
  for (const row of summary.model.rows) statuses[row.status.code].push(row.unitCode);
  log(
    msg.summary(
      DateTime.fromJSDate(clock.now(), { zone: VIETNAM_ZONE }).toFormat("HH 'giờ' mm 'ngày' d/M/yyyy"),
      spec.recipients.length,
      statuses['dung-han'].length,
      statuses['tre-han'].length,
      statuses['qua-han'].map((c) => nameOf.get(c) ?? c),
      statuses['co-loi'].length,
    ),
  );
  log(msg.paragraph(summary.model.paragraph));
  const taskSummary = await buildSummary(deps, { directiveId: tasks.spec.id, periodKey: tasks.period.key });
  log(msg.tasksSummary(tasks.spec.number ?? '—', taskSummary.tasks!.kpiLine));
  for (const line of taskSummary.tasks!.chase) log(msg.tasksChase(line));
  log(msg.paragraph(taskSummary.tasks!.paragraph));
  const artefacts = await writeArtefacts(
    deps,
    emulators.sheets,
    {
      organisationId: org.id,
      directives: [
        {
          directiveId: spec.id,
          spreadsheetId: created.spreadsheetId,
          periodKey: tab.periodKey,
          workbookName: 'bang-tinh-cong-van.xlsx',
          screenshotName: 'tong-hop.png',
        },
        {
          directiveId: tasks.spec.id,
          spreadsheetId: tasks.created.spreadsheetId,
          periodKey: tasks.period.key,
          workbookName: 'bang-tinh-cong-van-nhiem-vu.xlsx',
          screenshotName: 'tong-hop-nhiem-vu.png',
        },
      ],
    },
    outDir,
  );
  const sorted = [...feedback].sort((a, b) => a - b);
  return {
    spreadsheetId: created.spreadsheetId,
    viewUrl: viewUrl(emulators.sheets, created.spreadsheetId),
    dashboardViewUrl: artefacts.dashboardViewUrl,
    edits: edits.length,
    checks: mornings.length,
    flaggedOnLastMorning: flagged,
    files: artefacts.files,
    ...(artefacts.screenshots[0] ? { screenshot: artefacts.screenshots[0] } : {}),
    ...(artefacts.evaluationScreenshot ? { evaluationScreenshot: artefacts.evaluationScreenshot } : {}),
    dashboardSpreadsheetId: artefacts.dashboardSpreadsheetId,
    paragraph: summary.model.paragraph,
    statuses,
    tasks: {
      directiveId: tasks.spec.id,
      spreadsheetId: tasks.created.spreadsheetId,
      viewUrl: viewUrl(emulators.sheets, tasks.created.spreadsheetId),
      rows: (await taskRowStates(world, tasks)).map((s) => ({
        unitCode: s.row.unitCode,
        taskId: s.row.taskId,
        status: s.code,
      })),
      summary: taskSummary.tasks!,
      ...(artefacts.screenshots[1] ? { screenshot: artefacts.screenshots[1] } : {}),
    },
    sheetsCalls: answeredCalls(emulators.sheets.counters()),
    feedbackMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 },
    triggers: figures,
    theodoiUrl: triggers.url,
    pubsubHost: triggers.pubsubHost,
  };
}

/** Calls per method minus those answered with an error. */
function answeredCalls(counters: { methods: Record<string, number>; errors: Record<string, number> }) {
  return Object.fromEntries(
    Object.entries(counters.methods).map(([method, n]) => [method, n - (counters.errors[method] ?? 0)]),
  );
}

/** Plays the Tháp Mười directive's first quarter on the local emulators, with a simulated clock. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sheets as sheetsClient } from '@googleapis/sheets';
import { DateTime } from 'luxon';
import { ManualClock, VIETNAM_ZONE } from '../../functions/src/clock.js';
import { loadConfig } from '../../functions/src/config.js';
import { createCalendar } from '../../functions/src/domain/calendar/index.js';
import { parseDirectiveSpec, specFromDraft } from '../../functions/src/domain/directive.js';
import { importDirective } from '../../functions/src/domain/importer/import.js';
import { parseOrganisation } from '../../functions/src/domain/organisation.js';
import { periodOf } from '../../functions/src/domain/periods/index.js';
import { unitStatus, type UnitStatusCode } from '../../functions/src/domain/status/index.js';
import { demo as msg } from '../../functions/src/messages.vi.js';
import { columnLetters, quoteSheetName } from '../../functions/src/sheets/a1.js';
import { createGoogleClients } from '../../functions/src/sheets/clients.js';
import { reportColumns } from '../../functions/src/sheets/report-layout.js';
import { statusText as rowStatusText } from '../../functions/src/sheets/write-status.js';
import { openFirestore } from '../../functions/src/store/firestore.js';
import { loadReports } from '../../functions/src/store/reports.js';
import { importOrganisation } from '../../functions/src/store/units.js';
import { buildSummary } from '../../functions/src/usecases/build-summary.js';
import { checkDeadlines } from '../../functions/src/usecases/check-deadlines.js';
import { createDirective } from '../../functions/src/usecases/create-directive.js';
import { syncDirective } from '../../functions/src/usecases/sync-directive.js';
import { loadTemplate } from '../../sheets-schema/registry.js';
import { startLocalEmulators, type LocalEmulators } from '../cli/commands/emulators.js';
import { demoEdits } from './scenario.js';

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
  edits: number;
  /** Morning deadline checks run. */
  checks: number;
  /** Files written for people to open. */
  files: string[];
  /** Units on the last morning check's reminder list. */
  flaggedOnLastMorning: number;
  /** The draft paragraph of the official report, from the Tổng hợp tab. */
  paragraph: string;
  statuses: Record<UnitStatusCode, string[]>;
  sheetsCalls: Record<string, number>;
  emulators: LocalEmulators;
}

const ORG_FILE = new URL('../../examples/thap-muoi-2024/organisation.json', import.meta.url);
const DIRECTIVE_FILE = new URL('../../examples/thap-muoi-2024/directive-cchc-2024.json', import.meta.url);
const SEED_FILE = new URL('../../examples/thap-muoi-2024/congvan-cchc-2024.txt', import.meta.url);

/** Runs the scenario; the caller stops `result.emulators` (or keeps them for a person to look). */
export async function runDemo(log: (line: string) => void, outDir = 'out/demo'): Promise<DemoResult> {
  log(msg.starting);
  const emulators = await startLocalEmulators();
  try {
    return await play(emulators, log, outDir);
  } catch (error) {
    await emulators.stop();
    throw error;
  }
}

async function play(
  emulators: LocalEmulators,
  log: (line: string) => void,
  outDir: string,
): Promise<DemoResult> {
  const config = loadConfig({ ...emulators.env, GOOGLE_CLOUD_PROJECT: 'theodoi-demo' });
  const [db, clients] = await Promise.all([openFirestore(config), createGoogleClients(config)]);
  const clock = new ManualClock('2024-03-01T02:00:00Z');
  const calendar = createCalendar();
  const org = parseOrganisation(JSON.parse(await readFile(ORG_FILE, 'utf8')));
  await importOrganisation(db, org, clock.now());
  log(msg.unitsLoaded(org.units.length));
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
  const template = loadTemplate(spec.template);
  const deps = { db, clients, clock, calendar, serviceAccount: config.serviceAccount };

  const created = await createDirective(deps, spec);
  const tab = created.tabs[0]!;
  log(msg.provisioned(created.title, created.calls.sheets, created.calls.drive));

  const inputs = reportColumns(template).filter((c) => !c.system);
  const firstInput = reportColumns(template).findIndex((c) => !c.system);
  const rowOf = new Map(spec.recipients.map((code, i) => [code, 5 + i]));
  const nameOf = new Map(org.units.map((u) => [u.code, u.name]));
  const edits = demoEdits(spec.recipients);
  // The working-morning deadline checks (07:30, as Cloud Scheduler runs them) interleaved with the edits.
  const mornings = workingMornings('2024-03-04', '2024-03-22', calendar);
  const events = [
    ...edits.map((edit) => ({ at: new Date(edit.at).getTime(), edit })),
    ...mornings.map((at) => ({ at: at.getTime(), edit: undefined })),
  ].sort((a, b) => a.at - b.at);
  let flagged = 0;
  for (const event of events) {
    clock.set(new Date(event.at));
    if (!event.edit) {
      const check = await checkDeadlines({ ...deps, retryDelaysMs: [] });
      const counts = check.directives[0]?.periods[tab.periodKey];
      flagged = check.reminders.length;
      if (counts) log(msg.morning(formatVn(clock.now(), 'dd/MM HH:mm'), counts, check.reminders.length));
      continue;
    }
    const edit = event.edit;
    const unit = org.units.find((u) => u.code === edit.unitCode)!;
    const officer = sheetsClient({
      version: 'v4',
      rootUrl: `${emulators.sheets.url}/`,
      headers: { Authorization: `Bearer ${emulators.sheets.mintToken(unit.editors[0])}` },
    });
    const row = rowOf.get(edit.unitCode)!;
    await officer.spreadsheets.values.update({
      spreadsheetId: created.spreadsheetId,
      range: `${quoteSheetName(tab.title)}!${columnLetters(firstInput)}${row}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [inputs.map((c) => edit.cells[c.key] ?? '')] },
    });
    // What the sheet's trigger does after an officer's edit.
    const outcome = await syncDirective(deps, {
      directiveId: spec.id,
      trigger: 'demo:edit',
      periodKey: tab.periodKey,
    });
    const verdict = (await loadReports(db, spec.id, [tab.periodKey])).get(tab.periodKey)?.get(edit.unitCode);
    log(
      msg.edit(
        formatVn(clock.now(), 'dd/MM HH:mm'),
        nameOf.get(edit.unitCode) ?? edit.unitCode,
        edit.note,
        verdict ? rowStatusText(verdict.status, verdict.errors) : '—',
        outcome.durationMs ?? 0,
      ),
    );
  }

  clock.set('2024-03-22T01:00:00Z');
  const summary = await buildSummary(deps, { directiveId: spec.id, periodKey: tab.periodKey });
  const period = periodOf(spec.schedule, tab.periodKey, calendar);
  const reports = (await loadReports(db, spec.id, [tab.periodKey])).get(tab.periodKey)!;
  const statuses = Object.fromEntries(
    (['chua-den-han', 'sap-den-han', 'dung-han', 'tre-han', 'qua-han', 'co-loi'] as const).map((c) => [
      c,
      [] as string[],
    ]),
  ) as Record<UnitStatusCode, string[]>;
  for (const code of spec.recipients) {
    const r = reports.get(code);
    const typedNothing = !r || (r.status === 'empty' && r.firstSubmittedAt === null);
    const status = unitStatus({
      period,
      report: typedNothing
        ? null
        : { firstSubmittedAt: r.firstSubmittedAt, issueCount: r.status === 'valid' ? 0 : 1 },
      now: clock.now(),
      calendar,
    });
    statuses[status.code].push(code);
  }
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
  const viewUrl = `${emulators.sheets.url}/__emulator/spreadsheets/${created.spreadsheetId}/view`;
  // The workbook as leadership would download it.
  const xlsx = await emulators.sheets.xlsx(created.spreadsheetId);
  const xlsxFile = join(outDir, 'thap-muoi-cchc-2024.xlsx');
  if (xlsx) {
    await mkdir(outDir, { recursive: true });
    await writeFile(xlsxFile, xlsx);
  }
  return {
    spreadsheetId: created.spreadsheetId,
    viewUrl,
    edits: edits.length,
    checks: mornings.length,
    flaggedOnLastMorning: flagged,
    files: xlsx ? [xlsxFile] : [],
    paragraph: summary.model.paragraph,
    statuses,
    sheetsCalls: emulators.sheets.counters().methods,
    emulators,
  };
}

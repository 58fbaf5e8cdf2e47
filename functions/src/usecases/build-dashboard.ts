/**
 * buildDashboard: rewrites an organisation's dashboard "Theo dõi thực hiện văn bản chỉ đạo" from Firestore — one
 * row per open directive, the addresses that cannot open their spreadsheets yet, a units × directives matrix of
 * statuses, and the units' evaluation of the year to date ("Đánh giá đơn vị") — in one batchUpdate. On the first
 * run Drive creates the spreadsheet in theodoi's folder (owned by the acting account) and that same batchUpdate
 * shapes it.
 */
import { createHash } from 'node:crypto';
import { listTemplates } from '@theodoi/sheets-schema/registry';
import { directiveLabel } from '../domain/directive-label.js';
import { vietnamDateOf } from '../domain/calendar/iso-date.js';
import { yearRange, type EvaluationModel } from '../domain/evaluation/index.js';
import { openedPeriods, periodAt, type Period } from '../domain/periods/index.js';
import { UNIT_STATUS_CODES, type UnitStatusCode } from '../domain/status/index.js';
import { ONCE_KEY } from '../domain/periods/period-key.js';
import { isTaskDirective } from '../domain/tasks/task-rows.js';
import type { TaskStatusCode } from '../domain/tasks/task-status.js';
import type { SummaryModel } from '../domain/summary/model.js';
import type { RetryPolicy } from '../sheets/api/retry.js';
import { formsFor } from '../domain/importer/proposal.js';
import { outOfReach, normaliseAddress } from '../domain/sharing.js';
import { directiveCreate, sharing, tasks as taskMsg } from '../messages.vi.js';
import {
  dashboardRequests,
  dashboardShapeRequests,
  dashboardTitle,
  type DashboardAccessIssue,
  type DashboardDirective,
  type DashboardModel,
} from '../sheets/layout/dashboard.js';
import {
  EVALUATION_CHART_ID,
  EVALUATION_SHEET_ID,
  evaluationRequests,
} from '../sheets/layout/evaluation-layout.js';
import { REGISTER_SHEET_ID, registerShapeRequests } from '../sheets/layout/register-tab.js';
import { sendBatchUpdate } from '../sheets/api/batch-update.js';
import { createSpreadsheetFile } from '../sheets/api/create-spreadsheet.js';
import { readDashboardTabs } from '../sheets/api/dashboard-tabs.js';
import { shareAsWriter } from '../sheets/api/permissions.js';
import { listOpenDirectives, type DirectiveRecord } from '../store/directives.js';
import {
  getOrganisation,
  listUnits,
  setDashboardFingerprint,
  setDashboardSharedWith,
  setDashboardSpreadsheet,
  type StoredOrganisation,
} from '../store/units.js';
import { SHARING_RETRY } from './address-probe.js';
import { summaryModelFor, type BuildSummaryDeps } from './build-summary.js';
import { createInHome, type CallCount, type DriveHomeDeps } from './drive-home.js';
import { UserFacingError } from './errors.js';
import { evaluateUnits } from './evaluate-units.js';
import { taskSummaryRows } from './task-summary.js';

/**
 * What the dashboard needs: what a summary needs (it builds one summary model per open directive), and theodoi's
 * place in Drive, where the dashboard is created on the first run.
 */
export type BuildDashboardDeps = BuildSummaryDeps & DriveHomeDeps & { sharingRetry?: RetryPolicy };

/** What one dashboard run did. */
export interface BuildDashboardResult {
  spreadsheetId: string;
  spreadsheetUrl: string;
  /** Whether this run created the spreadsheet. */
  created: boolean;
  /** Whether the rewrite was skipped because nothing but the time would have changed (scheduled runs only). */
  unchanged: boolean;
  model: DashboardModel;
  /** The units' evaluation of the year to date, as the "Đánh giá đơn vị" tab shows it. */
  evaluation: EvaluationModel;
  /** Sheets calls (the create counts as a write) and Drive calls (sharing, on creation only). */
  calls: { sheetsReads: number; sheetsWrites: number; driveCalls: number };
}

/**
 * The period a directive's dashboard line follows: the period due now, unless the last period whose deadline has
 * passed still has units overdue or with errors — leadership chases those before the next deadline matters.
 */
async function followedPeriod(
  deps: Pick<BuildDashboardDeps, 'db' | 'calendar' | 'dueSoonWorkingDays' | 'loadTemplate'>,
  directive: DirectiveRecord,
  now: Date,
): Promise<{ period: Period; model: SummaryModel } | undefined> {
  const due = periodAt(directive.schedule, now, deps.calendar);
  if (!due) return undefined;
  const past = openedPeriods(directive.schedule, now, deps.calendar)
    .filter((p) => p.deadlineEndsAt < now)
    .at(-1);
  if (past && past.key !== due.key) {
    const model = await summaryModelFor(deps, directive, past, now);
    if (model.kpis.overdue > 0 || model.kpis.withErrors > 0) return { period: past, model };
  }
  return { period: due, model: await summaryModelFor(deps, directive, due, now) };
}

/** The dashboard's line of one open directive. */
async function dashboardDirective(
  deps: Pick<BuildDashboardDeps, 'db' | 'calendar' | 'dueSoonWorkingDays' | 'loadTemplate'>,
  directive: DirectiveRecord,
  now: Date,
): Promise<DashboardDirective> {
  const base = {
    id: directive.id,
    number: directive.number,
    date: directive.date,
    subject: directive.subject,
    spreadsheetUrl: directive.spreadsheetUrl,
    recipients: new Set(directive.recipients),
    ...(directive.access?.state === 'lost' ? { accessLost: true } : {}),
  };
  if (isTaskDirective(directive)) return { ...base, ...(await taskDashboardLine(deps, directive, now)) };
  const followed = await followedPeriod(deps, directive, now);
  if (!followed) return { ...base, period: null, kpis: null, statuses: new Map() };
  const { period, model } = followed;
  return {
    ...base,
    period: { key: period.key, label: period.label, deadline: period.deadline },
    kpis: model.kpis,
    statuses: new Map<string, UnitStatusCode>(model.rows.map((r) => [r.unitCode, r.status.code])),
  };
}

/**
 * The dashboard's figures of a directive of tasks (decision 007), over the task rows its Tổng hợp shows: "reported"
 * is a row completed (on time or late), "overdue" a row past its deadline and not completed; each unit's cell in the
 * matrix is its worst row (overdue, else late, else on time once all are done, else not yet due).
 */
async function taskDashboardLine(
  deps: Pick<BuildDashboardDeps, 'db' | 'calendar'>,
  directive: DirectiveRecord,
  now: Date,
): Promise<Pick<DashboardDirective, 'period' | 'kpis' | 'statuses'>> {
  const rows = await taskSummaryRows(deps, directive, now);
  const count = (code: TaskStatusCode) => rows.filter((r) => r.status.status.code === code).length;
  const onTime = count('hoan-thanh-dung-han');
  const late = count('hoan-thanh-tre-han');
  const overdue = count('qua-han');
  const total = rows.length;
  const statuses = new Map<string, UnitStatusCode>();
  for (const unit of new Set(rows.map((r) => r.row.unitCode))) {
    const codes = rows.filter((r) => r.row.unitCode === unit).map((r) => r.status.status.code);
    const done = codes.every((c) => c === 'hoan-thanh-dung-han' || c === 'hoan-thanh-tre-han');
    statuses.set(
      unit,
      codes.includes('qua-han')
        ? 'qua-han'
        : codes.includes('hoan-thanh-tre-han')
          ? 'tre-han'
          : done
            ? 'dung-han'
            : 'chua-den-han',
    );
  }
  const byStatus = Object.fromEntries(UNIT_STATUS_CODES.map((c) => [c, 0])) as Record<UnitStatusCode, number>;
  for (const code of statuses.values()) byStatus[code] += 1;
  const deadlines = rows
    .filter((r) => !r.row.ongoing)
    .map((r) => r.status.deadline)
    .sort();
  const deadline = deadlines.at(-1);
  return {
    period: deadline ? { key: ONCE_KEY, label: taskMsg.tabOnce, deadline } : null,
    kpis: {
      total,
      reported: onTime + late,
      reportedShare: total === 0 ? 0 : (onTime + late) / total,
      onTime,
      late,
      notReported: total - onTime - late,
      overdue,
      notYetDue: total - onTime - late - overdue,
      withErrors: 0,
      byStatus,
    },
    statuses,
  };
}

/** The dashboard of `organisationId` from what Firestore holds now; pure reads, no Sheets call. */
export async function dashboardModelFor(
  deps: Pick<BuildDashboardDeps, 'db' | 'calendar' | 'dueSoonWorkingDays' | 'loadTemplate'>,
  organisation: { id: string; name: string; groups: readonly { id: string; name: string }[] },
  now: Date,
): Promise<DashboardModel> {
  const [open, units] = await Promise.all([
    listOpenDirectives(deps.db),
    listUnits(deps.db, organisation.id, { includeInactive: true }),
  ]);
  const directives = open
    .filter((d) => d.organisation === organisation.id)
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
  const lines = await Promise.all(directives.map((d) => dashboardDirective(deps, d, now)));
  const recipients = new Set(directives.flatMap((d) => d.recipients));
  const groupNames = new Map(organisation.groups.map((g) => [g.id, g.name]));
  return {
    organisationName: organisation.name,
    generatedAt: now,
    directives: lines,
    units: units
      .filter((u) => u.active || recipients.has(u.code))
      .map((u) => ({ code: u.code, name: u.name, groupName: groupNames.get(u.group) ?? u.group })),
    accessIssues: accessIssues(directives, new Map(units.map((u) => [u.code, u.shortName ?? u.name]))),
  };
}

/** The addresses the open directives' spreadsheets could not reach yet: one line per address and status. */
function accessIssues(
  directives: readonly DirectiveRecord[],
  unitNames: ReadonlyMap<string, string>,
): DashboardAccessIssue[] {
  const lines = new Map<string, DashboardAccessIssue & { directives: string[] }>();
  for (const directive of directives) {
    for (const outcome of outOfReach(directive.sharing ?? [])) {
      const status = outcome.status;
      const key = `${outcome.address} ${status}`;
      const names = outcome.unitCodes.map((code) => unitNames.get(code) ?? code);
      const line = lines.get(key) ?? {
        units: names.length > 0 ? names.join(', ') : sharing.coordinatorUnit,
        address: outcome.address,
        status,
        directives: [],
      };
      line.directives.push(directiveLabel(directive));
      lines.set(key, line);
    }
  }
  return [...lines.values()];
}

/**
 * Rewrites the dashboard of `request.organisationId`: on the first run creates the spreadsheet (recorded in
 * `organisations/{id}.dashboardSpreadsheetId`) and shares it with the coordinator; every run then writes both tabs
 * in exactly one batchUpdate (a tab deleted by hand costs one failed write and one read, then is added back).
 */
export async function buildDashboard(
  deps: BuildDashboardDeps,
  request: {
    organisationId: string;
    /** Skip the write when the content apart from the time line is what was last written (the schedules do). */
    skipUnchanged?: boolean;
  },
): Promise<BuildDashboardResult> {
  const now = deps.clock.now();
  const organisation = await getOrganisation(deps.db, request.organisationId);
  if (!organisation)
    throw new UserFacingError(
      directiveCreate.organisationMissing(request.organisationId),
      'unknown-organisation',
    );
  const model = await dashboardModelFor(deps, organisation, now);
  // The year to date, in Vietnam: on 1 January the tab starts the new year.
  const year = Number(vietnamDateOf(now).slice(0, 4));
  const { model: evaluation } = await evaluateUnits(deps, {
    organisationId: organisation.id,
    range: yearRange(year),
  });
  const calls: CallCount = { sheets: 0, drive: 0 };
  let spreadsheetId = organisation.dashboardSpreadsheetId;
  let spreadsheetUrl = organisation.dashboardSpreadsheetUrl;
  const created = !spreadsheetId;
  if (!spreadsheetId) {
    // Recorded the moment it exists: a failure after this finds it next time instead of making another one.
    ({ spreadsheetId, spreadsheetUrl } = await createInHome(deps, calls, (parentId) =>
      createSpreadsheetFile(deps.clients, { title: dashboardTitle(organisation.name), parentId }),
    ));
    await setDashboardSpreadsheet(deps.db, organisation.id, { spreadsheetId, spreadsheetUrl });
  }
  const id = spreadsheetId;
  const result = (unchanged: boolean, sheetsReads: number, sheetsWrites: number): BuildDashboardResult => ({
    spreadsheetId: id,
    spreadsheetUrl: spreadsheetUrl ?? `https://docs.google.com/spreadsheets/d/${id}/edit`,
    created,
    unchanged,
    model,
    evaluation,
    calls: { sheetsReads, sheetsWrites, driveCalls: calls.drive },
  });
  const requests = (evaluationChartIds: readonly number[]) => [
    ...dashboardRequests(model),
    ...evaluationRequests(evaluation, { sheetId: EVALUATION_SHEET_ID, existingChartIds: evaluationChartIds }),
  ];
  const fingerprint = contentFingerprint(model, evaluation);
  if (request.skipUnchanged && !created && organisation.dashboardFingerprint === fingerprint) {
    return result(true, 0, 0);
  }
  const chartIds = !created && organisation.dashboardEvaluationChart ? [EVALUATION_CHART_ID] : [];
  let reads = 0;
  let writes = 0;
  try {
    const shape = created ? [...dashboardShapeRequests(organisation.name), ...registerShape()] : [];
    writes += await sendBatchUpdate(deps.clients, id, [...shape, ...requests(chartIds)]);
  } catch (error) {
    // A tab deleted by hand (or a shaping that never went through), or the evaluation's chart removed, makes the
    // rewrite fail: read what the spreadsheet holds, shape it again (adding the missing tabs) and rewrite, deleting
    // only the charts that are there.
    if (created) throw error;
    writes += 1;
    reads += 1;
    const state = await readDashboardTabs(deps.clients, id);
    if (state.complete && sameIds(state.evaluationChartIds, chartIds)) throw error;
    writes += await sendBatchUpdate(deps.clients, id, [
      ...dashboardShapeRequests(organisation.name, state.present),
      ...(state.present.has(REGISTER_SHEET_ID) ? [] : registerShape()),
      ...requests(state.evaluationChartIds),
    ]);
  }
  // The write drew the evaluation's chart: the next rewrite deletes it first.
  if (organisation.dashboardFingerprint !== fingerprint || organisation.dashboardEvaluationChart !== true) {
    await setDashboardFingerprint(deps.db, organisation.id, fingerprint, { evaluationChart: true });
  }
  await shareWithCoordinator(deps, calls, organisation, id);
  return result(false, reads, writes);
}

/**
 * Shares the dashboard with the organisation's coordinator once (after its first complete write), unless the
 * coordinator is the account theodoi acts as, who owns it.
 */
async function shareWithCoordinator(
  deps: BuildDashboardDeps,
  calls: CallCount,
  organisation: StoredOrganisation,
  spreadsheetId: string,
): Promise<void> {
  const coordinator = organisation.coordinator.email && normaliseAddress(organisation.coordinator.email);
  if (!coordinator || coordinator === normaliseAddress(deps.actingAccount)) return;
  if ((organisation.dashboardSharedWith ?? []).includes(coordinator)) return;
  calls.drive += 1;
  await shareAsWriter(
    deps.clients,
    spreadsheetId,
    coordinator,
    sharing.dashboardEmail(organisation.name),
    deps.sharingRetry ?? SHARING_RETRY,
  );
  await setDashboardSharedWith(deps.db, organisation.id, [
    ...(organisation.dashboardSharedWith ?? []),
    coordinator,
  ]);
}

/** The register tab's header, hints, tick boxes and the forms' dropdown, for a register tab just added. */
function registerShape() {
  return registerShapeRequests(formsFor({ tasks: [] }, listTemplates()).map((f) => f.title));
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * A hash of everything the rewrite would write except the "Cập nhật lúc" lines, and without the chart's bookkeeping
 * (which charts are deleted first), so a rebuild where nothing else changed writes nothing.
 */
function contentFingerprint(model: DashboardModel, evaluation: EvaluationModel): string {
  const timeless = [
    dashboardRequests({ ...model, generatedAt: new Date(0) }),
    evaluationRequests(
      { ...evaluation, generatedAt: new Date(0) },
      { sheetId: EVALUATION_SHEET_ID, existingChartIds: [] },
    ),
  ];
  return createHash('sha256').update(JSON.stringify(timeless)).digest('base64url');
}

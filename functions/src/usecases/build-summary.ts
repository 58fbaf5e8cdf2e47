/**
 * buildSummary: rewrites a directive's Tổng hợp tab for one period from what Firestore holds — one Sheets read
 * (the tab's charts, to replace them) and one batchUpdate with everything else.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { loadTemplate as loadShippedTemplate } from '@theodoi/sheets-schema/registry';
import type { Template } from '@theodoi/sheets-schema/template-format';
import type { Clock } from '../clock.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import { periodAt, type Period } from '../domain/periods/index.js';
import { directivePeriodOf, isTaskDirective } from '../domain/tasks/task-rows.js';
import type { TaskSummaryModel } from '../domain/tasks/task-summary.js';
import { taskSummaryRequests } from '../sheets/layout/task-summary-tab.js';
import { taskSummaryFor } from './task-summary.js';
import { buildSummaryModel, type SummaryModel } from '../domain/summary/index.js';
import { summary as msg, syncErrors } from '../messages.vi.js';
import type { GoogleClients } from '../sheets/api/clients.js';
import {
  summaryRequests,
  type SummaryRequestOptions,
  type SummaryTarget,
} from '../sheets/layout/summary-tab.js';
import { sendBatchUpdate } from '../sheets/api/batch-update.js';
import { readSummaryTarget } from '../sheets/api/summary-tab-charts.js';
import { getDirective, type DirectiveRecord } from '../store/directives.js';
import { loadSummaryReports } from '../store/reports.js';
import { getOrganisation, listUnits } from '../store/units.js';
import { UserFacingError } from './errors.js';
import { withOwnWrites } from './own-writes.js';

/** What the summary needs. */
export interface BuildSummaryDeps {
  db: Firestore;
  clients: GoogleClients;
  clock: Clock;
  calendar: WorkingCalendar;
  /** Working days before a deadline that count as "sắp đến hạn" (the status module's default when absent). */
  dueSoonWorkingDays?: number;
  /** Finds a directive's template; the shipped registry when absent. */
  loadTemplate?: (ref: string) => Template;
}

/** Which summary to build. */
export interface BuildSummaryRequest {
  directiveId: string;
  /** The period to summarise; by default the period due now. */
  periodKey?: string;
}

/** What one summary did. */
export interface BuildSummaryResult {
  /** A directive of tasks: the Tổng hợp written (by task and by unit). */
  tasks?: TaskSummaryModel;
  model: SummaryModel;
  spreadsheetId: string;
  /** Requests in the one batchUpdate. */
  requests: number;
  /** Sheets calls, and Drive files.get calls telling theodoi's own write from others' (decision 011). */
  calls: { sheetsReads: number; sheetsWrites: number; driveReads: number };
}

/** Rewrites the Tổng hợp tab of `request.directiveId` for one period; returns the model and the calls made. */
export async function buildSummary(
  deps: BuildSummaryDeps,
  request: BuildSummaryRequest,
): Promise<BuildSummaryResult> {
  const now = deps.clock.now();
  const directive = await getDirective(deps.db, request.directiveId);
  if (!directive)
    throw new UserFacingError(syncErrors.unknownDirective(request.directiveId), 'unknown-directive');
  const period = summaryPeriod(directive, request.periodKey, now, deps.calendar);
  const [model, target] = await Promise.all([
    summaryModelFor(deps, directive, period, now),
    summaryTarget(deps.clients, directive.spreadsheetId),
  ]);
  // A directive of tasks has its own Tổng hợp (by task and by unit), as the sync and the check write it.
  const tasks = isTaskDirective(directive) ? await taskSummaryFor(deps, directive, now) : undefined;
  const requests = tasks
    ? taskSummaryRequests(tasks, target.sheetId)
    : summaryRequests(model, target, summaryOptions(deps, directive));
  const written = await withOwnWrites(deps, directive, requests.length > 0, async () => {
    const applied = await sendBatchUpdate(deps.clients, directive.spreadsheetId, requests);
    return { applied };
  });
  return {
    model,
    ...(tasks ? { tasks } : {}),
    spreadsheetId: directive.spreadsheetId,
    requests: requests.length,
    calls: { sheetsReads: 1, sheetsWrites: written.applied, driveReads: written.ownWrites.driveReads },
  };
}

/**
 * The summary model of `period` from what Firestore holds now (units, group names, the period's reports); for
 * callers that send the Tổng hợp requests in their own batchUpdate (the sync), with summaryRequests.
 */
export async function summaryModelFor(
  deps: Pick<BuildSummaryDeps, 'db' | 'calendar' | 'dueSoonWorkingDays' | 'loadTemplate'>,
  directive: DirectiveRecord,
  period: Period,
  now: Date,
): Promise<SummaryModel> {
  const template = (deps.loadTemplate ?? loadShippedTemplate)(directive.template);
  const [units, organisation, reports] = await Promise.all([
    listUnits(deps.db, directive.organisation, { includeInactive: true }),
    getOrganisation(deps.db, directive.organisation),
    loadSummaryReports(deps.db, directive.id, period.key),
  ]);
  const groupNames = new Map((organisation?.groups ?? []).map((g) => [g.id, g.name]));
  return buildSummaryModel({
    directive,
    period,
    template,
    units,
    groupNames,
    reports,
    now,
    calendar: deps.calendar,
    ...(deps.dueSoonWorkingDays === undefined ? {} : { dueSoonWorkingDays: deps.dueSoonWorkingDays }),
  });
}

/** The layout options of a directive's summary: its key-figure columns as wide as on the report tab. */
export function summaryOptions(
  deps: Pick<BuildSummaryDeps, 'loadTemplate'>,
  directive: Pick<DirectiveRecord, 'template'>,
): SummaryRequestOptions {
  const template = (deps.loadTemplate ?? loadShippedTemplate)(directive.template);
  return {
    figureWidths: template.keyFigures.map((k) => template.columns.find((c) => c.key === k)?.width ?? 120),
  };
}

/** The period asked for, or the one due now; a Vietnamese error when there is none (summary and report alike). */
export function summaryPeriod(
  directive: DirectiveRecord,
  periodKey: string | undefined,
  now: Date,
  calendar: WorkingCalendar,
): Period {
  if (periodKey) {
    try {
      return directivePeriodOf(directive, periodKey, calendar);
    } catch {
      throw new UserFacingError(msg.noPeriod(periodKey), 'no-period');
    }
  }
  const period = periodAt(directive.schedule, now, calendar);
  if (!period) throw new UserFacingError(msg.nothingOpen, 'nothing-open');
  return period;
}

/** The Tổng hợp tab's charts, read in one call so the rewrite can delete them; fails when the tab is gone. */
async function summaryTarget(clients: GoogleClients, spreadsheetId: string): Promise<SummaryTarget> {
  const target = await readSummaryTarget(clients, spreadsheetId);
  if (!target) throw new UserFacingError(msg.tabMissing, 'summary-tab-missing');
  return target;
}

/**
 * The sync's one write: the status cells it changed, followed by the rewritten Tổng hợp tab in the same
 * batchUpdate, so leadership's figures follow every change at no extra Sheets call. The statuses never
 * depend on the summary: if the combined write is refused, the statuses are written alone.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { Firestore } from 'firebase-admin/firestore';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import { directivePeriodOf, isTaskDirective } from '../domain/tasks/task-rows.js';
import { taskSummaryRequests } from '../sheets/layout/task-summary-tab.js';
import { taskSummaryFor } from './task-summary.js';
import type { GoogleClients } from '../sheets/api/clients.js';
import { SUMMARY_SHEET_ID } from '../sheets/layout/new-spreadsheet.js';
import { SUMMARY_CHART_ID, summaryRequests } from '../sheets/layout/summary-tab.js';
import { sendBatchUpdate } from '../sheets/api/batch-update.js';
import { GoogleApiError } from '../sheets/api/google-error.js';
import { directivePath } from '../store/paths.js';
import type { DirectiveRecord } from '../store/directives.js';
import { summaryModelFor, summaryOptions } from './build-summary.js';

/** What the write did. */
export interface SyncWrite {
  sheetsWrites: number;
  /** Writes that changed the spreadsheet (a refused batchUpdate changes nothing), each a new Drive version. */
  applied: number;
  firestoreWrites: number;
  /** Whether the Tổng hợp tab was rewritten. */
  summary: boolean;
}

/** Writes `statusRequests` and, when there are any, the summary of `periodKey`; nothing when there are none. */
export async function writeStatusesAndSummary(
  deps: { db: Firestore; clients: GoogleClients; calendar: WorkingCalendar },
  directive: DirectiveRecord,
  periodKey: string,
  statusRequests: sheets_v4.Schema$Request[],
  now: Date,
): Promise<SyncWrite> {
  if (statusRequests.length === 0) return { sheetsWrites: 0, applied: 0, firestoreWrites: 0, summary: false };
  if (isTaskDirective(directive)) {
    // A directive of tasks: its Tổng hợp is a table by task and by unit, no chart (usecases/task-summary.ts).
    const summary = taskSummaryRequests(await taskSummaryFor(deps, directive, now), SUMMARY_SHEET_ID);
    await sendBatchUpdate(deps.clients, directive.spreadsheetId, [...statusRequests, ...summary]);
    return { sheetsWrites: 1, applied: 1, firestoreWrites: 0, summary: true };
  }
  const hasChart = directive.summaryChart === true;
  const summary = summaryRequests(
    await summaryModelFor(deps, directive, directivePeriodOf(directive, periodKey, deps.calendar), now),
    { sheetId: SUMMARY_SHEET_ID, existingChartIds: hasChart ? [SUMMARY_CHART_ID] : [] },
    summaryOptions({}, directive),
  );
  try {
    await sendBatchUpdate(deps.clients, directive.spreadsheetId, [...statusRequests, ...summary]);
  } catch (error) {
    if (!(error instanceof GoogleApiError && error.code === 'invalid')) throw error;
    // Someone removed the chart or reshaped the tab: keep the officers' statuses, rebuild the chart next time.
    await sendBatchUpdate(deps.clients, directive.spreadsheetId, statusRequests);
    if (hasChart) await deps.db.doc(directivePath(directive.id)).update({ summaryChart: false });
    return { sheetsWrites: 2, applied: 1, firestoreWrites: hasChart ? 1 : 0, summary: false };
  }
  if (!hasChart) await deps.db.doc(directivePath(directive.id)).update({ summaryChart: true });
  return { sheetsWrites: 1, applied: 1, firestoreWrites: hasChart ? 0 : 1, summary: true };
}

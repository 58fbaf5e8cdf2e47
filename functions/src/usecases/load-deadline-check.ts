/**
 * The load step of the deadline check: what the planner (domain/deadlines/plan-check.ts) takes from Firestore —
 * the stored reports, flags and open notices — and from the sheet: one read of every opened period's code and
 * "Tình hình báo cáo" columns. Every Firestore step runs under a deadline.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { tabsToAdopt, type DeadlineCheckInput } from '../domain/deadlines/plan-check.js';
import type { Period } from '../domain/periods/index.js';
import type { GoogleClients } from '../sheets/api/clients.js';
import { listTabs } from '../sheets/api/list-tabs.js';
import { readReportColumns } from '../sheets/api/read-columns.js';
import { nextReportSheetId } from '../sheets/layout/period-tab.js';
import { FIRST_UNIT_ROW, SYSTEM_KEYS } from '../sheets/layout/report-tab.js';
import { firestoreStep } from '../store/deadline.js';
import type { DirectiveRecord } from '../store/directives.js';
import { loadFlags } from '../store/flags.js';
import { loadOpenNotices } from '../store/notices.js';
import { loadReports } from '../store/reports.js';

/** What the planner takes from Firestore and the sheet, and the Sheets reads it cost. */
export interface LoadedDeadlineCheck {
  input: Pick<
    DeadlineCheckInput,
    'reports' | 'flags' | 'columns' | 'keys' | 'firstUnitRow' | 'nextSheetId' | 'presentTabs' | 'notices'
  >;
  sheetsReads: number;
}

/**
 * The load: the stored reports, flags and open notices, and one read of every opened period's code and status
 * columns. A tab to open whose columns were read anyway costs one more read: the tab list, for its sheet id.
 */
export async function loadDeadlineCheck(
  deps: { db: Firestore; clients: GoogleClients; firestoreTimeoutMs?: number },
  directive: DirectiveRecord,
  periods: readonly Period[],
): Promise<LoadedDeadlineCheck> {
  const store = firestoreStep(deps);
  const keys = periods.map((p) => p.key);
  const [read, reports, flags, notices] = await Promise.all([
    readReportColumns(deps.clients, directive.spreadsheetId, keys, [SYSTEM_KEYS.code, SYSTEM_KEYS.deadline]),
    store(loadReports(deps.db, directive.id, keys), 'reading the stored reports'),
    store(loadFlags(deps.db, directive.id, keys), 'reading the flags'),
    store(loadOpenNotices(deps.db, directive.id), 'reading the notices'),
  ]);
  const input: LoadedDeadlineCheck['input'] = {
    reports,
    flags,
    columns: new Map([...read].map(([periodKey, r]) => [periodKey, r.columns])),
    keys: { code: SYSTEM_KEYS.code, deadline: SYSTEM_KEYS.deadline },
    firstUnitRow: FIRST_UNIT_ROW,
    nextSheetId: nextReportSheetId(directive.tabs),
    notices,
  };
  if (tabsToAdopt({ directive, periods, ...input }).length === 0) return { input, sheetsReads: 1 };
  // Rare: a tab added by a check that failed before recording it. Its sheet id is read, not guessed.
  const present = await listTabs(deps.clients, directive.spreadsheetId);
  return {
    input: { ...input, presentTabs: new Map(present.map((t) => [t.title, t.sheetId])) },
    sheetsReads: 2,
  };
}

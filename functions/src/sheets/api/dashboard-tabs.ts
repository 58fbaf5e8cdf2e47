/**
 * The dashboard spreadsheet as it stands after a refused rewrite: which of its tabs are there (the others were
 * deleted by hand, or its shaping never went through) and the charts left on its "Đánh giá đơn vị" tab (one
 * spreadsheets.get).
 */
import { DASHBOARD_TABS } from '../layout/dashboard.js';
import { EVALUATION_SHEET_ID } from '../layout/evaluation-layout.js';
import type { GoogleClients } from './clients.js';
import { readSheetCharts } from './sheet-charts.js';

/** What the repair of a refused dashboard rewrite needs to know. */
export interface DashboardTabsState {
  /** Sheet ids of the tabs the spreadsheet has now. */
  present: ReadonlySet<number>;
  /** Whether every one of the dashboard's tabs is there. */
  complete: boolean;
  /** Ids of the charts on the evaluation tab now (none when the tab is gone). */
  evaluationChartIds: number[];
}

/** Reads which tabs the dashboard has and which charts its evaluation tab holds (one spreadsheets.get). */
export async function readDashboardTabs(
  clients: GoogleClients,
  spreadsheetId: string,
): Promise<DashboardTabsState> {
  const charts = await readSheetCharts(clients, spreadsheetId);
  const present = new Set(charts.keys());
  return {
    present,
    complete: DASHBOARD_TABS.every((t) => present.has(t.sheetId ?? -1)),
    evaluationChartIds: charts.get(EVALUATION_SHEET_ID) ?? [],
  };
}

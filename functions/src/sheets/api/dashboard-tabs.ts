/**
 * The dashboard spreadsheet as it stands after a refused rewrite: its tabs deleted by hand (as addSheet requests)
 * and the charts left on its "Đánh giá đơn vị" tab (one spreadsheets.get).
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { dashboardCreateBody } from '../layout/dashboard.js';
import { EVALUATION_SHEET_ID } from '../layout/evaluation-layout.js';
import type { GoogleClients } from './clients.js';
import { readSheetCharts } from './sheet-charts.js';

/** What the repair of a refused dashboard rewrite needs to know. */
export interface DashboardTabsState {
  /** addSheet requests for the dashboard's tabs no longer there. */
  missing: sheets_v4.Schema$Request[];
  /** Ids of the charts on the evaluation tab now (none when the tab is gone). */
  evaluationChartIds: number[];
}

/** Reads which of the dashboard's tabs are gone and which charts its evaluation tab holds (one spreadsheets.get). */
export async function readDashboardTabs(
  clients: GoogleClients,
  spreadsheetId: string,
): Promise<DashboardTabsState> {
  const charts = await readSheetCharts(clients, spreadsheetId);
  return {
    missing: (dashboardCreateBody('').sheets ?? [])
      .filter((s) => !charts.has(s.properties?.sheetId ?? -1))
      .map((s) => ({ addSheet: { properties: { ...s.properties } } })),
    evaluationChartIds: charts.get(EVALUATION_SHEET_ID) ?? [],
  };
}

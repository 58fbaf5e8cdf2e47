/** Reads which charts the Tổng hợp tab holds, so its rewrite can delete them first (one spreadsheets.get). */
import { SUMMARY_SHEET_ID } from '../layout/new-spreadsheet.js';
import type { SummaryTarget } from '../layout/summary-tab.js';
import type { GoogleClients } from './clients.js';
import { readSheetCharts } from './sheet-charts.js';

/** The Tổng hợp tab and its chart ids; undefined when the tab is gone. */
export async function readSummaryTarget(
  clients: GoogleClients,
  spreadsheetId: string,
): Promise<SummaryTarget | undefined> {
  const charts = (await readSheetCharts(clients, spreadsheetId)).get(SUMMARY_SHEET_ID);
  return charts ? { sheetId: SUMMARY_SHEET_ID, existingChartIds: charts } : undefined;
}

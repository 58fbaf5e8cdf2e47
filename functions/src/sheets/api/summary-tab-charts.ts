/** Reads which charts the Tổng hợp tab holds, so its rewrite can delete them first (one spreadsheets.get). */
import { SUMMARY_SHEET_ID } from '../layout/new-spreadsheet.js';
import type { SummaryTarget } from '../layout/summary-tab.js';
import type { GoogleClients } from './clients.js';
import { callGoogle } from './retry.js';

/** The Tổng hợp tab and its chart ids; undefined when the tab is gone. */
export async function readSummaryTarget(
  clients: GoogleClients,
  spreadsheetId: string,
): Promise<SummaryTarget | undefined> {
  const res = await callGoogle(
    () =>
      clients.sheets.spreadsheets.get({ spreadsheetId, fields: 'sheets(properties.sheetId,charts.chartId)' }),
    'repeatable',
    clients.retry,
  );
  const tab = res.data.sheets?.find((s) => s.properties?.sheetId === SUMMARY_SHEET_ID);
  if (!tab) return undefined;
  return {
    sheetId: SUMMARY_SHEET_ID,
    existingChartIds: (tab.charts ?? []).flatMap((c) => (typeof c.chartId === 'number' ? [c.chartId] : [])),
  };
}

/** The dashboard spreadsheet's tabs that are no longer there (deleted by hand), as addSheet requests. */
import type { sheets_v4 } from '@googleapis/sheets';
import { dashboardCreateBody } from '../layout/dashboard.js';
import type { GoogleClients } from './clients.js';
import { callGoogle } from './retry.js';

/** addSheet requests for the dashboard's tabs missing from `spreadsheetId` (one spreadsheets.get). */
export async function missingDashboardTabs(
  clients: GoogleClients,
  spreadsheetId: string,
): Promise<sheets_v4.Schema$Request[]> {
  const res = await callGoogle(
    () => clients.sheets.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties.sheetId' }),
    'repeatable',
    clients.retry,
  );
  const present = new Set((res.data.sheets ?? []).map((s) => s.properties?.sheetId));
  return (dashboardCreateBody('').sheets ?? [])
    .filter((s) => !present.has(s.properties?.sheetId))
    .map((s) => ({ addSheet: { properties: { ...s.properties } } }));
}

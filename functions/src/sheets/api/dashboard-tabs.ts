/** The dashboard spreadsheet shaped again after its tabs were deleted by hand, or its shaping never went through. */
import type { sheets_v4 } from '@googleapis/sheets';
import { dashboardShapeRequests } from '../layout/dashboard.js';
import type { GoogleClients } from './clients.js';
import { sheetIdsOf } from './create-spreadsheet.js';

/**
 * The requests that give `spreadsheetId` the dashboard's shape again, from the tabs it has now (one
 * spreadsheets.get): missing tabs added back, present ones retitled, locale and time zone set.
 */
export async function dashboardRepairRequests(
  clients: GoogleClients,
  spreadsheetId: string,
  organisationName: string,
): Promise<sheets_v4.Schema$Request[]> {
  return dashboardShapeRequests(organisationName, await sheetIdsOf(clients, spreadsheetId));
}

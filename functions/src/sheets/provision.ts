/** Creates a directive's spreadsheet from its plan: one create, one batchUpdate, and one permission per writer. */
import type { GoogleClients } from './clients.js';
import type { ProvisionPlan, ReportTab } from './provision-plan.js';

/** What provisioning made, and what it cost. */
export interface ProvisionResult {
  spreadsheetId: string;
  spreadsheetUrl: string;
  tabs: ReportTab[];
  calls: { sheets: number; drive: number };
}

/** Runs the plan against the APIs. Sharing comes last, so nobody opens a half-built spreadsheet. */
export async function provisionSpreadsheet(
  clients: GoogleClients,
  plan: ProvisionPlan,
): Promise<ProvisionResult> {
  const created = await clients.sheets.spreadsheets.create({
    requestBody: plan.create,
    fields: 'spreadsheetId,spreadsheetUrl',
  });
  const spreadsheetId = created.data.spreadsheetId;
  if (!spreadsheetId) throw new Error('spreadsheets.create returned no spreadsheetId');
  await clients.sheets.spreadsheets.batchUpdate({
    spreadsheetId,
    requestBody: { requests: plan.requests, includeSpreadsheetInResponse: false },
    fields: 'spreadsheetId',
  });
  for (const emailAddress of plan.writers) {
    await clients.drive.permissions.create({
      fileId: spreadsheetId,
      sendNotificationEmail: false,
      requestBody: { type: 'user', role: 'writer', emailAddress },
      fields: 'id',
    });
  }
  return {
    spreadsheetId,
    spreadsheetUrl:
      created.data.spreadsheetUrl ?? `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`,
    tabs: plan.tabs,
    calls: { sheets: 2, drive: plan.writers.length },
  };
}

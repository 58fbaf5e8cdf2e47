/** Creates a directive's spreadsheet from its plan: one create, one batchUpdate, and one permission per writer. */
import type { ProvisionPlan, ReportTab } from '../layout/new-spreadsheet.js';
import { sendBatchUpdate } from './batch-update.js';
import type { GoogleClients } from './clients.js';
import { callGoogle } from './retry.js';

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
  const created = await createSpreadsheet(clients, plan.create);
  await sendBatchUpdate(clients, created.spreadsheetId, plan.requests);
  for (const emailAddress of plan.writers) await shareAsWriter(clients, created.spreadsheetId, emailAddress);
  return { ...created, tabs: plan.tabs, calls: { sheets: 2, drive: plan.writers.length } };
}

/** spreadsheets.create, not repeated (a repeat after a lost answer would make a second spreadsheet). */
export async function createSpreadsheet(
  clients: GoogleClients,
  body: ProvisionPlan['create'],
): Promise<{ spreadsheetId: string; spreadsheetUrl: string }> {
  const created = await callGoogle(
    () => clients.sheets.spreadsheets.create({ requestBody: body, fields: 'spreadsheetId,spreadsheetUrl' }),
    'once',
  );
  const spreadsheetId = created.data.spreadsheetId;
  if (!spreadsheetId) throw new Error('spreadsheets.create returned no spreadsheetId');
  return {
    spreadsheetId,
    spreadsheetUrl:
      created.data.spreadsheetUrl ?? `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`,
  };
}

/** Shares a file with one person as a writer, without Drive's notification e-mail. */
export async function shareAsWriter(
  clients: GoogleClients,
  fileId: string,
  emailAddress: string,
): Promise<void> {
  await callGoogle(
    () =>
      clients.drive.permissions.create({
        fileId,
        sendNotificationEmail: false,
        requestBody: { type: 'user', role: 'writer', emailAddress },
        fields: 'id',
      }),
    'once',
  );
}

/**
 * A spreadsheet created the way Google allows (decision 003): an empty spreadsheet file made with Drive files.create
 * in theodoi's folder or shared drive, owned by the acting account (or the drive), then shaped by the caller's one
 * Sheets batchUpdate (sheets/layout/new-spreadsheet.ts).
 */
import type { GoogleClients } from './clients.js';
import { createDriveFile, MIME } from './drive-files.js';
import { callGoogle } from './retry.js';

/** A spreadsheet that exists. */
export interface CreatedSpreadsheet {
  spreadsheetId: string;
  spreadsheetUrl: string;
}

/** A spreadsheet just created, with its Drive version as created when Drive tells it (decision 011). */
export type NewSpreadsheet = CreatedSpreadsheet & { version?: string };

/** The address people open a spreadsheet at. */
export function spreadsheetUrlOf(spreadsheetId: string): string {
  return `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`;
}

/** Creates an empty spreadsheet titled `title` in `parentId` (one Drive call, not repeated). */
export async function createSpreadsheetFile(
  clients: GoogleClients,
  file: { title: string; parentId: string },
): Promise<NewSpreadsheet> {
  const created = await createDriveFile(clients, {
    name: file.title,
    mimeType: MIME.spreadsheet,
    parentId: file.parentId,
  });
  return {
    spreadsheetId: created.id,
    spreadsheetUrl: spreadsheetUrlOf(created.id),
    ...(created.version ? { version: created.version } : {}),
  };
}

/** The sheet ids a spreadsheet has now (one spreadsheets.get): whether its shaping already went through. */
export async function sheetIdsOf(clients: GoogleClients, spreadsheetId: string): Promise<Set<number>> {
  const res = await callGoogle(
    () => clients.sheets.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties.sheetId' }),
    'repeatable',
    clients.retry,
  );
  // proto3 JSON may leave out a sheetId of 0.
  return new Set((res.data.sheets ?? []).map((s) => s.properties?.sheetId ?? 0));
}

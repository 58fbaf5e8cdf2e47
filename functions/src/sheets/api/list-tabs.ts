/** Lists the tabs a spreadsheet has now (one spreadsheets.get of their ids, titles and positions). */
import type { GoogleClients } from './clients.js';
import { callGoogle } from './retry.js';

/** One tab of a spreadsheet as it is now. */
export interface PresentTab {
  sheetId: number;
  title: string;
  index: number;
}

/** Every tab of the spreadsheet, in tab order. */
export async function listTabs(clients: GoogleClients, spreadsheetId: string): Promise<PresentTab[]> {
  const res = await callGoogle(
    () =>
      clients.sheets.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties(sheetId,title,index)' }),
    'repeatable',
    clients.retry,
  );
  return (res.data.sheets ?? [])
    .flatMap(({ properties: p }) =>
      p?.sheetId != null && p.title != null
        ? [{ sheetId: p.sheetId, title: p.title, index: p.index ?? 0 }]
        : [],
    )
    .sort((a, b) => a.index - b.index);
}

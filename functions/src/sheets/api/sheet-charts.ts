/** Which tabs a spreadsheet has and the charts on each (one spreadsheets.get, ids only). */
import type { GoogleClients } from './clients.js';
import { callGoogle } from './retry.js';

/** Each tab's sheet id → the ids of the charts on it. */
export async function readSheetCharts(
  clients: GoogleClients,
  spreadsheetId: string,
): Promise<Map<number, number[]>> {
  const res = await callGoogle(
    () =>
      clients.sheets.spreadsheets.get({ spreadsheetId, fields: 'sheets(properties.sheetId,charts.chartId)' }),
    'repeatable',
    clients.retry,
  );
  return new Map(
    (res.data.sheets ?? []).flatMap((s) =>
      typeof s.properties?.sheetId === 'number'
        ? [
            [
              s.properties.sheetId,
              (s.charts ?? []).flatMap((c) => (typeof c.chartId === 'number' ? [c.chartId] : [])),
            ] as [number, number[]],
          ]
        : [],
    ),
  );
}

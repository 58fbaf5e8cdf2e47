/** Sends a spreadsheet's requests in one spreadsheets.batchUpdate: statuses, new tabs, Tổng hợp, the dashboard. */
import type { sheets_v4 } from '@googleapis/sheets';
import type { GoogleClients } from './clients.js';
import { callGoogle } from './retry.js';

/**
 * Sends `requests` in one batchUpdate; nothing when there are none. Returns the number of calls made (0 or 1).
 * Repeatable: every request theodoi sends sets cells, formats and tabs to absolute values, or fails as a whole.
 */
export async function sendBatchUpdate(
  clients: GoogleClients,
  spreadsheetId: string,
  requests: sheets_v4.Schema$Request[],
): Promise<number> {
  if (requests.length === 0) return 0;
  const body = jsonBody({ requests });
  await callGoogle(
    () =>
      clients.sheets.spreadsheets.batchUpdate(
        { spreadsheetId, requestBody: body, fields: 'spreadsheetId' },
        { headers: { 'content-type': 'application/json' } },
      ),
    'repeatable',
    clients.retry,
  );
  return 1;
}

/**
 * A request body serialised once, as the UTF-8 bytes the client would send. Given the object, googleapis-common
 * and gaxios each deep-copy it before gaxios serialises it: for a 5,000-unit sync (~5 MB of JSON) that is two
 * more copies of tens of thousands of objects plus a two-byte string of the whole body. A Buffer is passed
 * through untouched (the content type is then set by the caller).
 */
function jsonBody(body: sheets_v4.Schema$BatchUpdateSpreadsheetRequest) {
  return Buffer.from(JSON.stringify(body)) as sheets_v4.Schema$BatchUpdateSpreadsheetRequest;
}

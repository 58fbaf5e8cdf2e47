/** Routing of raw (percent-encoded) Sheets v4 paths to discovery method ids and decoded path parameters. */
import type { SheetsRoute } from '../types.js';

const SPREADSHEET_VERBS: Record<string, string> = {
  batchUpdate: 'sheets.spreadsheets.batchUpdate',
  getByDataFilter: 'sheets.spreadsheets.getByDataFilter',
};

const VALUES_VERBS: Record<string, { method: string; http: string }> = {
  batchGet: { method: 'sheets.spreadsheets.values.batchGet', http: 'GET' },
  batchUpdate: { method: 'sheets.spreadsheets.values.batchUpdate', http: 'POST' },
  batchClear: { method: 'sheets.spreadsheets.values.batchClear', http: 'POST' },
  batchGetByDataFilter: { method: 'sheets.spreadsheets.values.batchGetByDataFilter', http: 'POST' },
  batchUpdateByDataFilter: { method: 'sheets.spreadsheets.values.batchUpdateByDataFilter', http: 'POST' },
  batchClearByDataFilter: { method: 'sheets.spreadsheets.values.batchClearByDataFilter', http: 'POST' },
};

const RANGE_VERBS: Record<string, string> = {
  append: 'sheets.spreadsheets.values.append',
  clear: 'sheets.spreadsheets.values.clear',
};

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** Splits "x:verb" into [x, verb] when verb is in `verbs`; otherwise [x, undefined]. */
function splitVerb(s: string, verbs: Record<string, unknown>): [string, string | undefined] {
  const colon = s.lastIndexOf(':');
  if (colon < 0) return [s, undefined];
  const verb = s.slice(colon + 1);
  return verb in verbs ? [s.slice(0, colon), verb] : [s, undefined];
}

function r(methodId: string, params: Record<string, string>): SheetsRoute {
  return { methodId, params };
}

/**
 * Maps an HTTP method and a raw path (with or without the leading "/v4/", query ignored) to a Sheets route,
 * or null. Each path parameter is one segment, as in Google's URL templates: a trailing `/` or a `/` left
 * unencoded in a range matches no method (Google answers 404).
 */
export function routeSheets(httpMethod: string, rawPath: string): SheetsRoute | null {
  const method = httpMethod.toUpperCase();
  let path = rawPath.split('?')[0]!.replace(/^\/+/, '');
  if (path.startsWith('v4/')) path = path.slice(3);
  if (path === 'spreadsheets') return method === 'POST' ? r('sheets.spreadsheets.create', {}) : null;
  if (!path.startsWith('spreadsheets/')) return null;
  const rest = path.slice('spreadsheets/'.length);
  const m = /^([^/:]+)(.*)$/.exec(rest);
  if (!m) return null;
  const spreadsheetId = decode(m[1]!);
  if (spreadsheetId === null) return null;
  const tail = m[2]!;
  const p = { spreadsheetId };

  // {id}, {id}:verb
  if (tail === '') return method === 'GET' ? r('sheets.spreadsheets.get', p) : null;
  if (tail.startsWith(':')) {
    const id = SPREADSHEET_VERBS[tail.slice(1)];
    return id && method === 'POST' ? r(id, p) : null;
  }
  const sub = tail.slice(1);

  if (sub.startsWith('values:')) {
    const v = VALUES_VERBS[sub.slice('values:'.length)];
    return v && v.http === method ? r(v.method, p) : null;
  }
  if (sub.startsWith('values/')) {
    const [rawRange, verb] = splitVerb(sub.slice('values/'.length), RANGE_VERBS);
    if (rawRange === '' || rawRange.startsWith(':') || rawRange.includes('/')) return null;
    const range = decode(rawRange);
    if (range === null) return null;
    if (verb) return method === 'POST' ? r(RANGE_VERBS[verb]!, { ...p, range }) : null;
    if (method === 'GET') return r('sheets.spreadsheets.values.get', { ...p, range });
    if (method === 'PUT') return r('sheets.spreadsheets.values.update', { ...p, range });
    return null;
  }

  if (sub === 'developerMetadata:search') {
    return method === 'POST' ? r('sheets.spreadsheets.developerMetadata.search', p) : null;
  }
  const md = /^developerMetadata\/([^/:]+)$/.exec(sub);
  if (md) {
    const metadataId = decode(md[1]!);
    return metadataId !== null && method === 'GET'
      ? r('sheets.spreadsheets.developerMetadata.get', { ...p, metadataId })
      : null;
  }
  const copy = /^sheets\/([^/:]+):copyTo$/.exec(sub);
  if (copy) {
    const sheetId = decode(copy[1]!);
    return sheetId !== null && method === 'POST'
      ? r('sheets.spreadsheets.sheets.copyTo', { ...p, sheetId })
      : null;
  }
  return null;
}

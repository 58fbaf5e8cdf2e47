// Routing of raw paths: every URL form Google accepts (and the near misses it does not), percent-encoded ranges, literal method suffixes.
// (A pure function: the googleapis client cannot send the hand-written URL forms, so this calls route() itself.)
import { describe, expect, it } from 'vitest';
import { sheetsHandler } from '@theodoi/sheets-emulator/sheets/index';

const cases: [string, string, string | null, Record<string, string>?][] = [
  ['POST', '/v4/spreadsheets', 'sheets.spreadsheets.create'],
  ['GET', '/v4/spreadsheets/abc', 'sheets.spreadsheets.get', { spreadsheetId: 'abc' }],
  ['POST', '/v4/spreadsheets/abc:batchUpdate', 'sheets.spreadsheets.batchUpdate', { spreadsheetId: 'abc' }],
  [
    'POST',
    '/v4/spreadsheets/abc:getByDataFilter',
    'sheets.spreadsheets.getByDataFilter',
    { spreadsheetId: 'abc' },
  ],
  [
    'GET',
    '/v4/spreadsheets/abc/values/%27My%20Sheet%27%21A1%3AC',
    'sheets.spreadsheets.values.get',
    { spreadsheetId: 'abc', range: "'My Sheet'!A1:C" },
  ],
  [
    'GET',
    '/v4/spreadsheets/abc/values/Sheet1!A1:B2',
    'sheets.spreadsheets.values.get',
    { spreadsheetId: 'abc', range: 'Sheet1!A1:B2' },
  ],
  [
    'GET',
    '/v4/spreadsheets/abc/values/Trang%20t%C3%ADnh%201',
    'sheets.spreadsheets.values.get',
    { spreadsheetId: 'abc', range: 'Trang tính 1' },
  ],
  [
    'PUT',
    '/v4/spreadsheets/abc/values/Sheet1%21A1',
    'sheets.spreadsheets.values.update',
    { spreadsheetId: 'abc', range: 'Sheet1!A1' },
  ],
  [
    'POST',
    '/v4/spreadsheets/abc/values/Sheet1%21A1:append',
    'sheets.spreadsheets.values.append',
    { spreadsheetId: 'abc', range: 'Sheet1!A1' },
  ],
  [
    'POST',
    '/v4/spreadsheets/abc/values/Sheet1!A1:B2:append',
    'sheets.spreadsheets.values.append',
    { spreadsheetId: 'abc', range: 'Sheet1!A1:B2' },
  ],
  [
    'POST',
    '/v4/spreadsheets/abc/values/A1%3AB2:clear',
    'sheets.spreadsheets.values.clear',
    { spreadsheetId: 'abc', range: 'A1:B2' },
  ],
  [
    'GET',
    '/v4/spreadsheets/abc/values:batchGet',
    'sheets.spreadsheets.values.batchGet',
    { spreadsheetId: 'abc' },
  ],
  [
    'POST',
    '/v4/spreadsheets/abc/values:batchUpdate',
    'sheets.spreadsheets.values.batchUpdate',
    { spreadsheetId: 'abc' },
  ],
  [
    'POST',
    '/v4/spreadsheets/abc/values:batchClear',
    'sheets.spreadsheets.values.batchClear',
    { spreadsheetId: 'abc' },
  ],
  [
    'POST',
    '/v4/spreadsheets/abc/values:batchGetByDataFilter',
    'sheets.spreadsheets.values.batchGetByDataFilter',
    { spreadsheetId: 'abc' },
  ],
  [
    'POST',
    '/v4/spreadsheets/abc/values:batchUpdateByDataFilter',
    'sheets.spreadsheets.values.batchUpdateByDataFilter',
    { spreadsheetId: 'abc' },
  ],
  [
    'POST',
    '/v4/spreadsheets/abc/values:batchClearByDataFilter',
    'sheets.spreadsheets.values.batchClearByDataFilter',
    { spreadsheetId: 'abc' },
  ],
  [
    'GET',
    '/v4/spreadsheets/abc/developerMetadata/42',
    'sheets.spreadsheets.developerMetadata.get',
    { spreadsheetId: 'abc', metadataId: '42' },
  ],
  [
    'POST',
    '/v4/spreadsheets/abc/developerMetadata:search',
    'sheets.spreadsheets.developerMetadata.search',
    { spreadsheetId: 'abc' },
  ],
  [
    'POST',
    '/v4/spreadsheets/abc/sheets/0:copyTo',
    'sheets.spreadsheets.sheets.copyTo',
    { spreadsheetId: 'abc', sheetId: '0' },
  ],
  ['GET', '/v4/spreadsheets/abc:batchUpdate', null],
  ['DELETE', '/v4/spreadsheets/abc', null],
  ['POST', '/v4/spreadsheets/abc/values/A1:nope', null],
  ['GET', '/v4/spreadsheets/abc/values:batchUpdate', null],
  ['GET', '/v4/spreadsheets/abc/nothing', null],
  ['GET', '/v4/other', null],
  // Each path parameter is one segment, as in Google's URL templates: a trailing or doubled `/`, or a `/`
  // left unencoded in a range, matches no method (Google answers its HTML 404 page; see the README).
  ['POST', '/v4/spreadsheets/', null],
  ['GET', '/v4/spreadsheets/abc/', null],
  ['POST', '/v4/spreadsheets/abc/:batchUpdate', null],
  ['GET', '/v4/spreadsheets/abc/values/:batchGet', null],
  ['GET', '/v4/spreadsheets/abc/values/A1/', null],
  ['GET', '/v4/spreadsheets/abc/values/Q1/2024!A1', null],
  ['POST', '/v4/spreadsheets/abc/values:batchUpdate/', null],
  ['GET', '/v4/spreadsheets/abc/developerMetadata/42/', null],
];

describe('route', () => {
  cases.forEach(([method, path, methodId, params]) => {
    it(`${method} ${path} → ${methodId ?? 'null'}`, () => {
      const r = sheetsHandler.route(method, path);
      if (methodId === null) expect(r).toBeNull();
      else expect(r).toEqual({ methodId, params: params ?? {} });
    });
  });
});

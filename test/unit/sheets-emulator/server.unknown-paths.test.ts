// URLs that match no method, as Google serves them: a path parameter is one segment, so a trailing `/` or a
// `/` left unencoded in a range is Google's HTML 404 page; an empty Drive file id is files.get of "".
// (The googleapis client cannot send these URLs: they are what a hand-written caller sends, so fetch sends them.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../support/sheets-harness.js';
import { createSpreadsheet, startHarness, stopHarness } from '../../support/sheets-harness.js';

let h: Harness;
let id: string;

beforeAll(async () => {
  h = await startHarness();
  id = await createSpreadsheet(h.sheets, { properties: { title: 'Đường dẫn' } });
});
afterAll(async () => {
  await stopHarness(h);
});

const call = (method: string, path: string) =>
  fetch(`${h.server.url}${path}`, { method, headers: { Authorization: `Bearer ${h.token}` } });

async function expectNotFoundPage(res: Response, path: string): Promise<void> {
  expect(res.status).toBe(404);
  expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
  const page = await res.text();
  expect(page).toContain('<title>Error 404 (Not Found)!!1</title>');
  expect(page).toContain(`The requested URL <code>${path}</code> was not found on this server.`);
}

describe('paths with a segment too many', () => {
  it('answers Google’s 404 page to a spreadsheet URL with a trailing slash', async () => {
    await expectNotFoundPage(await call('GET', `/v4/spreadsheets/${id}/`), `/v4/spreadsheets/${id}/`);
    await expectNotFoundPage(
      await call('POST', `/v4/spreadsheets/${id}/:batchUpdate`),
      `/v4/spreadsheets/${id}/:batchUpdate`,
    );
  });

  it('answers it to a range with an unencoded slash in a sheet name', async () => {
    const path = `/v4/spreadsheets/${id}/values/Q1/2024!A1`;
    await expectNotFoundPage(await call('GET', path), path);
  });

  it('answers it to DELETE of a Drive file with a trailing slash, and deletes nothing', async () => {
    await expectNotFoundPage(await call('DELETE', `/drive/v3/files/${id}/`), `/drive/v3/files/${id}/`);
    const still = await h.drive.files.get({ fileId: id, fields: 'id,trashed' });
    expect(still.data).toEqual({ id, trashed: false });
  });
});

describe('an empty path parameter', () => {
  it('is a Drive files.get of "" (Drive answers "File not found: .")', async () => {
    const res = await call('GET', '/drive/v3/files/');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: {
        code: 404,
        message: 'File not found: .',
        errors: [
          {
            message: 'File not found: .',
            domain: 'global',
            reason: 'notFound',
            location: 'fileId',
            locationType: 'parameter',
          },
        ],
      },
    });
  });
});

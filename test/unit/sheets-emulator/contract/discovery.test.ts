// The discovery contract as the googleapis client sees it: unknown names, bad enums and types, fields masks,
// response filtering, credentials, unknown routes and unsupported features.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import type { Clients } from '@theodoi/test-kit/clients';
import { fakeSheets } from '../../../support/fake-sheets.js';
import { failure } from '../../../support/google-error.js';

let server: EmulatorServer;
let c: Clients;
let spreadsheetId: string;

beforeAll(async () => {
  server = await start({ accounts: 'lenient', sheets: fakeSheets });
  c = clientsFor(server, undefined, { retry: false });
  const created = await c.drive.files.create({
    requestBody: { name: 'Chỉ thị 05', mimeType: 'application/vnd.google-apps.spreadsheet' },
  });
  spreadsheetId = created.data.id ?? '';
});
afterAll(async () => {
  await server.stop();
});

describe('request bodies checked against discovery', () => {
  it('refuses an unknown field nested in a batchUpdate request, naming the proto path', async () => {
    const seen = await failure(
      c.sheets.spreadsheets.batchUpdate({
        spreadsheetId,
        requestBody: { requests: [{ addSheet: { properties: { title: 'X' }, colour: 'red' } as never }] },
      }),
    );
    expect(seen.status).toBe(400);
    expect(seen.message).toBe(
      `Invalid JSON payload received. Unknown name "colour" at 'requests[0].add_sheet': Cannot find field.`,
    );
    expect(seen.data).toEqual({
      error: {
        code: 400,
        message: seen.message,
        status: 'INVALID_ARGUMENT',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.BadRequest',
            fieldViolations: [{ field: 'requests[0].add_sheet', description: seen.message }],
          },
        ],
      },
    });
  });

  it('refuses an unknown top-level field without an "at" part', async () => {
    const seen = await failure(
      c.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests: [], reqs: [] } as never }),
    );
    expect(seen.message).toBe('Invalid JSON payload received. Unknown name "reqs": Cannot find field.');
  });

  it('refuses a bad enum value with the enum type name', async () => {
    const seen = await failure(
      c.sheets.spreadsheets.batchUpdate({
        spreadsheetId,
        requestBody: {
          requests: [
            { insertDimension: { range: { sheetId: 0, dimension: 'FOO', startIndex: 0, endIndex: 1 } } },
          ],
        },
      }),
    );
    expect(seen.status).toBe(400);
    expect(seen.message).toBe(
      `Invalid value at 'requests[0].insert_dimension.range.dimension' ` +
        `(type.googleapis.com/google.apps.sheets.v4.Dimension), "FOO"`,
    );
  });

  it('refuses strings where integers belong and numbers where strings belong, listing every problem', async () => {
    const seen = await failure(
      c.sheets.spreadsheets.batchUpdate({
        spreadsheetId,
        requestBody: {
          requests: [
            {
              addSheet: { properties: { title: 5 as never, gridProperties: { rowCount: 'many' as never } } },
            },
          ],
        },
      }),
    );
    expect(seen.message).toBe(
      `Invalid value at 'requests[0].add_sheet.properties.title' (TYPE_STRING), 5\n` +
        `Invalid value at 'requests[0].add_sheet.properties.grid_properties.row_count' (TYPE_INT32), "many"`,
    );
  });

  it('refuses a list where one value belongs', async () => {
    const seen = await failure(
      c.sheets.spreadsheets.batchUpdate({
        spreadsheetId,
        requestBody: { requests: [{ addSheet: [] as never }] },
      }),
    );
    expect(seen.message).toBe(
      `Invalid JSON payload received. Unknown name "addSheet" at 'requests[0]': Proto field is not repeating, cannot start list.`,
    );
  });

  it('accepts proto (snake_case) field names as Google does', async () => {
    const res = await c.sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [
          { update_spreadsheet_properties: { properties: { title: 'Đổi tên' }, fields: 'title' } } as never,
        ],
      },
    });
    expect(res.status).toBe(200);
    const file = await c.drive.files.get({ fileId: spreadsheetId });
    expect(file.data.name).toBe('Đổi tên');
  });

  it('refuses unknown Drive File fields with Drive’s error shape', async () => {
    const seen = await failure(c.drive.files.create({ requestBody: { nme: 'typo' } as never }));
    expect(seen.status).toBe(400);
    expect(seen.message).toBe('Invalid JSON payload received. Unknown name "nme": Cannot find field.');
    expect(seen.data).toMatchObject({
      error: { code: 400, errors: [{ domain: 'global', reason: 'badRequest' }] },
    });
  });

  it('refuses a body that is not JSON', async () => {
    const res = await fetch(`${server.url}/drive/v3/files`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${c.token}`, 'Content-Type': 'application/json' },
      body: '{"name": ',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/^Invalid JSON payload received\./);
  });
});

describe('query parameters checked against discovery', () => {
  it('refuses an unknown query parameter', async () => {
    const seen = await failure(c.drive.files.list({ colour: 'red' } as never));
    expect(seen.status).toBe(400);
    expect(seen.message).toBe(
      `Invalid JSON payload received. Unknown name "colour": Cannot bind query parameter. ` +
        `Field 'colour' could not be found in request message.`,
    );
  });

  it('refuses a bad enum in the query with the snake_case name', async () => {
    const seen = await failure(
      c.sheets.spreadsheets.values.get({ spreadsheetId, range: 'Sheet1!A1', majorDimension: 'DIAGONAL' }),
    );
    expect(seen.status).toBe(400);
    expect(seen.message).toBe(
      `Invalid value at 'major_dimension' (type.googleapis.com/google.apps.sheets.v4.Dimension), "DIAGONAL"`,
    );
  });

  it('refuses a non-boolean where a boolean belongs', async () => {
    const seen = await failure(
      c.sheets.spreadsheets.get({ spreadsheetId, includeGridData: 'maybe' as never }),
    );
    expect(seen.message).toBe(`Invalid value at 'include_grid_data' (TYPE_BOOL), "maybe"`);
  });

  it('accepts the standard parameters', async () => {
    const res = await c.drive.files.get({
      fileId: spreadsheetId,
      prettyPrint: false,
      quotaUser: 'someone',
      alt: 'json',
      '$.xgafv': '2',
    } as never);
    expect(res.data.id).toBe(spreadsheetId);
  });

  it('requires required query parameters (raw HTTP; the client checks them itself)', async () => {
    const res = await fetch(`${server.url}/drive/v3/changes`, {
      headers: { Authorization: `Bearer ${c.token}` },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { message: string; errors: { reason: string; location: string }[] };
    };
    expect(body.error.message).toBe('Required parameter: pageToken');
    expect(body.error.errors[0]).toMatchObject({ location: 'pageToken' });
  });
});

describe('responses', () => {
  it('carry only fields the response schema defines', async () => {
    const res = await c.sheets.spreadsheets.create({ requestBody: { properties: { title: 'Mới' } } });
    expect(res.data).not.toHaveProperty('notInSchema');
    expect(res.data.properties?.title).toBe('Mới');
  });

  it('apply a Sheets fields mask with nested selections', async () => {
    const res = await c.sheets.spreadsheets.get({
      spreadsheetId,
      fields: 'sheets.properties(sheetId,title),spreadsheetId',
    });
    expect(res.data).toEqual({ spreadsheetId, sheets: [{ properties: { sheetId: 0, title: 'Sheet1' } }] });
  });

  it('apply Drive masks, including *', async () => {
    const list = await c.drive.files.list({ fields: 'files(id,name),nextPageToken', pageSize: 1 });
    expect(Object.keys(list.data).sort()).toEqual(['files', 'nextPageToken']);
    expect(Object.keys(list.data.files?.[0] ?? {}).sort()).toEqual(['id', 'name']);
    const all = await c.drive.files.get({ fileId: spreadsheetId, fields: '*' });
    expect(all.data).toMatchObject({
      id: spreadsheetId,
      version: expect.any(String) as string,
      trashed: false,
    });
  });

  it('refuse a mask naming a field the schema lacks', async () => {
    const seen = await failure(c.drive.files.get({ fileId: spreadsheetId, fields: 'id,colour' }));
    expect(seen.status).toBe(400);
    expect(seen.message).toBe('Invalid field selection colour');
    const sheetsSeen = await failure(c.sheets.spreadsheets.get({ spreadsheetId, fields: 'sheets.colour' }));
    expect(sheetsSeen.status).toBe(400);
  });
});

describe('credentials', () => {
  it('answer 401 UNAUTHENTICATED for an unknown token', async () => {
    const stranger = clientsFor({ url: server.url, mintToken: () => 'ya29.not-minted-here' }, undefined, {
      retry: false,
    });
    const seen = await failure(stranger.sheets.spreadsheets.get({ spreadsheetId }));
    expect(seen.status).toBe(401);
    expect(seen.data).toEqual({
      error: {
        code: 401,
        message:
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other ' +
          'valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
        status: 'UNAUTHENTICATED',
      },
    });
    const drive = await failure(stranger.drive.files.get({ fileId: spreadsheetId }));
    expect(drive.status).toBe(401);
    expect(drive.data).toMatchObject({
      error: {
        status: 'UNAUTHENTICATED',
        errors: [{ message: 'Invalid Credentials', reason: 'authError', location: 'Authorization' }],
      },
    });
  });

  it('answer 403 for a call with no credential at all', async () => {
    const res = await fetch(`${server.url}/v4/spreadsheets/${spreadsheetId}`);
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { status: string; message: string } };
    expect(body.error.status).toBe('PERMISSION_DENIED');
    expect(body.error.message).toMatch(/^Method doesn't allow unregistered callers/);
  });

  it('answer 400 "API key not valid" for an API key alone (the emulator has no keys)', async () => {
    const res = await fetch(`${server.url}/v4/spreadsheets/${spreadsheetId}?key=AIzaFake`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: 400,
        message: 'API key not valid. Please pass a valid API key.',
        status: 'INVALID_ARGUMENT',
      },
    });
  });

  it('accept ?access_token= as Google does', async () => {
    const res = await fetch(`${server.url}/drive/v3/files/${spreadsheetId}?access_token=${c.token}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe(spreadsheetId);
  });
});

describe('what the emulator does not do', () => {
  it('answers 404 for a path that is no method', async () => {
    const res = await fetch(`${server.url}/v4/nothing-here`, {
      headers: { Authorization: `Bearer ${c.token}` },
    });
    expect(res.status).toBe(404);
  });

  it('answers 501 for HTTP batch requests and Drive v2', async () => {
    const headers = { Authorization: `Bearer ${c.token}` };
    expect((await fetch(`${server.url}/batch/sheets/v4`, { method: 'POST', headers })).status).toBe(501);
    expect((await fetch(`${server.url}/drive/v2/files`, { headers })).status).toBe(501);
  });

  it('answers 501 for media uploads instead of pretending', async () => {
    // The client sends uploads to https://www.googleapis.com/upload/... unless rootUrl is also given per call.
    const seen = await failure(
      c.drive.files.create(
        { requestBody: { name: 'a.txt' }, media: { mimeType: 'text/plain', body: 'xin chào' } },
        { rootUrl: `${server.url}/` },
      ),
    );
    expect(seen.status).toBe(501);
    expect(seen.message).toMatch(/not supported by the theodoi Sheets\/Drive emulator/);
  });

  it('answers 501 for Drive methods it does not implement', async () => {
    const seen = await failure(c.drive.about.get({ fields: 'user' }));
    expect(seen.status).toBe(501);
    expect(seen.message).toBe(
      'The Drive method drive.about.get is not supported by the theodoi Sheets/Drive emulator.',
    );
  });

  it('answers 501 for File fields it does not store', async () => {
    const seen = await failure(c.drive.files.create({ requestBody: { name: 'x', description: 'mô tả' } }));
    expect(seen.status).toBe(501);
    expect(seen.message).toMatch(/"description"/);
  });
});

// Developer metadata visibility by the calling token's Cloud project: PROJECT entries exist only for the project
// that made them (reads, lookups, data filters, updates, deletes); DOCUMENT entries are shared by all editors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import type { Clients } from '@theodoi/test-kit/clients';
import { failure } from '../../../support/google-error.js';
import { installedApp } from '../../../support/oauth-flow.js';

const PERSON = 'dieu.phoi@gmail.com';
const SA = 'theodoi@theodoi-local.iam.gserviceaccount.com';
const OTHER_APP = installedApp('ung-dung-khac', '222333444', { verified: true });

let server: EmulatorServer;
let ours: Clients;
let theirs: Clients;
let id = '';
let projectId = 0;

const keys = async (c: Clients) =>
  (
    (await c.sheets.spreadsheets.get({ spreadsheetId: id, fields: 'developerMetadata(metadataKey)' })).data
      .developerMetadata ?? []
  ).map((m) => m.metadataKey);

beforeAll(async () => {
  server = await start({ oauthClients: [OTHER_APP] });
  ours = clientsFor(server, PERSON, { retry: false });
  theirs = clientsFor(server, PERSON, { retry: false, clientId: OTHER_APP.clientId });
  id = (await ours.sheets.spreadsheets.create({ requestBody: {} })).data.spreadsheetId ?? '';
  const res = await ours.sheets.spreadsheets.batchUpdate({
    spreadsheetId: id,
    requestBody: {
      requests: [
        {
          createDeveloperMetadata: {
            developerMetadata: {
              metadataKey: 'theodoi.directive',
              metadataValue: 'cchc-2024',
              visibility: 'PROJECT',
              location: { spreadsheet: true },
            },
          },
        },
        {
          createDeveloperMetadata: {
            developerMetadata: {
              metadataKey: 'chung',
              metadataValue: 'ai cũng thấy',
              visibility: 'DOCUMENT',
              location: { spreadsheet: true },
            },
          },
        },
      ],
    },
  });
  projectId = res.data.replies?.[0]?.createDeveloperMetadata?.developerMetadata?.metadataId ?? 0;
});
afterAll(async () => {
  await server.stop();
});

describe('PROJECT visibility', () => {
  it('shows the entry to its project (the person through our client, and our service account)', async () => {
    expect(await keys(ours)).toEqual(['theodoi.directive', 'chung']);
    const sa = clientsFor(server, SA, { retry: false });
    await ours.drive.permissions.create({
      fileId: id,
      sendNotificationEmail: false,
      requestBody: { type: 'user', role: 'writer', emailAddress: SA },
    });
    expect(await keys(sa)).toEqual(['theodoi.directive', 'chung']);
  });

  it('hides it from another project’s app in reads, get by id and searches', async () => {
    expect(await keys(theirs)).toEqual(['chung']);
    expect(
      (
        await failure(
          theirs.sheets.spreadsheets.developerMetadata.get({ spreadsheetId: id, metadataId: projectId }),
        )
      ).status,
    ).toBe(404);
    const search = await theirs.sheets.spreadsheets.developerMetadata.search({
      spreadsheetId: id,
      requestBody: { dataFilters: [{ developerMetadataLookup: { metadataKey: 'theodoi.directive' } }] },
    });
    expect(search.data).toEqual({});
  });

  it('leaves it untouched by the other project’s updates and deletes, which match nothing', async () => {
    const res = await theirs.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateDeveloperMetadata: {
              dataFilters: [{ developerMetadataLookup: { metadataKey: 'theodoi.directive' } }],
              developerMetadata: { metadataValue: 'bị sửa' },
              fields: 'metadataValue',
            },
          },
          { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId: projectId } } } },
        ],
      },
    });
    const [updated, deleted] = res.data.replies ?? [];
    expect(updated?.updateDeveloperMetadata?.developerMetadata ?? []).toEqual([]);
    expect(deleted?.deleteDeveloperMetadata?.deletedDeveloperMetadata ?? []).toEqual([]);
    const mine = await ours.sheets.spreadsheets.developerMetadata.get({
      spreadsheetId: id,
      metadataId: projectId,
    });
    expect(mine.data.metadataValue).toBe('cchc-2024');
  });
});

describe('DOCUMENT visibility', () => {
  it('is shared by every editor, whatever their project', async () => {
    const res = await theirs.sheets.spreadsheets.developerMetadata.search({
      spreadsheetId: id,
      requestBody: { dataFilters: [{ developerMetadataLookup: { metadataKey: 'chung' } }] },
    });
    expect(res.data.matchedDeveloperMetadata?.[0]?.developerMetadata?.metadataValue).toBe('ai cũng thấy');
  });
});

// The markers theodoi finds its columns and rows by are out of officers' reach (developer metadata with PROJECT
// visibility: only theodoi's Cloud project sees them), and the layout is also kept in Firestore: a marker missing or
// altered is repaired from that record in the sync's one write, never believed and never a 422.
import type { sheets_v4 } from '@googleapis/sheets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor } from '@theodoi/test-kit/clients';
import { startWorld, type World } from '@theodoi/test-kit/world';
import { cchcRowWith } from '../../../fixtures/cchc-rows.js';
import { installedApp } from '../../../support/oauth-flow.js';
import { editorOf, rowOf, statusOf, storedReport, typeAs } from '../../../support/report-tab.js';

/** An officer's own app: another Google Cloud project than theodoi's. */
const OFFICER_APP = installedApp('bang-tinh-cua-toi', '555666777', { verified: true });

const lookup = (value: string): sheets_v4.Schema$DataFilter => ({
  developerMetadataLookup: { metadataKey: 'theodoi.column', metadataValue: value },
});
const rename = (from: string, to: string): sheets_v4.Schema$Request => ({
  updateDeveloperMetadata: {
    dataFilters: [lookup(from)],
    developerMetadata: { metadataValue: to },
    fields: 'metadataValue',
  },
});
/** Swaps the markers of the conferences and participants columns, then deletes the unit-code column's marker. */
const TAMPERING: sheets_v4.Schema$Request[] = [
  rename('2024-Q1/so_hoi_nghi', 'tmp'),
  rename('2024-Q1/luot_tham_du_hoi_nghi', '2024-Q1/so_hoi_nghi'),
  rename('tmp', '2024-Q1/luot_tham_du_hoi_nghi'),
  { deleteDeveloperMetadata: { dataFilter: lookup('2024-Q1/_unit_code') } },
];

describe('column and row markers', () => {
  let world: World;
  let officer: sheets_v4.Sheets;
  const tamper = () =>
    officer.spreadsheets.batchUpdate({
      spreadsheetId: world.directive.spreadsheetId,
      requestBody: { requests: TAMPERING },
    });
  const accepted = async (code: string) => (await storedReport(world, code))?.acceptedValues;

  beforeAll(async () => {
    world = await startWorld('markers');
    world.emulator.registerClient(OFFICER_APP);
    officer = clientsFor(world.emulator, editorOf('TP'), {
      retry: false,
      clientId: OFFICER_APP.clientId,
    }).sheets;
    typeAs(world, 'NV', cchcRowWith(3, 120));
    await world.sync('initial');
  });
  afterAll(async () => world?.close());

  it('are invisible to an officer’s own app: swapping and deleting them changes nothing', async () => {
    await tamper();
    typeAs(world, 'NV', ['4'], 'E');
    const outcome = await world.sync('after tampering');
    expect(outcome).toMatchObject({ result: 'synced', changedUnits: 1 });
    expect(await accepted('NV')).toMatchObject({ so_hoi_nghi: 4, luot_tham_du_hoi_nghi: 120 });
  });

  it('are repaired from the record when they were left visible (a spreadsheet made before) and altered', async () => {
    // A spreadsheet provisioned before markers were PROJECT-visible: theodoi's own markers readable by everyone.
    await world.clients.sheets.spreadsheets.batchUpdate({
      spreadsheetId: world.directive.spreadsheetId,
      requestBody: {
        requests: ['theodoi.column', 'theodoi.row', 'theodoi.tab'].map((metadataKey) => ({
          updateDeveloperMetadata: {
            dataFilters: [{ developerMetadataLookup: { metadataKey } }],
            developerMetadata: { visibility: 'DOCUMENT' },
            fields: 'visibility',
          },
        })),
      },
    });
    await tamper();
    typeAs(world, 'NV', ['5'], 'E');
    const outcome = await world.sync('after tampering a visible layout');
    expect(outcome).toMatchObject({ result: 'synced', changedUnits: 1 });
    expect(await accepted('NV')).toMatchObject({ so_hoi_nghi: 5, luot_tham_du_hoi_nghi: 120 });
    expect(await statusOf(world, 'NV')).toBe('✔ Đã tiếp nhận');
    // Repaired as PROJECT markers: the officer's app no longer sees any.
    const seen = await officer.spreadsheets.developerMetadata.search({
      spreadsheetId: world.directive.spreadsheetId,
      requestBody: { dataFilters: [{ developerMetadataLookup: { metadataKey: 'theodoi.column' } }] },
    });
    expect(seen.data.matchedDeveloperMetadata ?? []).toEqual([]);
    expect(await world.sync('settled')).toMatchObject({ changedUnits: 0, calls: { sheetsWrites: 0 } });
  });

  it('leave the protections as they are: an officer cannot remove or widen another unit’s', async () => {
    const sheet = await world.clients.sheets.spreadsheets.get({
      spreadsheetId: world.directive.spreadsheetId,
      fields: 'sheets(properties(sheetId),protectedRanges(protectedRangeId,description,range))',
    });
    const protections = sheet.data.sheets?.flatMap((s) => s.protectedRanges ?? []) ?? [];
    const nv = protections.find((p) => p.description === 'theodoi: NV')!;
    await expect(
      officer.spreadsheets.batchUpdate({
        spreadsheetId: world.directive.spreadsheetId,
        requestBody: { requests: [{ deleteProtectedRange: { protectedRangeId: nv.protectedRangeId } }] },
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      officer.spreadsheets.batchUpdate({
        spreadsheetId: world.directive.spreadsheetId,
        requestBody: {
          requests: [
            {
              updateProtectedRange: {
                protectedRange: {
                  protectedRangeId: nv.protectedRangeId,
                  editors: { users: [editorOf('TP')] },
                },
                fields: 'editors',
              },
            },
          ],
        },
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      officer.spreadsheets.values.update({
        spreadsheetId: world.directive.spreadsheetId,
        range: `'Quý I/2024'!E${rowOf('NV')}`,
        valueInputOption: 'USER_ENTERED',
        requestBody: { values: [['99']] },
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});

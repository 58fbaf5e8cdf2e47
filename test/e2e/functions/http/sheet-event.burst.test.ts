// Twenty officers edit their own rows at once and each edit's trigger calls sheetEvent at the same moment: the
// lease serialises the syncs and coalesces the rest, and the directive ends in one consistent state — every edit
// stored exactly once (one version each, none lost, none doubled) and every row's status on the sheet.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReports } from '@theodoi/functions/store/reports';
import { signedRequest } from '@theodoi/functions/triggers/sheet-event';
import type { SyncOutcome } from '@theodoi/functions/usecases/sync-directive';
import { cchcRowWith } from '../../../fixtures/cchc-rows.js';
import { hasGoogleAccount, startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';
import { serveFunction, type FunctionServer } from '@theodoi/test-kit/function-server';

const SECRET = 'burst-secret-'.padEnd(40, 'b');
const TAB = 'Quý I/2024';
// Twenty officers whose address is a Google account (the others cannot open the spreadsheet).
const OFFICERS = thapMuoi.units.filter((u) => hasGoogleAccount(u.editors[0]!)).slice(0, 20);

describe('twenty simultaneous sheet triggers for one directive', () => {
  let world: World;
  let fn: FunctionServer;
  let answers: { status: number; body: SyncOutcome }[] = [];

  beforeAll(async () => {
    // The served function runs on the machine's clock, so the world does too (its signature window is 5 minutes).
    world = await startWorld('burst20', new Date().toISOString());
    await world.sync('initial');
    fn = await serveFunction('sheetEvent', {
      GOOGLE_CLOUD_PROJECT: 'theodoi-it-burst20',
      SHEETS_EMULATOR_URL: world.emulator.url,
      THEODOI_GOOGLE_GRANT: world.env.THEODOI_GOOGLE_GRANT!,
      THEODOI_TRIGGER_SECRET: SECRET,
    });
    answers = await Promise.all(
      OFFICERS.map(async (unit, i) => {
        const row = 5 + thapMuoi.units.indexOf(unit);
        await world.officer(unit.editors[0]!).spreadsheets.values.update({
          spreadsheetId: world.directive.spreadsheetId,
          range: `'${TAB}'!C${row}`,
          valueInputOption: 'USER_ENTERED',
          requestBody: { values: [cchcRowWith(i % 12, 40 + i)] },
        });
        const req = signedRequest(
          {
            v: 1,
            deliveryId: randomUUID(),
            spreadsheetId: world.directive.spreadsheetId,
            kind: 'edit',
            sheetName: TAB,
            range: `C${row}`,
            user: unit.editors[0]!,
          },
          SECRET,
          new Date(),
        );
        const res = await fetch(fn.url, { method: 'POST', body: req.body, headers: req.headers });
        return { status: res.status, body: (await res.json()) as SyncOutcome };
      }),
    );
  }, 120_000);
  afterAll(async () => {
    await fn?.close();
    await world?.close();
  });

  it('answers every call; the syncs that ran under the lease stored each edit exactly once', () => {
    expect(answers.map((a) => a.status)).toEqual(OFFICERS.map(() => 200));
    expect(answers.every((a) => a.body.result === 'synced' || a.body.result === 'coalesced')).toBe(true);
    const stored = answers.reduce((n, a) => n + (a.body.changedUnits ?? 0), 0);
    expect(stored).toBe(OFFICERS.length);
  });

  it('keeps one version per edit in Firestore, none lost and none doubled', async () => {
    const reports = (await loadReports(world.db, world.spec.id, ['2024-Q1'])).get('2024-Q1')!;
    for (const unit of OFFICERS) {
      expect(reports.get(unit.code), unit.code).toMatchObject({ version: 1, status: 'valid' });
      const versions = await world.db
        .collection(`directives/${world.spec.id}/reports/2024-Q1~${unit.code}/versions`)
        .get();
      expect(versions.size, unit.code).toBe(1);
    }
  });

  it('shows every row as accepted on the sheet, and a sync afterwards finds nothing left to do', async () => {
    // Every unit's status, then the officers' rows among them (the units without a Google account sit between).
    const statuses = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: world.directive.spreadsheetId,
      range: `'${TAB}'!X5:X${5 + thapMuoi.units.length - 1}`,
    });
    const byRow = statuses.data.values?.map((r) => r[0] as string) ?? [];
    expect(OFFICERS.map((u) => byRow[thapMuoi.units.indexOf(u)])).toEqual(
      OFFICERS.map(() => '✔ Đã tiếp nhận'),
    );
    world.emulator.resetCounters();
    expect(await world.sync()).toMatchObject({ result: 'synced', changedUnits: 0, statusCellsWritten: 0 });
    expect(world.emulator.counters().methods['sheets.spreadsheets.batchUpdate']).toBeUndefined();
  });
});

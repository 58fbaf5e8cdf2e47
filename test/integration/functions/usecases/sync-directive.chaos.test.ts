// Rounds of officers' edits under chaos: Sheets and Drive answering 429, 500, 503 or not at all, Firestore pausing
// longer than a sync waits (its writes landing late), a burst of 50 simultaneous sync requests and 50,000-character
// pastes. After each round one scheduled sweep, faults cleared, leaves every officer's last edit stored; at the end
// each is stored once, attributed, and shown on its row with the status its stored verdict says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@theodoi/functions/clock';
import { loadConfig } from '@theodoi/functions/config';
import { SYNC_SOURCES } from '@theodoi/functions/domain/sync/attribution';
import type { CellValue } from '@theodoi/functions/domain/values/cell';
import { createGoogleClients } from '@theodoi/functions/sheets/api/clients';
import { statusText } from '@theodoi/functions/sheets/layout/status-cells';
import { loadReportCells } from '@theodoi/functions/store/report-cells';
import { loadReports } from '@theodoi/functions/store/reports';
import { leaseOf } from '@theodoi/functions/store/sync-lease';
import { sweepDirectives } from '@theodoi/functions/usecases/sweep';
import { syncDirective, type SyncDeps } from '@theodoi/functions/usecases/sync-directive';
import {
  buildWorld,
  quarterlyDirective,
  thapMuoi,
  type LocalWorld,
  hasGoogleAccount,
} from '@theodoi/test-kit/world';
import { seededRandom } from '../../../fixtures/seeded-random.js';
import { startPausableProxy, type PausableProxy } from '../../../support/pausable-proxy.js';

const TAB = "'Quý I/2024'";
const REQUESTER = 'dieu.phoi.thapmuoi@gmail.com';
const CLIENT_TIMEOUT_MS = 1_500;
const FIRESTORE_TIMEOUT_MS = 1_500;
const ROUNDS = 10;
const BURST_ROUND = 3;
const PAUSED_ROUNDS = [2, 6];
const LONG = 'ệ'.repeat(50_000);

/** What an officer types into columns C…F: a report (numbers), now and then a 50,000-character paste. */
function typed(random: () => number): CellValue[] {
  const n = () => Math.floor(random() * 500);
  if (random() < 0.08) return [LONG, LONG, LONG, LONG];
  return [n() % 5, `Kế hoạch số ${n()}/KH-UBND`, n() % 20, 1 + n()];
}
const INPUTS = ['so_van_ban', 'van_ban_ban_hanh', 'so_hoi_nghi', 'luot_tham_du_hoi_nghi'];

describe('a day of chaos', () => {
  let proxy: PausableProxy;
  let world: LocalWorld;
  let deps: SyncDeps;
  const random = seededRandom(18);
  const rowOf = (code: string) => 5 + thapMuoi.units.findIndex((u) => u.code === code);
  const editorsOf = (code: string) => thapMuoi.units.find((u) => u.code === code)!.editors;
  const directiveId = 'cchc-chaos';

  beforeAll(async () => {
    proxy = await startPausableProxy(process.env.FIRESTORE_EMULATOR_HOST!);
    world = await buildWorld({
      project: 'theodoi-it-chaos',
      clock: new ManualClock('2024-03-05T00:30:00Z'),
      organisation: { ...thapMuoi, id: 'org-chaos' },
      firestoreHost: proxy.host,
      retry: { retries: 4, baseMs: 1, maxWaitMs: 5 },
    });
    await world.addDirective(quarterlyDirective(directiveId, world.organisation));
    const config = loadConfig({
      ...process.env,
      GOOGLE_CLOUD_PROJECT: 'theodoi-it-chaos',
      SHEETS_EMULATOR_URL: world.emulator.url,
      THEODOI_GOOGLE_GRANT: world.env.THEODOI_GOOGLE_GRANT!,
    });
    const clients = await createGoogleClients(config, { timeoutMs: CLIENT_TIMEOUT_MS });
    deps = {
      ...world.deps,
      clients: { ...clients, retry: { retries: 3, baseMs: 1, maxWaitMs: 5 } },
      firestoreTimeoutMs: FIRESTORE_TIMEOUT_MS,
    };
  });
  afterAll(async () => {
    proxy?.resume();
    world?.emulator.clearFaults();
    await world?.close();
    await proxy?.close();
  });

  /** Units whose stored raw cells differ from what their officer typed last. */
  const lostUnits = async (last: ReadonlyMap<string, CellValue[]>) => {
    const cells = (await loadReportCells(world.db, directiveId, ['2024-Q1'])).get('2024-Q1')!;
    return [...last].filter(([code, values]) => {
      const kept = cells.get(code)?.cells ?? {};
      return INPUTS.some((key, i) => kept[key] !== values[i]);
    });
  };

  it('loses nothing an officer typed', async () => {
    const spreadsheetId = (await world.db.doc(`directives/${directiveId}`).get()).get(
      'spreadsheetId',
    ) as string;
    const last = new Map<string, CellValue[]>();
    let edits = 0;
    let sweepsMeanwhile = 0;
    const answers = { synced: 0, coalesced: 0, failed: 0 };
    const sync = () =>
      syncDirective(deps, { directiveId, trigger: 'sheet:edit', by: REQUESTER }).then(
        (o) => void (answers[o.result] += 1),
        () => void (answers.failed += 1),
      );
    await sweepDirectives(deps);

    for (let round = 0; round < ROUNDS; round++) {
      // Seconds apart, as edits come: a lease (two minutes) taken in one round still holds in the next.
      world.clock.advance(20_000);
      // Faults for this round, drawn from the seed: each rule hits a number of matching requests.
      const methods = ['sheets.spreadsheets.*', 'drive.*'];
      for (const status of [429, 500, 503] as const) {
        if (random() < 0.6) {
          world.emulator.addFault({
            status,
            count: 1 + Math.floor(random() * 6),
            methods,
            retryAfterSeconds: 0,
          });
        }
      }
      if (random() < 0.4) {
        world.emulator.addFault({
          latencyMs: CLIENT_TIMEOUT_MS + 300,
          count: 1 + Math.floor(random() * 3),
          methods,
        });
      }
      // Officers type; each edit fires a trigger, and the triggers' syncs run at once (one round: a burst of 50).
      // (Only officers whose address is a Google account can open the spreadsheet.)
      const units = thapMuoi.units.filter((u) => random() < 0.3 && hasGoogleAccount(u.editors[0]!));
      for (const unit of units) {
        const values = typed(random);
        const range = `${TAB}!C${rowOf(unit.code)}`;
        world.emulator.uiEdit(spreadsheetId, { email: editorsOf(unit.code)[0]!, range, values: [values] });
        last.set(unit.code, values);
        edits += 1;
      }
      const syncs = Array.from({ length: Math.max(units.length, round === BURST_ROUND ? 50 : 0) }, () =>
        sync(),
      );
      // The scheduled sweep fires meanwhile: finding a sync running, it leaves its work to it and moves Drive's
      // cursor past these edits, so if that sync then fails only the lease's pending mark keeps them.
      syncs.push(
        new Promise((r) => setTimeout(r, 20))
          .then(() => sweepDirectives(deps))
          .then(
            (s) =>
              void (sweepsMeanwhile += s.outcomes.some((o) => 'result' in o && o.result === 'coalesced')
                ? 1
                : 0),
            () => undefined,
          ),
      );
      if (PAUSED_ROUNDS.includes(round)) {
        // Firestore stops answering for longer than a sync waits, then delivers what it was sent (late).
        await new Promise((r) => setTimeout(r, 50));
        proxy.pause();
        await new Promise((r) => setTimeout(r, FIRESTORE_TIMEOUT_MS + 700));
        proxy.resume();
      }
      await Promise.all(syncs);
      world.emulator.clearFaults();
      // Late writes land and work handed on is marked; then one scheduled sweep, a minute later, finishes the round:
      // every edit so far is stored (no lease left held by a sync that failed, no change skipped by the cursor).
      await new Promise((r) => setTimeout(r, 300));
      world.clock.advance(60_000);
      await sweepDirectives(deps);
      expect(await lostUnits(last), `after round ${round}`).toEqual([]);
    }

    const stored = (await loadReports(world.db, directiveId, ['2024-Q1'])).get('2024-Q1')!;
    const statuses = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId,
      range: `${TAB}!X5:X29`,
    });
    const coordinators = [world.organisation.coordinator.email ?? ''];
    for (const code of last.keys()) {
      const report = stored.get(code)!;
      // Shown with the status its stored verdict says.
      expect(statuses.data.values?.[rowOf(code) - 5]?.[0]).toBe(statusText(report.status, report.errors));
      // Stored once: one version per change, each attributed; an editor, when named, may edit this row.
      const versions = (
        await world.db
          .collection(`directives/${directiveId}/reports/2024-Q1~${code}/versions`)
          .orderBy('version')
          .get()
      ).docs.map((d) => d.data());
      expect(versions).toHaveLength(report.version);
      versions.forEach((v, i) => {
        expect(SYNC_SOURCES).toContain(v.source);
        if (v.source === 'trigger') expect(v.requestedBy).toBe(REQUESTER);
        if (v.editor !== undefined) expect([...editorsOf(code), ...coordinators]).toContain(v.editor);
        if (i > 0) expect(v.rawHash).not.toBe(versions[i - 1]!.rawHash);
      });
    }
    const lease = leaseOf((await world.db.doc(`directives/${directiveId}`).get()).data());
    expect(lease).toMatchObject({ holder: null, pending: false });
    const lost = (await lostUnits(last)).length;
    console.log(
      `chaos: ${edits} edits, ${lost} lost (syncs: ${answers.synced} synced, ${answers.coalesced} coalesced, ` +
        `${answers.failed} failed and handed on; ${sweepsMeanwhile} sweeps left their work to a running sync)`,
    );
    expect(lost).toBe(0);
    expect(edits).toBeGreaterThan(50);
    expect(answers.failed).toBeGreaterThan(0);
  }, 60_000);
});

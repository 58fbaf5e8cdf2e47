/**
 * A bench world: the test kit's world (scripts/test-kit/world.ts) on the bench's own Firestore emulator, with an
 * organisation of units, directives provisioned by the production use case, and rows typed in bulk.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { ManualClock } from '@theodoi/functions/clock';
import { parseOrganisation, type Organisation } from '@theodoi/functions/domain/organisation';
import { columnLetters, quoteSheetName } from '@theodoi/functions/sheets/layout/a1';
import { FIRST_UNIT_ROW, reportColumns } from '@theodoi/functions/sheets/layout/report-tab';
import type { CreatedDirective } from '@theodoi/functions/usecases/create-directive';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import type { LatencyOption } from '@theodoi/sheets-emulator/latency/latency';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import {
  buildWorld,
  quarterlyDirective,
  thapMuoi as thapMuoiUnits,
  type LocalWorld,
} from '@theodoi/test-kit/world';

/** The template every bench directive uses, and the tab open on the world's date. */
export const TEMPLATE = 'cchc-tuyen-truyen@1';
export const TAB = 'Quý I/2024';

/** A running bench world; `close()` stops the Sheets emulator (Firestore belongs to the caller). */
export interface BenchWorld {
  emulator: EmulatorServer;
  deps: LocalWorld['deps'];
  /** The environment a functions process needs to act in this world. */
  env: Record<string, string>;
  org: Organisation;
  /** Provisions and registers a quarterly 2024 directive for `recipients` (default: every unit). */
  addDirective(id: string, recipients?: readonly string[]): Promise<CreatedDirective>;
  /** Types rows as the coordinator's account would (an API write: no trigger fires); `rows[i]` goes to unit `at + i`. */
  fillRows(spreadsheetId: string, at: number, rows: readonly (readonly string[])[]): Promise<void>;
  close(): Promise<void>;
}

/** Tháp Mười's 25 units, as the demo and the tests use them. */
export function thapMuoi(): Organisation {
  return thapMuoiUnits;
}

/** An organisation of `units` made-up communes, each with one editor. */
export function syntheticOrganisation(id: string, units: number): Organisation {
  return parseOrganisation({
    id,
    name: 'Ủy ban nhân dân huyện Bench',
    level: 'huyen',
    place: 'Bench',
    coordinator: { unitCode: 'U0', email: 'dieu.phoi.bench@gmail.com' },
    groups: [{ id: 'xa', name: 'UBND các xã' }],
    units: Array.from({ length: units }, (_, i) => ({
      code: `U${i}`,
      name: `UBND xã Bench ${i}`,
      kind: 'xa',
      group: 'xa',
      editors: [`u${i}@bench.example.vn`],
      contact: { person: `Đầu mối xã ${i}`, phone: '0277 3821 101' },
    })),
  });
}

/**
 * Starts the Sheets emulator (with `sheetsLatency`, the latency model, when given), imports `org` into project
 * `project` of the Firestore emulator at `firestoreHost`.
 */
export async function startBenchWorld(
  project: string,
  org: Organisation,
  firestoreHost: string,
  now = '2024-03-05T02:00:00Z',
  sheetsLatency?: LatencyOption,
): Promise<BenchWorld> {
  const world = await buildWorld({
    project,
    clock: new ManualClock(now),
    organisation: org,
    firestoreHost,
    ...(sheetsLatency ? { sheetsLatency } : {}),
  });
  const firstInput = reportColumns(loadTemplate(TEMPLATE)).findIndex((c) => !c.system);
  return {
    emulator: world.emulator,
    deps: world.deps,
    env: world.env,
    org,
    addDirective: (id, recipients) => world.addDirective(quarterlyDirective(id, org, recipients)),
    fillRows: async (spreadsheetId, at, rows) => {
      const first = FIRST_UNIT_ROW + 1 + at;
      const range = `${quoteSheetName(TAB)}!${columnLetters(firstInput)}${first}:${first + rows.length - 1}`;
      const body: sheets_v4.Schema$ValueRange = { values: rows.map((r) => [...r]) };
      await world.clients.sheets.spreadsheets.values.update({
        spreadsheetId,
        range,
        valueInputOption: 'USER_ENTERED',
        requestBody: body,
      });
    },
    close: () => world.close(),
  };
}

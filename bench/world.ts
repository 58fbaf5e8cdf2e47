/**
 * A bench world: the Sheets/Drive emulator in this process, Google's Firestore emulator at a given host, one
 * organisation of units, and directives provisioned and registered by the production use case.
 */
import { readFileSync } from 'node:fs';
import type { sheets_v4 } from '@googleapis/sheets';
import { ManualClock } from '@theodoi/functions/clock';
import { loadConfig } from '@theodoi/functions/config';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { DIRECTIVE_FORMAT, parseDirectiveSpec } from '@theodoi/functions/domain/directive';
import { parseOrganisation, type Organisation } from '@theodoi/functions/domain/organisation';
import { columnLetters, quoteSheetName } from '@theodoi/functions/sheets/layout/a1';
import { createGoogleClients } from '@theodoi/functions/sheets/api/clients';
import { FIRST_UNIT_ROW, reportColumns } from '@theodoi/functions/sheets/layout/report-tab';
import { openFirestore } from '@theodoi/functions/store/firestore';
import { importOrganisation } from '@theodoi/functions/store/units';
import {
  createDirective,
  type CreateDirectiveDeps,
  type CreatedDirective,
} from '@theodoi/functions/usecases/create-directive';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import { start, type EmulatorServer } from '@theodoi/sheets-emulator/server';

/** The template every bench directive uses, and the tab open on the world's date. */
export const TEMPLATE = 'cchc-tuyen-truyen@1';
export const TAB = 'Quý I/2024';

/** A running bench world; `close()` stops the Sheets emulator (Firestore belongs to the caller). */
export interface BenchWorld {
  emulator: EmulatorServer;
  deps: CreateDirectiveDeps & { clock: ManualClock };
  /** The environment a functions process needs to act in this world. */
  env: Record<string, string>;
  org: Organisation;
  /** Provisions and registers a quarterly 2024 directive for `recipients` (default: every unit). */
  addDirective(id: string, recipients?: readonly string[]): Promise<CreatedDirective>;
  /** Types rows as the service account would (an API write: no trigger fires); `rows[i]` goes to unit `at + i`. */
  fillRows(spreadsheetId: string, at: number, rows: readonly (readonly string[])[]): Promise<void>;
  close(): Promise<void>;
}

/** Tháp Mười's 25 units, as the demo and the tests use them. */
export function thapMuoi(): Organisation {
  const url = new URL('../examples/thap-muoi-2024/organisation.json', import.meta.url);
  return parseOrganisation(JSON.parse(readFileSync(url, 'utf8')));
}

/** An organisation of `units` made-up communes, each with one editor. */
export function syntheticOrganisation(id: string, units: number): Organisation {
  return parseOrganisation({
    id,
    name: 'Ủy ban nhân dân huyện Bench',
    level: 'huyen',
    place: 'Bench',
    coordinator: { unitCode: 'U0', email: 'u0@bench.example.vn' },
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

/** Starts the Sheets emulator, imports `org` into project `project` of the Firestore emulator at `firestoreHost`. */
export async function startBenchWorld(
  project: string,
  org: Organisation,
  firestoreHost: string,
  now = '2024-03-05T02:00:00Z',
): Promise<BenchWorld> {
  const emulator = await start({});
  const env = {
    GOOGLE_CLOUD_PROJECT: project,
    FIRESTORE_EMULATOR_HOST: firestoreHost,
    SHEETS_EMULATOR_URL: emulator.url,
  };
  try {
    const config = loadConfig({ ...process.env, ...env });
    const deps = {
      db: await openFirestore(config),
      clients: await createGoogleClients(config),
      clock: new ManualClock(now),
      calendar: createCalendar(),
      serviceAccount: config.serviceAccount,
    };
    await importOrganisation(deps.db, org, deps.clock.now());
    const firstInput = reportColumns(loadTemplate(TEMPLATE)).findIndex((c) => !c.system);
    return {
      emulator,
      deps,
      env,
      org,
      addDirective: (id, recipients = org.units.map((u) => u.code)) =>
        createDirective(deps, directiveSpec(id, org, recipients)),
      fillRows: async (spreadsheetId, at, rows) => {
        const first = FIRST_UNIT_ROW + 1 + at;
        const range = `${quoteSheetName(TAB)}!${columnLetters(firstInput)}${first}:${first + rows.length - 1}`;
        const body: sheets_v4.Schema$ValueRange = { values: rows.map((r) => [...r]) };
        await deps.clients.sheets.spreadsheets.values.update({
          spreadsheetId,
          range,
          valueInputOption: 'USER_ENTERED',
          requestBody: body,
        });
      },
      close: () => emulator.stop(),
    };
  } catch (error) {
    await emulator.stop();
    throw error;
  }
}

/** The same quarterly CCHC directive the integration tests register, for `recipients`. */
function directiveSpec(id: string, org: Organisation, recipients: readonly string[]) {
  return parseDirectiveSpec({
    format: DIRECTIVE_FORMAT,
    id,
    organisation: org.id,
    number: null,
    date: '2024-02-05',
    issuer: org.name,
    subject: 'triển khai Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024',
    recipients: [...recipients],
    template: TEMPLATE,
    schedule: {
      kind: 'quarterly',
      first: '2024-Q1',
      last: '2024-Q4',
      deadline: { type: 'working-days-after-cutoff', days: 2 },
    },
    contact: { person: 'Chuyên viên Phòng Nội vụ', phone: '0277 3821 101' },
    coordinators: [org.coordinator.email],
  });
}

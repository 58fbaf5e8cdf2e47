// A local world for sync tests: the Sheets emulator, Firestore (started by the global setup), Tháp Mười's
// units, and a directive provisioned with the cchc-tuyen-truyen template.
import { readFileSync } from 'node:fs';
import type { Firestore } from 'firebase-admin/firestore';
import { ManualClock } from '@theodoi/functions/clock';
import { loadConfig } from '@theodoi/functions/config';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import {
  DIRECTIVE_FORMAT,
  parseDirectiveSpec,
  type DirectiveSpec,
} from '@theodoi/functions/domain/directive';
import { parseOrganisation, type Organisation } from '@theodoi/functions/domain/organisation';
import { createGoogleClients, type GoogleClients } from '@theodoi/functions/sheets/api/clients';
import { openFirestore } from '@theodoi/functions/store/firestore';
import { importOrganisation } from '@theodoi/functions/store/units';
import { createDirective, type CreatedDirective } from '@theodoi/functions/usecases/create-directive';
import { syncDirective, type SyncOutcome } from '@theodoi/functions/usecases/sync-directive';
import { start, type EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from './clients.js';

export const thapMuoi: Organisation = parseOrganisation(
  JSON.parse(
    readFileSync(new URL('../../examples/thap-muoi-2024/organisation.json', import.meta.url), 'utf8'),
  ),
);

/** A running world: call `close()` when done. */
export interface World {
  emulator: EmulatorServer;
  db: Firestore;
  clients: GoogleClients;
  clock: ManualClock;
  directive: CreatedDirective;
  spec: DirectiveSpec;
  sync(trigger?: string): Promise<SyncOutcome>;
  /** What the use cases need, for calling them directly. */
  deps: {
    db: Firestore;
    clients: GoogleClients;
    clock: ManualClock;
    calendar: ReturnType<typeof createCalendar>;
    serviceAccount: string;
  };
  /** Registers one more directive like the first, under another id. */
  another(id: string): Promise<CreatedDirective>;
  /** The officer's own Sheets client (their identity). */
  officer(email: string): ReturnType<typeof clientsFor>['sheets'];
  close(): Promise<void>;
}

/** Starts a world with a quarterly directive for 2024, at `now` (default 5 March 2024, 09:00 in Vietnam). */
export async function startWorld(name: string, now = '2024-03-05T02:00:00Z'): Promise<World> {
  const emulator = await start({});
  const config = loadConfig({
    ...process.env,
    GOOGLE_CLOUD_PROJECT: `theodoi-it-${name}`,
    SHEETS_EMULATOR_URL: emulator.url,
  });
  const db = await openFirestore(config);
  // Production retries wait up to 32 s; tests keep the same number of attempts with millisecond waits.
  const clients = { ...(await createGoogleClients(config)), retry: { retries: 4, baseMs: 1, maxWaitMs: 5 } };
  const clock = new ManualClock(now);
  const calendar = createCalendar();
  const org = { ...thapMuoi, id: `org-${name}` };
  await importOrganisation(db, org, clock.now());
  const spec = parseDirectiveSpec({
    format: DIRECTIVE_FORMAT,
    id: `cchc-${name}`,
    organisation: org.id,
    number: null,
    date: '2024-02-05',
    issuer: 'Ủy ban nhân dân huyện Tháp Mười',
    subject: 'triển khai Quyết định ban hành Kế hoạch thông tin, tuyên truyền CCHC năm 2024 của Bộ Nội vụ',
    recipients: org.units.map((u) => u.code),
    template: 'cchc-tuyen-truyen@1',
    schedule: {
      kind: 'quarterly',
      first: '2024-Q1',
      last: '2024-Q4',
      deadline: { type: 'working-days-after-cutoff', days: 2 },
    },
    contact: { person: 'Chuyên viên Phòng Nội vụ', phone: '0277 3821 101' },
    coordinators: ['nv@thapmuoi.example.vn'],
  });
  const deps = { db, clients, clock, calendar, serviceAccount: config.serviceAccount };
  const directive = await createDirective(deps, spec);
  return {
    emulator,
    db,
    clients,
    clock,
    directive,
    spec,
    sync: (trigger = 'test') => syncDirective(deps, { directiveId: spec.id, trigger }),
    deps,
    another: (id) => createDirective(deps, { ...spec, id }),
    officer: (email) => clientsFor(emulator, email).sheets,
    close: () => emulator.stop(),
  };
}

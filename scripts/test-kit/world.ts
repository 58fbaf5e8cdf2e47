/**
 * The one local world the integration tests, the bench and the demo build, on Google's terms: the emulators
 * (Firestore reused or started, the Sheets/Drive emulator in this process, strict about accounts), the organisation's
 * officers registered as Google accounts except a few (as a real office has), the coordinator logged in through the
 * loopback flow of `theodoi auth login`, theodoi's runtime on a simulated clock carrying that grant, the organisation
 * imported, and directives provisioned by the production use case. `startWorld` is the tests' usual world.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Firestore } from 'firebase-admin/firestore';
import { ManualClock } from '@theodoi/functions/clock';
import {
  DIRECTIVE_FORMAT,
  parseDirectiveSpec,
  type DirectiveSpec,
} from '@theodoi/functions/domain/directive';
import { grantVariable, type GoogleGrant } from '@theodoi/functions/config';
import { parseOrganisation, type Organisation } from '@theodoi/functions/domain/organisation';
import { useCaseDeps, type UseCaseDeps } from '@theodoi/functions/runtime-deps';
import { createRuntime, type Runtime } from '@theodoi/functions/runtime';
import type { GoogleClients } from '@theodoi/functions/sheets/api/clients';
import type { RetryPolicy } from '@theodoi/functions/sheets/api/retry';
import { importOrganisation } from '@theodoi/functions/store/units';
import { createDirective, type CreatedDirective } from '@theodoi/functions/usecases/create-directive';
import { syncDirective, type SyncOutcome } from '@theodoi/functions/usecases/sync-directive';
import type { LatencyOption } from '@theodoi/sheets-emulator/latency/latency';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from './clients.js';
import { repositoryRoot } from './repo-root.js';
import { startLocalEmulators, type LocalEmulators } from './emulators/local.js';
import {
  openSheetTriggers,
  prepareSheetTriggers,
  type PreparedTriggers,
  type SheetTriggerPath,
} from './sheet-triggers.js';
import { loginThroughEmulator } from './login.js';

/** Tháp Mười's 25 units (examples/thap-muoi-2024), as the tests, the bench and the demo use them. */
// Found from the repository root: this module is also bundled into the CLI's dist/ (`theodoi serve`).
export const thapMuoi: Organisation = parseOrganisation(
  JSON.parse(readFileSync(join(repositoryRoot(), 'examples/thap-muoi-2024/organisation.json'), 'utf8')),
);

/**
 * The example organisation's addresses that are no Google account (government addresses nobody made an account
 * for): Phòng Y tế and xã Thanh Mỹ. Their units are invited, never shared; in the demo they never report.
 */
export const WITHOUT_GOOGLE_ACCOUNT: readonly string[] = [
  'yt@thapmuoi.example.vn',
  'ubnd.thanhmy@thapmuoi.example.vn',
];

/** Every address an organisation names: its units' editors and contacts, and its coordinator. */
export function addressesOf(organisation: Organisation): string[] {
  const all = [
    organisation.coordinator.email,
    ...organisation.units.flatMap((u) => [...u.editors, ...(u.contact?.email ? [u.contact.email] : [])]),
  ];
  return [...new Set(all.map((a) => a.toLowerCase()))];
}

/** Whether an address of the world is a Google account (every address but WITHOUT_GOOGLE_ACCOUNT's). */
export function hasGoogleAccount(address: string): boolean {
  return !WITHOUT_GOOGLE_ACCOUNT.includes(address.toLowerCase());
}

/** The organisation's addresses the emulator registers as Google accounts: all but those `without`. */
export function googleAccountsOf(
  organisation: Organisation,
  without: readonly string[] = WITHOUT_GOOGLE_ACCOUNT,
): string[] {
  const left = without.map((a) => a.toLowerCase());
  return addressesOf(organisation).filter((a) => !left.includes(a));
}

/** What a world is made of. */
export interface WorldOptions {
  /** The Firestore project the world's data lives in (one per world keeps worlds apart). */
  project: string;
  /** The world's clock, or the instant a new simulated one starts at. */
  clock: ManualClock | string;
  organisation: Organisation;
  /** A Firestore emulator already running; else FIRESTORE_EMULATOR_HOST's, else one is started. */
  firestoreHost?: string;
  /** Whether the Sheets emulator keeps the world's simulated time (the demo: trigger calls are signed with it). */
  sheetsOnWorldClock?: boolean;
  /** More environment for the runtime: a trigger secret, LOG_LEVEL. */
  env?: Record<string, string>;
  /** The retry policy of the world's own Google clients (tests keep the attempts, not production's waits). */
  retry?: RetryPolicy;
  /** Serve the sheet trigger's path: sheetEvent, sheetTargets, Pub/Sub and syncDirectiveEvent (sheet-triggers.ts). */
  sheetTriggers?: boolean;
  /** The organisation's addresses left as no Google account; WITHOUT_GOOGLE_ACCOUNT by default. */
  withoutGoogleAccount?: readonly string[];
  /** Sheets' per-minute quotas in the emulator ('google': 60/min per user, 300 per project), off by default. */
  quotas?: 'google' | 'off';
  /** Whether the quotas count minutes of the world's clock while the emulator keeps the machine's (the bench's day). */
  quotasOnWorldClock?: boolean;
  /** The Sheets emulator's latency model of real Google ('off' by default). */
  sheetsLatency?: LatencyOption;
}

/** A running world: call `close()` when done. */
export interface LocalWorld {
  emulators: LocalEmulators;
  /** The Sheets/Drive emulator. */
  emulator: EmulatorServer;
  /** The environment a functions process needs to act in this world (the coordinator's grant included). */
  env: Record<string, string>;
  /** The coordinator's grant, from the loopback login: every Sheets and Drive call of the runtime carries it. */
  grant: GoogleGrant;
  /** theodoi's runtime in this world, on the world's clock. */
  runtime: Runtime;
  /** What the use cases take, from the runtime. */
  deps: UseCaseDeps & { clock: ManualClock };
  db: Firestore;
  clients: GoogleClients;
  clock: ManualClock;
  organisation: Organisation;
  /** Provisions and registers a directive, as `theodoi directive create` does. */
  addDirective(spec: DirectiveSpec): Promise<CreatedDirective>;
  /** An officer's own Sheets client (their identity). */
  officer(email: string): ReturnType<typeof clientsFor>['sheets'];
  /** The sheet trigger's path, when the world was built with `sheetTriggers`. */
  triggers?: SheetTriggerPath;
  /** Stops the Sheets emulator, and Firestore when the world started it. */
  close(): Promise<void>;
}

/** Builds a world: emulators, runtime, and `options.organisation` imported at the clock's now. */
export async function buildWorld(options: WorldOptions): Promise<LocalWorld> {
  const clock = typeof options.clock === 'string' ? new ManualClock(options.clock) : options.clock;
  const emulators = await startLocalEmulators({
    // Push notifications at once: worlds time the trigger path, not Google's ~3-minute coalescing.
    notifyBatchMs: 0,
    googleAccounts: googleAccountsOf(options.organisation, options.withoutGoogleAccount),
    ...(options.firestoreHost ? { firestoreHost: options.firestoreHost } : {}),
    ...(options.sheetsOnWorldClock ? { now: () => clock.now() } : {}),
    ...(options.quotas ? { quotas: options.quotas } : {}),
    ...(options.quotasOnWorldClock ? { quotaClock: () => clock.now() } : {}),
    ...(options.sheetsLatency ? { latency: options.sheetsLatency } : {}),
  });
  let prepared: PreparedTriggers | undefined;
  let triggers: SheetTriggerPath | undefined;
  try {
    prepared = options.sheetTriggers ? await prepareSheetTriggers() : undefined;
    const grant = await loginThroughEmulator(emulators.sheets.url, options.organisation.coordinator.email);
    const env = {
      ...emulators.env,
      GOOGLE_CLOUD_PROJECT: options.project,
      THEODOI_GOOGLE_GRANT: grantVariable(grant),
      ...prepared?.env,
      ...options.env,
    };
    const runtime = createRuntime({ ...process.env, ...env }, clock);
    const opened = await useCaseDeps(runtime);
    const clients = options.retry ? { ...opened.clients, retry: options.retry } : opened.clients;
    const deps = { ...opened, clients, clock };
    await importOrganisation(deps.db, options.organisation, clock.now());
    if (prepared) triggers = await openSheetTriggers(prepared, emulators.sheets, runtime);
    const served = triggers;
    return {
      emulators,
      emulator: emulators.sheets,
      env,
      grant,
      runtime,
      deps,
      db: deps.db,
      clients,
      clock,
      organisation: options.organisation,
      addDirective: (spec) => createDirective(deps, spec),
      officer: (email) => clientsFor(emulators.sheets, email).sheets,
      ...(served ? { triggers: served } : {}),
      close: async () => {
        await served?.close();
        await emulators.stop();
      },
    };
  } catch (error) {
    await closeTriggers(triggers, prepared);
    await emulators.stop();
    throw error;
  }
}

/** Stops what a failed build had opened of the trigger path. */
async function closeTriggers(
  triggers: SheetTriggerPath | undefined,
  prepared: PreparedTriggers | undefined,
): Promise<void> {
  if (triggers) await triggers.close();
  else await prepared?.pubsub.stop();
}

/**
 * The quarterly 2024 CCHC directive the tests and the bench register, issued by `organisation` and followed by its
 * coordinator, for `recipients` (default: every unit).
 */
export function quarterlyDirective(
  id: string,
  organisation: Organisation,
  recipients: readonly string[] = organisation.units.map((u) => u.code),
): DirectiveSpec {
  return parseDirectiveSpec({
    format: DIRECTIVE_FORMAT,
    id,
    organisation: organisation.id,
    number: null,
    date: '2024-02-05',
    issuer: organisation.name,
    subject: 'triển khai Quyết định ban hành Kế hoạch thông tin, tuyên truyền CCHC năm 2024 của Bộ Nội vụ',
    recipients: [...recipients],
    template: 'cchc-tuyen-truyen@1',
    schedule: {
      kind: 'quarterly',
      first: '2024-Q1',
      last: '2024-Q4',
      deadline: { type: 'working-days-after-cutoff', days: 2 },
    },
    contact: { person: 'Chuyên viên Phòng Nội vụ', phone: '0277 3821 101' },
    coordinators: [organisation.coordinator.email],
  });
}

/** The tests' world: Tháp Mười as `org-<name>`, and its quarterly directive `cchc-<name>` provisioned. */
export interface World extends LocalWorld {
  directive: CreatedDirective;
  spec: DirectiveSpec;
  sync(trigger?: string): Promise<SyncOutcome>;
  /** Registers one more directive like the first, under another id. */
  another(id: string): Promise<CreatedDirective>;
}

/**
 * Starts the tests' world at `now` (default 5 March 2024, 09:00 in Vietnam), on the Firestore emulator the
 * integration tests' global setup started (and its Pub/Sub emulator, for `sheetTriggers`). Production retries wait
 * up to 32 s; these wait milliseconds.
 */
export async function startWorld(
  name: string,
  now = '2024-03-05T02:00:00Z',
  options: Pick<WorldOptions, 'sheetTriggers'> = {},
): Promise<World> {
  const world = await buildWorld({
    project: `theodoi-it-${name}`,
    clock: now,
    organisation: { ...thapMuoi, id: `org-${name}` },
    retry: { retries: 4, baseMs: 1, maxWaitMs: 5 },
    ...options,
  });
  try {
    const spec = quarterlyDirective(`cchc-${name}`, world.organisation);
    const directive = await world.addDirective(spec);
    return {
      ...world,
      directive,
      spec,
      sync: (trigger = 'test') => syncDirective(world.deps, { directiveId: spec.id, trigger }),
      another: (id) => world.addDirective({ ...spec, id }),
    };
  } catch (error) {
    await world.close();
    throw error;
  }
}

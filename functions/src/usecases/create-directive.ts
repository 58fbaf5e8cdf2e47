/**
 * Registers a directive and provisions its spreadsheet the way Google allows (decision 003): registered first (state
 * `provisioning`), then the spreadsheet made by Drive in theodoi's folder (owned by the acting account) or shared
 * drive and recorded at once, shaped and filled by one Sheets batchUpdate, then shared. Each step is recorded, so
 * running the same command after a failure resumes where it stopped and never leaves a second spreadsheet.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { TemplateError, loadTemplate } from '@theodoi/sheets-schema/registry';
import type { Template } from '@theodoi/sheets-schema/template-format';
import type { Clock } from '../clock.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import type { DirectiveSpec } from '../domain/directive.js';
import { openedPeriods, periodsOf, type Period } from '../domain/periods/index.js';
import {
  directivePeriodOf,
  extraTaskPeriods,
  isTaskDirective,
  taskRowsOf,
} from '../domain/tasks/task-rows.js';
import { resolveRecipients } from '../domain/recipients.js';
import type { SharingOutcome } from '../domain/sharing.js';
import { directiveCreate as msg, tasks as taskMsg } from '../messages.vi.js';
import { versionAfterOwnWrites } from '../domain/sync/own-writes.js';
import { sendBatchUpdate } from '../sheets/api/batch-update.js';
import type { GoogleClients } from '../sheets/api/clients.js';
import { createSpreadsheetFile, sheetIdsOf } from '../sheets/api/create-spreadsheet.js';
import { fileVersion } from '../sheets/api/file-version.js';
import type { RetryPolicy } from '../sheets/api/retry.js';
import { planSpreadsheet, SUMMARY_SHEET_ID, type ReportTab } from '../sheets/layout/new-spreadsheet.js';
import {
  loadDirective,
  markProvisioned,
  recordSeenVersion,
  recordSpreadsheet,
  registerDirective,
  type DirectiveRecord,
  type ProvisioningRecord,
} from '../store/directives.js';
import { listUnits, type StoredUnit } from '../store/units.js';
import { createInHome, type CallCount } from './drive-home.js';
import { UserFacingError } from './errors.js';
import { shareSpreadsheet } from './share-directive.js';
import { ensureWatch, type WatchConfig } from './watch-directive.js';

/** What creating a directive needs. */
export interface CreateDirectiveDeps {
  db: Firestore;
  clients: GoogleClients;
  clock: Clock;
  calendar: WorkingCalendar;
  /** The account theodoi acts as: owner of the spreadsheets (or the shared drive's member), editor of its columns. */
  actingAccount: string;
  /** The shared drive the files live in (Workspace deployment); the coordinator's My Drive when absent. */
  sharedDriveId?: string;
  /** How Drive's sharing limit is waited out (address-probe.ts SHARING_RETRY by default). */
  sharingRetry?: RetryPolicy;
  /** Where Drive push notifications go; without it the sheet trigger and the sweep find changes. */
  watch?: WatchConfig;
}

/** What was created, or what the resumed run finished. */
export interface CreatedDirective {
  spreadsheetId: string;
  spreadsheetUrl: string;
  tabs: ReportTab[];
  title: string;
  periods: Period[];
  /** Where every address stands with the spreadsheet; those not `shared` cannot open it yet. */
  sharing: SharingOutcome[];
  /** Whether this run finished a directive an earlier run had registered. */
  resumed: boolean;
  /** Sheets and Drive calls this run made. */
  calls: { sheets: number; drive: number };
  /** What the coordinator should know, in Vietnamese (recipients given twice and merged, a resumed run). */
  warnings: string[];
}

/** Checks the directive against the organisation and templates, then registers, provisions and shares it. */
export async function createDirective(
  deps: CreateDirectiveDeps,
  given: DirectiveSpec,
): Promise<CreatedDirective> {
  const template = templateFor(given.template);
  checkTasksFitTemplate(given, template);
  const stored = await loadDirective(deps.db, given.id);
  if (stored?.state === 'ready' && isFinished(stored.record, deps))
    throw new UserFacingError(msg.alreadyRegistered(given.id), 'exists');
  const warnings: string[] = [];
  let spec: DirectiveSpec;
  let units: StoredUnit[];
  let periods: Period[];
  if (stored) {
    warnings.push(msg.resumed(given.id));
    ({ spec, units, periods } = await registered(deps, given, stored.record, warnings));
  } else {
    const resolved = await recipientUnits(deps.db, given);
    warnings.push(...resolved.warnings);
    units = resolved.units;
    spec = { ...given, recipients: units.map((u) => u.code) };
    periods = initialPeriods(spec, deps.clock.now(), deps.calendar);
  }
  const plan = planSpreadsheet({
    spec,
    template,
    units,
    periods,
    actingAccount: deps.actingAccount,
    ...(isTaskDirective(spec) ? { taskRows: (p: Period) => taskRowsOf(spec, p, deps.calendar) } : {}),
  });
  const calls: CallCount = { sheets: 0, drive: 0 };
  if (!stored) await registerDirective(deps.db, spec, plan.tabs, periods, deps.clock.now());
  let sheet = stored?.record.spreadsheetId
    ? { spreadsheetId: stored.record.spreadsheetId, spreadsheetUrl: stored.record.spreadsheetUrl! }
    : undefined;
  // The version Drive gave the file this run created: theodoi has seen all of it (decision 011).
  let createdVersion: string | undefined;
  if (!sheet) {
    const { version, ...made } = await createInHome(deps, calls, (parentId) =>
      createSpreadsheetFile(deps.clients, { title: plan.title, parentId }),
    );
    sheet = made;
    createdVersion = version;
    await recordSpreadsheet(deps.db, spec.id, sheet, deps.clock.now());
  }
  let applied = 0;
  if (stored?.state !== 'ready') {
    // A resumed run asks whether the shaping went through before a lost answer: batchUpdate is all or nothing.
    const shaped =
      stored?.record.spreadsheetId !== undefined && (await isShaped(deps, calls, sheet.spreadsheetId));
    if (!shaped) {
      applied = await sendBatchUpdate(deps.clients, sheet.spreadsheetId, plan.requests);
      calls.sheets += applied;
    }
    await markProvisioned(deps.db, spec.id, deps.clock.now());
  }
  const shared = await shareSpreadsheet(
    deps,
    { ...spec, ...sheet, sharing: stored?.state === 'ready' ? stored.record.sharing : undefined },
    'create',
  );
  calls.drive += shared.driveCalls;
  if (createdVersion) {
    calls.drive += 1;
    await recordCreatedVersion(
      deps,
      spec.id,
      sheet.spreadsheetId,
      createdVersion,
      applied + shared.sharedNow,
    );
  }
  if (deps.watch && !(stored?.state === 'ready' && stored.record.watch))
    await ensureWatch(deps, { id: spec.id, spreadsheetId: sheet.spreadsheetId }, deps.watch);
  return {
    ...sheet,
    tabs: plan.tabs,
    title: plan.title,
    periods,
    sharing: shared.outcomes,
    resumed: stored !== undefined,
    calls,
    warnings,
  };
}

/**
 * Records the version of a spreadsheet this run created, shaped and shared as seen (decision 011), when its version
 * moved by exactly those changes (an officer who already typed makes it move more: then the sweep reads it).
 */
async function recordCreatedVersion(
  deps: CreateDirectiveDeps,
  directiveId: string,
  spreadsheetId: string,
  created: string,
  changes: number,
): Promise<void> {
  const now = await fileVersion(deps.clients, spreadsheetId).catch(() => undefined);
  const seen = versionAfterOwnWrites(created, now, changes);
  if (seen) await recordSeenVersion(deps.db, directiveId, seen);
}

/** Whether a provisioned directive needs nothing more: every address tried, and watched when watches are on. */
function isFinished(record: DirectiveRecord, deps: CreateDirectiveDeps): boolean {
  const tried = (record.sharing ?? []).every(
    (o) => o.status === 'shared' || o.status === 'needs-google-account',
  );
  return record.sharing !== undefined && tried && (!deps.watch || record.watch !== undefined);
}

/** Whether the spreadsheet already has theodoi's tabs (the shaping batchUpdate went through); one Sheets read. */
async function isShaped(
  deps: CreateDirectiveDeps,
  calls: CallCount,
  spreadsheetId: string,
): Promise<boolean> {
  calls.sheets += 1;
  return (await sheetIdsOf(deps.clients, spreadsheetId)).has(SUMMARY_SHEET_ID);
}

/**
 * The directive as registered by an earlier run, its recipients' units and the periods its tabs were planned for:
 * a resumed run finishes what was registered (a file changed since is reported, not applied).
 */
async function registered(
  deps: CreateDirectiveDeps,
  given: DirectiveSpec,
  record: DirectiveRecord | ProvisioningRecord,
  warnings: string[],
): Promise<{ spec: DirectiveSpec; units: StoredUnit[]; periods: Period[] }> {
  const spec: DirectiveSpec = { ...given, ...pickSpec(record, given) };
  if (JSON.stringify(pickSpec(given, given)) !== JSON.stringify(pickSpec(record, given)))
    warnings.push(msg.registeredFileDiffers(given.id));
  const all = await listUnits(deps.db, spec.organisation, { includeInactive: true });
  const byCode = new Map(all.map((u) => [u.code, u]));
  const units = spec.recipients.flatMap((code) => byCode.get(code) ?? []);
  const periods = Object.keys(record.tabs)
    .sort()
    .map((key) => directivePeriodOf(spec, key, deps.calendar));
  return { spec, units, periods };
}

/** The fields of a directive file, read from `source` in the order of `shape`'s keys. */
function pickSpec(source: object, shape: DirectiveSpec): Partial<DirectiveSpec> {
  const fields = source as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(shape)
      .filter((key) => key !== 'format' && key in fields)
      .map((key) => [key, fields[key]]),
  );
}

function templateFor(ref: string): Template {
  try {
    return loadTemplate(ref);
  } catch (error) {
    if (error instanceof TemplateError && error.kind === 'not-found') {
      throw new UserFacingError(msg.unknownTemplate(ref), 'unknown-template');
    }
    throw error;
  }
}

/** The recipients' units, each once and by its own code; duplicates merged and reported as warnings. */
async function recipientUnits(
  db: Firestore,
  spec: DirectiveSpec,
): Promise<{ units: StoredUnit[]; warnings: string[] }> {
  const units = await listUnits(db, spec.organisation);
  if (units.length === 0)
    throw new UserFacingError(msg.organisationMissing(spec.organisation), 'no-organisation');
  const byCode = new Map(units.map((u) => [u.code, u]));
  const resolved = resolveRecipients(spec.recipients, [...byCode.keys()]);
  if (resolved.unknown.length > 0)
    throw new UserFacingError(msg.unknownRecipients(resolved.unknown), 'unknown-recipients');
  return {
    units: resolved.codes.map((c) => byCode.get(c)!),
    warnings: resolved.duplicates.length > 0 ? [msg.duplicateRecipients(resolved.duplicates)] : [],
  };
}

/** A task form needs the directive's tasks; a directive's tasks need the task form (one row per task and unit). */
function checkTasksFitTemplate(spec: DirectiveSpec, template: Template): void {
  const tasks = spec.tasks?.length ?? 0;
  if (template.shape === 'row-per-task' && tasks === 0)
    throw new UserFacingError(taskMsg.noTasks(template.ref), 'no-tasks');
  if (template.shape !== 'row-per-task' && tasks > 0)
    throw new UserFacingError(taskMsg.notATaskTemplate(template.ref), 'unsupported-shape');
}

/**
 * The periods whose tabs exist from the start: those already opened, or else the first one; a directive of tasks
 * also opens the tab of its tasks due by one day (`once`) beside a periodic schedule's.
 */
function initialPeriods(spec: DirectiveSpec, now: Date, calendar: WorkingCalendar): Period[] {
  return [...extraTaskPeriods(spec, calendar), ...scheduledPeriods(spec, now, calendar)];
}

function scheduledPeriods(spec: DirectiveSpec, now: Date, calendar: WorkingCalendar): Period[] {
  const opened = openedPeriods(spec.schedule, now, calendar);
  if (opened.length > 0) return opened;
  const year =
    spec.schedule.kind === 'once'
      ? Number(spec.schedule.opensOn.slice(0, 4))
      : Number(spec.schedule.first.slice(0, 4));
  const first = periodsOf(spec.schedule, year, year + 1, calendar)[0];
  if (!first) throw new UserFacingError(msg.nothingOpen, 'no-period');
  return [first];
}

/**
 * syncDirective: one read of the report tab, every row validated, changed reports stored with a new
 * version (Firestore first), then one write of the status cells that changed. Serialised per directive.
 * A report tab deleted by hand is recreated from the template and refilled from Firestore in that same write;
 * a renamed one is followed; a spreadsheet theodoi can no longer open marks the directive until it can again.
 */
import { randomUUID } from 'node:crypto';
import type { DocumentData } from 'firebase-admin/firestore';
import { versionAfterOwnWrites } from '../domain/sync/own-writes.js';
import type { RowStatus } from '../domain/validation/validate-row.js';
import { fileState, fileVersion } from '../sheets/api/file-version.js';
import { syncErrors as msg } from '../messages.vi.js';
import { FIRESTORE_TIMEOUT_MS, firestoreStep } from '../store/deadline.js';
import { parseDirectiveRecord, recordTabs, type DirectiveRecord } from '../store/directives.js';
import { raiseNotices } from '../store/notices.js';
import { abandonSyncLease, acquireSyncLease, releaseSyncLease } from '../store/sync-lease.js';
import { UserFacingError } from './errors.js';
import {
  notStoredNotices,
  recreatedTabRecords,
  recreatedTabsOutcome,
  recreationNotices,
  type RecreatedTabOutcome,
} from './recreate-tabs.js';
import { noteAccessLost, noteAccessRestored } from './spreadsheet-access.js';
import type { SyncEvents } from './sync-events.js';
import { readPlanAndStore, type PeriodOutcome, type PlanDeps, type PlanRequest } from './sync-plan.js';
import { writeStatusesAndSummary } from './sync-summary.js';

/** What a sync needs; theodoi's account is also named in access errors. */
export interface SyncDeps extends PlanDeps {
  /** Named events for the logs (tab recreated, access lost or restored). */
  events?: Partial<SyncEvents>;
}

export type { PeriodOutcome };

/** What one sync did, for the caller, the logs and the snapshot. */
export interface SyncOutcome {
  directiveId: string;
  /** 'coalesced': another sync was running and will run again for this request. */
  result: 'synced' | 'coalesced';
  syncId: string;
  /** The period tab synced when one was asked for or only one exists; otherwise the period due now. */
  periodKey?: string;
  /** Counts of `periodKey`'s tab. */
  counts?: Record<RowStatus, number>;
  /** Per period tab read. */
  periods?: Record<string, PeriodOutcome>;
  /** Across every tab read. */
  changedUnits?: number;
  statusCellsWritten?: number;
  firestoreWrites?: number;
  /** Whether the Tổng hợp tab was rewritten in the same write. */
  summaryRewritten?: boolean;
  calls?: { sheetsReads: number; sheetsWrites: number; driveReads?: number };
  durationMs?: number;
  /** How many times the sync ran to absorb edits that arrived while it ran. */
  runs?: number;
  /** Report tabs deleted by hand and recreated by this sync, refilled with the stored cells. */
  recreatedTabs?: RecreatedTabOutcome[];
  /** Period keys whose tab was renamed by hand; the directive's record now has the new title. */
  renamedTabs?: string[];
  /** Whether this sync cleared the directive's lost-access mark. */
  accessRestored?: boolean;
  /**
   * The spreadsheet's Drive version this sync saw whole (read, then changed only by its own write), recorded with
   * the lease's release so the sweep does not read it again; absent when someone else may have written meanwhile.
   */
  seenVersion?: string;
  /** What the coordinator should know, in Vietnamese (a tab recreated, a row not stored, a tab left unsynced). */
  notices?: string[];
  /** Units' rows Firestore could not store (each told why on its row); the other units were stored. */
  notStored?: { periodKey: string; unitCode: string; row: number }[];
}

/** Options of one sync request. */
export interface SyncRequest extends PlanRequest {
  directiveId: string;
  /** Who asked for the sync, when a verified identity did (the sheet trigger's ID token): for attribution. */
  by?: string;
  /** The spreadsheet's Drive version taken before this request's read (the sweep's listing); asked Drive otherwise. */
  versionBefore?: string;
}

/**
 * Syncs a directive, or leaves a mark for the sync already running to run again. The directive document is read
 * once per run, by the lease (taking it, or keeping it for one more run). A sync that fails lets go of the lease
 * with its work, and the work that coalesced into it, left pending for the sweep (a person's mistake, such as an
 * unknown tab or a spreadsheet no longer shared, is left to the next change instead).
 */
export async function syncDirective(deps: SyncDeps, request: SyncRequest): Promise<SyncOutcome> {
  const syncId = `${deps.clock.now().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
  const store = firestoreStep(deps);
  const timeoutMs = deps.firestoreTimeoutMs ?? FIRESTORE_TIMEOUT_MS;
  // The lease's own give-up instant, on the machine's clock: no lease write is sent after the step has failed.
  const giveUp = () => ({ giveUpAt: Date.now() + timeoutMs });
  const { directiveId } = request;
  const lease = await store(
    acquireSyncLease(deps.db, directiveId, syncId, deps.clock.now(), giveUp()),
    'taking the lease',
  );
  if (lease.state === 'missing') {
    throw new UserFacingError(msg.unknownDirective(directiveId), 'unknown-directive');
  }
  if (lease.state === 'held') return { directiveId, result: 'coalesced', syncId };
  let document: DocumentData = lease.document;
  let outcome: SyncOutcome | undefined;
  let runs = 0;
  try {
    for (;;) {
      runs += 1;
      outcome = mergeRuns(outcome, await syncOnce(deps, request, document, syncId, runs));
      const seen = outcome.seenVersion ? { seenVersion: outcome.seenVersion } : {};
      const released = await store(
        releaseSyncLease(deps.db, directiveId, syncId, deps.clock.now(), giveUp(), seen),
        'releasing the lease',
      );
      if (released.state === 'done') break;
      document = released.document;
    }
  } catch (error) {
    // Waited for a step's time at most; if Firestore is slower, the letting go still lands when it answers.
    const handOn = !(error instanceof UserFacingError);
    await store(abandonSyncLease(deps.db, directiveId, syncId, { handOn }), 'letting go of the lease').catch(
      () => undefined,
    );
    throw error;
  }
  return { ...outcome, runs };
}

async function syncOnce(
  deps: SyncDeps,
  request: SyncRequest,
  document: DocumentData,
  syncId: string,
  run: number,
): Promise<SyncOutcome> {
  const directive = parseDirectiveRecord(document);
  try {
    return await syncSpreadsheet(deps, request, directive, syncId, run);
  } catch (error) {
    throw (await noteAccessLost(deps, directive, error, deps.clock.now())) ?? error;
  }
}

async function syncSpreadsheet(
  deps: SyncDeps,
  request: SyncRequest,
  directive: DirectiveRecord,
  syncId: string,
  run: number,
): Promise<SyncOutcome> {
  const started = performance.now();
  const startedAt = deps.clock.now();
  const store = firestoreStep(deps);
  const runId = run === 1 ? syncId : `${syncId}-${run}`;
  // The version before the read (decision 011): the read then holds every change up to it. A read of one period's
  // tab (`theodoi sync --period`) does not see the others, so it records nothing.
  const before = request.periodKey
    ? { version: undefined, driveReads: 0 }
    : await stateBeforeRead(deps, directive, run === 1 ? request : {});
  // Read, plan and store in a step of its own: the rows, plans and stored reports it holds can be collected
  // before the write and the summary, which need only the status requests. Drive's last modifier, read with the
  // version, names who typed the changed rows (no second files.get).
  const planned = before.editor && !request.editor ? { ...request, editor: before.editor } : request;
  const stored = await readPlanAndStore(deps, planned, directive, { runId, started, startedAt });
  const { headline, requests, calls, recreated, renamed, tally, firestoreWrites } = stored;
  calls.driveReads += before.driveReads;
  // A recreated tab is recorded before it is added: if the write fails, the next sync finds it missing again.
  const tabWrites = await store(
    recordTabs(
      deps.db,
      directive.id,
      { ...stored.records, ...recreatedTabRecords(recreated) },
      deps.clock.now(),
    ),
    'recording the tabs',
  );
  const written = await writeStatusesAndSummary(deps, directive, headline, requests, startedAt);
  calls.sheetsWrites = written.sheetsWrites;
  const askAfter = written.applied > 0 && before.version !== undefined;
  const after = askAfter ? await versionOrNothing(deps, directive) : before.version;
  if (askAfter) calls.driveReads += 1;
  const seenVersion = versionAfterOwnWrites(before.version, after, written.applied);
  const notices = [
    ...recreationNotices(directive, recreated.values(), startedAt),
    ...notStoredNotices(directive, stored.notStored),
  ];
  const noticeWrites = await store(
    raiseNotices(deps.db, directive.id, notices, deps.clock.now()),
    'recording the notices',
  );
  const recreatedTabs = recreatedTabsOutcome(recreated);
  for (const { periodKey, sheetId, previousSheetId, refilledUnits } of recreatedTabs) {
    deps.events?.reportTabRecreated?.({
      directiveId: directive.id,
      periodKey,
      sheetId,
      previousSheetId,
      refilledUnits,
    });
  }
  const accessRestored = await noteAccessRestored(deps, directive);

  return {
    directiveId: directive.id,
    result: 'synced',
    syncId: runId,
    periodKey: headline,
    ...(tally.byPeriod[headline] ? { counts: tally.byPeriod[headline].counts } : {}),
    periods: tally.byPeriod,
    changedUnits: tally.changedUnits,
    statusCellsWritten: tally.statusCellsWritten,
    firestoreWrites:
      firestoreWrites + tabWrites + written.firestoreWrites + noticeWrites + (accessRestored ? 1 : 0),
    summaryRewritten: written.summary,
    calls,
    durationMs: Math.round(performance.now() - started),
    ...(recreatedTabs.length > 0 ? { recreatedTabs } : {}),
    ...(notices.length + stored.problems.length > 0
      ? { notices: [...notices.map((n) => n.message), ...stored.problems] }
      : {}),
    ...(stored.notStored.length > 0
      ? {
          notStored: stored.notStored.map(({ periodKey, unitCode, rowIndex }) => ({
            periodKey,
            unitCode,
            row: rowIndex + 1,
          })),
        }
      : {}),
    ...(renamed.length > 0 ? { renamedTabs: renamed } : {}),
    ...(accessRestored ? { accessRestored } : {}),
    ...(seenVersion ? { seenVersion } : {}),
  };
}

/**
 * The version the caller took before this sync (the sweep's listing, a Drive notification's files.get), or Drive's
 * version and last modifier now (one files.get); nothing when Drive cannot say.
 */
async function stateBeforeRead(
  deps: SyncDeps,
  directive: DirectiveRecord,
  given: Pick<SyncRequest, 'versionBefore'>,
): Promise<{ version: string | undefined; editor?: string; driveReads: number }> {
  if (given.versionBefore) return { version: given.versionBefore, driveReads: 0 };
  const state = await fileState(deps.clients, directive.spreadsheetId).catch(() => undefined);
  return {
    version: state?.version,
    ...(state?.lastModifier ? { editor: state.lastModifier } : {}),
    driveReads: 1,
  };
}

/** Drive's version of the spreadsheet now; nothing when Drive cannot say (the sweep then reads it again). */
async function versionOrNothing(deps: SyncDeps, directive: DirectiveRecord): Promise<string | undefined> {
  return fileVersion(deps.clients, directive.spreadsheetId).catch(() => undefined);
}

/** One outcome for runs made under one lease: the latest run's state, the work of all of them added up. */
function mergeRuns(before: SyncOutcome | undefined, latest: SyncOutcome): SyncOutcome {
  if (!before) return latest;
  const add = (a?: number, b?: number) => (a ?? 0) + (b ?? 0);
  return {
    ...latest,
    changedUnits: add(before.changedUnits, latest.changedUnits),
    statusCellsWritten: add(before.statusCellsWritten, latest.statusCellsWritten),
    firestoreWrites: add(before.firestoreWrites, latest.firestoreWrites),
    calls: {
      sheetsReads: add(before.calls?.sheetsReads, latest.calls?.sheetsReads),
      sheetsWrites: add(before.calls?.sheetsWrites, latest.calls?.sheetsWrites),
      driveReads: add(before.calls?.driveReads, latest.calls?.driveReads),
    },
    summaryRewritten: Boolean(before.summaryRewritten || latest.summaryRewritten),
    durationMs: add(before.durationMs, latest.durationMs),
    ...joined({
      recreatedTabs: [...(before.recreatedTabs ?? []), ...(latest.recreatedTabs ?? [])],
      renamedTabs: [...new Set([...(before.renamedTabs ?? []), ...(latest.renamedTabs ?? [])])],
      notices: [...(before.notices ?? []), ...(latest.notices ?? [])],
    }),
    ...(before.accessRestored || latest.accessRestored ? { accessRestored: true } : {}),
  };
}

/** The lists that have entries (an outcome leaves out empty ones). */
function joined(
  lists: Required<Pick<SyncOutcome, 'recreatedTabs' | 'renamedTabs' | 'notices'>>,
): Partial<SyncOutcome> {
  return Object.fromEntries(Object.entries(lists).filter(([, list]) => list.length > 0));
}

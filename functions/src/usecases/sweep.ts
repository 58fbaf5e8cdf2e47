/**
 * The scheduled sweep: asks Drive which spreadsheets changed since the last sweep and syncs only the directives
 * whose spreadsheet someone else changed (its listed version is not the one theodoi saw whole: decision 011), and
 * those with work no live sync will do (left pending by a sync that failed, or held by a sync that died). The
 * first sweep (no cursor yet) syncs every open directive.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { changedSinceSeen } from '../domain/sync/own-writes.js';
import { changedFilesSince, startPageToken } from '../sheets/api/drive-changes.js';
import { getDriveCursor, setDriveCursor } from '../store/drive-cursor.js';
import { listOpenDirectives } from '../store/directives.js';
import { markSyncPending, workLeftBehind } from '../store/sync-lease.js';
import { UserFacingError } from './errors.js';
import { directiveFailure, type DirectiveFailure } from './sync-failure.js';
import { syncDirective, type SyncDeps, type SyncOutcome } from './sync-directive.js';
import { ensureWatch, type WatchConfig } from './watch-directive.js';

/** A directive the sweep could not sync; `code` names a known cause ('access-lost', 'store-unavailable', …). */
export type SweepFailure = DirectiveFailure;

/** What a sweep did. */
export interface SweepOutcome {
  openDirectives: number;
  changedDirectives: number;
  /** Directives Drive listed as changed whose only changes were theodoi's own writes (or already read): not read. */
  ownWritesSkipped: number;
  driveCalls: number;
  /** Drive channels opened anew because theirs was about to expire. */
  renewedWatches: number;
  /** Per directive synced: its outcome, or why it failed (the coordinator's words when there are some). */
  outcomes: (SyncOutcome | SweepFailure)[];
}

/**
 * Runs one sweep; one directive's failure is recorded and the others continue. A spreadsheet theodoi can no
 * longer open marks its directive (see syncDirective); sharing it again is a Drive change, so the next sweep
 * syncs it and clears the mark.
 */
export async function sweepDirectives(
  deps: SyncDeps & { watch?: WatchConfig },
  onError: (directiveId: string, error: unknown) => void = () => {},
  /** The registers' fallback: given the spreadsheets Drive says changed (all on a first sweep); false if one failed. */
  registers?: (changed: ReadonlySet<string> | undefined) => Promise<boolean>,
): Promise<SweepOutcome> {
  const cursor = await getDriveCursor(deps.db);
  // Take the next cursor before reading the sheets, so an edit made during the sweep is seen next time.
  const changes = cursor ? await changedFilesSince(deps.clients, cursor) : undefined;
  const next = changes?.nextPageToken ?? (await startPageToken(deps.clients));
  const open = await listOpenDirectives(deps.db);
  const now = deps.clock.now();
  const listed = (id: string) => changes?.fileIds.has(id) ?? true;
  const changedByOthers = (d: (typeof open)[number]) =>
    !changes || changedSinceSeen(changes.versions.get(d.spreadsheetId), d.seenVersion);
  const due = open.filter((d) => (listed(d.spreadsheetId) && changedByOthers(d)) || workLeftBehind(d, now));
  const ownWritesSkipped = open.filter((d) => listed(d.spreadsheetId) && !due.includes(d)).length;
  const outcomes: SweepOutcome['outcomes'] = [];
  // The cursor moves past a change only once its sync is done or handed on (left pending for the next sweep).
  let everyChangeHandled = true;
  for (const directive of due) {
    try {
      const editor = changes?.editors.get(directive.spreadsheetId);
      // Listed before the sync reads: whatever the read finds includes every change up to this version.
      const versionBefore = changes?.versions.get(directive.spreadsheetId);
      outcomes.push(
        await syncDirective(deps, {
          directiveId: directive.id,
          trigger: 'sweep',
          ...(editor ? { editor } : {}),
          ...(versionBefore ? { versionBefore } : {}),
        }),
      );
    } catch (error) {
      onError(directive.id, error);
      outcomes.push(directiveFailure(directive.id, error));
      if (!(error instanceof UserFacingError) && !(await handedOn(deps.db, directive.id))) {
        everyChangeHandled = false;
      }
    }
  }
  let renewedWatches = 0;
  if (deps.watch) {
    for (const directive of open) {
      try {
        if ((await ensureWatch(deps, directive, deps.watch)).renewed) renewedWatches += 1;
      } catch (error) {
        onError(directive.id, error);
      }
    }
  }
  if (registers && !(await registers(changes?.fileIds))) everyChangeHandled = false;
  if (everyChangeHandled) await setDriveCursor(deps.db, next, deps.clock.now());
  return {
    openDirectives: open.length,
    changedDirectives: due.length,
    ownWritesSkipped,
    driveCalls: (changes?.driveCalls ?? 1) + renewedWatches * 2,
    renewedWatches,
    outcomes,
  };
}

/** Leaves the failed directive's sync for the next sweep; false when even that could not be written. */
async function handedOn(db: Firestore, directiveId: string): Promise<boolean> {
  try {
    await markSyncPending(db, directiveId);
    return true;
  } catch {
    return false;
  }
}

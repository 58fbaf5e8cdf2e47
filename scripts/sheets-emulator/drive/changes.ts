/** Drive changes.getStartPageToken and changes.list (latest change per file, paged, removals included). */
import { invalidArgument, notImplemented } from '../contract/errors.js';
import { canRead } from './access.js';
import type { DriveCall, DriveDeps, DriveResult } from './call.js';
import { flag, one } from './call.js';
import { corpusOf, memberDrive } from './corpora.js';
import { pageSize } from './files.js';
import { appMaySee } from './lookup.js';
import { fileResource } from './resource.js';
import type { ChangeRecord } from './store.js';

/** Refuses other spaces than Drive's. */
function checkSpaces(call: DriveCall): void {
  const spaces = one(call.query, 'spaces');
  if (spaces !== undefined && spaces !== 'drive') throw notImplemented(`changes spaces=${spaces}`);
}

/** changes.getStartPageToken (of the caller's changes, or of a shared drive they belong to). */
export function getStartPageToken(call: DriveCall, deps: DriveDeps): DriveResult {
  checkSpaces(call);
  const driveId = one(call.query, 'driveId') ?? one(call.query, 'teamDriveId');
  if (driveId !== undefined) {
    if (!flag(call.query, 'supportsAllDrives'))
      throw invalidArgument('drive', 'Invalid Value', 'supportsAllDrives');
    memberDrive(deps, driveId, call.caller.email);
  }
  return { body: { kind: 'drive#startPageToken', startPageToken: String(deps.store.nextChangeId) } };
}

/** changes.list */
export function list(call: DriveCall, deps: DriveDeps): DriveResult {
  checkSpaces(call);
  const corpus = corpusOf(call, deps, false);
  const email = call.caller.email;
  const token = one(call.query, 'pageToken') ?? '';
  const from = Number(token);
  if (!/^\d+$/.test(token) || from < 1 || from > deps.store.nextChangeId) {
    throw invalidArgument('drive', 'Invalid Value', 'pageToken');
  }
  const size = pageSize(one(call.query, 'pageSize'), 100, 1000);
  const includeRemoved = flag(call.query, 'includeRemoved', true);
  const latest = new Map<string, ChangeRecord>();
  for (const change of deps.store.changes) {
    if (change.id < from || !change.audience.includes(email)) continue;
    latest.delete(change.fileId);
    latest.set(change.fileId, change);
  }
  const entries = [...latest.values()]
    .sort((a, b) => a.id - b.id)
    .flatMap((change) => {
      const file = deps.store.files.get(change.fileId);
      // A per-file token (drive.file) hears only of its app's files; a shared drive's feed only of its items.
      if (file && (!corpus.includes(file) || !appMaySee(file, call.caller))) return [];
      if (!file && corpus.driveId !== undefined) return [];
      const visible = file !== undefined && canRead(file, email, deps.store.lookup);
      return [{ change, file: visible ? file : undefined }];
    })
    .filter((e) => includeRemoved || e.file !== undefined);
  const page = entries.slice(0, size);
  const following = entries[size];
  return {
    body: {
      kind: 'drive#changeList',
      changes: page.map(({ change, file }) => ({
        kind: 'drive#change',
        changeType: 'file',
        type: 'file',
        fileId: change.fileId,
        time: change.time,
        removed: file === undefined,
        ...(file ? { file: fileResource(file, email, deps.store.lookup) } : {}),
      })),
      ...(following
        ? { nextPageToken: String(following.change.id) }
        : { newStartPageToken: String(deps.store.nextChangeId) }),
    },
  };
}

/** Which files a files.list or changes.list covers: My Drive and shared-with-me, one shared drive, or all drives. */
import { sharedDriveNotFound } from '../accounts/errors.js';
import { invalidArgument, notImplemented } from '../contract/errors.js';
import type { FileRecord } from '../types.js';
import { canRead } from './access.js';
import type { DriveCall, DriveDeps } from './call.js';
import { flag, one } from './call.js';

/** The body of items a list call searches. */
export interface Corpus {
  /** Set when the call is about one shared drive. */
  driveId?: string;
  includes(file: FileRecord): boolean;
}

const CORPORA = ['user', 'drive', 'allDrives', 'domain'];

/** Whether a record is a shared drive's root (the drive itself, never listed as an item). */
export function isDriveRoot(file: FileRecord): boolean {
  return file.driveId !== undefined && file.id === file.driveId;
}

/** Checks that the caller is a member of the shared drive; Drive's 404 otherwise. */
export function memberDrive(deps: DriveDeps, driveId: string, email: string): FileRecord {
  const root = deps.store.files.get(driveId);
  if (!root || !isDriveRoot(root) || !canRead(root, email, deps.store.lookup))
    throw sharedDriveNotFound(driveId);
  return root;
}

/**
 * Reads corpora, driveId, includeItemsFromAllDrives and supportsAllDrives as Drive does: shared-drive items are
 * included only when the app says it supports them and asks for them; a driveId goes with corpora=drive.
 */
export function corpusOf(call: DriveCall, deps: DriveDeps, withCorpora = true): Corpus {
  const q = call.query;
  const driveId = one(q, 'driveId') ?? one(q, 'teamDriveId');
  const corpora = withCorpora ? (one(q, 'corpora') ?? (driveId !== undefined ? 'drive' : 'user')) : undefined;
  const sharedDrives =
    (flag(q, 'includeItemsFromAllDrives') || flag(q, 'includeTeamDriveItems')) &&
    (flag(q, 'supportsAllDrives') || flag(q, 'supportsTeamDrives'));
  if (corpora !== undefined) {
    if (!CORPORA.includes(corpora)) throw invalidArgument('drive', 'Invalid Value', 'corpora');
    if (corpora === 'domain') throw notImplemented('files.list corpora=domain');
    if ((corpora === 'drive') !== (driveId !== undefined)) {
      throw invalidArgument(
        'drive',
        'The driveId parameter must be specified if and only if corpora is set to drive.',
      );
    }
    if (corpora === 'allDrives' && !sharedDrives) {
      throw invalidArgument(
        'drive',
        'The includeItemsFromAllDrives parameter must be set to true when corpora is set to allDrives.',
      );
    }
  }
  if (driveId !== undefined) {
    if (!sharedDrives)
      throw invalidArgument(
        'drive',
        'The includeItemsFromAllDrives parameter must be set to true when driveId is set.',
      );
    memberDrive(deps, driveId, call.caller.email);
    return { driveId, includes: (f) => !isDriveRoot(f) && f.driveId === driveId };
  }
  return { includes: (f) => !isDriveRoot(f) && (f.driveId === undefined || sharedDrives) };
}

/** Finding files as a caller may see them, with Drive's 404/403 answers. */
import type { FileRecord, Identity } from '../types.js';
import { fileNotFound, insufficientFilePermissions } from '../contract/errors.js';
import { canRead, canWrite, roleOf } from './access.js';
import type { DriveCall } from './call.js';
import { flag } from './call.js';
import type { DriveStore } from './store.js';
import { MIME } from './store.js';

/** Who looks at Drive in one call, and how: through a per-file scope or not, with shared drives or not. */
export interface Viewer {
  email: string;
  identity: Identity;
  /** supportsAllDrives=true: the app copes with shared drives, so their items can be addressed. */
  allDrives: boolean;
}

/** The viewer of a Drive call. */
export function viewerOf(call: DriveCall): Viewer {
  return {
    email: call.caller.email,
    identity: call.caller,
    allDrives: flag(call.query, 'supportsAllDrives'),
  };
}

/** Whether the caller's app may see the file under drive.file: it created it, or it was opened with it. */
export function appMaySee(file: FileRecord, identity: Identity): boolean {
  if (!identity.perFile) return true;
  return identity.appId !== undefined && (file.appIds ?? []).includes(identity.appId);
}

/**
 * Whether this call can address the file at all, whatever the roles: a shared-drive item needs
 * supportsAllDrives=true, and a per-file scope (drive.file) only reaches the app's own files.
 */
export function reachable(file: FileRecord, viewer: Viewer): boolean {
  if (file.driveId !== undefined && !viewer.allDrives) return false;
  return appMaySee(file, viewer.identity);
}

/** The file, or Drive's 404 when it does not exist or the caller cannot see it. */
export function visibleFile(store: DriveStore, fileId: string, viewer: Viewer): FileRecord {
  const file = store.files.get(fileId);
  if (!file || !reachable(file, viewer) || !canRead(file, viewer.email, store.lookup))
    throw fileNotFound(fileId);
  return file;
}

/** The file, if the caller may edit it (404 when invisible, 403 when read-only). */
export function writableFile(store: DriveStore, fileId: string, viewer: Viewer): FileRecord {
  const file = visibleFile(store, fileId, viewer);
  if (!canWrite(file, viewer.email, store.lookup)) throw insufficientFilePermissions();
  return file;
}

/** Whether the caller may trash or delete the file: its owner, or a shared drive's organizer or file organizer. */
export function mayDelete(file: FileRecord, email: string, store: DriveStore): boolean {
  const role = roleOf(file, email, store.lookup);
  return (
    role === 'owner' || (file.driveId !== undefined && (role === 'organizer' || role === 'fileOrganizer'))
  );
}

/** The file, if the caller may delete it (404 when invisible, 403 otherwise). */
export function ownedFile(store: DriveStore, fileId: string, viewer: Viewer): FileRecord {
  const file = visibleFile(store, fileId, viewer);
  if (!mayDelete(file, viewer.email, store)) throw insufficientFilePermissions();
  return file;
}

/** The caller's root folder as a synthetic record (Drive's "My Drive"), for `root` and its id. */
export function rootRecord(store: DriveStore, email: string): FileRecord {
  return {
    id: store.rootId(email),
    name: 'My Drive',
    mimeType: MIME.folder,
    createdTime: '1970-01-01T00:00:00.000Z',
    modifiedTime: '1970-01-01T00:00:00.000Z',
    version: 1,
    trashed: false,
    ownerEmail: email,
    permissions: [],
    parents: [],
  };
}

/**
 * Resolves a folder the caller may add files to: `root`, their root id, a folder they can write, or a shared
 * drive they may add to (with supportsAllDrives). Returns the folder.
 */
export function targetFolder(store: DriveStore, folderId: string, viewer: Viewer): FileRecord {
  if (folderId === 'root' || folderId === store.rootId(viewer.email)) return rootRecord(store, viewer.email);
  const folder = visibleFile(store, folderId, viewer);
  if (folder.mimeType !== MIME.folder) throw fileNotFound(folderId);
  if (!canWrite(folder, viewer.email, store.lookup)) throw insufficientFilePermissions();
  return folder;
}

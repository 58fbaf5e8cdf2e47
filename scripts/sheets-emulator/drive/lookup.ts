/** Finding files as a caller may see them, with Drive's 404/403 answers. */
import type { FileRecord } from '../types.js';
import { fileNotFound, insufficientFilePermissions } from '../contract/errors.js';
import { canRead, canWrite, roleOf } from './access.js';
import type { DriveStore } from './store.js';
import { MIME } from './store.js';

/** The file, or Drive's 404 when it does not exist or the caller cannot see it. */
export function visibleFile(store: DriveStore, fileId: string, email: string): FileRecord {
  const file = store.files.get(fileId);
  if (!file || !canRead(file, email, store.lookup)) throw fileNotFound(fileId);
  return file;
}

/** The file, if the caller may edit it (404 when invisible, 403 when read-only). */
export function writableFile(store: DriveStore, fileId: string, email: string): FileRecord {
  const file = visibleFile(store, fileId, email);
  if (!canWrite(file, email, store.lookup)) throw insufficientFilePermissions();
  return file;
}

/** The file, if the caller owns it (404 when invisible, 403 otherwise). */
export function ownedFile(store: DriveStore, fileId: string, email: string): FileRecord {
  const file = visibleFile(store, fileId, email);
  if (roleOf(file, email, store.lookup) !== 'owner') throw insufficientFilePermissions();
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
 * Resolves a folder the caller may add files to: `root`, their root id, or a folder they can write.
 * Returns the folder id.
 */
export function targetFolder(store: DriveStore, folderId: string, email: string): string {
  if (folderId === 'root' || folderId === store.rootId(email)) return store.rootId(email);
  const folder = visibleFile(store, folderId, email);
  if (folder.mimeType !== MIME.folder) throw fileNotFound(folderId);
  if (!canWrite(folder, email, store.lookup)) throw insufficientFilePermissions();
  return folder.id;
}

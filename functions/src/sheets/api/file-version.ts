/** Drive's version of a file (files.get fields=version): how the sweep tells theodoi's own writes from others'. */
import type { GoogleClients } from './clients.js';
import { callGoogle } from './retry.js';

/**
 * The file's Drive `version` now: "a monotonically increasing version number for the file", which "reflects every
 * change made to the file on the server" (Drive v3 discovery, File.version). One files.get with a fields mask.
 */
export async function fileVersion(clients: GoogleClients, fileId: string): Promise<string> {
  const res = await callGoogle(
    () => clients.drive.files.get({ fileId, fields: 'version', supportsAllDrives: true }),
    'repeatable',
    clients.retry,
  );
  if (!res.data.version) throw new Error('files.get returned no version');
  return res.data.version;
}

/** A file's version and who Drive says modified it last, read together. */
export interface FileState {
  version: string;
  /** The last modifier's e-mail, lower-cased, when Drive tells it. */
  lastModifier?: string;
}

/** The file's version and last modifier now: one files.get, the sync's only Drive call before its read. */
export async function fileState(clients: GoogleClients, fileId: string): Promise<FileState> {
  const res = await callGoogle(
    () =>
      clients.drive.files.get({
        fileId,
        fields: 'version,lastModifyingUser(emailAddress)',
        supportsAllDrives: true,
      }),
    'repeatable',
    clients.retry,
  );
  if (!res.data.version) throw new Error('files.get returned no version');
  const email = res.data.lastModifyingUser?.emailAddress?.toLowerCase();
  return { version: res.data.version, ...(email ? { lastModifier: email } : {}) };
}

/**
 * Drive files.create for theodoi's own files (a folder, spreadsheets, the probe file), always inside a parent it
 * names: its folder in the coordinator's My Drive, or a shared drive. The creator owns the file (a shared drive owns
 * what is put in it); a service account may own nothing, so it only ever creates in a shared drive.
 */
import type { GoogleClients } from './clients.js';
import { callGoogle } from './retry.js';

/** Google's MIME types of the files theodoi creates. */
export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  /** An empty text file: the probe file, which nobody opens. */
  text: 'text/plain',
} as const;

/** A file Drive created: its id, and its version as created (decision 011), when Drive tells it. */
export interface CreatedFile {
  id: string;
  version?: string;
}

/**
 * Creates an empty file of `mimeType` named `name` in `parentId` (a folder or a shared drive) and returns its id and
 * version. Not repeated: a repeat after a lost answer would leave a second file. `supportsAllDrives` lets the parent
 * be a shared drive; it changes nothing in a My Drive.
 */
export async function createDriveFile(
  clients: GoogleClients,
  file: { name: string; mimeType: string; parentId: string },
): Promise<CreatedFile> {
  const created = await callGoogle(
    () =>
      clients.drive.files.create({
        requestBody: { name: file.name, mimeType: file.mimeType, parents: [file.parentId] },
        supportsAllDrives: true,
        fields: 'id,version',
      }),
    'once',
  );
  if (!created.data.id) throw new Error('files.create returned no id');
  return { id: created.data.id, ...(created.data.version ? { version: created.data.version } : {}) };
}

/** Creates theodoi's folder at the root of the acting account's My Drive and returns its id. */
export async function createRootFolder(clients: GoogleClients, name: string): Promise<string> {
  return (await createDriveFile(clients, { name, mimeType: MIME.folder, parentId: 'root' })).id;
}

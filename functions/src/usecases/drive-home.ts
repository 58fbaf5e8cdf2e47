/**
 * theodoi's place in Drive (decision 003): the folder "theodoi — Theo dõi văn bản chỉ đạo" it creates once in the
 * coordinator's My Drive and files every spreadsheet in, or the shared drive of the Workspace deployment; and its
 * probe file. Recorded in Firestore per account (store/drive-home.ts), made again when someone deleted it.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { Clock } from '../clock.js';
import { sharing as msg } from '../messages.vi.js';
import type { GoogleClients } from '../sheets/api/clients.js';
import { createDriveFile, createRootFolder, MIME } from '../sheets/api/drive-files.js';
import { GoogleApiError } from '../sheets/api/google-error.js';
import { getDriveHome, recordDriveHome } from '../store/drive-home.js';

/** What finding theodoi's place in Drive needs. */
export interface DriveHomeDeps {
  db: Firestore;
  clients: GoogleClients;
  clock: Clock;
  /** The account theodoi acts as: its My Drive holds the folder. */
  actingAccount: string;
  /** The shared drive the files live in (Workspace deployment); the coordinator's My Drive when absent. */
  sharedDriveId?: string;
}

/** Google calls a step made, added up across steps. */
export interface CallCount {
  sheets: number;
  drive: number;
}

/** Whose Drive home this is: the shared drive, or the acting account's My Drive. */
function homeOwner(deps: DriveHomeDeps): string {
  return deps.sharedDriveId ?? deps.actingAccount;
}

/** Whether Drive answered that the parent (or the file) is gone. */
function isGone(error: unknown): boolean {
  return error instanceof GoogleApiError && error.code === 'not-found';
}

async function newFolder(deps: DriveHomeDeps, calls: CallCount): Promise<string> {
  calls.drive += 1;
  const folderId = await createRootFolder(deps.clients, msg.folderName);
  await recordDriveHome(deps.db, homeOwner(deps), { folderId }, deps.clock.now());
  return folderId;
}

/**
 * Runs `create(parentId)` (one Drive call, counted) in theodoi's folder: the shared drive; else the folder of the
 * coordinator's My Drive, created on first use, and created anew (once) when Drive says the recorded one is gone.
 */
export async function createInHome<T>(
  deps: DriveHomeDeps,
  calls: CallCount,
  create: (parentId: string) => Promise<T>,
): Promise<T> {
  calls.drive += 1;
  if (deps.sharedDriveId) return create(deps.sharedDriveId);
  const recorded = (await getDriveHome(deps.db, homeOwner(deps))).folderId;
  const folderId = recorded ?? (await newFolder(deps, calls));
  try {
    return await create(folderId);
  } catch (error) {
    if (recorded === undefined || !isGone(error)) throw error;
    const again = await newFolder(deps, calls);
    calls.drive += 1;
    return create(again);
  }
}

/** theodoi's probe file (an empty text file in its folder), created on first use or when `renew` says it is gone. */
export async function probeFile(deps: DriveHomeDeps, calls: CallCount, renew = false): Promise<string> {
  const recorded = (await getDriveHome(deps.db, homeOwner(deps))).probeFileId;
  if (recorded && !renew) return recorded;
  const probeFileId = await createInHome(deps, calls, (parentId) =>
    createDriveFile(deps.clients, { name: msg.probeFileName, mimeType: MIME.text, parentId }),
  ).then((file) => file.id);
  await recordDriveHome(deps.db, homeOwner(deps), { probeFileId }, deps.clock.now());
  return probeFileId;
}

/** Runs `use(fileId)` on the probe file, making the file anew once when Drive says it is gone. */
export async function withProbeFile<T>(
  deps: DriveHomeDeps,
  calls: CallCount,
  use: (fileId: string) => Promise<T>,
): Promise<T> {
  try {
    return await use(await probeFile(deps, calls));
  } catch (error) {
    if (!isGone(error)) throw error;
    return use(await probeFile(deps, calls, true));
  }
}

/**
 * Where theodoi keeps its files in the acting account's Drive, per account: the folder "theodoi — Theo dõi văn bản
 * chỉ đạo" it created once in the coordinator's My Drive, and the small probe file addresses are checked on.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';

const DRIVE_HOMES = 'driveHomes';

const DriveHomeSchema = z
  .object({
    /** The folder in the account's My Drive; absent in a shared drive, whose root holds the files. */
    folderId: z.string().optional(),
    /** The probe file (in the folder, or in the shared drive). */
    probeFileId: z.string().optional(),
  })
  .loose();
/** What theodoi created in one account's Drive (or shared drive) for its own use. */
export type DriveHome = z.infer<typeof DriveHomeSchema>;

/** The document of an account's (or a shared drive's) Drive home. */
function homeRef(db: Firestore, owner: string) {
  return db.collection(DRIVE_HOMES).doc(owner);
}

/** What theodoi recorded of its files in `owner`'s Drive (an account's e-mail, or a shared drive's id). */
export async function getDriveHome(db: Firestore, owner: string): Promise<DriveHome> {
  const snap = await homeRef(db, owner).get();
  return DriveHomeSchema.parse(snap.data() ?? {});
}

/** Records the folder or the probe file theodoi just created in `owner`'s Drive. */
export async function recordDriveHome(
  db: Firestore,
  owner: string,
  fields: Partial<Pick<DriveHome, 'folderId' | 'probeFileId'>>,
  now: Date,
): Promise<void> {
  await homeRef(db, owner).set({ ...fields, updatedAt: now }, { merge: true });
}

/** Shared drives as a Workspace admin creates them: a root folder owned by the drive, its members as permissions. */
import { randomBytes } from 'node:crypto';
import type { DriveStore } from '../drive/store.js';
import { MIME, userPermissionId } from '../drive/store.js';
import type { FileRecord, PermissionRecord } from '../types.js';
import type { Directory } from './directory.js';
import { normaliseEmail } from './directory.js';

/** The roles a shared drive member may have (Manager, Content manager, Contributor, Commenter, Viewer). */
export const MEMBER_ROLES = ['organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'] as const;

/** A shared drive to create, as POSTed to /__emulator/shared-drives. */
export interface SharedDriveSpec {
  name: string;
  members: { email: string; role: (typeof MEMBER_ROLES)[number] }[];
}

/** A shared drive id in Drive's style (`0A…Uk9PVA`, like a root folder's). */
function newDriveId(): string {
  return `0A${randomBytes(16).toString('base64url').slice(0, 17)}Uk9PVA`;
}

/** Checks a POST /__emulator/shared-drives body against the directory; returns the spec or a message. */
export function parseSharedDrive(body: unknown, directory: Directory): SharedDriveSpec | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'the body must be a JSON object';
  const b = body as Record<string, unknown>;
  if (typeof b.name !== 'string' || b.name.trim() === '') return 'name: a non-empty string is required';
  if (!Array.isArray(b.members)) return 'members: a list of {email, role} is required';
  const members: SharedDriveSpec['members'] = [];
  for (const m of b.members as unknown[]) {
    const r = (typeof m === 'object' && m !== null ? m : {}) as Record<string, unknown>;
    const email = typeof r.email === 'string' ? normaliseEmail(r.email) : undefined;
    if (!email) return 'members[].email: an e-mail address is required';
    if (!directory.isGoogleAccount(email)) return `members[].email: ${email} is not a Google account`;
    if (!MEMBER_ROLES.includes(r.role as SharedDriveSpec['members'][number]['role']))
      return `members[].role: one of ${MEMBER_ROLES.join(', ')}`;
    members.push({ email, role: r.role as SharedDriveSpec['members'][number]['role'] });
  }
  return { name: b.name.trim(), members };
}

/** Creates the shared drive: its root record (owned by nobody, `driveId` = its id) with the members' permissions. */
export function createSharedDrive(store: DriveStore, spec: SharedDriveSpec): FileRecord {
  const id = newDriveId();
  const t = store.stamp();
  const permissions: PermissionRecord[] = spec.members.map((m) => ({
    id: userPermissionId(m.email),
    type: 'user',
    role: m.role,
    emailAddress: m.email,
  }));
  const root: FileRecord = {
    id,
    name: spec.name,
    mimeType: MIME.folder,
    createdTime: t,
    modifiedTime: t,
    version: 1,
    trashed: false,
    ownerEmail: '',
    permissions,
    parents: [],
    driveId: id,
  };
  store.insert(root);
  return root;
}

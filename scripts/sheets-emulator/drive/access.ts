/** Who may do what to a Drive file: its owner, its permissions, and those inherited from its folders. */
import type { FileRecord, PermissionRecord } from '../types.js';

/** Finds a file by id (folders are looked up to inherit their sharing). */
export type Lookup = (id: string) => FileRecord | undefined;

type Role = PermissionRecord['role'];

/** Roles from weakest to strongest. */
const RANK: Record<Role, number> = {
  reader: 1,
  commenter: 2,
  writer: 3,
  fileOrganizer: 3,
  organizer: 4,
  owner: 5,
};

function applies(p: PermissionRecord, email: string): boolean {
  switch (p.type) {
    case 'user':
    case 'group':
      return p.emailAddress?.toLowerCase() === email;
    case 'domain':
      return p.domain !== undefined && email.endsWith(`@${p.domain.toLowerCase()}`);
    case 'anyone':
      return true;
  }
}

/**
 * Every grant on the file: its owner, its permissions, and for each folder above it (as Drive does) the
 * folder's permissions and the folder's owner as a writer.
 */
function grants(file: FileRecord, lookup: Lookup): { permission: PermissionRecord; inherited: boolean }[] {
  const out = [
    {
      permission: { id: '', type: 'user', role: 'owner', emailAddress: file.ownerEmail } as PermissionRecord,
      inherited: false,
    },
    ...file.permissions.map((permission) => ({ permission, inherited: false })),
  ];
  const seen = new Set([file.id]);
  const queue = [...file.parents];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const folder = lookup(id);
    if (!folder) continue;
    out.push({
      permission: { id: '', type: 'user', role: 'writer', emailAddress: folder.ownerEmail },
      inherited: true,
    });
    for (const permission of folder.permissions) out.push({ permission, inherited: true });
    queue.push(...folder.parents);
  }
  return out;
}

/** The caller's strongest role on the file, or undefined when it has none. */
export function roleOf(file: FileRecord, email: string, lookup: Lookup): Role | undefined {
  if (file.ownerEmail === email) return 'owner';
  let best: Role | undefined;
  for (const { permission } of grants(file, lookup)) {
    if (applies(permission, email) && (best === undefined || RANK[permission.role] > RANK[best])) {
      best = permission.role;
    }
  }
  return best;
}

/** Whether the caller can see the file at all. */
export function canRead(file: FileRecord, email: string, lookup: Lookup): boolean {
  return roleOf(file, email, lookup) !== undefined;
}

/** Whether the caller can edit content and metadata. */
export function canWrite(file: FileRecord, email: string, lookup: Lookup): boolean {
  const role = roleOf(file, email, lookup);
  return role !== undefined && RANK[role] >= RANK.writer;
}

/** Whether the file shows up in the caller's searches (link-only sharing does not list a file). */
export function isListed(file: FileRecord, email: string, lookup: Lookup): boolean {
  return grants(file, lookup).some(
    ({ permission: p }) =>
      applies(p, email) && (p.type === 'user' || p.type === 'group' || p.allowFileDiscovery === true),
  );
}

/** The e-mails whose change feeds hear about this file (owner, and users/groups it or its folders are shared with). */
export function audienceOf(file: FileRecord, lookup: Lookup): string[] {
  const emails = new Set<string>();
  for (const { permission: p } of grants(file, lookup)) {
    if (p.emailAddress && (p.type === 'user' || p.type === 'group')) emails.add(p.emailAddress.toLowerCase());
  }
  return [...emails];
}

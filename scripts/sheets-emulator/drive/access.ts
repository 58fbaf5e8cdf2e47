/** Who may do what to a Drive file: roles from the owner and the file's permissions. */
import type { FileRecord, PermissionRecord } from '../types.js';

/** Roles from weakest to strongest. */
const RANK: Record<PermissionRecord['role'], number> = {
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

/** The caller's strongest role on the file, or undefined when it has none. */
export function roleOf(file: FileRecord, email: string): PermissionRecord['role'] | undefined {
  if (file.ownerEmail === email) return 'owner';
  let best: PermissionRecord['role'] | undefined;
  for (const p of file.permissions) {
    if (applies(p, email) && (best === undefined || RANK[p.role] > RANK[best])) best = p.role;
  }
  return best;
}

/** Whether the caller can see the file at all. */
export function canRead(file: FileRecord, email: string): boolean {
  return roleOf(file, email) !== undefined;
}

/** Whether the caller can edit content and metadata. */
export function canWrite(file: FileRecord, email: string): boolean {
  const role = roleOf(file, email);
  return role !== undefined && RANK[role] >= RANK.writer;
}

/** Whether the file shows up in the caller's searches (link-only sharing does not list a file). */
export function isListed(file: FileRecord, email: string): boolean {
  if (file.ownerEmail === email) return true;
  return file.permissions.some(
    (p) => applies(p, email) && (p.type === 'user' || p.type === 'group' || p.allowFileDiscovery === true),
  );
}

/** The e-mails whose change feeds hear about this file (owner and users/groups it is shared with). */
export function audienceOf(file: FileRecord): string[] {
  const emails = new Set([file.ownerEmail]);
  for (const p of file.permissions)
    if (p.emailAddress && (p.type === 'user' || p.type === 'group')) emails.add(p.emailAddress.toLowerCase());
  return [...emails];
}

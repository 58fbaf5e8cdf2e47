/** Drive drives.get and drives.list: the shared drives the caller is a member of. */
import { notImplemented } from '../contract/errors.js';
import type { FileRecord } from '../types.js';
import { canRead, roleOf } from './access.js';
import type { Lookup } from './access.js';
import type { DriveCall, DriveDeps, DriveResult } from './call.js';
import { flag, one } from './call.js';
import { isDriveRoot, memberDrive } from './corpora.js';
import { offsetPage } from './files.js';

/** A Drive `Drive` resource as a member sees it. */
export function driveResource(root: FileRecord, caller: string, lookup: Lookup): Record<string, unknown> {
  const role = roleOf(root, caller, lookup);
  const organizer = role === 'organizer';
  const adder = organizer || role === 'fileOrganizer' || role === 'writer';
  return {
    kind: 'drive#drive',
    id: root.id,
    name: root.name,
    createdTime: root.createdTime,
    hidden: false,
    capabilities: {
      canAddChildren: adder,
      canComment: adder || role === 'commenter',
      canCopy: true,
      canDeleteDrive: organizer,
      canDownload: true,
      canEdit: adder,
      canListChildren: true,
      canManageMembers: organizer,
      canReadRevisions: adder,
      canRename: organizer,
      canRenameDrive: organizer,
      canShare: organizer,
      canTrashChildren: organizer || role === 'fileOrganizer',
    },
    restrictions: {
      adminManagedRestrictions: false,
      copyRequiresWriterPermission: false,
      domainUsersOnly: false,
      driveMembersOnly: false,
      sharingFoldersRequiresOrganizerPermission: false,
    },
  };
}

function refuseAdminAccess(call: DriveCall): void {
  if (flag(call.query, 'useDomainAdminAccess'))
    throw notImplemented('useDomainAdminAccess (Workspace admins)');
}

/** drives.get */
export function get(call: DriveCall, deps: DriveDeps): DriveResult {
  refuseAdminAccess(call);
  const root = memberDrive(deps, call.params.driveId ?? '', call.caller.email);
  return { body: driveResource(root, call.caller.email, deps.store.lookup) };
}

/** drives.list (no `q`), in creation order, paged. */
export function list(call: DriveCall, deps: DriveDeps): DriveResult {
  refuseAdminAccess(call);
  if (one(call.query, 'q') !== undefined) throw notImplemented('drives.list with q');
  const email = call.caller.email;
  const mine = [...deps.store.files.values()]
    .filter((f) => isDriveRoot(f) && canRead(f, email, deps.store.lookup))
    .sort((a, b) => a.createdTime.localeCompare(b.createdTime));
  const { page, next } = offsetPage(call, mine, 10, 100);
  return {
    body: {
      kind: 'drive#driveList',
      drives: page.map((root) => driveResource(root, email, deps.store.lookup)),
      ...(next ? { nextPageToken: next } : {}),
    },
  };
}

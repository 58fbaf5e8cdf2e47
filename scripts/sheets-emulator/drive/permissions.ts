/** Drive permissions.create/list/get/delete, with Google's rules for addresses that are no Google account. */
import { noGoogleAccount } from '../accounts/errors.js';
import type { FileRecord, PermissionRecord } from '../types.js';
import {
  driveError,
  insufficientFilePermissions,
  invalidArgument,
  notImplemented,
} from '../contract/errors.js';
import { canWrite, roleOf } from './access.js';
import type { DriveCall, DriveDeps, DriveResult } from './call.js';
import { flag, one } from './call.js';
import { isDriveRoot } from './corpora.js';
import { offsetPage } from './files.js';
import type { Viewer } from './lookup.js';
import { viewerOf, visibleFile, writableFile } from './lookup.js';
import { ownerPermission, permissionResource } from './resource.js';
import { userPermissionId } from './store.js';

const ROLES: PermissionRecord['role'][] = [
  'owner',
  'organizer',
  'fileOrganizer',
  'writer',
  'commenter',
  'reader',
];
const TYPES: PermissionRecord['type'][] = ['user', 'group', 'domain', 'anyone'];

function permissionId(p: Omit<PermissionRecord, 'id'>): string {
  if (p.type === 'anyone') return p.allowFileDiscovery ? 'anyone' : 'anyoneWithLink';
  if (p.type === 'domain') return `${userPermissionId(`@${p.domain ?? ''}`)}k`;
  return userPermissionId(p.emailAddress ?? '');
}

/** The file whose sharing the caller may change: a writer of an item, an organizer of a shared drive itself. */
function shareableFile(deps: DriveDeps, fileId: string, viewer: Viewer): FileRecord {
  const file = writableFile(deps.store, fileId, viewer);
  if (isDriveRoot(file) && roleOf(file, viewer.email, deps.store.lookup) !== 'organizer')
    throw insufficientFilePermissions();
  return file;
}

/** The permissions a shared-drive item inherits from its drive's members (none for other files). */
function memberPermissions(deps: DriveDeps, file: FileRecord): PermissionRecord[] {
  if (file.driveId === undefined || isDriveRoot(file)) return [];
  return deps.store.files.get(file.driveId)?.permissions ?? [];
}

/** The notification e-mail Drive sends (recorded in the outbox, listed by GET /__emulator/emails). */
function notify(
  call: DriveCall,
  deps: DriveDeps,
  file: FileRecord,
  to: string,
  role: PermissionRecord['role'],
  kind: 'share' | 'invitation',
): void {
  const message = one(call.query, 'emailMessage');
  deps.accounts.sharing.send({
    to,
    from: call.caller.email,
    fileId: file.id,
    fileName: file.name,
    role,
    ...(message !== undefined ? { message } : {}),
    kind,
    at: deps.now().toISOString(),
  });
}

/**
 * permissions.create. Sharing with an address that is no Google account needs the notification (Drive's 400
 * invalidSharingRequest otherwise) and only invites it: access comes once the address becomes a Google account.
 */
export function create(call: DriveCall, deps: DriveDeps): DriveResult {
  const body = call.body ?? {};
  for (const key of Object.keys(body)) {
    if (!['kind', 'role', 'type', 'emailAddress', 'domain', 'allowFileDiscovery'].includes(key)) {
      throw notImplemented(`permissions.create with the Permission field "${key}"`);
    }
  }
  const email = call.caller.email;
  const file = shareableFile(deps, call.params.fileId ?? '', viewerOf(call));
  const type = body.type as PermissionRecord['type'] | undefined;
  const role = body.role as PermissionRecord['role'] | undefined;
  if (type === undefined)
    throw driveError(400, 'required', 'The permission type field is required.', 'permission.type');
  if (role === undefined)
    throw driveError(400, 'required', 'The permission role field is required.', 'permission.role');
  if (!TYPES.includes(type)) throw invalidArgument('drive', 'Invalid Value', 'permission.type');
  if (!ROLES.includes(role)) throw invalidArgument('drive', 'Invalid Value', 'permission.role');
  if ((role === 'organizer' || role === 'fileOrganizer') && !isDriveRoot(file))
    throw notImplemented('Shared-drive roles (organizer, fileOrganizer) on items');
  const emailAddress =
    typeof body.emailAddress === 'string' ? body.emailAddress.trim().toLowerCase() : undefined;
  const domain = typeof body.domain === 'string' ? body.domain.trim().toLowerCase() : undefined;
  if ((type === 'user' || type === 'group') && !emailAddress) {
    throw driveError(
      400,
      'required',
      'The permission emailAddress field is required.',
      'permission.emailAddress',
    );
  }
  if (type === 'domain' && !domain) {
    throw driveError(400, 'required', 'The permission domain field is required.', 'permission.domain');
  }
  const formerAudience = file.ownerEmail === '' ? [] : [file.ownerEmail];
  const notifying = flag(call.query, 'sendNotificationEmail', true);
  if (
    type === 'user' &&
    emailAddress &&
    role !== 'owner' &&
    !deps.accounts.directory.isGoogleAccount(emailAddress)
  ) {
    if (!notifying) throw noGoogleAccount(emailAddress);
    deps.accounts.sharing.invite({
      fileId: file.id,
      email: emailAddress,
      role,
      invitedBy: email,
      at: deps.now().toISOString(),
    });
    notify(call, deps, file, emailAddress, role, 'invitation');
    deps.store.record(file, { state: 'update', changed: ['permissions'] }, formerAudience);
    return { body: permissionResource({ id: userPermissionId(emailAddress), type, role, emailAddress }) };
  }
  if (role === 'owner') {
    if (!flag(call.query, 'transferOwnership')) {
      throw driveError(
        403,
        'forbidden',
        "The transferOwnership parameter must be enabled when the permission role is 'owner'.",
        'transferOwnership',
      );
    }
    if (type !== 'user' || !emailAddress) throw invalidArgument('drive', 'Invalid Value', 'permission.type');
    if (roleOf(file, email, deps.store.lookup) !== 'owner') throw insufficientFilePermissions();
    const previousOwner = file.ownerEmail;
    file.permissions = file.permissions.filter((p) => p.emailAddress !== emailAddress);
    file.permissions.push({
      id: userPermissionId(previousOwner),
      type: 'user',
      role: 'writer',
      emailAddress: previousOwner,
    });
    file.ownerEmail = emailAddress;
    deps.store.record(file, { state: 'update', changed: ['permissions'] }, formerAudience);
    return { body: permissionResource(ownerPermission(file)) };
  }
  const fields: Omit<PermissionRecord, 'id'> = {
    type,
    role,
    ...(emailAddress ? { emailAddress } : {}),
    ...(domain ? { domain } : {}),
    ...(type === 'anyone' || type === 'domain'
      ? { allowFileDiscovery: body.allowFileDiscovery === true }
      : {}),
  };
  const id = permissionId(fields);
  if (emailAddress === file.ownerEmail) return { body: permissionResource(ownerPermission(file)) };
  const permission: PermissionRecord = { id, ...fields };
  file.permissions = [...file.permissions.filter((p) => p.id !== id), permission];
  deps.store.record(file, { state: 'update', changed: ['permissions'] }, formerAudience);
  if (notifying && emailAddress && (type === 'user' || type === 'group'))
    notify(call, deps, file, emailAddress, role, 'share');
  return { body: permissionResource(permission) };
}

/** Everything a file's sharing list shows: owner (none in a shared drive), members, its own, pending invitees. */
function sharingList(deps: DriveDeps, file: FileRecord): PermissionRecord[] {
  const invitees = deps.accounts.sharing.pendingOn(file.id).map((i): PermissionRecord => ({
    id: userPermissionId(i.email),
    type: 'user',
    role: i.role,
    emailAddress: i.email,
  }));
  const owner = file.ownerEmail === '' ? [] : [ownerPermission(file)];
  return [...owner, ...memberPermissions(deps, file), ...file.permissions, ...invitees];
}

function allPermissions(call: DriveCall, deps: DriveDeps) {
  const email = call.caller.email;
  const file = visibleFile(deps.store, call.params.fileId ?? '', viewerOf(call));
  if (!canWrite(file, email, deps.store.lookup)) throw insufficientFilePermissions();
  return { file, permissions: sharingList(deps, file) };
}

/** permissions.list (writers and owners only, as Drive). */
export function list(call: DriveCall, deps: DriveDeps): DriveResult {
  const { permissions } = allPermissions(call, deps);
  const { page, next } = offsetPage(call, permissions, 100, 100);
  return {
    body: {
      kind: 'drive#permissionList',
      permissions: page.map(permissionResource),
      ...(next ? { nextPageToken: next } : {}),
    },
  };
}

function permissionNotFound(id: string) {
  return driveError(404, 'notFound', `Permission not found: ${id}.`, 'permissionId');
}

/** permissions.get */
export function get(call: DriveCall, deps: DriveDeps): DriveResult {
  const file = visibleFile(deps.store, call.params.fileId ?? '', viewerOf(call));
  const id = call.params.permissionId ?? '';
  const found = sharingList(deps, file).find((p) => p.id === id);
  if (!found) throw permissionNotFound(id);
  return { body: permissionResource(found) };
}

/** permissions.delete (the owner's permission cannot be removed). */
export function remove(call: DriveCall, deps: DriveDeps): DriveResult {
  const { file } = allPermissions(call, deps);
  const id = call.params.permissionId ?? '';
  if (file.ownerEmail !== '' && id === ownerPermission(file).id) {
    throw driveError(403, 'cannotRemoveOwner', 'The owner of a file cannot be removed.');
  }
  if (memberPermissions(deps, file).some((p) => p.id === id)) {
    throw driveError(
      403,
      'cannotModifyInheritedTeamDrivePermission',
      'Cannot update or delete an inherited permission on a shared drive item.',
    );
  }
  const invitee = deps.accounts.sharing.pendingOn(file.id).find((i) => userPermissionId(i.email) === id);
  if (invitee) {
    deps.accounts.sharing.withdraw(file.id, invitee.email);
    return {};
  }
  const found = file.permissions.find((p) => p.id === id);
  if (!found) throw permissionNotFound(id);
  file.permissions = file.permissions.filter((p) => p !== found);
  deps.store.record(
    file,
    { state: 'update', changed: ['permissions'] },
    found.emailAddress ? [found.emailAddress] : [],
  );
  return {};
}

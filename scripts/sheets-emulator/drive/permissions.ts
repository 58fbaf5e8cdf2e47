/** Drive permissions.create/list/get/delete. */
import type { PermissionRecord } from '../types.js';
import {
  driveError,
  insufficientFilePermissions,
  invalidArgument,
  notImplemented,
} from '../contract/errors.js';
import { canWrite, roleOf } from './access.js';
import type { DriveCall, DriveDeps, DriveResult } from './call.js';
import { flag, one } from './call.js';
import { pageSize } from './files.js';
import { visibleFile, writableFile } from './lookup.js';
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

/** permissions.create (sendNotificationEmail is accepted; no mail leaves the emulator). */
export function create(call: DriveCall, deps: DriveDeps): DriveResult {
  const body = call.body ?? {};
  for (const key of Object.keys(body)) {
    if (!['kind', 'role', 'type', 'emailAddress', 'domain', 'allowFileDiscovery'].includes(key)) {
      throw notImplemented(`permissions.create with the Permission field "${key}"`);
    }
  }
  const email = call.caller.email;
  const file = writableFile(deps.store, call.params.fileId ?? '', email);
  const type = body.type as PermissionRecord['type'] | undefined;
  const role = body.role as PermissionRecord['role'] | undefined;
  if (type === undefined)
    throw driveError(400, 'required', 'The permission type field is required.', 'permission.type');
  if (role === undefined)
    throw driveError(400, 'required', 'The permission role field is required.', 'permission.role');
  if (!TYPES.includes(type)) throw invalidArgument('drive', 'Invalid Value', 'permission.type');
  if (!ROLES.includes(role)) throw invalidArgument('drive', 'Invalid Value', 'permission.role');
  if (role === 'organizer' || role === 'fileOrganizer')
    throw notImplemented('Shared-drive roles (organizer, fileOrganizer)');
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
  const formerAudience = [file.ownerEmail];
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
  return { body: permissionResource(permission) };
}

function allPermissions(call: DriveCall, deps: DriveDeps) {
  const email = call.caller.email;
  const file = visibleFile(deps.store, call.params.fileId ?? '', email);
  if (!canWrite(file, email, deps.store.lookup)) throw insufficientFilePermissions();
  return { file, permissions: [ownerPermission(file), ...file.permissions] };
}

/** permissions.list (writers and owners only, as Drive). */
export function list(call: DriveCall, deps: DriveDeps): DriveResult {
  const { permissions } = allPermissions(call, deps);
  const size = pageSize(one(call.query, 'pageSize'), 100, 100);
  const token = one(call.query, 'pageToken');
  const offset = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw invalidArgument('drive', 'Invalid Value', 'pageToken');
  const page = permissions.slice(offset, offset + size);
  const next =
    offset + size < permissions.length ? Buffer.from(String(offset + size)).toString('base64url') : undefined;
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
  const email = call.caller.email;
  const file = visibleFile(deps.store, call.params.fileId ?? '', email);
  const id = call.params.permissionId ?? '';
  const found = [ownerPermission(file), ...file.permissions].find((p) => p.id === id);
  if (!found) throw permissionNotFound(id);
  return { body: permissionResource(found) };
}

/** permissions.delete (the owner's permission cannot be removed). */
export function remove(call: DriveCall, deps: DriveDeps): DriveResult {
  const { file } = allPermissions(call, deps);
  const id = call.params.permissionId ?? '';
  if (id === ownerPermission(file).id) {
    throw driveError(403, 'cannotRemoveOwner', 'The owner of a file cannot be removed.');
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

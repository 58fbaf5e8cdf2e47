/** Drive's JSON views of files and permissions (before schema filtering and `fields`). */
import type { FileRecord, PermissionRecord } from '../types.js';
import { canWrite, roleOf } from './access.js';
import type { Lookup } from './access.js';
import { MIME, userPermissionId } from './store.js';

/** Drive's default `fields` per response, used when the request has no `fields` parameter. */
export const DEFAULT_FIELDS = {
  file: 'kind,id,name,mimeType',
  fileList: 'kind,incompleteSearch,nextPageToken,files(kind,id,name,mimeType)',
  permission: 'kind,id,type,role',
  permissionList:
    'kind,nextPageToken,permissions(kind,id,type,emailAddress,role,domain,allowFileDiscovery,deleted,pendingOwner)',
  changeList:
    'kind,nextPageToken,newStartPageToken,changes(kind,changeType,type,time,removed,fileId,file(kind,id,name,mimeType))',
} as const;

/** The mask Drive applies when a request has no `fields`, by response schema (none for the others). */
export function defaultFields(responseRef: string): string | undefined {
  switch (responseRef) {
    case 'File':
      return DEFAULT_FIELDS.file;
    case 'FileList':
      return DEFAULT_FIELDS.fileList;
    case 'Permission':
      return DEFAULT_FIELDS.permission;
    case 'PermissionList':
      return DEFAULT_FIELDS.permissionList;
    case 'ChangeList':
      return DEFAULT_FIELDS.changeList;
    case 'Drive':
      return 'kind,id,name';
    case 'DriveList':
      return 'kind,nextPageToken,drives(kind,id,name)';
    default:
      return undefined;
  }
}

function displayName(email: string): string {
  return email.split('@')[0] ?? email;
}

/** A Drive `User`. */
export function userResource(email: string, caller: string): Record<string, unknown> {
  return {
    kind: 'drive#user',
    displayName: displayName(email),
    emailAddress: email,
    me: email === caller,
    permissionId: userPermissionId(email),
  };
}

/** The owner's permission, which Drive lists with the others. */
export function ownerPermission(file: FileRecord): PermissionRecord {
  return {
    id: userPermissionId(file.ownerEmail),
    type: 'user',
    role: 'owner',
    emailAddress: file.ownerEmail,
  };
}

/** A Drive `Permission`. */
export function permissionResource(p: PermissionRecord): Record<string, unknown> {
  return {
    kind: 'drive#permission',
    id: p.id,
    type: p.type,
    role: p.role,
    ...(p.emailAddress ? { emailAddress: p.emailAddress, displayName: displayName(p.emailAddress) } : {}),
    ...(p.domain ? { domain: p.domain } : {}),
    ...(p.allowFileDiscovery !== undefined ? { allowFileDiscovery: p.allowFileDiscovery } : {}),
    deleted: false,
    pendingOwner: false,
  };
}

/** The link people open in a browser. */
export function webViewLink(file: FileRecord): string {
  if (file.mimeType === MIME.spreadsheet)
    return `https://docs.google.com/spreadsheets/d/${file.id}/edit?usp=drivesdk`;
  if (file.mimeType === MIME.folder) return `https://drive.google.com/drive/folders/${file.id}`;
  return `https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`;
}

/** A Drive `File` as `caller` sees it. */
export function fileResource(file: FileRecord, caller: string, lookup: Lookup): Record<string, unknown> {
  const role = roleOf(file, caller, lookup);
  const writer = canWrite(file, caller, lookup);
  const owner = role === 'owner';
  // A shared drive owns its files: no owner, no owners[]; its organizers may trash and delete.
  const inDrive = file.driveId !== undefined;
  const deleter = owner || (inDrive && (role === 'organizer' || role === 'fileOrganizer'));
  const permissions = inDrive ? file.permissions : [ownerPermission(file), ...file.permissions];
  return {
    kind: 'drive#file',
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    starred: false,
    trashed: file.trashed,
    explicitlyTrashed: file.trashed,
    parents: file.parents,
    spaces: ['drive'],
    version: String(file.version),
    webViewLink: webViewLink(file),
    iconLink: `https://drive-thirdparty.googleusercontent.com/16/type/${file.mimeType}`,
    hasThumbnail: false,
    viewedByMe: false,
    createdTime: file.createdTime,
    modifiedTime: file.modifiedTime,
    modifiedByMe: file.lastModifyingEmail === caller,
    ...(file.lastModifyingEmail ? { lastModifyingUser: userResource(file.lastModifyingEmail, caller) } : {}),
    ...(inDrive
      ? { driveId: file.driveId, teamDriveId: file.driveId }
      : { owners: [userResource(file.ownerEmail, caller)] }),
    shared: file.permissions.length > 0,
    ownedByMe: owner,
    writersCanShare: true,
    viewersCanCopyContent: true,
    copyRequiresWriterPermission: false,
    isAppAuthorized: false,
    ...(writer ? { permissions: permissions.map(permissionResource) } : {}),
    permissionIds: permissions.map((p) => p.id),
    quotaBytesUsed: '0',
    capabilities: {
      canEdit: writer,
      canCopy: file.mimeType !== MIME.folder,
      canComment: writer || role === 'commenter',
      canShare: writer,
      canRename: writer,
      canTrash: deleter,
      canDelete: deleter,
      canUntrash: deleter,
      canAddChildren: writer && file.mimeType === MIME.folder,
      canListChildren: file.mimeType === MIME.folder,
      canDownload: true,
      canReadRevisions: writer,
    },
  };
}

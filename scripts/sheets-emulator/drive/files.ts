/** Drive files.get/list/create/copy/update/delete. */
import { createHash } from 'node:crypto';
import type { FileRecord } from '../types.js';
import {
  driveError,
  insufficientFilePermissions,
  invalidArgument,
  notImplemented,
} from '../contract/errors.js';
import { driveStorageQuotaExceeded } from '../accounts/errors.js';
import { canWrite, isListed } from './access.js';
import type { DriveCall, DriveDeps, DriveResult } from './call.js';
import { one } from './call.js';
import { corpusOf } from './corpora.js';
import {
  mayDelete,
  ownedFile,
  reachable,
  rootRecord,
  targetFolder,
  viewerOf,
  visibleFile,
  writableFile,
} from './lookup.js';
import { matchesQuery, parseQuery } from './query.js';
import { fileResource } from './resource.js';
import { MIME, newFileId } from './store.js';

const IGNORED_FIELDS = new Set(['kind']);

function refuseUnsupported(method: string, body: Record<string, unknown>, supported: string[]): void {
  for (const key of Object.keys(body)) {
    if (IGNORED_FIELDS.has(key) || supported.includes(key)) continue;
    throw notImplemented(`${method} with the File field "${key}"`);
  }
}

function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  return typeof v === 'string' ? v : undefined;
}

function parentsField(body: Record<string, unknown>): string[] | undefined {
  const v = body.parents;
  return Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string') : undefined;
}

function checkSingleParent(parents: string[]): void {
  if (parents.length > 1) {
    throw driveError(403, 'cannotAddParent', 'Increasing the number of parents is not allowed.');
  }
}

/** files.get */
export function get(call: DriveCall, deps: DriveDeps): DriveResult {
  if (one(call.query, 'alt') === 'media') throw notImplemented('Downloading file content (alt=media)');
  const id = call.params.fileId ?? '';
  const email = call.caller.email;
  if (id === 'root' || id === deps.store.rootId(email))
    return { body: fileResource(rootRecord(deps.store, email), email, deps.store.lookup) };
  return { body: fileResource(visibleFile(deps.store, id, viewerOf(call)), email, deps.store.lookup) };
}

function newRecord(
  deps: DriveDeps,
  call: DriveCall,
  fields: Pick<FileRecord, 'id' | 'name' | 'mimeType'>,
  parents: FileRecord[],
): FileRecord {
  const email = call.caller.email;
  // A file put in a shared drive belongs to the drive; anywhere else its creator owns it, which Google refuses to
  // a service account since 2025 (it has no storage quota).
  const driveId = parents[0]?.driveId;
  if (driveId === undefined && !deps.accounts.mayOwnFiles(email)) throw driveStorageQuotaExceeded();
  const t = deps.store.stamp();
  return {
    ...fields,
    createdTime: t,
    modifiedTime: t,
    version: 1,
    trashed: false,
    ownerEmail: driveId === undefined ? email : '',
    lastModifyingEmail: email,
    permissions: [],
    parents: parents.map((f) => f.id),
    ...(driveId !== undefined ? { driveId } : {}),
    appIds: call.caller.appId !== undefined ? [call.caller.appId] : [],
  };
}

/** files.create (metadata only: spreadsheets, folders and empty files). */
export function create(call: DriveCall, deps: DriveDeps): DriveResult {
  const body = call.body ?? {};
  refuseUnsupported('files.create', body, ['name', 'mimeType', 'parents']);
  const email = call.caller.email;
  const viewer = viewerOf(call);
  const mimeType = stringField(body, 'mimeType') ?? 'application/octet-stream';
  if (
    mimeType.startsWith('application/vnd.google-apps.') &&
    mimeType !== MIME.spreadsheet &&
    mimeType !== MIME.folder
  ) {
    throw notImplemented(`Creating files of type ${mimeType}`);
  }
  const requested = parentsField(body) ?? [];
  checkSingleParent(requested);
  const parents =
    requested.length > 0
      ? requested.map((p) => targetFolder(deps.store, p, viewer))
      : [rootRecord(deps.store, email)];
  const id = newFileId();
  const name =
    stringField(body, 'name') ?? (mimeType === MIME.spreadsheet ? 'Untitled spreadsheet' : 'Untitled');
  const record = newRecord(deps, call, { id, name, mimeType }, parents);
  if (mimeType === MIME.spreadsheet) record.spreadsheet = deps.sheets.newSpreadsheet(id, name);
  deps.store.insert(record);
  return { body: fileResource(record, email, deps.store.lookup) };
}

/** files.copy */
export function copy(call: DriveCall, deps: DriveDeps): DriveResult {
  const body = call.body ?? {};
  refuseUnsupported('files.copy', body, ['name', 'parents', 'mimeType']);
  const email = call.caller.email;
  const viewer = viewerOf(call);
  const source = visibleFile(deps.store, call.params.fileId ?? '', viewer);
  if (source.mimeType === MIME.folder) {
    throw driveError(403, 'cannotCopyFile', 'This file cannot be copied by the user.');
  }
  const mimeType = stringField(body, 'mimeType');
  if (mimeType !== undefined && mimeType !== source.mimeType)
    throw notImplemented('Converting a file while copying it');
  const requested = parentsField(body);
  let parents: FileRecord[];
  if (requested && requested.length > 0) {
    checkSingleParent(requested);
    parents = requested.map((p) => targetFolder(deps.store, p, viewer));
  } else {
    const discoverable = source.parents.flatMap((p) => {
      const folder = deps.store.files.get(p);
      if (folder)
        return canWrite(folder, email, deps.store.lookup) && reachable(folder, viewer) ? [folder] : [];
      return p === deps.store.rootId(email) ? [rootRecord(deps.store, email)] : [];
    });
    parents = discoverable.length > 0 ? discoverable : [rootRecord(deps.store, email)];
  }
  const id = newFileId();
  const name = stringField(body, 'name') ?? `Copy of ${source.name}`;
  const record = newRecord(deps, call, { id, name, mimeType: source.mimeType }, parents);
  if (source.spreadsheet) record.spreadsheet = deps.sheets.copySpreadsheet(source.spreadsheet, id, name);
  deps.store.insert(record);
  return { body: fileResource(record, email, deps.store.lookup) };
}

function splitIds(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function setTrashed(deps: DriveDeps, file: FileRecord, trashed: boolean): void {
  if (file.trashed === trashed) return;
  file.trashed = trashed;
  deps.store.record(file, { state: trashed ? 'trash' : 'untrash' }, []);
  if (file.mimeType === MIME.folder)
    for (const child of deps.store.childrenOf(file.id)) setTrashed(deps, child, trashed);
}

/** files.update (name, trashed, mimeType unchanged; parents through addParents/removeParents). */
export function update(call: DriveCall, deps: DriveDeps): DriveResult {
  if (one(call.query, 'uploadType') !== undefined) throw notImplemented('Uploading file content');
  const body = call.body ?? {};
  if ('parents' in body) {
    throw driveError(
      403,
      'fieldNotWritable',
      'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
    );
  }
  refuseUnsupported('files.update', body, ['name', 'trashed', 'mimeType']);
  const email = call.caller.email;
  const viewer = viewerOf(call);
  const file = writableFile(deps.store, call.params.fileId ?? '', viewer);
  const mimeType = stringField(body, 'mimeType');
  if (mimeType !== undefined && mimeType !== file.mimeType)
    throw notImplemented("Changing a file's mimeType");
  const trashed = body.trashed;
  if (typeof trashed === 'boolean' && trashed !== file.trashed && !mayDelete(file, email, deps.store)) {
    throw insufficientFilePermissions();
  }
  const add = splitIds(one(call.query, 'addParents'));
  const remove = splitIds(one(call.query, 'removeParents'));
  const addIds = add.map((p) => {
    const folder = targetFolder(deps.store, p, viewer);
    if (folder.driveId !== file.driveId)
      throw notImplemented('Moving files between My Drive and shared drives');
    return folder.id;
  });
  const removeIds = remove.map((p) => (p === 'root' ? deps.store.rootId(email) : p));
  const nextParents = [...file.parents.filter((p) => !removeIds.includes(p))];
  for (const p of addIds) if (!nextParents.includes(p)) nextParents.push(p);
  if (nextParents.length > Math.max(1, file.parents.length)) {
    throw driveError(403, 'cannotAddParent', 'Increasing the number of parents is not allowed.');
  }
  const name = stringField(body, 'name');
  if (name !== undefined && name !== file.name) {
    file.name = name;
    if (file.spreadsheet) file.spreadsheet.properties.title = name;
    deps.store.record(file, { state: 'update', changed: ['properties'] }, [], email);
  }
  if (nextParents.join(',') !== file.parents.join(',')) {
    const formerParents = file.parents;
    file.parents = nextParents;
    deps.store.record(file, { state: 'update', changed: ['parents'] }, [], email);
    for (const folderId of formerParents.filter((p) => !nextParents.includes(p))) {
      const folder = deps.store.files.get(folderId);
      if (folder) deps.store.record(folder, { state: 'update', changed: ['children'] }, []);
    }
  }
  if (typeof trashed === 'boolean') setTrashed(deps, file, trashed);
  return { body: fileResource(file, email, deps.store.lookup) };
}

function removeTree(deps: DriveDeps, file: FileRecord): void {
  if (file.mimeType === MIME.folder)
    for (const child of deps.store.childrenOf(file.id)) removeTree(deps, child);
  deps.store.remove(file);
}

/** files.delete (owner only; folders take their contents with them). */
export function remove(call: DriveCall, deps: DriveDeps): DriveResult {
  const file = ownedFile(deps.store, call.params.fileId ?? '', viewerOf(call));
  removeTree(deps, file);
  return {};
}

type SortKey = { key: string; desc: boolean };

const ORDER_KEYS = new Set([
  'createdTime',
  'folder',
  'modifiedByMeTime',
  'modifiedTime',
  'name',
  'name_natural',
  'quotaBytesUsed',
  'recency',
  'sharedWithMeTime',
  'starred',
  'viewedByMeTime',
]);

function parseOrderBy(text: string | undefined): SortKey[] {
  if (text === undefined || text.trim() === '') return [{ key: 'createdTime', desc: false }];
  return text.split(',').map((part) => {
    const [key = '', dir, extra] = part.trim().split(/\s+/);
    if (!ORDER_KEYS.has(key) || extra !== undefined || (dir !== undefined && dir.toLowerCase() !== 'desc')) {
      throw invalidArgument('drive', 'Invalid Value', 'orderBy');
    }
    return { key, desc: dir !== undefined };
  });
}

function sortValue(file: FileRecord, key: string): string | number {
  switch (key) {
    case 'folder':
      return file.mimeType === MIME.folder ? 0 : 1;
    case 'name':
    case 'name_natural':
      return file.name.toLocaleLowerCase('vi');
    case 'createdTime':
    case 'sharedWithMeTime':
      return Date.parse(file.createdTime);
    case 'quotaBytesUsed':
    case 'starred':
      return 0;
    default:
      return Date.parse(file.modifiedTime);
  }
}

function compareFiles(a: FileRecord, b: FileRecord, keys: SortKey[]): number {
  for (const { key, desc } of keys) {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    const c =
      typeof x === 'string' && typeof y === 'string'
        ? x.localeCompare(y, 'vi', { numeric: key === 'name_natural' })
        : Number(x) - Number(y);
    if (c !== 0) return desc ? -c : c;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Checks a pageSize parameter the way Drive words it. */
export function pageSize(value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw invalidArgument(
      'drive',
      `Invalid value '${value}'. Values must be within the range: [1, ${max}]`,
      'pageSize',
    );
  }
  return n;
}

/** One page of `items` by the call's pageSize (default `fallback`, at most `max`) and an offset pageToken. */
export function offsetPage<T>(
  call: DriveCall,
  items: T[],
  fallback: number,
  max: number,
): { page: T[]; next?: string } {
  const size = pageSize(one(call.query, 'pageSize'), fallback, max);
  const token = one(call.query, 'pageToken');
  const offset = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw invalidArgument('drive', 'Invalid Value', 'pageToken');
  const page = items.slice(offset, offset + size);
  return offset + size < items.length
    ? { page, next: Buffer.from(String(offset + size)).toString('base64url') }
    : { page };
}

function listFingerprint(call: DriveCall): string {
  return createHash('sha256')
    .update(`${call.caller.email}\n${one(call.query, 'q') ?? ''}\n${one(call.query, 'orderBy') ?? ''}`)
    .digest('base64url')
    .slice(0, 12);
}

/** files.list with q, orderBy, paging and the shared-drive corpora. */
export function list(call: DriveCall, deps: DriveDeps): DriveResult {
  const email = call.caller.email;
  const spaces = one(call.query, 'spaces');
  if (spaces !== undefined && spaces !== 'drive') throw notImplemented(`files.list spaces=${spaces}`);
  const corpus = corpusOf(call, deps);
  const qText = one(call.query, 'q');
  const q = qText !== undefined && qText.trim() !== '' ? parseQuery(qText) : undefined;
  const order = parseOrderBy(one(call.query, 'orderBy'));
  const size = pageSize(one(call.query, 'pageSize'), 100, 1000);
  const fingerprint = listFingerprint(call);
  let offset = 0;
  const token = one(call.query, 'pageToken');
  if (token !== undefined) {
    const m = /^(\d+)~(.+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (!m || m[2] !== fingerprint) throw invalidArgument('drive', 'Invalid Value', 'pageToken');
    offset = Number(m[1]);
  }
  const viewer = viewerOf(call);
  const scope = { caller: email, rootId: deps.store.rootId(email), lookup: deps.store.lookup };
  const matching = [...deps.store.files.values()]
    .filter(
      (f) =>
        corpus.includes(f) &&
        reachable(f, viewer) &&
        isListed(f, email, deps.store.lookup) &&
        (q === undefined || matchesQuery(q, f, scope)),
    )
    .sort((a, b) => compareFiles(a, b, order));
  const page = matching.slice(offset, offset + size);
  const next =
    offset + size < matching.length
      ? Buffer.from(`${offset + size}~${fingerprint}`).toString('base64url')
      : undefined;
  return {
    body: {
      kind: 'drive#fileList',
      incompleteSearch: false,
      files: page.map((f) => fileResource(f, email, deps.store.lookup)),
      ...(next ? { nextPageToken: next } : {}),
    },
  };
}

/** Drive's state: files, the change log, watch channels and users' root folders, with edit bookkeeping. */
import { createHash, randomBytes } from 'node:crypto';
import type { FileRecord } from '../types.js';
import { audienceOf } from './access.js';

/** The mimeTypes the emulator gives meaning to. */
export const MIME = {
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  folder: 'application/vnd.google-apps.folder',
} as const;

/** One entry of the change log; `audience` are the users whose change feed shows it. */
export interface ChangeRecord {
  id: number;
  fileId: string;
  time: string;
  audience: string[];
}

/** A push-notification channel (files.watch or changes.watch). */
export interface ChannelRecord {
  id: string;
  resourceId: string;
  resourceUri: string;
  token?: string;
  /** Unix ms. */
  expiration: number;
  address: string;
  kind: 'file' | 'changes';
  /** The watched file (kind 'file'). */
  fileId?: string;
  /** Who created the channel; a changes channel follows this user's feed. */
  ownerEmail: string;
  /** Next X-Goog-Message-Number. */
  nextMessage: number;
  /** For changes channels: only changes at or after this page token count. */
  pageToken?: number;
}

/** What happened to a file, for the change log and push notifications. */
export type FileEvent =
  | { state: 'add' }
  | { state: 'update'; changed: ('content' | 'properties' | 'parents' | 'children' | 'permissions')[] }
  | { state: 'trash' }
  | { state: 'untrash' }
  | { state: 'remove' };

/** Receives every recorded event (the notifier and persistence listen). */
export type EventListener = (file: FileRecord, event: FileEvent, change: ChangeRecord) => void;

/** The saved form of the store. */
export interface SavedDrive {
  files: FileRecord[];
  changes: ChangeRecord[];
  nextChangeId: number;
  channels: ChannelRecord[];
  roots: Record<string, string>;
}

/** A Drive-like id: 44 characters of base64url, starting with "1". */
export function newFileId(): string {
  return `1${randomBytes(33).toString('base64url').slice(0, 43)}`;
}

/** A stable numeric permission id for a user (Drive's ids for users are long digit strings). */
export function userPermissionId(email: string): string {
  const digest = createHash('sha256').update(email.toLowerCase()).digest();
  let digits = '';
  for (const byte of digest) digits += String(byte % 10);
  return `0${digits.slice(0, 19)}`;
}

/** All of Drive's state plus the rules for recording edits. */
export class DriveStore {
  readonly files = new Map<string, FileRecord>();
  changes: ChangeRecord[] = [];
  nextChangeId = 1;
  readonly channels = new Map<string, ChannelRecord>();
  private readonly roots = new Map<string, string>();
  private readonly listeners: EventListener[] = [];
  /** Finds a stored file by id (for inherited sharing). */
  readonly lookup = (id: string): FileRecord | undefined => this.files.get(id);

  constructor(private readonly now: () => Date) {}

  /** Subscribes to recorded events. */
  onEvent(listener: EventListener): void {
    this.listeners.push(listener);
  }

  /** The id of the user's "My Drive" root folder (created on first use). */
  rootId(email: string): string {
    let id = this.roots.get(email);
    if (!id) {
      id = `0A${randomBytes(16).toString('base64url').slice(0, 17)}Uk9PVA`;
      this.roots.set(email, id);
    }
    return id;
  }

  /** Whether `id` is some user's root folder; returns that user's e-mail. */
  rootOwner(id: string): string | undefined {
    for (const [email, rootId] of this.roots) if (rootId === id) return email;
    return undefined;
  }

  /** The current time as RFC 3339, strictly after `after` so `modifiedTime >` comparisons never tie. */
  stamp(after?: string): string {
    let t = this.now().getTime();
    if (after !== undefined) t = Math.max(t, Date.parse(after) + 1);
    return new Date(t).toISOString();
  }

  /** Adds a new file and records its creation. */
  insert(file: FileRecord): void {
    this.files.set(file.id, file);
    this.record(file, { state: 'add' }, []);
  }

  /**
   * Records an event: bumps version (and, for a content or name edit by `modifiedBy`, modifiedTime and the
   * last modifying user), appends a change seen by everyone who can see the file now plus `formerAudience`,
   * and tells the listeners.
   */
  record(file: FileRecord, event: FileEvent, formerAudience: string[], modifiedBy?: string): ChangeRecord {
    if (event.state !== 'add') {
      file.version += 1;
      if (modifiedBy !== undefined) {
        file.modifiedTime = this.stamp(file.modifiedTime);
        file.lastModifyingEmail = modifiedBy;
      }
    }
    const audience = [...new Set([...audienceOf(file, this.lookup), ...formerAudience])];
    const change: ChangeRecord = { id: this.nextChangeId, fileId: file.id, time: this.stamp(), audience };
    this.nextChangeId += 1;
    this.changes.push(change);
    for (const listener of this.listeners) listener(file, event, change);
    return change;
  }

  /** Removes a file for good (and records it as removed). */
  remove(file: FileRecord): void {
    const audience = audienceOf(file, this.lookup);
    this.files.delete(file.id);
    this.record(file, { state: 'remove' }, audience);
  }

  /** Children of a folder. */
  childrenOf(folderId: string): FileRecord[] {
    return [...this.files.values()].filter((f) => f.parents.includes(folderId));
  }

  /** Forgets everything (files, changes, channels, roots). */
  wipe(): void {
    this.files.clear();
    this.changes = [];
    this.nextChangeId = 1;
    this.channels.clear();
    this.roots.clear();
  }

  /** For persistence. */
  save(): SavedDrive {
    return {
      files: [...this.files.values()],
      changes: this.changes,
      nextChangeId: this.nextChangeId,
      channels: [...this.channels.values()],
      roots: Object.fromEntries(this.roots),
    };
  }

  /** Restores a saved store. */
  load(saved: SavedDrive): void {
    this.wipe();
    for (const f of saved.files) this.files.set(f.id, f);
    this.changes = saved.changes;
    this.nextChangeId = saved.nextChangeId;
    for (const c of saved.channels) this.channels.set(c.id, c);
    for (const [email, id] of Object.entries(saved.roots)) this.roots.set(email, id);
  }
}

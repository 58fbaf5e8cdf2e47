/** Sharing's side effects: notification e-mails and pending invitations of addresses that are no Google account. */
import type { DriveStore } from '../drive/store.js';
import { userPermissionId } from '../drive/store.js';
import type { PermissionRecord } from '../types.js';

/** One notification e-mail Drive would have sent. */
export interface EmailRecord {
  to: string;
  from: string;
  fileId: string;
  fileName: string;
  role: PermissionRecord['role'];
  /** The `emailMessage` the sharer wrote, if any. */
  message?: string;
  /** 'share': to a Google account; 'invitation': to an address that must become one to open the file. */
  kind: 'share' | 'invitation';
  /** RFC 3339. */
  at: string;
}

/** An invitation waiting for its address to become a Google account. */
export interface Invitation {
  fileId: string;
  email: string;
  role: PermissionRecord['role'];
  invitedBy: string;
  at: string;
}

/** The saved form. */
export interface SavedSharing {
  emails: EmailRecord[];
  invitations: Invitation[];
}

/** The outbox and the pending invitations. */
export class Sharing {
  private emails: EmailRecord[] = [];
  private invitations: Invitation[] = [];

  /** Records a notification e-mail. */
  send(email: EmailRecord): void {
    this.emails.push(email);
  }

  /** Every e-mail sent so far, oldest first. */
  outbox(): EmailRecord[] {
    return this.emails.map((e) => ({ ...e }));
  }

  /** Adds (or replaces, for the same file and address) a pending invitation. */
  invite(invitation: Invitation): void {
    this.invitations = [
      ...this.invitations.filter((i) => !(i.fileId === invitation.fileId && i.email === invitation.email)),
      invitation,
    ];
  }

  /** The invitations pending on a file (shown by permissions.list, as Drive lists invitees). */
  pendingOn(fileId: string): Invitation[] {
    return this.invitations.filter((i) => i.fileId === fileId);
  }

  /** Withdraws an invitation (permissions.delete of an invitee). */
  withdraw(fileId: string, email: string): boolean {
    const before = this.invitations.length;
    this.invitations = this.invitations.filter((i) => !(i.fileId === fileId && i.email === email));
    return this.invitations.length < before;
  }

  /**
   * The address became a Google account: each of its invitations turns into a permission on its file (recorded
   * as a permissions change). Returns how many files it gained.
   */
  accept(email: string, store: DriveStore): number {
    const mine = this.invitations.filter((i) => i.email === email);
    this.invitations = this.invitations.filter((i) => i.email !== email);
    let granted = 0;
    for (const invitation of mine) {
      const file = store.files.get(invitation.fileId);
      if (!file) continue;
      const id = userPermissionId(email);
      const permission: PermissionRecord = { id, type: 'user', role: invitation.role, emailAddress: email };
      file.permissions = [...file.permissions.filter((p) => p.id !== id), permission];
      store.record(file, { state: 'update', changed: ['permissions'] }, []);
      granted += 1;
    }
    return granted;
  }

  /** Forgets everything (wipe). */
  wipe(): void {
    this.emails = [];
    this.invitations = [];
  }

  /** For persistence. */
  save(): SavedSharing {
    return { emails: this.emails, invitations: this.invitations };
  }

  /** Restores saved state. */
  load(saved: SavedSharing): void {
    this.emails = [...saved.emails];
    this.invitations = [...saved.invitations];
  }
}

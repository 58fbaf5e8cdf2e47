/**
 * theodoi's writes to a directive's spreadsheet made without reading it whole first (the deadline check, Tổng hợp on
 * demand): the spreadsheet's Drive version is recorded after them only when theodoi had seen everything before them
 * and nothing but them changed it, so the sweep does not read the spreadsheet again for them (decision 011).
 */
import type { Firestore } from 'firebase-admin/firestore';
import { versionAfterOwnWrites } from '../domain/sync/own-writes.js';
import type { GoogleClients } from '../sheets/api/clients.js';
import { fileVersion } from '../sheets/api/file-version.js';
import { firestoreStep } from '../store/deadline.js';
import { recordSeenVersion, type DirectiveRecord } from '../store/directives.js';

/** What the writes cost beyond themselves: Drive files.get calls and directive document writes. */
export interface OwnWritesCost {
  driveReads: number;
  firestoreWrites: number;
}

/**
 * Runs `write` (which answers how many writes changed the spreadsheet) between two reads of its Drive version. The
 * version before must be the one theodoi recorded as seen: otherwise someone changed the spreadsheet since, and the
 * sweep must read it (nothing is recorded, and the second read is not made). `willWrite` false (nothing to send)
 * spares both reads.
 */
export async function withOwnWrites<T extends { applied: number }>(
  deps: { db: Firestore; clients: GoogleClients; firestoreTimeoutMs?: number },
  directive: Pick<DirectiveRecord, 'id' | 'spreadsheetId' | 'seenVersion'>,
  willWrite: boolean,
  write: () => Promise<T>,
): Promise<T & { ownWrites: OwnWritesCost }> {
  const version = () => fileVersion(deps.clients, directive.spreadsheetId).catch(() => undefined);
  const before = directive.seenVersion === undefined || !willWrite ? undefined : await version();
  const written = await write();
  const cost: OwnWritesCost = { driveReads: before === undefined ? 0 : 1, firestoreWrites: 0 };
  if (before === undefined || before !== directive.seenVersion || written.applied === 0) {
    return { ...written, ownWrites: cost };
  }
  cost.driveReads += 1;
  const seen = versionAfterOwnWrites(before, await version(), written.applied);
  if (seen) {
    await firestoreStep(deps)(recordSeenVersion(deps.db, directive.id, seen), 'recording the seen version');
    cost.firestoreWrites = 1;
  }
  return { ...written, ownWrites: cost };
}

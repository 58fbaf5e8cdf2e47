/**
 * A directive whose spreadsheet theodoi can no longer open (deleted, or no longer shared with its account):
 * marked in Firestore with the coordinator's message, and cleared as soon as a sync or a check opens it again.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { spreadsheetRecovery as msg } from '../messages.vi.js';
import { accessProblemOf } from '../sheets/api/google-error.js';
import { firestoreStep } from '../store/deadline.js';
import { clearAccessLost, markAccessLost, type DirectiveRecord } from '../store/directives.js';
import { UserFacingError } from './errors.js';
import type { SyncEvents } from './sync-events.js';

/** What noting access needs. */
export interface AccessDeps {
  db: Firestore;
  /** The account theodoi acts as, named in the message; a generic wording without it. */
  actingAccount?: string;
  events?: Partial<SyncEvents>;
  firestoreTimeoutMs?: number;
}

/**
 * When `error` says the spreadsheet cannot be opened: marks the directive (keeping when the loss began), tells
 * the events, and returns the error to show the coordinator (code 'access-lost'); undefined for other errors.
 */
export async function noteAccessLost(
  deps: AccessDeps,
  directive: DirectiveRecord,
  error: unknown,
  now: Date,
): Promise<UserFacingError | undefined> {
  const reason = accessProblemOf(error);
  if (!reason) return undefined;
  const name = msg.directiveName(directive.id, directive.number);
  const message =
    reason === 'not-found'
      ? msg.notFound(name, directive.spreadsheetId)
      : msg.notShared(name, directive.spreadsheetId, deps.actingAccount ?? msg.ourAccount);
  const since = directive.access?.since.toDate() ?? now;
  // The coordinator's error stands even if Firestore cannot take the mark now: the next attempt marks it.
  await firestoreStep(deps)(
    markAccessLost(deps.db, directive.id, { reason, since, message }, now),
    'marking the directive',
  ).catch(() => undefined);
  deps.events?.spreadsheetAccessLost?.({
    directiveId: directive.id,
    spreadsheetId: directive.spreadsheetId,
    reason,
    since,
  });
  return new UserFacingError(message, 'access-lost');
}

/** Clears the directive's mark after theodoi opened its spreadsheet again; true when there was one. */
export async function noteAccessRestored(deps: AccessDeps, directive: DirectiveRecord): Promise<boolean> {
  if (!directive.access) return false;
  await firestoreStep(deps)(clearAccessLost(deps.db, directive.id), 'clearing the lost-access mark');
  deps.events?.spreadsheetAccessRestored?.({
    directiveId: directive.id,
    spreadsheetId: directive.spreadsheetId,
    lostSince: directive.access.since.toDate(),
  });
  return true;
}

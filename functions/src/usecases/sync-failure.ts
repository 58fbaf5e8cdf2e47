/**
 * Why a directive could not be synced or checked, in words safe to put in the sweep's and the deadline check's
 * answers: the coordinator's message for what a person can fix, the Firestore step that did not answer, Google's
 * own message, and otherwise the kind of error only (its text may quote Firestore or this machine; the log
 * line has it).
 */
import { GoogleApiError } from '../sheets/api/google-error.js';
import { StoreUnavailableError } from '../store/deadline.js';
import { UserFacingError } from './errors.js';

/** A directive's failure as answered: what went wrong and a stable code. */
export interface DirectiveFailure {
  directiveId: string;
  error: string;
  code?: string;
}

/** The answer's account of `error`, the failure of `directiveId`. */
export function directiveFailure(directiveId: string, error: unknown): DirectiveFailure {
  if (error instanceof UserFacingError || error instanceof StoreUnavailableError) {
    return { directiveId, error: error.message, code: error.code };
  }
  // Google's own message: what Google said of the call (a quota, an unknown range), nothing of this machine.
  if (error instanceof GoogleApiError) return { directiveId, error: error.message, code: error.code };
  const name = error instanceof Error ? error.name : typeof error;
  return { directiveId, error: `sync failed (${name})`, code: 'internal' };
}

/**
 * Why a directive could not be synced or checked, in words safe to put in the sweep's and the deadline check's
 * answers: the coordinator's message for what a person can fix, the Firestore step that did not answer, Google's
 * status and reason, and otherwise the kind of error only (its text may quote Firestore or this machine; the log
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
  if (error instanceof GoogleApiError) {
    const status = error.status === undefined ? 'no answer' : `${error.status}${reasonOf(error)}`;
    return { directiveId, error: `Google answered ${status}`, code: error.code };
  }
  const name = error instanceof Error ? error.name : typeof error;
  return { directiveId, error: `sync failed (${name})`, code: 'internal' };
}

function reasonOf(error: GoogleApiError): string {
  return error.reason ? ` ${error.reason}` : '';
}

/**
 * The one table from an error a use case throws to what the HTTP function answers. A person's own mistake (a
 * UserFacingError) is 422 with its Vietnamese message; a store or Google that cannot answer now is 503, Google's
 * quota 429, so Cloud Scheduler, Pub/Sub and the sheet trigger try again; a Google grant that is missing, revoked or
 * expired is 500 with its own code and the Vietnamese message naming the command that mends it (no retry helps);
 * anything else is 500 with a generic body: no message, no stack, no path of this machine (the log line has them).
 */
import { NoGoogleGrantError } from '../sheets/api/clients.js';
import { GoogleApiError } from '../sheets/api/google-error.js';
import { StoreUnavailableError } from '../store/deadline.js';
import { CertificatesUnavailableError } from '../triggers/id-token.js';
import { UserFacingError } from '../usecases/errors.js';
import { errorAnswer, type ErrorBody, type HttpAnswer } from './answer.js';

/** The answer to a request whose use case threw `error`. */
export function answerForError(error: unknown): HttpAnswer & { body: ErrorBody } {
  if (error instanceof UserFacingError) return errorAnswer(422, error.code, error.message);
  if (error instanceof StoreUnavailableError) {
    return errorAnswer(503, error.code, 'Firestore did not answer; try again later');
  }
  if (error instanceof NoGoogleGrantError) return errorAnswer(500, error.code, error.message);
  if (error instanceof GoogleApiError) return googleAnswer(error);
  if (error instanceof CertificatesUnavailableError) {
    return errorAnswer(
      503,
      'certificates-unavailable',
      "Google's keys could not be fetched; try again later",
    );
  }
  return errorAnswer(500, 'internal', 'internal error');
}

/** The status a failure coded `code` is answered with: 429 for quota, 503 for what may pass, 500 otherwise. */
export function statusForCode(code: string | undefined): number {
  if (code === 'quota') return 429;
  if (code === 'unavailable' || code === 'no-answer' || code === 'store-unavailable') return 503;
  return 500;
}

function googleAnswer(error: GoogleApiError): HttpAnswer & { body: ErrorBody } {
  const { code } = error;
  if (code === 'invalid-grant') return errorAnswer(500, code, error.message);
  const status = statusForCode(code);
  if (status === 429) return errorAnswer(429, code, 'Google asked to slow down; try again later');
  if (status === 503) return errorAnswer(503, code, 'Google did not answer; try again later');
  return errorAnswer(500, 'internal', 'internal error');
}

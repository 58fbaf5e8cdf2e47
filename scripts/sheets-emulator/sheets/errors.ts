/** Constructors for the Google error bodies the Sheets half raises. */
import { GoogleApiError } from '../types.js';

/** 400 INVALID_ARGUMENT with Google's message. */
export function badRequest(message: string): GoogleApiError {
  return new GoogleApiError(400, 'INVALID_ARGUMENT', message);
}

/** 400 "Unable to parse range: <range as sent>". */
export function unparsableRange(range: string): GoogleApiError {
  return badRequest(`Unable to parse range: ${range}`);
}

/** 404 NOT_FOUND "Requested entity was not found." */
export function notFound(): GoogleApiError {
  return new GoogleApiError(404, 'NOT_FOUND', 'Requested entity was not found.');
}

/** 501 UNIMPLEMENTED for a request kind or option the emulator does not model. */
export function unimplemented(what: string): GoogleApiError {
  return new GoogleApiError(501, 'UNIMPLEMENTED', `The Sheets emulator does not implement ${what}.`);
}

/** The 10-million-cell limit error. */
export function tooManyCells(): GoogleApiError {
  return badRequest(
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  );
}

/** The 50,000-characters-per-cell limit error. */
export function cellTooLong(): GoogleApiError {
  return badRequest('Your input contains more than the maximum of 50000 characters in a single cell.');
}

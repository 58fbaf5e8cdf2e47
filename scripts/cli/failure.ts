/**
 * What the command line prints when a command fails: one Vietnamese sentence naming what went wrong and how to fix
 * it; the technical detail (stack, Google's answer) only with --verbose.
 */
import { ConfigError } from '@theodoi/functions/config';
import { GoogleApiError } from '@theodoi/functions/sheets/api/google-error';
import { UserFacingError } from '@theodoi/functions/usecases/errors';
import { InputFileError } from './file-checks.js';
import { failures as msg } from './messages.vi.js';
import { UsageError } from './usage-error.js';

const VIETNAMESE = /[ạảãầấậẩẫăằắặẳẵẹẻẽềếệểễịỉĩọỏõồốộổỗơờớợởỡụủũưừứựửữỳỵỷỹđ]/i;
const NO_CREDENTIALS = /Could not load the default credentials|Could not refresh access token|invalid_grant/i;

/** The sentence for `error`; with `verbose`, followed by the error's stack and cause. */
export function describeFailure(error: unknown, verbose: boolean): string {
  const said = `Lỗi: ${sentenceOf(error)}`;
  if (!verbose) return said;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `\n${error.cause.stack ?? ''}` : '';
  return `${said}\n\n${detail}${cause}`;
}

function sentenceOf(error: unknown): string {
  if (error instanceof UsageError || error instanceof UserFacingError || error instanceof InputFileError)
    return error.message;
  if (error instanceof ConfigError) return msg.badConfiguration(error.issues);
  const message = error instanceof Error ? error.message : String(error);
  if (NO_CREDENTIALS.test(message)) return msg.noCredentials;
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return msg.missingFile((error as { path?: string }).path ?? '');
  if (code === 'EACCES') return msg.noPermission((error as { path?: string }).path ?? '');
  if (error instanceof GoogleApiError) return VIETNAMESE.test(message) ? message : msg.google[error.code];
  if (code === 14 || /ECONNREFUSED/.test(message)) return msg.firestoreUnreachable;
  // A message in Vietnamese was written for the coordinator by one of our messages modules; anything else is raw.
  if (VIETNAMESE.test(message)) return message;
  return msg.unexpected;
}

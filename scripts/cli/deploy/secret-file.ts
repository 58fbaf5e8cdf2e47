/** Checks a trigger-secret file before it becomes a Secret Manager version. */
import { readFileSync } from 'node:fs';

/** Throws unless `path` holds one secret of at least 32 characters with no trailing newline. */
export function checkSecretFile(path: string): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`--secret-file ${path} cannot be read`);
  }
  // Secret Manager stores the bytes as they are: a trailing newline would become part of the secret, and the
  // Apps Script property (pasted without it) would no longer match.
  if (/[\r\n]$/.test(text))
    throw new Error(`--secret-file ${path} ends with a newline; write it with printf '%s'`);
  if (text.length < 32)
    throw new Error(`--secret-file ${path} holds ${text.length} characters; at least 32 are needed`);
}

/** Checks a file given on the command line before anything parses it: it exists, is not too large, is of its kind. */
import { open, stat } from 'node:fs/promises';
import { files as msg } from './messages.vi.js';

/** A file that cannot be used; the message is the coordinator's, in Vietnamese. */
export class InputFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InputFileError';
  }
}

/** The file's size in bytes, after checking it exists, is a file, and is at most `maxBytes`. */
export async function checkFileSize(file: string, maxBytes: number): Promise<number> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputFileError(msg.notAFile(file));
    size = info.size;
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputFileError(msg.missing(file), { cause: error });
    throw new InputFileError(msg.unreadable(file, code ?? (error as Error).message), { cause: error });
  }
  if (size > maxBytes) throw new InputFileError(msg.tooLarge(file, megabytes(size), megabytes(maxBytes)));
  if (size === 0) throw new InputFileError(msg.empty(file));
  return size;
}

/** Whether the file starts with one of `signatures` (its "magic" bytes). */
export async function startsWith(file: string, signatures: readonly Buffer[]): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(Math.max(...signatures.map((s) => s.length)));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return signatures.some((s) => bytesRead >= s.length && head.subarray(0, s.length).equals(s));
  } finally {
    await handle.close();
  }
}

/** Decodes `bytes` as UTF-8 text written by a person: no invalid sequences, no control characters but tab, breaks and form feed. */
export function decodeText(file: string, bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new InputFileError(msg.notText(file), { cause: error });
  }
  if (hasControlCharacters(text.slice(0, 64 * 1024))) throw new InputFileError(msg.notText(file));
  if (text.trim() === '') throw new InputFileError(msg.empty(file));
  return text.replace(/^\uFEFF/, '');
}

function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) return true;
  }
  return false;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1);

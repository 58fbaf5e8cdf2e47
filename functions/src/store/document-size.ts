/**
 * Firestore's size of a document, as its documentation counts it (cloud.google.com/firestore/docs/storage-size):
 * a string is its UTF-8 bytes + 1, a number or timestamp 8, a boolean or null 1, a map or array the sum of its
 * entries (a map's field names counted as strings), plus 32 bytes and the document's name. A document may hold at
 * most 1 MiB, a commit at most 10 MiB: the sync checks both before sending.
 */

/** Firestore's limit on one document. */
export const MAX_DOCUMENT_BYTES = 1_048_576;
/** Firestore's limit on one commit's request. */
export const MAX_COMMIT_BYTES = 10 * 1_048_576;

/** The stored size of `data` as the document at `path`. */
export function documentSize(path: string, data: Readonly<Record<string, unknown>>): number {
  return stringSize(path) + 32 + mapSize(data);
}

function stringSize(text: string): number {
  return Buffer.byteLength(text, 'utf8') + 1;
}

function mapSize(map: Readonly<Record<string, unknown>>): number {
  let size = 0;
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    size += stringSize(key) + valueSize(value);
  }
  return size;
}

function valueSize(value: unknown): number {
  if (typeof value === 'string') return stringSize(value);
  if (typeof value === 'number' || value instanceof Date) return 8;
  if (typeof value === 'boolean' || value === null) return 1;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + valueSize(v), 0);
  if (typeof value === 'object') {
    // A Firestore Timestamp or a reference stored as such: 8 bytes is enough for the estimate's purpose.
    if (typeof (value as { toDate?: unknown }).toDate === 'function') return 8;
    return mapSize(value as Record<string, unknown>);
  }
  return 8;
}

/**
 * Long texts officers type, stored whole but apart: a raw cell longer than INLINE_TEXT_CHARS is kept in its own
 * document (`reports/{id}/texts/{sha256}`, at most Sheets' 50,000 characters, ~150 KB) and referred to from the
 * report and its versions, so no report or version can pass Firestore's 1 MiB however much is pasted into a row.
 * Parsed values (`values`, `acceptedValues`) keep a long text's first INLINE_TEXT_CHARS characters: they are for
 * counting and summaries; the whole text is the raw cell's.
 */
import { hash } from 'node:crypto';
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { CellValue } from '../domain/values/cell.js';

/** The longest text kept inside a report or version document. */
export const INLINE_TEXT_CHARS = 1_500;

/** A raw cell stored apart: the id of its text document, and its length. */
export interface ApartText {
  apart: string;
  chars: number;
}

/** A raw cell as stored: the value, or a reference to its text stored apart. */
export type StoredCell = Exclude<CellValue, undefined> | ApartText;

/** What the report documents' `cells` read back as, before the texts apart are fetched. */
export const StoredCellSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.object({ apart: z.string(), chars: z.number().int() }),
]);

/** A long text to store apart: its document id and content. */
export interface TextApart {
  id: string;
  text: string;
}

/** Raw cells as stored: long texts replaced by references, and the texts to store apart (each once). */
export function storedCells(cells: Readonly<Record<string, CellValue>>): {
  cells: Record<string, StoredCell>;
  texts: TextApart[];
} {
  const stored: Record<string, StoredCell> = {};
  const texts = new Map<string, string>();
  for (const [key, value] of Object.entries(cells)) {
    if (value === undefined) continue;
    if (typeof value === 'string' && value.length > INLINE_TEXT_CHARS) {
      const id = hash('sha256', value, 'hex');
      texts.set(id, value);
      stored[key] = { apart: id, chars: value.length };
    } else {
      stored[key] = value;
    }
  }
  return { cells: stored, texts: [...texts].map(([id, text]) => ({ id, text })) };
}

/** Parsed values with long texts cut to their first INLINE_TEXT_CHARS characters (and "…"). */
export function clippedValues<V>(values: Readonly<Record<string, V>>): Record<string, V | string> {
  const out: Record<string, V | string> = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] =
      typeof value === 'string' && value.length > INLINE_TEXT_CHARS
        ? `${value.slice(0, INLINE_TEXT_CHARS)}…`
        : value;
  }
  return out;
}

/** Where a report's texts are stored apart. */
export function textsOf(report: DocumentReference) {
  return report.collection('texts');
}

/** Raw cells with every text stored apart fetched back (one getAll for all of them). */
export async function resolveCells(
  db: Firestore,
  report: DocumentReference,
  cells: Readonly<Record<string, StoredCell>>,
): Promise<Record<string, CellValue>> {
  const apart = Object.entries(cells).flatMap(([key, v]) =>
    typeof v === 'object' && v !== null ? [[key, v.apart] as const] : [],
  );
  const out: Record<string, CellValue> = {};
  for (const [key, v] of Object.entries(cells)) if (typeof v !== 'object' || v === null) out[key] = v;
  if (apart.length === 0) return out;
  const docs = await db.getAll(...apart.map(([, id]) => textsOf(report).doc(id)));
  apart.forEach(([key], i) => {
    const text: unknown = docs[i]?.get('text');
    // A text that cannot be found is left out rather than guessed: the cell reads as blank.
    if (typeof text === 'string') out[key] = text;
  });
  return out;
}

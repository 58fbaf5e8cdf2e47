/** What OCR read uncertainly: the mean confidence, and the draft's fields holding a word read below the threshold. */
import type { DirectiveDraft } from './draft.js';
import type { PositionedItem } from './positioned-text.js';
import { foldLower } from './text.js';

/** A word OCR read, with its box and the engine's confidence (0–100). */
export interface OcrWord extends PositionedItem {
  readonly confidence: number;
}

/** Below this confidence a word is marked for review [M]: tesseract's clean 300 dpi text reads above 90. */
export const LOW_CONFIDENCE = 70;

/** A field of the draft holding words read with low confidence. */
export interface ReviewField {
  /** The draft's field ("numberSymbol", "recipients[1]", "tasks[2]"). */
  readonly field: string;
  /** The field's text as read. */
  readonly text: string;
  /** The uncertain words in it, each with its confidence, lowest first. */
  readonly words: { readonly text: string; readonly confidence: number }[];
}

/** The mean word confidence, one decimal; null without words. */
export function meanConfidence(words: readonly OcrWord[]): number | null {
  if (words.length === 0) return null;
  return Math.round((10 * words.reduce((sum, w) => sum + w.confidence, 0)) / words.length) / 10;
}

function tokens(text: string): string[] {
  return foldLower(text.normalize('NFC'))
    .split(/\s+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((t) => t !== '');
}

/** The fields a coordinator checks against the paper, with their text in the draft. */
function fieldsOf(draft: Omit<DirectiveDraft, 'missing' | 'warnings' | 'review'>): [string, string | null][] {
  return [
    ['issuer', draft.issuer.lines.join(' ') || draft.issuer.name],
    ['numberSymbol', draft.numberSymbol?.raw ?? null],
    ['date', draft.date === null ? null : [draft.place, draft.date.raw].filter((p) => p !== null).join(', ')],
    ['subject', draft.subject],
    ...draft.recipients.lines.map((l, i): [string, string] => [`recipients[${i}]`, l.text]),
    ...draft.references.map((r, i): [string, string] => [`references[${i}]`, r.raw]),
    ...draft.tasks.map((t): [string, string] => [`tasks[${t.id}]`, t.text]),
    ['signer', [draft.signer.title, draft.signer.name].filter((p) => p !== null).join(' ') || null],
  ];
}

/**
 * The fields holding a word OCR read below `threshold`. A word is told by its spelling, so the same word read
 * well elsewhere may still mark a field: a field is marked too often rather than never.
 */
export function fieldsToReview(
  draft: Omit<DirectiveDraft, 'missing' | 'warnings' | 'review'>,
  words: readonly OcrWord[],
  threshold = LOW_CONFIDENCE,
): ReviewField[] {
  const low = new Map<string, number>();
  for (const w of words) {
    if (w.confidence >= threshold) continue;
    for (const t of tokens(w.text)) low.set(t, Math.min(low.get(t) ?? 100, w.confidence));
  }
  if (low.size === 0) return [];
  const out: ReviewField[] = [];
  for (const [field, text] of fieldsOf(draft)) {
    if (text === null) continue;
    const uncertain = [...new Set(tokens(text))]
      .filter((t) => low.has(t))
      .map((t) => ({ text: t, confidence: low.get(t) ?? 0 }))
      .sort((a, b) => a.confidence - b.confidence);
    if (uncertain.length > 0) out.push({ field, text, words: uncertain });
  }
  return out;
}

/**
 * How wide a text is when set in Times New Roman, in twips: the advance widths of Times (Adobe's Times-Roman and
 * Times-Bold metrics, which Times New Roman was drawn to share), so a table's columns can be sized before Word
 * lays them out. Vietnamese letters are measured on their base letter, plus a margin for the diacritics. Pure.
 */

/** Advance widths (thousandths of an em) of the characters U+0020…U+007E, regular. */
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500,
  500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333,
  389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469,
  500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
  278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
] as const;
/** The same, bold. */
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 333, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500,
  500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389,
  500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581,
  500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389,
  333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
] as const;
/** Characters outside ASCII the documents use. */
const OTHER: Record<string, number> = { '–': 500, '—': 1000, '…': 1000, '\u00a0': 250, '×': 564, '₫': 500 };
/** Anything else is counted as wide as a capital. */
const UNKNOWN = 722;
/** Diacritics and the horn of ơ, ư widen a letter a little in Times New Roman: count 4% more. */
const VIETNAMESE_MARGIN = 1.04;

/** Spaces and line breaks: where Word may break a line inside a cell (a non-breaking space is not one). */
const BREAKS = /[ \t\n]+/;

function baseLetters(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** The width in twips of `text` on one line, at `halfPoints` (docx's size unit), regular or bold. */
export function textWidth(text: string, halfPoints: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let em = 0;
  for (const ch of baseLetters(text)) {
    const code = ch.codePointAt(0)!;
    em += code >= 32 && code <= 126 ? table[code - 32]! : (OTHER[ch] ?? UNKNOWN);
  }
  const twipsPerEm = halfPoints * 10; // (halfPoints / 2) pt × 20 twips per pt
  const margin = text === baseLetters(text) ? 1 : VIETNAMESE_MARGIN;
  return Math.ceil((em / 1000) * twipsPerEm * margin);
}

/** The words of `text` Word will not break: split at spaces and line breaks only. */
export function unbreakableWords(text: string): string[] {
  return text.split(BREAKS).filter(Boolean);
}

/** The width in twips of the widest word of `text` (what its cell must hold for no word to break). */
export function widestWord(text: string, halfPoints: number, bold = false): number {
  return Math.max(0, ...unbreakableWords(text).map((w) => textWidth(w, halfPoints, bold)));
}

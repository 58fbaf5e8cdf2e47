/** Text clean-up for imported documents and index-preserving folds used to match Vietnamese phrases. */

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const PAGE_NUMBER = /^(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*-)?$/i;

/**
 * Cleans raw document text into lines: NFC, LF line ends, ordinary spaces, no bold/italic markers,
 * no page-number lines, no trailing spaces. Blank lines are kept (they carry layout).
 */
export function normaliseLines(raw: string): string[] {
  const text = raw
    .normalize('NFC')
    .replace(/\u00D0/g, 'Đ')
    .replace(/\u00F0/g, 'đ')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029\f\v]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
    // Bold and italic markers from Markdown-ish pastes; "____" rules under a header stay.
    .replace(/\*\*|__(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}.,:;])__/gu, '');
  return text
    .split('\n')
    .map((line) => line.replace(/[ ]+$/g, '').replace(/^[ ]+/g, ''))
    .map((line) => (PAGE_NUMBER.test(line.trim()) ? '' : line));
}

/** Collapses runs of spaces and trims. */
export function squash(text: string): string {
  return text.replace(/[ \t]+/g, ' ').trim();
}

const TONE_MOVES: Record<string, string> = {
  oà: 'òa',
  oá: 'óa',
  oả: 'ỏa',
  oã: 'õa',
  oạ: 'ọa',
  oè: 'òe',
  oé: 'óe',
  oẻ: 'ỏe',
  oẽ: 'õe',
  oẹ: 'ọe',
  uỳ: 'ùy',
  uý: 'úy',
  uỷ: 'ủy',
  uỹ: 'ũy',
  uỵ: 'ụy',
};
const LETTER = /[\p{L}\p{N}]/u;

/** Lower-cases NFC text and moves old-style tone marks ("hoà", "uỷ") to the new place; same length. */
export function foldLower(text: string): string {
  const lower = [...text].map((c) => {
    const l = c.toLowerCase();
    return l.length === c.length ? l : c;
  });
  let out = lower.join('');
  out = out.replace(/(?<!q)(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}\p{N}])/gu, (pair) => TONE_MOVES[pair] ?? pair);
  return out;
}

/**
 * Lower-cases, strips diacritics (đ → d) and spells a syllable-final "y" after a consonant as "i"
 * ("Mỹ Quý" and "Mỹ Quí" both fold to "mi qui"); keeps the length so indexes map back to the text.
 */
export function foldLoose(text: string): string {
  let out = '';
  for (const c of text) {
    let f = c.normalize('NFD').replace(/\p{M}/gu, '');
    if (f === 'đ' || f === 'Đ') f = 'd';
    f = f.toLowerCase();
    out += f.length === c.length ? f : c.toLowerCase().length === c.length ? c.toLowerCase() : c;
  }
  return out.replace(/(?<=(?:^|[^a-z])(?:qu|[bcdghklmnprstvx]+))y(?![a-z0-9])/g, 'i');
}

/** A text with its two folds, all three the same length so a match in a fold slices the original. */
export interface FoldedText {
  /** The text as written (NFC). */
  readonly text: string;
  /** See foldLower. */
  readonly lower: string;
  /** See foldLoose. */
  readonly loose: string;
}

/** Builds the folds of a text. */
export function folded(text: string): FoldedText {
  return { text, lower: foldLower(text), loose: foldLoose(text) };
}

/** Whether position `i` of `s` starts a word (nothing alphanumeric just before it). */
export function atWordStart(s: string, i: number): boolean {
  return i === 0 || !LETTER.test(s.charAt(i - 1));
}

/** Whether the text has letters and all of them are upper case (a heading or header line). */
export function isUpperCaseLine(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Removes list bullets and the ";" / "." / "," that end a list entry. */
export function stripListPunctuation(text: string): string {
  return squash(
    text
      .replace(/^\s*(?:[-+•*–]\s*)+/, '')
      .replace(/\.\/\.$/, '')
      .replace(/(?:\s*[;,.]+)+\s*$/, ''),
  );
}

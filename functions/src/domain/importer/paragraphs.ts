/** Rebuilds paragraphs from body lines, mending lines broken mid-sentence (text pasted from a PDF) and hyphenation. */
import { foldLoose, isUpperCaseLine, squash } from './text.js';

/** How a paragraph is numbered: "I.", "1." / "1.2.", "a)", "Điều 3.", a "-" bullet, or not at all. */
export type MarkerKind = 'roman' | 'number' | 'letter' | 'article' | 'bullet';

/** A paragraph's number or bullet. */
export interface Marker {
  readonly kind: MarkerKind;
  /** "II", "1.2", "a", "3" (for Điều 3), "-". */
  readonly label: string;
}

/** One paragraph of the body; table lines stay one per paragraph, their cells split. */
export interface Paragraph {
  readonly marker: Marker | null;
  /** The text without its marker. */
  readonly text: string;
  /** The cells, when the paragraph is a line of a text table ("a | b | c" or tab-separated). */
  readonly cells: readonly string[] | null;
}

const ROMAN = /^((?:X{0,3})(?:IX|IV|V?I{0,3}))\s*[.)]\s+/;
const NUMBER = /^(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]\s+/;
const LETTER = /^([a-zđ])\s*[).]\s+/;
const ARTICLE = /^điều\s+(\d{1,3})\s*[.:]\s*/i;
const BULLET = /^([-+•*–])\s*/;

/** Reads the marker a line opens with. */
export function readMarker(line: string): { marker: Marker; rest: string } | null {
  const t = line.trim();
  const article = ARTICLE.exec(t);
  if (article)
    return { marker: { kind: 'article', label: article[1] ?? '' }, rest: t.slice(article[0].length) };
  const roman = ROMAN.exec(t);
  if (roman && (roman[1] ?? '') !== '')
    return { marker: { kind: 'roman', label: roman[1] ?? '' }, rest: t.slice(roman[0].length) };
  const number = NUMBER.exec(t);
  if (number) return { marker: { kind: 'number', label: number[1] ?? '' }, rest: t.slice(number[0].length) };
  const letter = LETTER.exec(t);
  if (letter) return { marker: { kind: 'letter', label: letter[1] ?? '' }, rest: t.slice(letter[0].length) };
  const bullet = BULLET.exec(t);
  if (bullet && !/^[-–]{2,}/.test(t))
    return { marker: { kind: 'bullet', label: '-' }, rest: t.slice(bullet[0].length) };
  return null;
}

/** The cells of a text-table line ("| a | b |" or "a\tb\tc"), or null when the line is not one. */
export function tableCells(line: string): string[] | null {
  const separator =
    (line.match(/\|/g) ?? []).length >= 2 ? '|' : (line.match(/\t/g) ?? []).length >= 2 ? '\t' : null;
  if (separator === null) return null;
  let cells = line.split(separator).map(squash);
  if (separator === '|') {
    if (cells[0] === '') cells = cells.slice(1);
    if (cells.at(-1) === '') cells = cells.slice(0, -1);
  }
  return cells;
}

function endsSentence(text: string): boolean {
  return /[.;:!?]["”)]*$/.test(text) || text.endsWith('./.');
}

function joinBroken(previous: string, next: string): string {
  if (/\p{L}-$/u.test(previous)) {
    return /^\p{Ll}/u.test(next) ? previous.slice(0, -1) + next : previous + next;
  }
  return `${previous} ${next}`;
}

/** Groups body lines into paragraphs: a numbered or bulleted line starts one; a line that does not end a sentence runs on. */
export function paragraphs(lines: readonly string[]): Paragraph[] {
  const out: { marker: Marker | null; text: string; cells: string[] | null; heading: boolean }[] = [];
  // Lines of a PDF paste end near one width; a "-" after such a line, mid-sentence, is a dash that wrapped
  // ("Phòng Tài chính" / "- Kế hoạch"), not a bullet.
  const width = Math.max(0, ...lines.filter((l) => tableCells(l) === null).map((l) => squash(l).length));
  let previousLength = 0;
  for (const raw of lines) {
    const line = raw.replace(/ +$/, ''); // trailing tabs are empty cells of a table
    if (line.trim() === '') continue;
    const cells = tableCells(line);
    if (cells) {
      out.push({ marker: null, text: cells.join(' | '), cells, heading: false });
      continue;
    }
    const trimmed = squash(line);
    const last = out.at(-1);
    const wrappedDash =
      /^[-–]\s/.test(trimmed) &&
      last !== undefined &&
      !endsSentence(last.text) &&
      !last.heading &&
      previousLength >= 0.85 * width;
    previousLength = trimmed.length;
    const marked = wrappedDash ? null : readMarker(trimmed);
    const runsOn =
      last !== undefined &&
      last.cells === null &&
      marked === null &&
      !last.heading &&
      !(isUpperCaseLine(trimmed) && endsSentence(last.text)) &&
      (!endsSentence(last.text) || /^\p{Ll}/u.test(trimmed));
    if (runsOn) {
      last.text = joinBroken(last.text, trimmed);
      continue;
    }
    const text = marked ? squash(marked.rest) : trimmed;
    out.push({ marker: marked?.marker ?? null, text, cells: null, heading: isUpperCaseLine(text) });
  }
  return out.map(({ marker, text, cells }) => ({ marker, text, cells }));
}

/** Whether a paragraph closes the list of tasks ("Yêu cầu … thực hiện tốt Công văn này./.", "Trên đây là …"). */
export function isClosing(paragraph: Paragraph): boolean {
  if (paragraph.marker !== null || paragraph.cells !== null) return false;
  const loose = foldLoose(paragraph.text);
  return (
    paragraph.text.endsWith('./.') ||
    /^(?:yeu cau|tren day|trong qua trinh (?:thuc hien|trien khai)|nhan duoc|quyet dinh nay co hieu luc)/.test(
      loose,
    )
  );
}

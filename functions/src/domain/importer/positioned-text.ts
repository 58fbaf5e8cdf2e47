/**
 * Lays out positioned text (a PDF's text items, OCR's words) as the lines the importer reads, keeping reading order
 * across the side-by-side blocks of Decree 30/2020: issuer left / Quốc hiệu right, number left / place-date right at the
 * top; "Nơi nhận" left / signature right at the end. Each block is read as a whole, left before right.
 */
import { foldLoose, squash } from './text.js';

/** A piece of text and its box on the page, top-left origin, y growing downwards (any unit, the same for all). */
export interface PositionedItem {
  readonly text: string;
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface Segment {
  text: string;
  x0: number;
  x1: number;
}

interface Row {
  readonly top: number;
  readonly height: number;
  readonly segments: Segment[];
}

// A gap wider than this many line heights separates blocks; a narrower one is a space between words, or none.
const BLOCK_GAP = 2;
const WORD_GAP = 0.12;
// Rows this many line heights apart have a blank line between them (a new paragraph or block).
const PARAGRAPH_GAP = 1.9;
const TAIL_START = /^(?:noi\s+nhan|(?:tm|kt|tl|q|tuq)\s*\.)/;
const KINH_GUI = /^kinh\s+gui/;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Groups a page's items into rows by their vertical middles, top to bottom, each row's items left to right. */
function rowsOf(items: readonly PositionedItem[]): Row[] {
  const sorted = [...items].sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2) || a.x - b.x);
  const groups: { middle: number; height: number; items: PositionedItem[] }[] = [];
  for (const item of sorted) {
    const middle = item.y + item.height / 2;
    const group = groups.at(-1);
    if (group && Math.abs(middle - group.middle) <= 0.5 * Math.max(group.height, item.height)) {
      group.items.push(item);
      continue;
    }
    groups.push({ middle, height: item.height, items: [item] });
  }
  return groups.map((g) => {
    const items = g.items.sort((a, b) => a.x - b.x);
    const height = median(items.map((i) => i.height));
    const segments: Segment[] = [];
    for (const item of items) {
      const last = segments.at(-1);
      const gap = last ? item.x - last.x1 : Infinity;
      if (last && gap <= BLOCK_GAP * height) {
        const spaced = gap > WORD_GAP * height && !/\s$/.test(last.text) && !/^\s/.test(item.text);
        last.text += (spaced ? ' ' : '') + item.text;
        last.x1 = Math.max(last.x1, item.x + item.width);
      } else segments.push({ text: item.text, x0: item.x, x1: item.x + item.width });
    }
    for (const s of segments) s.text = squash(s.text);
    return {
      top: Math.min(...items.map((i) => i.y)),
      height,
      segments: segments.filter((s) => s.text !== ''),
    };
  });
}

/**
 * Where two side-by-side blocks part: past the right edge of every piece that ends before the right block begins
 * (the right block's left edge read from the rows holding two pieces).
 */
function splitOf(rows: readonly Row[]): number | null {
  const pairs = rows.filter((r) => r.segments.length === 2);
  if (pairs.length === 0) return null;
  const rightEdge = Math.min(...pairs.map((r) => r.segments[1]?.x0 ?? 0));
  const leftEnds = rows.flatMap((r) => r.segments.map((s) => s.x1)).filter((x1) => x1 < rightEdge);
  if (leftEnds.length === 0) return null;
  return (Math.max(...leftEnds) + rightEdge) / 2;
}

/** How far down the page the side-by-side blocks go: up to a row that crosses the split, a centred title or "Kính gửi". */
function blockEnd(
  rows: readonly Row[],
  from: number,
  split: number,
  pageMiddle: number,
  width: number,
): number {
  let seenPair = false;
  let i = from;
  for (; i < rows.length; i += 1) {
    const row = rows[i];
    if (!row) break;
    if (row.segments.some((s) => s.x0 < split && s.x1 > split)) break;
    const first = row.segments[0];
    if (first && KINH_GUI.test(foldLoose(first.text))) break;
    if (row.segments.length === 2) seenPair = true;
    else if (seenPair && first && Math.abs((first.x0 + first.x1) / 2 - pageMiddle) < 0.04 * width) break;
  }
  return i;
}

/** Lines of rows read block by block: left column rows first, then the right column's. */
function columnLines(rows: readonly Row[], split: number): Row[] {
  const side = (left: boolean): Row[] =>
    rows
      .map((r) => ({ ...r, segments: r.segments.filter((s) => s.x1 <= split === left) }))
      .filter((r) => r.segments.length > 0);
  return [...side(true), ...side(false)];
}

/** Writes rows as lines: segments of one row separated by tabs (a table's cells), blank lines at paragraph gaps and
 * around centred rows (a title and its subject are centred, the body is not). */
function writeRows(rows: readonly Row[], middle: number, width: number): string[] {
  const lines: string[] = [];
  const centred = (row: Row): boolean => {
    const x0 = Math.min(...row.segments.map((s) => s.x0));
    const x1 = Math.max(...row.segments.map((s) => s.x1));
    return x1 - x0 < 0.85 * width && Math.abs((x0 + x1) / 2 - middle) < 0.02 * width;
  };
  let previous: Row | null = null;
  for (const row of rows) {
    if (
      previous &&
      (row.top - previous.top > PARAGRAPH_GAP * Math.max(row.height, previous.height) ||
        centred(row) !== centred(previous))
    )
      lines.push('');
    lines.push(row.segments.map((s) => s.text).join('\t'));
    previous = row;
  }
  return lines;
}

/** Lays out one page: the top blocks and the closing blocks column by column, the rest row by row. */
function pageLines(items: readonly PositionedItem[], first: boolean): string[] {
  const rows = rowsOf(items.filter((i) => i.text.trim() !== ''));
  if (rows.length === 0) return [];
  const left = Math.min(...items.map((i) => i.x));
  const right = Math.max(...items.map((i) => i.x + i.width));
  const middle = (left + right) / 2;
  const out: Row[] = [];
  let at = 0;
  if (first) {
    const split = splitOf(rows.slice(0, 12));
    if (split !== null) {
      const end = blockEnd(rows, 0, split, middle, right - left);
      out.push(...columnLines(rows.slice(0, end), split));
      at = end;
    }
  }
  const tail = rows.findIndex(
    (r, i) => i >= at && r.segments.some((s) => TAIL_START.test(foldLoose(s.text))),
  );
  const write = (r: readonly Row[]): string[] => writeRows(r, middle, right - left);
  if (tail < 0) return write([...out, ...rows.slice(at)]);
  const split = splitOf(rows.slice(tail));
  const closing = rows.slice(tail);
  return write([
    ...out,
    ...rows.slice(at, tail),
    ...(split === null ? closing : columnLines(closing, split)),
  ]);
}

/** Lays out a document's positioned text, page by page, as plain text lines (pages separated by a form feed). */
export function positionedText(items: readonly PositionedItem[]): string {
  const pages = [...new Set(items.map((i) => i.page))].sort((a, b) => a - b);
  return pages
    .map((page, n) =>
      pageLines(
        items.filter((i) => i.page === page),
        n === 0,
      ).join('\n'),
    )
    .join('\n\f\n');
}

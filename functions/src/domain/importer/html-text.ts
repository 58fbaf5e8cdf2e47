/** Renders the HTML mammoth makes of a .docx as the text the importer reads: Word's own list numbers and tables kept. */
import { isUpperCaseLine } from './text.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** "1." at the first level of a numbered list, "a)" at the second, "-" deeper or in a bulleted list. */
function listMarker(ordered: boolean, depth: number, n: number): string {
  if (!ordered || depth >= 2) return '-';
  return depth === 0 ? `${n}.` : `${String.fromCharCode(96 + ((n - 1) % 26) + 1)})`;
}

/**
 * Turns mammoth's HTML into lines: one per paragraph or heading, list items prefixed with the number Word showed
 * ("1.", "a)"), table rows as "| cell | cell |" (a cell's paragraphs joined by a space).
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  const lists: boolean[] = [];
  // mammoth closes a list at every paragraph between its items, so numbers run on across lists, as Word's do,
  // until a heading or a roman-numbered section restarts them.
  let counters: number[] = [];
  let buffer = '';
  let marker: string | null = null;
  let row: string[] | null = null;
  let cell: string | null = null;
  const flush = (): void => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    buffer = '';
    if (cell !== null) {
      if (text !== '') cell = cell === '' ? text : `${cell} ${text}`;
      return;
    }
    if (text === '' && marker === null) return;
    if (marker === null && (isUpperCaseLine(text) || /^[IVX]+\s*[.)]\s/.test(text))) counters = [];
    lines.push(marker === null ? text : `${marker} ${text}`.trim());
    marker = null;
  };
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi)) {
    const [, closing, rawTag, text] = m;
    if (text !== undefined) {
      buffer += decode(text);
      continue;
    }
    const tag = (rawTag ?? '').toLowerCase();
    const open = closing === '';
    if (tag === 'p' || /^h[1-6]$/.test(tag)) {
      if (open) {
        if (buffer.trim() !== '') flush();
        buffer = '';
      } else flush();
    } else if (tag === 'br') {
      if (cell !== null) buffer += ' ';
      else flush();
    } else if (tag === 'ol' || tag === 'ul') {
      if (buffer.trim() !== '' || marker !== null) flush();
      if (open) lists.push(tag === 'ol');
      else lists.pop();
    } else if (tag === 'li') {
      if (open) {
        const depth = Math.max(0, lists.length - 1);
        const ordered = lists.at(-1) ?? false;
        if (ordered) {
          counters = counters.slice(0, depth + 1);
          counters[depth] = (counters[depth] ?? 0) + 1;
        }
        marker = listMarker(ordered, depth, counters[depth] ?? 1);
        buffer = '';
      } else if (buffer.trim() !== '' || marker !== null) flush();
    } else if (tag === 'tr') {
      if (open) row = [];
      else if (row) {
        lines.push(`| ${row.join(' | ')} |`);
        row = null;
      }
    } else if (tag === 'td' || tag === 'th') {
      if (open) {
        cell = '';
        buffer = '';
      } else {
        flush();
        row?.push((cell ?? '').replace(/\|/g, '/'));
        cell = null;
      }
    }
  }
  flush();
  return lines.join('\n');
}

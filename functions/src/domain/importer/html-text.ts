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

/** A table is data (rendered "| a | b | c |") when a row has three cells or more; two-column tables lay out a header or a signature. */
function renderTable(rows: readonly (readonly (readonly string[])[])[]): string[] {
  const data = rows.some((row) => row.length >= 3);
  if (!data) return rows.flatMap((row) => row.flatMap((cell) => [...cell]));
  return rows.map((row) => `| ${row.map((cell) => cell.join(' ').replace(/\|/g, '/')).join(' | ')} |`);
}

/**
 * Turns mammoth's HTML into lines: one per paragraph or heading, list items prefixed with the number Word showed
 * ("1.", "a)"), data-table rows as "| cell | cell |"; a two-column layout table (header, signature) is read cell by cell.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  const lists: boolean[] = [];
  // mammoth closes a list at every paragraph between its items, so numbers run on across lists, as Word's do,
  // until a heading or a roman-numbered section restarts them.
  let counters: number[] = [];
  let buffer = '';
  let marker: string | null = null;
  let tableDepth = 0;
  let rows: string[][][] = [];
  let cell: string[] | null = null;
  const flush = (): void => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    buffer = '';
    if (text === '' && marker === null) return;
    if (marker === null && (isUpperCaseLine(text) || /^[IVX]+\s*[.)]\s/.test(text))) counters = [];
    const line = marker === null ? text : `${marker} ${text}`.trim();
    marker = null;
    if (cell !== null) cell.push(line);
    else lines.push(line);
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
      flush();
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
    } else if (tag === 'table') {
      flush();
      tableDepth += open ? 1 : -1;
      if (open && tableDepth === 1) rows = [];
      if (!open && tableDepth === 0) {
        lines.push(...renderTable(rows));
        rows = [];
      }
    } else if (tableDepth === 1 && tag === 'tr' && open) {
      rows.push([]);
    } else if (tableDepth === 1 && (tag === 'td' || tag === 'th')) {
      flush();
      if (open) cell = [];
      else {
        rows.at(-1)?.push(cell ?? []);
        cell = null;
      }
    }
  }
  flush();
  return lines.join('\n');
}

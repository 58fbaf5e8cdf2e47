/** Finds the tasks of a body: numbered items (I./1./a)), rows of a task table, or the articles of a quyết định. */
import { isClosing, type Marker, type Paragraph } from './paragraphs.js';
import { foldLoose, squash } from './text.js';

/** A task before its units and deadlines are resolved. */
export interface RawTask {
  readonly id: string;
  readonly source: 'item' | 'table' | 'article';
  readonly headings: readonly string[];
  readonly text: string;
  /** The table's "Đơn vị chủ trì", "Đơn vị phối hợp" and "Thời gian" cells, for table rows. */
  readonly cells?: { readonly lead?: string; readonly cooperating?: string; readonly time?: string };
}

interface Open {
  readonly kind: 'section' | 'item';
  readonly level: number;
  readonly id: string;
  readonly heading: string;
  readonly headings: readonly string[];
  readonly skip: boolean;
  readonly lines: string[];
  hasChildren: boolean;
}

// Sections that state aims or grounds, not work: "I. MỤC ĐÍCH, YÊU CẦU", "MỤC TIÊU", "QUAN ĐIỂM", "CĂN CỨ".
const SKIPPED_SECTION = /^(?:muc dich|muc tieu|yeu cau|quan diem|can cu)/;
const COLUMN_RULES: ReadonlyArray<readonly [keyof Columns, RegExp]> = [
  ['time', /thoi gian|thoi han|tien do|han hoan thanh/],
  ['cooperating', /phoi hop/],
  ['lead', /chu tri|thuc hien|trach nhiem/],
  ['number', /^(?:stt|tt|so tt|so thu tu)$/],
  ['content', /noi dung|nhiem vu|cong viec|hoat dong/],
];

interface Columns {
  number?: number;
  content?: number;
  lead?: number;
  cooperating?: number;
  time?: number;
}

function levelOf(marker: Marker): number {
  if (marker.kind === 'roman') return 0;
  if (marker.kind === 'number') return 1 + (marker.label.match(/\./g) ?? []).length;
  return 9;
}

function headingOf(marker: Marker, text: string): string {
  return marker.kind === 'letter' ? `${marker.label}) ${text}` : `${marker.label}. ${text}`;
}

function lineOf(p: Paragraph): string {
  if (p.marker === null) return p.text;
  if (p.marker.kind === 'bullet') return `- ${p.text}`;
  if (p.marker.kind === 'article') return `Điều ${p.marker.label}. ${p.text}`;
  return headingOf(p.marker, p.text);
}

function columnsOf(header: readonly string[]): Columns | null {
  const columns: Columns = {};
  header.forEach((cell, i) => {
    const loose = foldLoose(cell).trim();
    const rule = COLUMN_RULES.find(([key, re]) => columns[key] === undefined && re.test(loose));
    if (rule) columns[rule[0]] = i;
  });
  return columns.content !== undefined && (columns.lead !== undefined || columns.time !== undefined)
    ? columns
    : null;
}

/** Turns the rows of a text table into tasks; rows whose number is a roman numeral are headings for the rows below. */
function tableTasks(
  rows: readonly (readonly string[])[],
  prefix: string,
  headings: readonly string[],
): RawTask[] | null {
  const dataRows = rows.filter((r) => !r.every((c) => /^:?-{2,}:?$/.test(c) || c === ''));
  const header = dataRows[0];
  const columns = header ? columnsOf(header) : null;
  if (!columns || columns.content === undefined) return null;
  const cell = (row: readonly string[], i: number | undefined): string =>
    i === undefined ? '' : (row[i] ?? '');
  const merged: string[][] = [];
  for (const row of dataRows.slice(1)) {
    const last = merged.at(-1);
    if (last && columns.number !== undefined && cell(row, columns.number) === '') {
      row.forEach((c, i) => {
        if (c !== '') last[i] = squash(`${last[i] ?? ''} ${c}`);
      });
    } else merged.push([...row]);
  }
  const tasks: RawTask[] = [];
  let group: string[] = [];
  merged.forEach((row, i) => {
    const number = cell(row, columns.number);
    const content = cell(row, columns.content);
    const others = [columns.lead, columns.cooperating, columns.time].map((c) => cell(row, c));
    if (/^[IVX]+$/.test(number) || (others.every((c) => c === '') && content !== '')) {
      group = [number === '' ? content : `${number}. ${content}`];
      return;
    }
    if (content === '') return;
    tasks.push({
      id: `${prefix}T${number === '' ? String(i + 1) : number.replace(/\.$/, '')}`,
      source: 'table',
      headings: [...headings, ...group],
      text: content,
      cells: {
        ...(columns.lead !== undefined ? { lead: cell(row, columns.lead) } : {}),
        ...(columns.cooperating !== undefined ? { cooperating: cell(row, columns.cooperating) } : {}),
        ...(columns.time !== undefined ? { time: cell(row, columns.time) } : {}),
      },
    });
  });
  return tasks;
}

function articleTasks(paragraphs: readonly Paragraph[]): RawTask[] {
  const tasks: { id: string; lines: string[] }[] = [];
  let closed = false;
  for (const p of paragraphs) {
    if (p.marker?.kind === 'article') {
      tasks.push({ id: `Điều ${p.marker.label}`, lines: [p.text] });
      closed = p.text.endsWith('./.');
      continue;
    }
    const current = tasks.at(-1);
    if (!current || closed) continue;
    current.lines.push(lineOf(p));
    if (p.text.endsWith('./.')) closed = true;
  }
  return tasks.map((t) => ({ id: t.id, source: 'article', headings: [], text: t.lines.join('\n') }));
}

/** A công văn without numbered items: the "-" entries after "… đề nghị:" are its tasks ("•1", "•2" …). */
function bulletTasks(paragraphs: readonly Paragraph[]): RawTask[] {
  const tasks: RawTask[] = [];
  let open = false;
  for (const p of paragraphs) {
    if (p.marker?.kind === 'bullet' && open) {
      tasks.push({ id: `•${tasks.length + 1}`, source: 'item', headings: [], text: p.text });
      continue;
    }
    if (isClosing(p)) break;
    open = p.marker === null && p.text.endsWith(':');
  }
  return tasks;
}

/** Collects the tasks of a body, in document order; without numbered items, the bullets after a colon. */
export function collectTasks(paragraphs: readonly Paragraph[]): RawTask[] {
  if (paragraphs.some((p) => p.marker?.kind === 'article')) return articleTasks(paragraphs);
  const stack: Open[] = [];
  const found: (Open | RawTask)[] = [];
  let closed = false;
  let table: string[][] = [];
  const skipped = (): boolean => stack.some((o) => o.skip);
  const flushTable = (): void => {
    if (table.length === 0) return;
    const top = stack.at(-1);
    const rows = tableTasks(
      table,
      top ? `${top.id}.` : '',
      stack.map((o) => o.heading),
    );
    if (rows && !skipped()) {
      if (top?.kind === 'item') top.hasChildren = true;
      found.push(...rows);
    } else if (top?.kind === 'item') top.lines.push(...table.map((r) => r.join(' | ')));
    table = [];
  };
  for (const p of paragraphs) {
    if (p.cells) {
      table.push([...p.cells]);
      continue;
    }
    flushTable();
    const marker = p.marker;
    if (marker && marker.kind !== 'bullet') {
      const level = levelOf(marker);
      while ((stack.at(-1)?.level ?? -1) >= level) stack.pop();
      const parent = stack.at(-1);
      if (parent?.kind === 'item') parent.hasChildren = true;
      const section = stack.find((o) => o.kind === 'section');
      const id =
        marker.kind === 'roman'
          ? marker.label
          : marker.kind === 'letter' && parent
            ? `${parent.id}.${marker.label}`
            : section
              ? `${section.id}.${marker.label}`
              : marker.label;
      const open: Open = {
        kind: marker.kind === 'roman' ? 'section' : 'item',
        level,
        id,
        heading: headingOf(marker, p.text),
        headings: stack.map((o) => o.heading),
        skip: marker.kind === 'roman' && SKIPPED_SECTION.test(foldLoose(p.text)),
        lines: [p.text],
        hasChildren: false,
      };
      stack.push(open);
      if (open.kind === 'item' && !skipped()) found.push(open);
      closed = false;
      continue;
    }
    if (closed) continue;
    if (isClosing(p)) {
      closed = true;
      continue;
    }
    const top = stack.at(-1);
    if (top?.kind === 'item') top.lines.push(lineOf(p));
  }
  flushTable();
  if (found.length === 0) return bulletTasks(paragraphs);
  return found.flatMap((f): RawTask[] => {
    if (!('kind' in f)) return [f];
    if (f.hasChildren) return [];
    return [{ id: f.id, source: 'item', headings: f.headings, text: f.lines.join('\n') }];
  });
}

/** The organisation's unit names and group phrases compiled for matching, and the longest one found at a position. */
import type { Organisation } from '../organisation.js';
import { atWordStart, type FoldedText, foldLoose, squash } from './text.js';

/** What a stretch of text names: a unit, a whole group, no unit in particular, or something unknown. */
export interface Actor {
  readonly kind: 'unit' | 'group' | 'generic' | 'unknown';
  readonly id: string | null;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface Entry {
  readonly kind: 'unit' | 'group' | 'generic';
  readonly id: string | null;
  readonly re: RegExp;
}

/** The organisation's names compiled for matching. */
export interface UnitIndex {
  readonly organisation: Organisation;
  readonly entries: readonly Entry[];
  readonly suffix: RegExp;
}

const ABBREVIATIONS: ReadonlyArray<readonly [string, string]> = [
  ['uy ban nhan dan', 'ubnd'],
  ['hoi dong nhan dan', 'hdnd'],
];
const JOIN = '[\\s,\\-–—&]+';
const NOUN = '(?:co quan|don vi|to chuc|ca nhan|nganh|phong|ban|doan the|dia phuong|xa|thi tran|hoi)';
const NOUNS = `(?:cac\\s+)?${NOUN}(?:\\s*(?:,|-|va)\\s*(?:cac\\s+)?${NOUN})*`;
const GENERIC = [
  `${NOUNS}(?:\\s+(?:co\\s+)?lien quan)+(?:\\s+khac)?(?:\\s+tren dia ban(?:\\s+huyen)?)?`,
  `cac\\s+${NOUN}(?:\\s*(?:,|-|va)\\s*(?:cac\\s+)?${NOUN})*(?:\\s+tren dia ban(?:\\s+huyen)?)?`,
];
const TITLE =
  /(?:(?:dong chi|ong|ba)\s+)?(?:pho\s+)?(?:thu truong(?:\s+(?:cac\s+)?co quan)?|chu tich|giam doc|truong|chanh|lanh dao)\s+/y;
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The loose token spellings of a name, with and without the usual abbreviations (UBND, HĐND). */
function variants(name: string): string[] {
  const base = foldLoose(name)
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '')
    .join(' ');
  const out = new Set([base]);
  for (const [long, short] of ABBREVIATIONS) {
    for (const v of [...out]) {
      out.add(v.replace(new RegExp(`(?<![a-z0-9])${long}(?![a-z0-9])`, 'g'), short));
      out.add(v.replace(new RegExp(`(?<![a-z0-9])${short}(?![a-z0-9])`, 'g'), long));
    }
  }
  return [...out].filter((v) => v !== '');
}

/** Whether two names are the same up to case, diacritics, punctuation and the UBND/HĐND abbreviations. */
export function sameName(a: string, b: string): boolean {
  const spellings = new Set(variants(a));
  return variants(b).some((v) => spellings.has(v));
}

/** A name's tokens joined loosely; "và" may also be written as a dash ("Văn hóa - Thông tin") or left out. */
function phrasePattern(spelling: string): string {
  const tokens = spelling.split(' ');
  return tokens
    .map((token, i) => {
      if (i === 0) return escape(token);
      if (token === 'va' && i < tokens.length - 1) return `(?:${JOIN}va)?`;
      return JOIN + escape(token);
    })
    .join('');
}

/** Compiles the organisation's unit names, short names, aliases and group phrases. */
export function buildUnitIndex(organisation: Organisation): UnitIndex {
  const entries: Entry[] = [];
  const add = (kind: Entry['kind'], id: string | null, pattern: string): void => {
    entries.push({ kind, id, re: new RegExp(`(?:${pattern})(?![a-z0-9])`, 'y') });
  };
  for (const unit of organisation.units) {
    const names = [unit.name, unit.shortName, ...unit.aliases].filter((n): n is string => n !== undefined);
    for (const spelling of new Set(names.flatMap(variants))) add('unit', unit.code, phrasePattern(spelling));
  }
  for (const group of organisation.groups) {
    for (const spelling of new Set([group.name, ...group.phrases].flatMap(variants)))
      add('group', group.id, phrasePattern(spelling));
  }
  for (const pattern of GENERIC) add('generic', null, pattern);
  const level = { tinh: 'tinh', huyen: 'huyen', xa: 'xa' }[organisation.level];
  const place = phrasePattern(variants(organisation.place)[0] ?? '');
  // "… huyện", "… huyện Tháp Mười", "… thuộc UBND huyện" after a name say no more than the name.
  const here = `${level}(?:\\s+${place})?`;
  const suffix = new RegExp(
    `(?:\\s+(?:truc\\s+)?thuoc\\s+(?:uy ban nhan dan|ubnd)(?:\\s+${here})?|\\s+${here})(?![a-z0-9])`,
    'y',
  );
  return { organisation, entries, suffix };
}

/** The longest unit, group or generic phrase starting exactly at `at`, an official's title before it allowed. */
export function matchActorAt(index: UnitIndex, ft: FoldedText, at: number): Actor | null {
  if (!atWordStart(ft.loose, at)) return null;
  const starts = [at];
  TITLE.lastIndex = at;
  const title = TITLE.exec(ft.loose);
  if (title) starts.push(at + title[0].length);
  let best: { entry: Entry; end: number } | null = null;
  for (const start of starts) {
    for (const entry of index.entries) {
      entry.re.lastIndex = start;
      const m = entry.re.exec(ft.loose);
      if (!m) continue;
      const end = start + m[0].length;
      const better =
        !best ||
        end > best.end ||
        (end === best.end && best.entry.kind === 'generic' && entry.kind !== 'generic');
      if (better) best = { entry, end };
    }
    if (best) break;
  }
  if (!best) return null;
  let end = best.end;
  if (best.entry.kind !== 'generic') {
    index.suffix.lastIndex = end;
    const s = index.suffix.exec(ft.loose);
    if (s) end += s[0].length;
  }
  return { kind: best.entry.kind, id: best.entry.id, text: squash(ft.text.slice(at, end)), start: at, end };
}

/** The codes of every unit in the given groups, in the organisation's order. */
export function unitsOfGroups(organisation: Organisation, groups: readonly string[]): string[] {
  return organisation.units.filter((u) => groups.includes(u.group)).map((u) => u.code);
}

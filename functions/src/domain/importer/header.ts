/** The heading parts of a document: issuer and parent, number and symbol, place and date, type, subject. */
import { properCase } from './casing.js';
import { isPossibleDate, readDate } from './dates.js';
import type { NumberSymbol, PartialDate } from './draft.js';
import { type DocumentKind, kindBySymbol } from './kinds.js';
import type { Layout } from './layout.js';
import { titleKind } from './layout.js';
import { parseNumberSymbol } from './numbers.js';
import { folded, foldLoose, squash } from './text.js';

const LEVEL_START = /^(?:tinh|huyen|xa|thi tran|thanh pho|thi xa|quan|phuong)(?![a-z])/;
const INCOMPLETE = /^(?:uy ban nhan dan|hoi dong nhan dan|ubnd|hdnd)$/;

/** Reads the issuer block: the last body named is the issuer, the ones above it its parent. */
export function readIssuer(lines: readonly string[]): { name: string | null; parent: string | null } {
  const bodies: string[] = [];
  for (const line of lines) {
    const loose = foldLoose(line);
    const previous = bodies.at(-1);
    if (previous !== undefined && (LEVEL_START.test(loose) || INCOMPLETE.test(foldLoose(previous))))
      bodies[bodies.length - 1] = `${previous} ${line}`;
    else bodies.push(line);
  }
  const named = bodies.map(properCase);
  const name = named.at(-1) ?? null;
  const parent = named.length > 1 ? named.slice(0, -1).join(', ') : null;
  return { name, parent };
}

/** Reads "Số: 06/UBND-HCC" (the text after "Số:"); null when there is no symbol either. */
export function readNumber(numberText: string | null): NumberSymbol | null {
  if (numberText === null) return null;
  const token =
    /^[\d\s.…_]*\/\s*(?:\d{4}\s*\/\s*)?\S+/u.exec(numberText)?.[0] ?? numberText.split(/\s/)[0] ?? '';
  return parseNumberSymbol(token.replace(/\s+/g, ''));
}

/** Reads "Tháp Mười, ngày 05 tháng 02 năm 2024" into the place and a date whose blanks stay null. */
export function readPlaceDate(line: string | null): {
  place: string | null;
  date: (PartialDate & { raw: string }) | null;
  possible: boolean;
} {
  if (line === null) return { place: null, date: null, possible: true };
  const ft = folded(line);
  const found = readDate(ft.loose);
  if (!found) return { place: null, date: null, possible: true };
  const before = squash(line.slice(0, found.index).replace(/,\s*$/, ''));
  const raw = squash(line.slice(found.index, found.index + found.length));
  return {
    place: before === '' ? null : before,
    date: { ...found.date, raw },
    possible: isPossibleDate(found.date),
  };
}

/** What the kind of document is and how it was told: by its title, by "V/v" (công văn) or only by its symbol. */
export function readKind(
  layout: Layout,
  numberSymbol: NumberSymbol | null,
): { kind: DocumentKind | null; from: 'title' | 'vv' | 'symbol' | null; mismatch: boolean } {
  const titled = layout.titleLine === null ? undefined : titleKind(layout.titleLine);
  const bySymbol = numberSymbol?.symbol ? kindBySymbol(numberSymbol.symbol) : undefined;
  if (titled)
    return { kind: titled.id, from: 'title', mismatch: bySymbol !== undefined && bySymbol.id !== titled.id };
  const vv = /^v\s*\/\s*v\b/.test(foldLoose(layout.subjectLines[0] ?? ''));
  if (vv) return { kind: 'cong-van', from: 'vv', mismatch: bySymbol !== undefined };
  if (bySymbol) return { kind: bySymbol.id, from: 'symbol', mismatch: false };
  return { kind: null, from: null, mismatch: false };
}

/** The subject on one line: "V/v" dropped for a công văn, a subject under a title kept as written. */
export function readSubject(layout: Layout): string | null {
  if (layout.subjectLines.length === 0) return null;
  const joined = squash(
    layout.subjectLines
      .map((l) => squash(l))
      .reduce((acc, l) => (acc === '' ? l : /\p{L}-$/u.test(acc) ? acc.slice(0, -1) + l : `${acc} ${l}`), ''),
  );
  const vv = /^v\s*\/\s*v\b\s*[:.]?\s*/.exec(foldLoose(joined));
  const subject = vv ? joined.slice(vv[0].length) : joined;
  return subject === '' ? null : properCaseSubject(subject);
}

/** A subject typed all in capitals under the title reads better in sentence case. */
function properCaseSubject(subject: string): string {
  const letters = subject.replace(/[^\p{L}]/gu, '');
  if (letters !== letters.toUpperCase()) return subject;
  const lower = subject.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

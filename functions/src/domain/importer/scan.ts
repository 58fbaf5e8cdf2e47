/** Reads lists of actors ("A, B và C") out of text with the unit index, and turns them into parties. */
import type { Parties } from './draft.js';
import { atWordStart, type FoldedText, folded, squash } from './text.js';
import { type Actor, matchActorAt, type UnitIndex } from './units.js';

// On the lower-case fold: "cùng" joins names, "cũng" (also) does not.
const SEPARATOR = /\s*(?:,|\+|(?<![\p{L}\p{N}])(?:và|cùng)(?![\p{L}\p{N}]))?\s*/uy;
const STOP_PUNCTUATION = /[.;:()\n“”"]/;
const STOP_WORDS = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:' +
    [
      'theo dõi',
      'triển khai',
      'tổ chức',
      'thực hiện',
      'tham mưu',
      'xây dựng',
      'hướng dẫn',
      'kiểm tra',
      'rà soát',
      'báo cáo',
      'tổng hợp',
      'đôn đốc',
      'tăng cường',
      'đẩy mạnh',
      'tuyên truyền',
      'cập nhật',
      'chuẩn bị',
      'đề xuất',
      'để',
      'nhằm',
      'trong',
      'tại',
      'trước',
      'hoàn thành',
      'chủ trì',
      'có trách nhiệm',
      'chịu trách nhiệm',
      'phối hợp',
      'làm đầu mối',
      'là cơ quan',
      'được',
      'quản lý',
      'giám sát',
      'ban hành',
      'theo',
      'tiếp tục',
      'xử lý',
      'thường xuyên',
      'định kỳ',
      'nghiên cứu',
      'khẩn trương',
      'căn cứ',
      'cung cấp',
      'gửi',
      'về',
    ].join('|') +
    ')(?![\\p{L}\\p{N}])',
  'uy',
);

function skipSeparator(ft: FoldedText, at: number): number {
  SEPARATOR.lastIndex = at;
  const m = SEPARATOR.exec(ft.lower);
  return at + (m ? m[0].length : 0);
}

function stopWordAt(ft: FoldedText, at: number): boolean {
  STOP_WORDS.lastIndex = at;
  return STOP_WORDS.test(ft.lower);
}

/** How a scan ends: at punctuation only (a recipient line) or also at a verb (a clause of a task). */
export interface ScanOptions {
  /** Stop at the first stretch that is not a known unit, group or generic phrase. */
  readonly strict: boolean;
  /** Stop at verbs and prepositions ("theo dõi", "trước", "tại" …). */
  readonly stopAtVerbs: boolean;
  /** Where to stop at the latest (default: end of text). */
  readonly end?: number;
}

/** Reads a list of actors ("A, B và C") from `from`; returns them and where the list ends. */
export function scanActors(
  index: UnitIndex,
  ft: FoldedText,
  from: number,
  options: ScanOptions,
): { actors: Actor[]; end: number } {
  const limit = options.end ?? ft.text.length;
  const actors: Actor[] = [];
  let p = from;
  while (p < limit) {
    while (p < limit && /\s/.test(ft.text.charAt(p))) p += 1;
    if (p >= limit || STOP_PUNCTUATION.test(ft.text.charAt(p))) break;
    const actor = matchActorAt(index, ft, p);
    if (actor && actor.end <= limit) {
      actors.push(actor);
      const next = skipSeparator(ft, actor.end);
      if (next === actor.end && next < limit && !STOP_PUNCTUATION.test(ft.text.charAt(next))) {
        // Two names with nothing between them: the list has ended ("Phòng Nội vụ chủ trì").
        return { actors, end: actor.end };
      }
      p = next;
      continue;
    }
    if (options.stopAtVerbs && stopWordAt(ft, p)) break;
    if (options.strict) break;
    let q = p + 1;
    for (; q < limit; q += 1) {
      const c = ft.text.charAt(q);
      if (STOP_PUNCTUATION.test(c)) break;
      if (!atWordStart(ft.loose, q) || /\s/.test(c)) continue;
      if (options.stopAtVerbs && stopWordAt(ft, q)) break;
      const before = ft.lower.slice(p, q);
      if (/(?:,|(?<![\p{L}\p{N}])(?:và|cùng))\s*$/u.test(before) && matchActorAt(index, ft, q)) break;
    }
    const text = squash(ft.text.slice(p, q).replace(/(?:\s*(?:,|\bvà|\bcùng))+\s*$/u, ''));
    if (text !== '') actors.push({ kind: 'unknown', id: null, text, start: p, end: q });
    p = q;
  }
  return { actors, end: p };
}

/** Turns scanned actors into parties (codes, group ids, unresolved and unspecified phrases). */
export function toParties(actors: readonly Actor[], raw: string | null): Parties {
  const unique = (kind: Actor['kind'], pick: (a: Actor) => string | null): string[] => [
    ...new Set(
      actors
        .filter((a) => a.kind === kind)
        .map(pick)
        .filter((v): v is string => v !== null),
    ),
  ];
  return {
    raw,
    units: unique('unit', (a) => a.id),
    groups: unique('group', (a) => a.id),
    unresolved: unique('unknown', (a) => a.text),
    unspecified: unique('generic', (a) => a.text),
  };
}

/** Parties with nothing found. */
export function noParties(): Parties {
  return { raw: null, units: [], groups: [], unresolved: [], unspecified: [] };
}

/** Resolves a list written one entry per line or separated by ";" (a recipient entry, a table cell). */
export function resolveList(index: UnitIndex, text: string): Parties {
  const actors = text
    .split(/[;\n]/)
    .map((part) => squash(part.replace(/^\s*[-+•*–]\s*/, '').replace(/[.,]+\s*$/, '')))
    .filter((part) => part !== '')
    .flatMap((part) => scanActors(index, folded(part), 0, { strict: false, stopAtVerbs: false }).actors);
  return toParties(actors, actors.length > 0 ? squash(text) : null);
}

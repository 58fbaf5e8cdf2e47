/** Documents a text refers to: "Công văn số 06/UBND-HCC ngày 26/01/2024 của Ủy ban nhân dân tỉnh về việc …", laws in "Căn cứ". */
import type { PartialDate, Reference } from './draft.js';
import { DOCUMENT_KINDS, KIND_NAMES_LONGEST_FIRST } from './kinds.js';
import { parseNumberSymbol } from './numbers.js';
import { folded, type FoldedText, foldLoose, squash } from './text.js';

const KIND = `(${KIND_NAMES_LONGEST_FIRST.filter((k) => k !== 'luat').join('|')})`;
const CITED = String.raw`(\d{1,6}\s?/\s?(?:\d{4}\s?/\s?)?[a-z][a-z0-9&]*(?:[-.][a-z0-9&]+)*)`;
const DATE = String.raw`(?:\s*,)?\s+(?:ngay\s*)?(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4}))`;
const NUMBERED = new RegExp(
  String.raw`(?<![a-z])` + KIND + String.raw`\s+(?:so\s*:?\s*)?` + CITED + `(?:${DATE})?`,
  'g',
);
const LAW = new RegExp(
  String.raw`(?<![a-z])luat\s+([^;.]{3,160}?)\s+(?:(?:so\s+)?(\d{1,3}/\d{4}/qh\d{1,2})(?:` +
    DATE +
    String.raw`)?|ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4}))`,
  'g',
);
const ISSUER = /^\s*(?:,\s*)?cua\s+/;
// Read on the lower-case fold with diacritics: "tại" ends an issuer, "Tài chính" does not.
const ORGAN = '(?:bộ|sở|ủy ban|ubnd|phòng|hội đồng|hđnd|chính phủ|thủ tướng|văn phòng)';
const ISSUER_END = new RegExp(
  String.raw`\s+(?:về|ban hành|quy định|hướng dẫn|đã|đang|trong|tại|theo|nhằm|để|kết luận|giao|chỉ đạo|phê duyệt)(?![\p{L}\p{N}])` +
    String.raw`|\s+và(?!\s+${ORGAN}(?![\p{L}\p{N}]))(?![\p{L}\p{N}])|[,;.(:\n“"]|$`,
  'u',
);
const SUBJECT = /^\s*(?:,\s*)?ve\s+(?:viec\s+)?/;
const SUBJECT_END = /[;(:\n]|\.(?:\s|$)|,\s+(?:uy ban nhan dan|ubnd|chu tich|so |phong |ban chi dao)/;

function int(text: string | undefined): number | null {
  return text === undefined ? null : Number.parseInt(text, 10);
}

function dateOf(m: RegExpExecArray, first: number): PartialDate | null {
  const year = int(m[first + 2] ?? m[first + 5]);
  if (year === null) return null;
  return { year, month: int(m[first + 1] ?? m[first + 4]), day: int(m[first] ?? m[first + 3]) };
}

/** Reads "của <issuer>" and "về việc <subject>" after a citation; returns them and where they end. */
function tail(
  ft: FoldedText,
  from: number,
  limit: number,
): { issuer: string | null; subject: string | null; end: number } {
  const { text, loose, lower } = ft;
  let at = from;
  let issuer: string | null = null;
  const of = ISSUER.exec(loose.slice(at));
  if (of) {
    const start = at + of[0].length;
    const stop = ISSUER_END.exec(lower.slice(start));
    const end = start + (stop?.index ?? loose.length - start);
    const found = squash(text.slice(start, end));
    if (found !== '' && end - start <= 120) {
      issuer = found;
      at = end;
    }
  }
  const end = at;
  let subject: string | null = null;
  const about = SUBJECT.exec(loose.slice(at));
  if (about) {
    const start = at + about[0].length;
    const stop = SUBJECT_END.exec(loose.slice(start, limit));
    const cut = text.slice(start, start + (stop?.index ?? Math.max(0, limit - start)));
    const found = squash(cut.replace(/\s+(?:và|của)\s*$/u, ''));
    if (found !== '') subject = found;
  }
  return { issuer, subject, end };
}

/** Finds every numbered document cited in a text, and laws cited by name in "Căn cứ" clauses. */
export function findReferences(text: string): Reference[] {
  const ft = folded(text);
  const found: { at: number; reference: Reference }[] = [];
  const starts = [...ft.loose.matchAll(NUMBERED)].map((m) => m.index);
  const nextStart = (after: number): number => starts.find((s) => s > after) ?? ft.loose.length;
  NUMBERED.lastIndex = 0;
  for (let m = NUMBERED.exec(ft.loose); m !== null; m = NUMBERED.exec(ft.loose)) {
    const numberStart = m.index + m[0].indexOf(m[2] ?? '', (m[1] ?? '').length);
    const symbolText = ft.text.slice(numberStart, numberStart + (m[2] ?? '').length);
    if (!/\/\s?(?:\d{4}\s?\/\s?)?\p{Lu}/u.test(symbolText)) continue;
    const kind = DOCUMENT_KINDS.find((k) => k.loose === m?.[1]);
    if (!kind) continue;
    const end = m.index + m[0].length;
    const after = tail(ft, end, nextStart(m.index));
    found.push({
      at: m.index,
      reference: {
        kind: kind.id,
        kindLabel: kind.label,
        raw: squash(ft.text.slice(m.index, after.end)),
        numberSymbol: parseNumberSymbol(symbolText.replace(/\s/g, '')),
        title: null,
        date: dateOf(m, 3),
        issuer: after.issuer,
        subject: after.subject,
      },
    });
  }
  LAW.lastIndex = 0;
  for (let m = LAW.exec(ft.loose); m !== null; m = LAW.exec(ft.loose)) {
    // Laws are cited by name only in "Căn cứ …" paragraphs; elsewhere "Luật …" is too loose to read.
    const paragraphStart = ft.loose.lastIndexOf('\n', m.index) + 1;
    if (!/^\s*(?:[-+]\s*)?can cu\s/.test(ft.loose.slice(paragraphStart))) continue;
    const nameStart = m.index + m[0].indexOf(m[1] ?? '', 4);
    const title = squash(ft.text.slice(nameStart, nameStart + (m[1] ?? '').length));
    const end = m.index + m[0].length;
    const after = tail(ft, end, nextStart(m.index));
    const citedAt = m.index + m[0].indexOf(m[2] ?? '\u0000');
    const cited =
      m[2] === undefined ? null : parseNumberSymbol(ft.text.slice(citedAt, citedAt + m[2].length));
    found.push({
      at: m.index,
      reference: {
        kind: 'luat',
        kindLabel: 'Luật',
        raw: squash(ft.text.slice(m.index, after.end)),
        numberSymbol: cited,
        title,
        date:
          dateOf(m, 3) ??
          (m[11] === undefined ? null : { year: int(m[11]), month: int(m[10]), day: int(m[9]) }),
        issuer: after.issuer,
        subject: null,
      },
    });
  }
  return dedupe(found.sort((a, b) => a.at - b.at).map((f) => f.reference));
}

/** Keeps the first citation of each document, filling its blanks from later citations of the same one. */
function dedupe(references: readonly Reference[]): Reference[] {
  const out: Reference[] = [];
  for (const r of references) {
    const key = (x: Reference): string => x.numberSymbol?.raw ?? foldLoose(x.title ?? x.raw);
    const i = out.findIndex((o) => key(o) === key(r) && o.kind === r.kind);
    const existing = out[i];
    if (!existing) {
      out.push(r);
      continue;
    }
    out[i] = {
      ...existing,
      date: existing.date ?? r.date,
      issuer: existing.issuer ?? r.issuer,
      subject: existing.subject ?? r.subject,
    };
  }
  return out;
}

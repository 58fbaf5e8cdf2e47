/** Documents a text refers to: "Công văn số 06/UBND-HCC ngày 26/01/2024 của Ủy ban nhân dân tỉnh về việc …", laws in "Căn cứ". */
import type { PartialDate, Reference } from './draft.js';
import { DOCUMENT_KINDS, KIND_NAMES_LONGEST_FIRST } from './kinds.js';
import { parseNumberSymbol } from './numbers.js';
import { folded, type FoldedText, foldLoose, squash } from './text.js';

// Kind names may be broken over lines ("Chỉ" / "thị số …"); "Báo cáo thẩm định số …" has words before "số".
const KIND = `(${KIND_NAMES_LONGEST_FIRST.filter((k) => k !== 'luat' && k !== 'bo luat')
  .map((k) => k.replace(/ /g, String.raw`\s+`))
  .join('|')})`;
const QUALIFIED = String.raw`(?:(?:[ \t]+[a-z]+){1,2}?[ \t]+so\s*:?\s*|\s+(?:so\s*:?\s*)?)`;
// "06/UBND-HCC", "09/2019/NĐ-CP", and a party's "05-NQ/TU".
const CITED = String.raw`(\d{1,6}\s?/\s?(?:\d{4}\s?/\s?)?[a-z][a-z0-9&]*(?:[-.][a-z0-9&]+)*|\d{1,6}-[a-z][a-z0-9&]*(?:-[a-z0-9&]+)*/[a-z][a-z0-9&]*(?:-[a-z0-9&]+)*)`;
const DATE = String.raw`(?:\s*,)?\s+(?:ngay\s*)?(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4}))`;
const NUMBERED = new RegExp(String.raw`(?<![a-z])` + KIND + QUALIFIED + CITED + `(?:${DATE})?`, 'g');
// A law or code by name, with what pins it down: its number, its date or its year ("Luật Hộ tịch năm 2014").
const LAW = new RegExp(
  String.raw`(?<![a-z])(bo luat|luat)\s+([^;.\d]{3,160}?)\s*(?:,\s*)?(?:(?:so\s+)?(\d{1,3}/\d{4}/qh\d{1,2})(?:` +
    DATE +
    String.raw`)?|ngay\s+(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4}))|nam\s+(\d{4}))(?![\d/])`,
  'g',
);
// A law named alone in a "Căn cứ" clause: "Căn cứ Luật Tổ chức chính quyền địa phương;".
const LAW_UNDATED = /(?:^|\n)\s*(?:[-+]\s*)?can cu\s+(bo luat|luat)\s+([^;.\d\n]{3,120}?)\s*(?=[;.\n]|$)/g;
// A law's name never holds another kind of document: "Luật X và Nghị định số …" is two citations.
const OTHER_KIND = new RegExp(
  `(?<![a-z])(?:${KIND_NAMES_LONGEST_FIRST.filter((k) => !['luat', 'bo luat', 'van ban'].includes(k)).join('|')})(?![a-z])`,
);
const ISSUER = /^\s*(?:,\s*)?cua\s+/;
// Read on the lower-case fold with diacritics: "tại" ends an issuer, "Tài chính" does not.
const ORGAN = '(?:bộ|sở|ủy ban|ubnd|phòng|hội đồng|hđnd|chính phủ|thủ tướng|văn phòng|ban|tỉnh ủy|huyện ủy)';
const ISSUER_END = new RegExp(
  String.raw`\s+(?:về|ban hành|quy định|hướng dẫn|sửa đổi|công bố|thành lập|thực hiện|đã|đang|trong|tại|theo|nhằm|để|kết luận|giao|chỉ đạo|phê duyệt|v/v)(?![\p{L}\p{N}])` +
    String.raw`|\s+và(?![\p{L}\p{N}])|[,;.(:\n“"]|$`,
  'gu',
);
// "Sở Nội vụ tại Tờ trình số …", "ý kiến của Sở Tư pháp tại Công văn số …": the issuer named before the citation.
const ISSUER_BEFORE = /cua\s+([^,;.()]{3,80}?)\s+tai\s*$/;
const SUBJECT = /^\s*(?:,\s*)?ve\s+(?:viec\s+)?/;
const SUBJECT_END = /[;(:\n]|\.(?:\s|$)|,\s+(?:uy ban nhan dan|ubnd|chu tich|so |phong |ban chi dao)/;
const KIND_WORD = new RegExp(`^(?:${KIND_NAMES_LONGEST_FIRST.join('|')})(?![a-z])`);

function int(text: string | undefined): number | null {
  return text === undefined ? null : Number.parseInt(text, 10);
}

function dateOf(m: RegExpExecArray, first: number): PartialDate | null {
  const year = int(m[first + 2] ?? m[first + 5]);
  if (year === null) return null;
  return { year, month: int(m[first + 1] ?? m[first + 4]), day: int(m[first] ?? m[first + 3]) };
}

/**
 * Where an issuer's name ends: at a verb or preposition, at punctuation, at "và" — except a comma or "và" inside a
 * name ("Bộ Lao động, Thương binh và Xã hội", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", "Bộ Nội vụ và Bộ Tài chính").
 */
function issuerEnd(ft: FoldedText, start: number): number {
  const lower = ft.lower.slice(start);
  ISSUER_END.lastIndex = 0;
  for (let m = ISSUER_END.exec(lower); m !== null; m = ISSUER_END.exec(lower)) {
    const after = ft.text.slice(start + m.index + m[0].length).trimStart();
    const afterLoose = foldLoose(after);
    const joins = m[0] === ',' || /^\s+và$/u.test(m[0]);
    const capital = /^\p{Lu}/u.test(after) && !KIND_WORD.test(afterLoose);
    const organ = new RegExp(`^${ORGAN}(?![\\p{L}\\p{N}])`, 'u').test(foldLowerStart(after));
    if (joins && capital && (m[0] !== ',' || !organ)) continue;
    if (m[0] === '' && m.index === lower.length) return ft.text.length;
    return start + m.index;
  }
  return ft.text.length;
}

function foldLowerStart(text: string): string {
  return text.slice(0, 40).toLowerCase();
}

/** Reads "của <issuer>" and "về việc <subject>" after a citation; returns them and where they end. */
function tail(
  ft: FoldedText,
  from: number,
  limit: number,
): { issuer: string | null; subject: string | null; end: number } {
  const { text, loose } = ft;
  let at = from;
  let issuer: string | null = null;
  const of = ISSUER.exec(loose.slice(at));
  if (of) {
    const start = at + of[0].length;
    const end = issuerEnd(ft, start);
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

/** A law's date: after its number, after "ngày" (numeric or worded), or its year alone ("năm 2014"). */
function lawDate(m: RegExpExecArray): PartialDate | null {
  if (m[16] !== undefined) return { year: int(m[16]), month: null, day: null };
  if (m[12] !== undefined) return { year: int(m[12]), month: int(m[11]), day: int(m[10]) };
  if (m[15] !== undefined) return { year: int(m[15]), month: int(m[14]), day: int(m[13]) };
  return dateOf(m, 4);
}

/** A law or code cited by name: its title as written (without "Luật"), number, date and issuer. */
function lawReference(ft: FoldedText, m: RegExpExecArray, code: boolean, limit: number): Reference {
  const nameStart = m.index + m[0].indexOf(m[2] ?? '', (m[1] ?? '').length);
  const title = squash(ft.text.slice(nameStart, nameStart + (m[2] ?? '').length));
  const end = m.index + m[0].length;
  const after = tail(ft, end, limit);
  const citedAt = m.index + m[0].indexOf(m[3] ?? '\u0000');
  return {
    kind: code ? 'bo-luat' : 'luat',
    kindLabel: code ? 'Bộ luật' : 'Luật',
    raw: squash(ft.text.slice(m.index, after.end)),
    numberSymbol:
      m[3] === undefined ? null : parseNumberSymbol(ft.text.slice(citedAt, citedAt + m[3].length)),
    title,
    date: lawDate(m),
    issuer: after.issuer,
    subject: null,
  };
}

/** "của Sở Nội vụ tại Tờ trình số …": the issuer named just before a citation, or null. */
function issuerBefore(ft: FoldedText, at: number): string | null {
  const from = Math.max(0, at - 100);
  const m = ISSUER_BEFORE.exec(ft.loose.slice(from, at));
  if (!m) return null;
  const start = from + m.index + m[0].indexOf(m[1] ?? '', 3);
  const name = squash(ft.text.slice(start, start + (m[1] ?? '').length));
  return /^\p{Lu}/u.test(name) ? name : null;
}

/** Finds every document cited in a text: numbered ones, and laws and codes by name. */
export function findReferences(text: string): Reference[] {
  const ft = folded(text);
  const found: { at: number; end: number; reference: Reference }[] = [];
  const starts = [...ft.loose.matchAll(NUMBERED)].map((m) => m.index);
  const nextStart = (after: number): number => starts.find((s) => s > after) ?? ft.loose.length;
  NUMBERED.lastIndex = 0;
  for (let m = NUMBERED.exec(ft.loose); m !== null; m = NUMBERED.exec(ft.loose)) {
    const numberStart = m.index + m[0].lastIndexOf(m[2] ?? '', m[0].length - (m[2] ?? '').length + 1);
    const cited = ft.loose.indexOf(m[2] ?? '', m.index + (m[1] ?? '').length);
    const symbolText = ft.text.slice(
      cited < 0 ? numberStart : cited,
      (cited < 0 ? numberStart : cited) + (m[2] ?? '').length,
    );
    if (!/\/\s?(?:\d{4}\s?\/\s?)?\p{Lu}/u.test(symbolText)) continue;
    const kindName = (m[1] ?? '').replace(/\s+/g, ' ');
    const kind = DOCUMENT_KINDS.find((k) => k.loose === kindName);
    if (!kind) continue;
    const end = m.index + m[0].length;
    const after = tail(ft, end, nextStart(m.index));
    found.push({
      at: m.index,
      end,
      reference: {
        kind: kind.id,
        kindLabel: kind.label,
        raw: squash(ft.text.slice(m.index, after.end)),
        numberSymbol: parseNumberSymbol(symbolText.replace(/\s/g, '')),
        title: null,
        date: dateOf(m, 3),
        issuer: after.issuer ?? issuerBefore(ft, m.index),
        subject: after.subject,
      },
    });
  }
  const covered = (at: number): boolean => found.some((f) => at >= f.at && at < f.end);
  const cites = (m: RegExpExecArray): number | null => {
    const word = m.index + m[0].indexOf(m[1] ?? '');
    // "Luật" and "Bộ luật" as a name start with a capital; "pháp luật" is no citation.
    if (!/^\p{Lu}/u.test(ft.text.charAt(word)) || covered(word) || OTHER_KIND.test(m[2] ?? '')) return null;
    return word;
  };
  LAW.lastIndex = 0;
  for (let m = LAW.exec(ft.loose); m !== null; m = LAW.exec(ft.loose)) {
    const word = cites(m);
    if (word === null) continue;
    found.push({
      at: word,
      end: word + m[0].length,
      reference: lawReference(ft, m, m[1] === 'bo luat', nextStart(word)),
    });
  }
  LAW_UNDATED.lastIndex = 0;
  for (let m = LAW_UNDATED.exec(ft.loose); m !== null; m = LAW_UNDATED.exec(ft.loose)) {
    const word = cites(m);
    if (word === null) continue;
    const nameStart = ft.loose.indexOf(m[2] ?? '', word + (m[1] ?? '').length);
    const end = nameStart + (m[2] ?? '').length;
    const code = m[1] === 'bo luat';
    found.push({
      at: word,
      end,
      reference: {
        kind: code ? 'bo-luat' : 'luat',
        kindLabel: code ? 'Bộ luật' : 'Luật',
        raw: squash(ft.text.slice(word, end)),
        numberSymbol: null,
        title: squash(ft.text.slice(nameStart, end)),
        date: null,
        issuer: null,
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
    const key = (x: Reference): string =>
      x.numberSymbol?.raw ?? foldLoose(x.title ?? x.raw).replace(/\s+/g, ' ');
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

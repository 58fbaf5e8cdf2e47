/**
 * The issuer when the header block is missing or names only "Ủy ban nhân dân": read from the line naming who decides
 * ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KON TUM"), the signature ("TM. ỦY BAN NHÂN DÂN TỈNH …"), a body sentence whose
 * subject it is ("Ủy ban nhân dân tỉnh Nghệ An ban hành …"), or the place of the date line as the body names it
 * ("Huế, ngày …" and "Thành phố Huế …").
 */
import { properCase } from './casing.js';
import { folded, foldLoose, squash } from './text.js';

const ORGAN = '(uy ban nhan dan|hoi dong nhan dan|ubnd|hdnd)';
const LEVEL = '(tinh|thanh pho|huyen|quan|thi xa|thi tran|xa|phuong)';
const NAMED = new RegExp(String.raw`(?<![a-z])${ORGAN}\s+${LEVEL}\s+`, 'g');
// Words before an organ that make it someone else's ("của Ủy ban nhân dân tỉnh …", "thuộc UBND huyện").
const NOT_ISSUER = /(?:cua|thuoc|voi|den|gui|cho|tai)\s*$/;
// After the organ and its place, the verbs of a body sentence the issuer is the subject of.
const ISSUER_VERB =
  /^\s*(?:ban hanh|xay dung|chi dao|thong bao|yeu cau|de nghi|giao|quyet dinh|trien khai|huong dan|to chuc)(?![a-z])/;
const EXPANDED: Record<string, string> = { ubnd: 'Ủy ban nhân dân', hdnd: 'Hội đồng nhân dân' };

/** The capitalised words from `at` on one line: the place name after "tỉnh", "thành phố" … */
function placeAt(text: string, at: number): string {
  const line = text.slice(at).split('\n')[0] ?? '';
  const words: string[] = [];
  for (const word of line.split(/\s+/)) {
    const bare = word.replace(/[,;.:()]+$/u, '');
    if (!/^\p{Lu}/u.test(bare)) break;
    words.push(bare);
    if (bare !== word) break;
  }
  return words.join(' ');
}

function nameOf(organ: string, level: string, place: string): string {
  const head = EXPANDED[foldLoose(organ)] ?? organ;
  return properCase(squash(`${head} ${level} ${place}`).toUpperCase());
}

/**
 * Finds the issuer's full name in the text, or null. `place` is the date line's place ("Huế"); `organ` the organ the
 * header names without its place, joined to that place when the body names it.
 */
export function issuerFromText(text: string, place: string | null, organ = 'Ủy ban nhân dân'): string | null {
  const ft = folded(text);
  NAMED.lastIndex = 0;
  for (let m = NAMED.exec(ft.loose); m !== null; m = NAMED.exec(ft.loose)) {
    const lineStart = ft.loose.lastIndexOf('\n', m.index) + 1;
    const before = ft.loose.slice(lineStart, m.index);
    const end = m.index + m[0].length;
    const placeName = placeAt(ft.text, end);
    if (placeName === '') continue;
    const named = ft.text.slice(m.index, m.index + (m[1] ?? '').length);
    const upperLine =
      /^(?:chu tich\s+|(?:tm|kt)\s*\.\s*)?$/.test(before.trim()) && named === named.toUpperCase();
    const subject =
      !NOT_ISSUER.test(before) && ISSUER_VERB.test(ft.loose.slice(end + foldLoose(placeName).length));
    if (upperLine || subject) return nameOf(named, m[2] ?? '', placeName);
  }
  if (place === null) return null;
  const level = new RegExp(
    String.raw`(?<![a-z])${LEVEL}\s+${foldLoose(place).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z])`,
  ).exec(ft.loose);
  return level ? nameOf(organ, level[1] ?? '', place) : null;
}

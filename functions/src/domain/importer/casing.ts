/** Proper-casing of upper-case header lines ("ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI") the way Decree 30/2020 writes names. */
import { foldLoose, isUpperCaseLine, squash } from './text.js';

/** Fixed phrases written with only the first letter capital ("Ủy ban nhân dân"), keyed by their loose fold. */
const FIXED: ReadonlyArray<readonly [string, string]> = [
  ['uy ban nhan dan', 'Ủy ban nhân dân'],
  ['hoi dong nhan dan', 'Hội đồng nhân dân'],
  ['chu tich', 'Chủ tịch'],
  ['giam doc', 'Giám đốc'],
  ['truong phong', 'Trưởng phòng'],
  ['truong ban', 'Trưởng ban'],
  ['chanh van phong', 'Chánh Văn phòng'],
  ['chanh thanh tra', 'Chánh Thanh tra'],
  ['thu truong', 'Thủ trưởng'],
  ['bo truong', 'Bộ trưởng'],
  ['thu tuong', 'Thủ tướng'],
];

/** Words naming a kind of body; the word after them starts the body's field and takes a capital. */
const HEADS = new Set([
  'so',
  'phong',
  'bo',
  'ban',
  'cuc',
  'chi cuc',
  'tong cuc',
  'van phong',
  'trung tam',
  'vien',
  'dai',
  'thanh tra',
]);

/** Administrative levels; what follows is a place name, each word capitalised. */
const LEVELS = ['thanh pho', 'thi tran', 'thi xa', 'tinh', 'huyen', 'xa', 'quan', 'phuong'];

const ACRONYM = /^[\p{Lu}\d&.-]+$/u;
/** Acronyms that contain a vowel and so look like syllables; the others are told by having none. */
const KNOWN_ACRONYMS = new Set(['ubnd', 'ubmttq', 'ub']);

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function isAcronym(word: string): boolean {
  const loose = foldLoose(word);
  if (KNOWN_ACRONYMS.has(loose) || /[&\d]/.test(word)) return true;
  // Words without a vowel cannot be Vietnamese syllables: "HĐND", "TC-KH", "LĐ-TB&XH".
  return ACRONYM.test(word) && !/[aeiouy]/.test(loose.replace(/-/g, ''));
}

/**
 * Writes an upper-case name or title in the usual case ("SỞ NỘI VỤ" → "Sở Nội vụ", "UBND TỈNH ĐỒNG THÁP" →
 * "UBND tỉnh Đồng Tháp", "PHÓ CHỦ TỊCH" → "Phó Chủ tịch"); text that is not all upper case is returned as written.
 */
export function properCase(text: string): string {
  const clean = squash(text);
  if (!isUpperCaseLine(clean)) return clean;
  const words = clean.split(' ');
  const out: string[] = [];
  let capitaliseNext = true;
  let afterConjunction = false;
  let inPlace = false;
  let i = 0;
  while (i < words.length) {
    const word = words[i] ?? '';
    const rest = foldLoose(words.slice(i).join(' '));
    const startsWith = (key: string): boolean => rest === key || rest.startsWith(`${key} `);
    const fixed = inPlace ? undefined : FIXED.find(([key]) => startsWith(key));
    if (fixed) {
      out.push(fixed[1]);
      i += fixed[0].split(' ').length;
      capitaliseNext = false;
      afterConjunction = false;
      continue;
    }
    const level = inPlace || afterConjunction || out.length === 0 ? undefined : LEVELS.find(startsWith);
    if (level) {
      const n = level.split(' ').length;
      out.push(
        words
          .slice(i, i + n)
          .join(' ')
          .toLowerCase(),
      );
      i += n;
      inPlace = true;
      continue;
    }
    const loose = foldLoose(word);
    if (word === '-' || word === '–' || loose === 'va') {
      out.push(word.toLowerCase());
      capitaliseNext = !inPlace;
      afterConjunction = true;
      i += 1;
      continue;
    }
    afterConjunction = false;
    if (isAcronym(word)) out.push(word);
    else out.push(inPlace || capitaliseNext ? capitalise(word) : word.toLowerCase());
    const twoWordHead = words[i + 1] !== undefined && HEADS.has(foldLoose(`${word} ${words[i + 1] ?? ''}`));
    if (twoWordHead) {
      out.push((words[i + 1] ?? '').toLowerCase());
      i += 2;
      capitaliseNext = true;
      continue;
    }
    capitaliseNext = HEADS.has(loose);
    i += 1;
  }
  return out.join(' ');
}

/** Writes a person's name in title case when it was typed in upper case ("ĐOÀN THANH BÌNH" → "Đoàn Thanh Bình"). */
export function personName(text: string): string {
  const clean = squash(text);
  return isUpperCaseLine(clean) ? clean.split(' ').map(capitalise).join(' ') : clean;
}

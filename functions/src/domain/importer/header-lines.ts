/** Mends header lines as text pasted from a PDF gives them: blocks side by side on one line, a date over two lines. */
import { foldLoose, squash } from './text.js';

/** Quốc hiệu, possibly wrapped before "VIỆT NAM" (loose fold). */
export const QUOC_HIEU = /cong hoa xa hoi chu nghia(?:\s+viet(?:\s+nam)?)?/;
/** Tiêu ngữ "Độc lập - Tự do - Hạnh phúc" (loose fold). */
export const MOTTO = /doc lap\s*[-–—]?\s*tu do\s*[-–—]?\s*hanh phuc/;
/** How many lines from the top the header is looked for in. */
export const HEADER_SCAN = 40;

/** Joins a header date broken before its month or year ("…, ngày 05 tháng 02 năm" / "2024"). */
export function mendBrokenDate(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const previous = out.at(-1);
    const loose = foldLoose(line.trim());
    if (
      out.length < HEADER_SCAN &&
      previous !== undefined &&
      /(?:^|,\s*)ngay(?:\s*[\d.…_]+)?(?:\s*thang(?:\s*[\d.…_]+)?)?(?:\s*nam)?\s*$/.test(
        foldLoose(previous),
      ) &&
      /^(?:\d|thang|nam|[.…_])/.test(loose)
    ) {
      out[out.length - 1] = `${previous.trimEnd()} ${line.trim()}`;
      continue;
    }
    out.push(line);
  }
  return out;
}

/**
 * Removes what a web page's table leaves in a pasted header: a lone "|" between cells, a "|" closing a cell, and
 * " | " between two blocks on one line ("Số: 30/2018/QĐ-UBND | Hải Phòng, ngày …"). Lines of a data table
 * ("| a | b |") are kept; they open with "|".
 */
export function dropCellBorders(lines: readonly string[]): string[] {
  return lines.flatMap((line, i) => {
    const t = line.trim();
    if (i >= HEADER_SCAN || !t.includes('|') || (t.startsWith('|') && t.length > 1)) return [line];
    if (t === '|') return [''];
    return t
      .replace(/\s*\|$/, '')
      .split(/\s+\|\s+/)
      .map(squash);
  });
}

/** Header phrases a narrow cell breaks over lines ("CỘNG" / "HÒA XÃ HỘI …", "ỦY" / "BAN NHÂN DÂN"), loose-folded. */
const BROKEN_PHRASES = [
  'cong hoa xa hoi chu nghia viet nam',
  'doc lap tu do hanh phuc',
  'uy ban nhan dan',
  'hoi dong nhan dan',
];

function words(line: string): string {
  return foldLoose(line)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Whether `text` is the start of a phrase but not all of it, whole words only. */
function startsPhrase(text: string): boolean {
  return text !== '' && BROKEN_PHRASES.some((p) => p !== text && p.startsWith(`${text} `));
}

/**
 * Joins header phrases broken over lines by a narrow cell, and restores the "Ủ" a PDF's missing glyph drops
 * ("Y BAN NHÂN DÂN" → "ỦY BAN NHÂN DÂN").
 */
export function mendBrokenPhrases(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = out.length < HEADER_SCAN ? raw.replace(/^(\s*)Y BAN NHÂN DÂN/u, '$1ỦY BAN NHÂN DÂN') : raw;
    const previous = out.at(-1);
    if (
      out.length < HEADER_SCAN &&
      previous !== undefined &&
      startsPhrase(words(previous)) &&
      line.trim() !== ''
    ) {
      const joined = words(`${previous} ${line}`);
      if (BROKEN_PHRASES.some((p) => joined.startsWith(p) || p.startsWith(joined))) {
        out[out.length - 1] = `${previous.trim()} ${line.trim()}`;
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

/** Joins "Số:" left alone on its line to the number under it ("Số:" / "33/2009/QĐ-UBND"). */
export function mendBrokenNumber(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const previous = out.at(-1);
    if (
      out.length < HEADER_SCAN &&
      previous !== undefined &&
      /^so\s*[:.]?$/.test(foldLoose(previous.trim())) &&
      /^[\d.…_\s]*\//.test(line.trim())
    ) {
      out[out.length - 1] = `${previous.trim()} ${line.trim()}`;
      continue;
    }
    out.push(line);
  }
  return out;
}

/** Splits lines that hold two side-by-side header blocks ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"). */
export function splitSideBySide(lines: readonly string[]): string[] {
  const out: string[] = [];
  // What is left of a wrapped Quốc hiệu on the next line: "VIỆT NAM", or "NAM" after a break inside it.
  let vietNamWrapped: 'viet nam' | 'nam' | null = null;
  lines.forEach((line, i) => {
    if (i >= HEADER_SCAN) {
      out.push(line);
      return;
    }
    let parts = [line];
    if (vietNamWrapped !== null && line.trim() !== '') {
      // "… CHỦ NGHĨA" / "VIỆT NAM": the Quốc hiệu wrapped; its tail is dropped with it.
      const m = (vietNamWrapped === 'nam' ? /^(.*?)\s*\bnam\s*(.*)$/ : /^(.*?)\s*\bviet nam\s*(.*)$/).exec(
        foldLoose(line.trim()),
      );
      if (m && ((m[1] ?? '') === '' || (m[2] ?? '') === '')) {
        const t = line.trim();
        parts = [
          (m[1] ?? '') === '' ? t.slice(t.length - (m[2] ?? '').length) : t.slice(0, (m[1] ?? '').length),
        ];
      }
      vietNamWrapped = null;
    }
    for (const marker of [QUOC_HIEU, MOTTO]) {
      parts = parts.flatMap((part) => {
        const m = marker.exec(foldLoose(part));
        if (!m) return [part];
        if (marker === QUOC_HIEU && !m[0].endsWith('viet nam'))
          vietNamWrapped = m[0].endsWith('viet') ? 'nam' : 'viet nam';
        const end = m.index + m[0].length;
        return [part.slice(0, m.index), part.slice(m.index, end), part.slice(end)]
          .map(squash)
          .filter((p) => p !== '');
      });
    }
    parts = parts.flatMap((part) => {
      const loose = foldLoose(part);
      const number = /^so\s*[:.]?\s*[\d.…_\s]*\/\s*(?:\d{4}\s*\/\s*)?\S+/.exec(loose);
      if (number && /,\s*ngay\b/.test(loose.slice(number[0].length))) {
        return [part.slice(0, number[0].length), part.slice(number[0].length)].map(squash);
      }
      return [part];
    });
    out.push(...parts);
  });
  return out;
}

/** Mends header lines as text pasted from a PDF gives them: blocks side by side on one line, a date over two lines. */
import { foldLoose, squash } from './text.js';

/** Quốc hiệu, possibly wrapped before "VIỆT NAM" (loose fold). */
export const QUOC_HIEU = /cong hoa xa hoi chu nghia(?:\s+viet nam)?/;
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

/** Splits lines that hold two side-by-side header blocks ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"). */
export function splitSideBySide(lines: readonly string[]): string[] {
  const out: string[] = [];
  let vietNamWrapped = false;
  lines.forEach((line, i) => {
    if (i >= HEADER_SCAN) {
      out.push(line);
      return;
    }
    let parts = [line];
    if (vietNamWrapped && line.trim() !== '') {
      // "… CHỦ NGHĨA" / "VIỆT NAM": the Quốc hiệu wrapped; its tail is dropped with it.
      const m = /^(.*?)\s*\bviet nam\s*(.*)$/.exec(foldLoose(line.trim()));
      if (m && ((m[1] ?? '') === '' || (m[2] ?? '') === '')) {
        const t = line.trim();
        parts = [
          (m[1] ?? '') === '' ? t.slice(t.length - (m[2] ?? '').length) : t.slice(0, (m[1] ?? '').length),
        ];
      }
      vietNamWrapped = false;
    }
    for (const marker of [QUOC_HIEU, MOTTO]) {
      parts = parts.flatMap((part) => {
        const m = marker.exec(foldLoose(part));
        if (!m) return [part];
        if (marker === QUOC_HIEU && !m[0].endsWith('viet nam')) vietNamWrapped = true;
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

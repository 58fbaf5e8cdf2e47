/** Document numbers and symbols per Decree 30/2020: "06/UBND-HCC", "/UBND-NV" (not yet numbered), "09/2019/NĐ-CP". */
import type { NumberSymbol } from './draft.js';

/** A symbol: groups of capitals and digits joined by "-" ("UBND-HCC", "QĐ-BNV", "CT-TTg", "TTLT-BNV-BTC"). */
const SYMBOL = String.raw`\p{Lu}[\p{L}\d&]*(?:[-.][\p{L}\d&]+)*`;

/** Reads a number-and-symbol token; the number may be blank or dotted ("…/UBND-NV"). Null when it is neither. */
export function parseNumberSymbol(token: string): NumberSymbol | null {
  const raw = token.trim().replace(/[.,;:]+$/, '');
  const m = new RegExp(String.raw`^(\d{1,6})?[\s.…_]*/\s*(?:(\d{4})\s*/\s*)?(` + SYMBOL + ')?$', 'u').exec(
    raw,
  );
  const party = new RegExp(`^(\\d{1,6})-(${SYMBOL}/${SYMBOL})$`, 'u').exec(raw);
  if (party)
    return { raw, number: Number.parseInt(party[1] ?? '', 10), year: null, symbol: party[2] ?? null };
  if (!m) {
    const bare = /^(\d{1,6})$/.exec(raw);
    return bare ? { raw, number: Number.parseInt(bare[1] ?? '', 10), year: null, symbol: null } : null;
  }
  const number = m[1] === undefined ? null : Number.parseInt(m[1], 10);
  return {
    raw,
    number: number === 0 ? null : number,
    year: m[2] === undefined ? null : Number.parseInt(m[2], 10),
    symbol: m[3] ?? null,
  };
}

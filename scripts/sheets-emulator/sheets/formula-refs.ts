/** Rewriting the references inside formulas when cells are copied, rows/columns change, or a sheet is renamed. */
import { columnIndex, columnLetters, quoteSheetTitle } from './a1.js';
import { tokenize } from './formula-syntax.js';
import type { Tok } from './formula-syntax.js';

/** One reference occurrence in a formula, with its position and absolute markers. */
interface RefOccurrence {
  start: number;
  end: number;
  sheetText?: string;
  sheet?: string;
  parts: { col?: number; colAbs: boolean; row?: number; rowAbs: boolean }[];
}

function occurrences(formula: string): RefOccurrence[] | null {
  let toks: Tok[];
  try {
    toks = tokenize(formula.slice(1));
  } catch {
    return null;
  }
  return toks
    .filter((t) => t.t === 'ref')
    .map((t) => {
      const text = t.v;
      const bang = text.lastIndexOf('!');
      const sheetText = bang >= 0 ? text.slice(0, bang + 1) : undefined;
      const rawSheet = bang >= 0 ? text.slice(0, bang) : undefined;
      const sheet = rawSheet?.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
      const parts = text
        .slice(bang + 1)
        .split(':')
        .map((p) => {
          const m = /^(\$?)([A-Za-z]*)(\$?)([0-9]*)$/.exec(p)!;
          return {
            ...(m[2] ? { col: columnIndex(m[2]) } : {}),
            colAbs: m[1] === '$',
            ...(m[4] ? { row: Number(m[4]) - 1 } : {}),
            rowAbs: m[3] === '$' || (m[2] === '' && m[1] === '$'),
          };
        });
      return {
        start: t.s + 1,
        end: t.e + 1,
        ...(sheetText ? { sheetText } : {}),
        ...(sheet ? { sheet } : {}),
        parts,
      };
    });
}

function partText(p: RefOccurrence['parts'][number]): string {
  const col = p.col !== undefined ? `${p.colAbs ? '$' : ''}${columnLetters(p.col)}` : '';
  const row = p.row !== undefined ? `${p.rowAbs ? '$' : ''}${p.row + 1}` : '';
  return col + row;
}

function rewrite(formula: string, fn: (o: RefOccurrence) => string | null): string {
  const occ = occurrences(formula);
  if (!occ || occ.length === 0) return formula;
  let out = '';
  let pos = 0;
  for (const o of occ) {
    const repl = fn(o);
    if (repl === null) continue;
    out += formula.slice(pos, o.start) + repl;
    pos = o.end;
  }
  return out + formula.slice(pos);
}

/** Shifts relative references by (dr, dc), as repeatCell/copy do; references pushed off the grid become #REF!. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return rewrite(formula, (o) => {
    const parts = o.parts.map((p) => ({
      ...p,
      ...(p.col !== undefined && !p.colAbs ? { col: p.col + dc } : {}),
      ...(p.row !== undefined && !p.rowAbs ? { row: p.row + dr } : {}),
    }));
    if (parts.some((p) => (p.col ?? 0) < 0 || (p.row ?? 0) < 0)) return '#REF!';
    return (o.sheetText ?? '') + parts.map(partText).join(':');
  });
}

/** A change of rows or columns on one sheet, for rewriting references to it. */
export type DimChange =
  | { dim: 'ROWS' | 'COLUMNS'; kind: 'insert'; at: number; count: number }
  | { dim: 'ROWS' | 'COLUMNS'; kind: 'delete'; start: number; end: number }
  | { dim: 'ROWS' | 'COLUMNS'; kind: 'move'; start: number; end: number; dest: number };

function moved(v: number, start: number, end: number, dest: number): number {
  const n = end - start;
  const to = dest > start ? dest - n : dest;
  if (v >= start && v < end) return to + (v - start);
  let j = v >= end ? v - n : v;
  if (j >= to) j += n;
  return j;
}

/**
 * Rewrites references into the changed sheet: indexes after an insertion shift, references wholly inside
 * deleted cells become #REF! (ranges shrink), and moved rows/columns take their references with them.
 */
export function adjustFormula(
  formula: string,
  refersToChanged: (sheet: string | undefined) => boolean,
  ch: DimChange,
): string {
  return rewrite(formula, (o) => {
    if (!refersToChanged(o.sheet)) return null;
    const key = ch.dim === 'ROWS' ? 'row' : 'col';
    const idx = o.parts.map((p) => p[key]);
    if (idx.every((v) => v === undefined)) return null;
    const single = idx.length === 1 || (idx.length === 2 && idx[0] === idx[1]);
    let next: (number | undefined)[];
    if (ch.kind === 'insert') {
      next = idx.map((v) => (v === undefined ? v : v >= ch.at ? v + ch.count : v));
    } else if (ch.kind === 'move') {
      const inBlock = idx.map((v) => v !== undefined && v >= ch.start && v < ch.end);
      // A range with one end inside the moved block and one outside keeps its bounds (it is ambiguous).
      if (!single && inBlock[0] !== inBlock[1] && idx[0] !== undefined && idx[1] !== undefined) return null;
      next = idx.map((v) => (v === undefined ? v : moved(v, ch.start, ch.end, ch.dest)));
    } else {
      const n = ch.end - ch.start;
      const inside = (v: number | undefined): boolean => v !== undefined && v >= ch.start && v < ch.end;
      if (single && inside(idx[0])) return '#REF!';
      if (idx.length === 2 && inside(idx[0]) && inside(idx[1])) return '#REF!';
      next = idx.map((v, i) => {
        if (v === undefined) return v;
        if (v >= ch.end) return v - n;
        if (v >= ch.start) return i === 0 ? ch.start : ch.start - 1;
        return v;
      });
      if (next.length === 2 && next[0] !== undefined && next[1] !== undefined && next[1] < next[0])
        return '#REF!';
    }
    const parts = o.parts.map((p, i) => (next[i] === undefined ? p : { ...p, [key]: next[i] }));
    return (o.sheetText ?? '') + parts.map(partText).join(':');
  });
}

/** Rewrites references to a renamed sheet (matched case-insensitively) to its new, properly quoted, title. */
export function renameSheetInFormula(formula: string, oldTitle: string, newTitle: string): string {
  const old = oldTitle.toLowerCase();
  return rewrite(formula, (o) => {
    if (o.sheet === undefined || o.sheet.toLowerCase() !== old) return null;
    return `${quoteSheetTitle(newTitle)}!${o.parts.map(partText).join(':')}`;
  });
}

/** Computes cells' effective values (evaluating formulas, memoised per read) and renders them per value/date-time render options. */
import type { sheets_v4 } from '@googleapis/sheets';
import { sheetByTitle } from './a1.js';
import { evaluate } from './formula-eval.js';
import type { EvalEnv } from './formula-eval.js';
import { FormulaError, compile, formatSource, referencesOf } from './formula-syntax.js';
import type { RefSpec, Scalar } from './formula-syntax.js';
import { localeInfo, parseLocaleNumber } from './locale.js';
import type { LocaleInfo } from './locale.js';
import { columnCount, getCell, rowCount } from './model.js';
import type { Book, Cell, SheetData } from './model.js';
import { formatGeneral, formatNumber, isDateFormat } from './numfmt.js';

/** How values are rendered (ValueRenderOption). */
export type ValueRender = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
/** How dates are rendered when not FORMATTED_VALUE (DateTimeRenderOption). */
export type DateRender = 'SERIAL_NUMBER' | 'FORMATTED_STRING';

const CIRCULAR = 'Circular dependency detected. To resolve with iterative calculation, see File > Settings.';

/** Renders cells of one book; create one per request so formula results are computed once per read. */
export class Renderer {
  readonly li: LocaleInfo;
  private readonly memo = new Map<string, Scalar>();
  private readonly visiting = new Set<string>();

  constructor(readonly book: Book) {
    this.li = localeInfo(book.properties.locale);
  }

  /** The computed value of a cell (formulas evaluated); null when empty. */
  effective(sheet: SheetData, r: number, c: number): Scalar {
    const cell = getCell(sheet, r, c);
    const uv = cell?.userEnteredValue;
    if (!uv) return null;
    if (uv.formulaValue != null) return this.evalFormula(sheet, r, c, uv.formulaValue);
    if (uv.numberValue != null) return uv.numberValue;
    if (uv.stringValue != null) return uv.stringValue;
    if (uv.boolValue != null) return uv.boolValue;
    if (uv.errorValue)
      return new FormulaError(
        (uv.errorValue.type ?? 'ERROR') as FormulaError['type'],
        uv.errorValue.message ?? '',
      );
    return null;
  }

  private evalFormula(sheet: SheetData, r: number, c: number, formula: string): Scalar {
    const key = `${sheet.properties.sheetId}:${r}:${c}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    if (this.visiting.has(key)) return new FormulaError('REF', CIRCULAR);
    if (!this.presolving) {
      // Evaluate what this formula depends on first, deepest first, without recursion, so that long chains
      // (running totals) never nest deeper than one level of evaluation.
      this.presolving = true;
      try {
        this.presolve(sheet, r, c);
      } finally {
        this.presolving = false;
      }
      const done = this.memo.get(key);
      if (done !== undefined) return done;
    }
    this.visiting.add(key);
    let v: Scalar;
    try {
      v = evaluate(compile(formula), this.env(sheet));
    } catch (e) {
      // A dependency chain deeper than the JS stack: report it in the cell rather than failing the request.
      if (!(e instanceof RangeError)) throw e;
      v = new FormulaError(
        'ERROR',
        'The formula depends on too long a chain of other formulas to evaluate here.',
      );
    } finally {
      this.visiting.delete(key);
    }
    this.memo.set(key, v);
    return v;
  }

  private presolving = false;

  /** Formula cells a formula refers to, not yet evaluated. */
  private pendingDeps(sheet: SheetData, formula: string): [SheetData, number, number][] {
    const { refs, names } = referencesOf(compile(formula));
    const env = this.env(sheet);
    for (const n of names) {
      const ref = env.named(n);
      if (ref) refs.push(ref);
    }
    const out: [SheetData, number, number][] = [];
    for (const ref of refs) {
      const s = this.refSheet(sheet, ref);
      if (!s) continue;
      const r1 = Math.min(ref.endRow ?? s.rows.length, s.rows.length, rowCount(s));
      for (let r = ref.startRow ?? 0; r < r1; r++) {
        const row = s.rows[r];
        if (!row) continue;
        const c1 = Math.min(ref.endCol ?? row.length, row.length, columnCount(s));
        for (let c = ref.startCol ?? 0; c < c1; c++) {
          if (
            row[c]?.userEnteredValue?.formulaValue != null &&
            !this.memo.has(`${s.properties.sheetId}:${r}:${c}`)
          )
            out.push([s, r, c]);
        }
      }
    }
    return out;
  }

  /** Evaluates the dependency graph under (sheet, r, c) in post-order with an explicit stack. */
  private presolve(sheet: SheetData, r: number, c: number): void {
    const key = (s: SheetData, rr: number, cc: number): string => `${s.properties.sheetId}:${rr}:${cc}`;
    const stack: { s: SheetData; r: number; c: number; expanded: boolean }[] = [
      { s: sheet, r, c, expanded: false },
    ];
    const inProgress = new Set<string>();
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const k = key(top.s, top.r, top.c);
      const f = getCell(top.s, top.r, top.c)?.userEnteredValue?.formulaValue;
      if (f == null || this.memo.has(k) || (!top.expanded && inProgress.has(k))) {
        stack.pop();
        continue;
      }
      if (!top.expanded) {
        top.expanded = true;
        inProgress.add(k);
        for (const [ds, dr, dc] of this.pendingDeps(top.s, f)) {
          // A dependency already being expanded below us is a cycle: the recursive evaluation reports it.
          if (!inProgress.has(key(ds, dr, dc))) stack.push({ s: ds, r: dr, c: dc, expanded: false });
        }
        continue;
      }
      this.evalFormula(top.s, top.r, top.c, f);
      stack.pop();
      inProgress.delete(k);
    }
  }

  private env(host: SheetData): EvalEnv {
    return {
      range: (ref) => this.refValues(host, ref),
      named: (name) => {
        const nr = this.book.namedRanges.find((n) => (n.name ?? '').toLowerCase() === name.toLowerCase());
        const g = nr?.range;
        if (!g) return undefined;
        const s = this.book.sheets.find((x) => x.properties.sheetId === (g.sheetId ?? 0));
        if (!s) return undefined;
        return {
          sheet: s.properties.title,
          ...(g.startRowIndex != null ? { startRow: g.startRowIndex } : {}),
          ...(g.endRowIndex != null ? { endRow: g.endRowIndex } : {}),
          ...(g.startColumnIndex != null ? { startCol: g.startColumnIndex } : {}),
          ...(g.endColumnIndex != null ? { endCol: g.endColumnIndex } : {}),
        };
      },
      textToNumber: (s) => parseLocaleNumber(s.trim(), this.li)?.value ?? null,
    };
  }

  private refSheet(host: SheetData, ref: RefSpec): SheetData | undefined {
    return ref.sheet === undefined ? host : sheetByTitle(this.book, ref.sheet);
  }

  private refValues(host: SheetData, ref: RefSpec): Scalar[][] | FormulaError {
    const sheet = this.refSheet(host, ref);
    if (!sheet) return new FormulaError('REF', `Unresolved sheet name '${ref.sheet}'.`);
    const rows = rowCount(sheet);
    const cols = columnCount(sheet);
    const r0 = ref.startRow ?? 0;
    const c0 = ref.startCol ?? 0;
    if (r0 >= rows || c0 >= cols) return new FormulaError('REF', 'Reference does not exist.');
    // Unbounded edges stop at the data, not the grid: values past it are empty anyway.
    const r1 = ref.endRow ?? Math.min(rows, sheet.rows.length);
    const c1 = ref.endCol ?? cols;
    const out: Scalar[][] = [];
    for (let r = r0; r < Math.min(r1, rows); r++) {
      const row = sheet.rows[r];
      const line: Scalar[] = [];
      const cEnd = Math.min(c1, cols, ref.endCol === undefined ? (row?.length ?? 0) : cols);
      for (let c = c0; c < cEnd; c++) line.push(row?.[c] ? this.effective(sheet, r, c) : null);
      out.push(line);
    }
    return out;
  }

  /** The number format in effect: the cell's own, else (for a formula) the one of the cell its result comes from. */
  numberFormat(sheet: SheetData, r: number, c: number, depth = 0): sheets_v4.Schema$NumberFormat | undefined {
    const cell = getCell(sheet, r, c);
    const own = cell?.userEnteredFormat?.numberFormat;
    if (own) return own;
    const f = cell?.userEnteredValue?.formulaValue;
    if (f == null || depth > 20) return undefined;
    const src = formatSource(compile(f));
    if (!src) return undefined;
    const s = this.refSheet(sheet, src);
    if (!s) return undefined;
    return this.numberFormat(s, src.startRow ?? 0, src.startCol ?? 0, depth + 1);
  }

  /** The formatted value (what the cell shows), or undefined when empty. */
  formatted(sheet: SheetData, r: number, c: number): string | undefined {
    const v = this.effective(sheet, r, c);
    return this.formatScalar(v, sheet, r, c);
  }

  private formatScalar(v: Scalar, sheet: SheetData, r: number, c: number): string | undefined {
    if (v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (v instanceof FormulaError) return v.text;
    const nf = this.numberFormat(sheet, r, c);
    return nf ? formatNumber(v, nf, this.li) : formatGeneral(v, this.li);
  }

  /** The JSON value the values API returns for a cell ('' for empty). */
  value(sheet: SheetData, r: number, c: number, vr: ValueRender, dr: DateRender): unknown {
    const cell = getCell(sheet, r, c);
    if (!cell) return '';
    const uv = cell.userEnteredValue;
    if (!uv) return '';
    if (uv.stringValue != null) return uv.stringValue; // fast path: text renders as itself
    if (vr === 'FORMULA' && uv.formulaValue != null) return uv.formulaValue;
    const v = this.effective(sheet, r, c);
    if (vr === 'FORMATTED_VALUE') return this.formatScalar(v, sheet, r, c) ?? '';
    if (v === null) return '';
    if (v instanceof FormulaError) return v.text;
    if (typeof v === 'number' && dr === 'FORMATTED_STRING') {
      const nf = this.numberFormat(sheet, r, c);
      if (isDateFormat(nf)) return formatNumber(v, nf, this.li);
    }
    return v;
  }

  /** The API ExtendedValue of a computed value. */
  extended(v: Scalar): sheets_v4.Schema$ExtendedValue | undefined {
    if (v === null) return undefined;
    if (typeof v === 'number') return { numberValue: v };
    if (typeof v === 'string') return { stringValue: v };
    if (typeof v === 'boolean') return { boolValue: v };
    return { errorValue: { type: v.type, message: v.message } };
  }

  /** The CellData the API returns for a stored cell (with effective and formatted values), or undefined. */
  cellData(sheet: SheetData, r: number, c: number): sheets_v4.Schema$CellData | undefined {
    const cell: Cell | undefined = getCell(sheet, r, c);
    if (!cell) return undefined;
    const out: sheets_v4.Schema$CellData = {};
    if (cell.userEnteredValue) out.userEnteredValue = cell.userEnteredValue;
    const eff = this.extended(this.effective(sheet, r, c));
    if (eff) out.effectiveValue = eff;
    const fv = this.formatted(sheet, r, c);
    if (fv !== undefined) out.formattedValue = fv;
    if (cell.userEnteredFormat) out.userEnteredFormat = cell.userEnteredFormat;
    const nf = this.numberFormat(sheet, r, c);
    if (cell.userEnteredFormat || nf) {
      out.effectiveFormat = {
        ...this.book.properties.defaultFormat,
        ...cell.userEnteredFormat,
        ...(nf ? { numberFormat: nf } : {}),
      };
    }
    if (cell.note != null) out.note = cell.note;
    if (cell.dataValidation) out.dataValidation = cell.dataValidation;
    if (cell.textFormatRuns) out.textFormatRuns = cell.textFormatRuns;
    if (cell.hyperlink) out.hyperlink = cell.hyperlink;
    return Object.keys(out).length > 0 ? out : undefined;
  }
}

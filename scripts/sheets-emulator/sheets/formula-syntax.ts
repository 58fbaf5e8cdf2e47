/** Formula syntax: error values, the tokenizer and parser (cached), and what a parsed formula refers to. */
import { columnIndex } from './a1.js';

/** A formula error value (#REF!, #DIV/0!, #VALUE!, #NAME?, #N/A, #NUM!, #ERROR!). */
export class FormulaError {
  constructor(
    readonly type: 'REF' | 'DIVIDE_BY_ZERO' | 'VALUE' | 'NAME' | 'N_A' | 'NUM' | 'ERROR' | 'NULL_VALUE',
    readonly message: string,
  ) {}

  /** The text a cell shows for this error. */
  get text(): string {
    return ERROR_TEXT[this.type];
  }
}

const ERROR_TEXT: Record<FormulaError['type'], string> = {
  REF: '#REF!',
  DIVIDE_BY_ZERO: '#DIV/0!',
  VALUE: '#VALUE!',
  NAME: '#NAME?',
  N_A: '#N/A',
  NUM: '#NUM!',
  ERROR: '#ERROR!',
  NULL_VALUE: '#NULL!',
};

/** A single evaluated value; null is an empty cell. */
export type Scalar = number | string | boolean | FormulaError | null;

/** A reference as written: optional sheet, and bounds (zero-based, half-open, undefined = unbounded). */
export interface RefSpec {
  sheet?: string;
  startRow?: number;
  endRow?: number;
  startCol?: number;
  endCol?: number;
}

/** A parsed formula expression. */
export type Ast =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'err'; v: FormulaError }
  | { k: 'ref'; ref: RefSpec }
  | { k: 'name'; name: string }
  | { k: 'fn'; name: string; args: Ast[] }
  | { k: 'neg'; a: Ast }
  | { k: 'pct'; a: Ast }
  | { k: 'bin'; op: string; a: Ast; b: Ast };

/** A formula token with its source span. */
export type Tok =
  | { t: 'num'; v: number; s: number; e: number }
  | { t: 'str'; v: string; s: number; e: number }
  | { t: 'ref'; v: string; s: number; e: number }
  | { t: 'id'; v: string; s: number; e: number }
  | { t: 'fn'; v: string; s: number; e: number }
  | { t: 'err'; v: string; s: number; e: number }
  | { t: 'op'; v: string; s: number; e: number };

const SHEET_PREFIX = `(?:'(?:[^']|'')+'|[\\p{L}_][\\p{L}\\p{N}_.]*)!`;
const CELL = `\\$?[A-Za-z]{1,3}\\$?[0-9]+`;
const COLR = `\\$?[A-Za-z]{1,3}`;
const ROWR = `\\$?[0-9]+`;
const REF_RE = new RegExp(
  `(${SHEET_PREFIX})?(${CELL}(?::(?:${CELL}|${COLR}|${ROWR}))?|${COLR}:${COLR}|${ROWR}:${ROWR})(?![\\p{L}\\p{N}_(!])`,
  'uy',
);
const ID_RE = /[\p{L}_][\p{L}\p{N}_.]*/uy;
const NUM_RE = /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const ERR_RE = /#(?:REF!|DIV\/0!|VALUE!|NAME\?|N\/A|NUM!|NULL!|ERROR!)/y;

class ParseFail extends Error {}

/** Splits formula text (without '=') into tokens; throws on characters it cannot read. */
export function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let v = '';
      for (;;) {
        if (j >= src.length) throw new ParseFail('unterminated string');
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            v += '"';
            j += 2;
            continue;
          }
          break;
        }
        v += src[j];
        j++;
      }
      toks.push({ t: 'str', v, s: i, e: j + 1 });
      i = j + 1;
      continue;
    }
    ERR_RE.lastIndex = i;
    let m = ERR_RE.exec(src);
    if (m) {
      toks.push({ t: 'err', v: m[0], s: i, e: i + m[0].length });
      i += m[0].length;
      continue;
    }
    REF_RE.lastIndex = i;
    m = REF_RE.exec(src);
    if (m) {
      toks.push({ t: 'ref', v: m[0], s: i, e: i + m[0].length });
      i += m[0].length;
      continue;
    }
    NUM_RE.lastIndex = i;
    m = NUM_RE.exec(src);
    if (m) {
      toks.push({ t: 'num', v: Number(m[0]), s: i, e: i + m[0].length });
      i += m[0].length;
      continue;
    }
    ID_RE.lastIndex = i;
    m = ID_RE.exec(src);
    if (m) {
      let j = i + m[0].length;
      while (src[j] === ' ') j++;
      if (src[j] === '(') toks.push({ t: 'fn', v: m[0].toUpperCase(), s: i, e: i + m[0].length });
      else toks.push({ t: 'id', v: m[0], s: i, e: i + m[0].length });
      i += m[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '<>') {
      toks.push({ t: 'op', v: two, s: i, e: i + 2 });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>(),;%{}:'.includes(ch)) {
      toks.push({ t: 'op', v: ch, s: i, e: i + 1 });
      i++;
      continue;
    }
    throw new ParseFail(`unexpected ${ch}`);
  }
  return toks;
}

/** Parses the text of a reference token ("Sheet1!$A$1:B2", "A:C", "2:5") into a RefSpec. */
export function parseRefText(text: string): RefSpec {
  let sheet: string | undefined;
  let body = text;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    const raw = text.slice(0, bang);
    sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    body = text.slice(bang + 1);
  }
  const parts = body.replace(/\$/g, '').split(':');
  const one = (p: string): { r?: number; c?: number } => {
    const m = /^([A-Za-z]*)([0-9]*)$/.exec(p)!;
    return {
      ...(m[1] ? { c: columnIndex(m[1]) } : {}),
      ...(m[2] ? { r: Number(m[2]) - 1 } : {}),
    };
  };
  const a = one(parts[0]!);
  const b = parts[1] !== undefined ? one(parts[1]) : a;
  const spec: RefSpec = sheet !== undefined ? { sheet } : {};
  if (a.r !== undefined) {
    spec.startRow = Math.min(a.r, b.r ?? a.r);
    if (b.r !== undefined) spec.endRow = Math.max(a.r, b.r) + 1;
  }
  if (a.c !== undefined) {
    spec.startCol = Math.min(a.c, b.c ?? a.c);
    if (b.c !== undefined) spec.endCol = Math.max(a.c, b.c) + 1;
  }
  return spec;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): Ast {
    const a = this.comparison();
    if (this.i < this.toks.length) throw new ParseFail('trailing tokens');
    return a;
  }

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === 'op' && t.v === v;
  }

  private comparison(): Ast {
    let a = this.concat();
    for (;;) {
      const t = this.peek();
      if (t?.t === 'op' && ['=', '<>', '<', '>', '<=', '>='].includes(t.v)) {
        this.i++;
        a = { k: 'bin', op: t.v, a, b: this.concat() };
      } else return a;
    }
  }

  private concat(): Ast {
    let a = this.additive();
    while (this.isOp('&')) {
      this.i++;
      a = { k: 'bin', op: '&', a, b: this.additive() };
    }
    return a;
  }

  private additive(): Ast {
    let a = this.multiplicative();
    for (;;) {
      const t = this.peek();
      if (t?.t === 'op' && (t.v === '+' || t.v === '-')) {
        this.i++;
        a = { k: 'bin', op: t.v, a, b: this.multiplicative() };
      } else return a;
    }
  }

  private multiplicative(): Ast {
    let a = this.power();
    for (;;) {
      const t = this.peek();
      if (t?.t === 'op' && (t.v === '*' || t.v === '/')) {
        this.i++;
        a = { k: 'bin', op: t.v, a, b: this.power() };
      } else return a;
    }
  }

  private power(): Ast {
    let a = this.unary();
    while (this.isOp('^')) {
      this.i++;
      a = { k: 'bin', op: '^', a, b: this.unary() };
    }
    return a;
  }

  private unary(): Ast {
    if (this.isOp('-')) {
      this.i++;
      return { k: 'neg', a: this.unary() };
    }
    if (this.isOp('+')) {
      this.i++;
      return this.unary();
    }
    let a = this.primary();
    while (this.isOp('%')) {
      this.i++;
      a = { k: 'pct', a };
    }
    return a;
  }

  private primary(): Ast {
    const t = this.toks[this.i++];
    if (!t) throw new ParseFail('unexpected end');
    switch (t.t) {
      case 'num':
        return { k: 'num', v: t.v };
      case 'str':
        return { k: 'str', v: t.v };
      case 'err':
        return { k: 'err', v: errorFromText(t.v) };
      case 'ref':
        return { k: 'ref', ref: parseRefText(t.v) };
      case 'id': {
        const up = t.v.toUpperCase();
        if (up === 'TRUE' || up === 'FALSE') return { k: 'bool', v: up === 'TRUE' };
        return { k: 'name', name: t.v };
      }
      case 'fn': {
        if (!this.isOp('(')) throw new ParseFail('expected (');
        this.i++;
        const args: Ast[] = [];
        if (this.isOp(')')) {
          this.i++;
          return { k: 'fn', name: t.v, args };
        }
        for (;;) {
          args.push(this.comparison());
          if (this.isOp(',') || this.isOp(';')) {
            this.i++;
            continue;
          }
          if (this.isOp(')')) {
            this.i++;
            return { k: 'fn', name: t.v, args };
          }
          throw new ParseFail('expected , or )');
        }
      }
      case 'op':
        if (t.v === '(') {
          const a = this.comparison();
          if (!this.isOp(')')) throw new ParseFail('expected )');
          this.i++;
          return a;
        }
        throw new ParseFail(`unexpected ${t.v}`);
    }
  }
}

function errorFromText(text: string): FormulaError {
  const entry = Object.entries(ERROR_TEXT).find(([, v]) => v === text);
  return new FormulaError((entry?.[0] ?? 'ERROR') as FormulaError['type'], 'Error literal.');
}

/** A parsed formula: its AST, or the parse error Sheets shows. */
export type Compiled = { ok: true; ast: Ast } | { ok: false; error: FormulaError };

const cache = new Map<string, Compiled>();

/** Parses a formula ("=..."), caching the result. */
export function compile(formula: string): Compiled {
  let c = cache.get(formula);
  if (c) return c;
  try {
    c = { ok: true, ast: new Parser(tokenize(formula.slice(1))).parse() };
  } catch {
    c = { ok: false, error: new FormulaError('ERROR', 'Formula parse error.') };
  }
  if (cache.size > 20_000) cache.clear();
  cache.set(formula, c);
  return c;
}

/** Every reference and name a compiled formula mentions (for evaluating its dependencies first). */
export function referencesOf(c: Compiled): { refs: RefSpec[]; names: string[] } {
  const refs: RefSpec[] = [];
  const names: string[] = [];
  if (!c.ok) return { refs, names };
  const walk = (a: Ast): void => {
    switch (a.k) {
      case 'ref':
        refs.push(a.ref);
        return;
      case 'name':
        names.push(a.name);
        return;
      case 'neg':
      case 'pct':
        walk(a.a);
        return;
      case 'bin':
        walk(a.a);
        walk(a.b);
        return;
      case 'fn':
        a.args.forEach(walk);
        return;
      default:
        return;
    }
  };
  walk(c.ast);
  return { refs, names };
}

/** References the first cell reference that gives a result its number format (refs, SUM/MIN/MAX/AVERAGE/IF, + and -). */
export function formatSource(c: Compiled): RefSpec | undefined {
  if (!c.ok) return undefined;
  const walk = (a: Ast): RefSpec | undefined => {
    switch (a.k) {
      case 'ref':
        return a.ref;
      case 'neg':
        return walk(a.a);
      case 'bin':
        return a.op === '+' || a.op === '-' ? (walk(a.a) ?? walk(a.b)) : undefined;
      case 'fn':
        if (['SUM', 'MIN', 'MAX', 'AVERAGE'].includes(a.name)) return a.args.map(walk).find(Boolean);
        if (a.name === 'IF') return a.args.slice(1).map(walk).find(Boolean);
        return undefined;
      default:
        return undefined;
    }
  };
  return walk(c.ast);
}

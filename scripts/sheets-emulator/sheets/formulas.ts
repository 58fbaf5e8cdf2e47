/** Formulas: tokenizer, parser and evaluator for a small set of functions, plus reference rewriting when cells move. */
import { columnIndex, columnLetters, quoteSheetTitle } from './a1.js';

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

type Ast =
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

type Tok =
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

function tokenize(src: string): Tok[] {
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

/** What the evaluator needs from the spreadsheet. */
export interface EvalEnv {
  /** Values of a referenced range; a FormulaError when the sheet does not exist. */
  range(ref: RefSpec): Scalar[][] | FormulaError;
  /** The bounds of a named range, or undefined. */
  named(name: string): RefSpec | undefined;
  /** Turns text into a number the way the locale reads it, or null. */
  textToNumber(s: string): number | null;
}

type Val = Scalar | { grid: Scalar[][] };

const SUPPORTED = new Set(['SUM', 'COUNT', 'COUNTA', 'AVERAGE', 'MIN', 'MAX', 'IF']);

/** Evaluates a compiled formula. Unsupported functions (e.g. IMPORTXML) evaluate to #NAME?, never to a fetched value. */
export function evaluate(c: Compiled, env: EvalEnv): Scalar {
  if (!c.ok) return c.error;
  const v = ev(c.ast, env);
  return toScalar(v);
}

function toScalar(v: Val): Scalar {
  if (v !== null && typeof v === 'object' && 'grid' in v) {
    const g = v.grid;
    if (g.length === 1 && g[0]!.length === 1) return g[0]![0] ?? null;
    if (g.length === 0) return new FormulaError('REF', 'Reference does not exist.');
    return g[0]![0] ?? null; // array result spills in Sheets; the anchor cell shows the first value
  }
  return v;
}

function ev(a: Ast, env: EvalEnv): Val {
  switch (a.k) {
    case 'num':
      return a.v;
    case 'str':
      return a.v;
    case 'bool':
      return a.v;
    case 'err':
      return a.v;
    case 'ref': {
      const g = env.range(a.ref);
      return g instanceof FormulaError ? g : { grid: g };
    }
    case 'name': {
      const ref = env.named(a.name);
      if (!ref) return new FormulaError('NAME', `Unknown range name: '${a.name.toUpperCase()}'.`);
      const g = env.range(ref);
      return g instanceof FormulaError ? g : { grid: g };
    }
    case 'neg': {
      const n = toNumber(toScalar(ev(a.a, env)), env, 'UMINUS', 1);
      return n instanceof FormulaError ? n : -n;
    }
    case 'pct': {
      const n = toNumber(toScalar(ev(a.a, env)), env, 'UNARY_PERCENT', 1);
      return n instanceof FormulaError ? n : n / 100;
    }
    case 'bin':
      return binary(a.op, toScalar(ev(a.a, env)), toScalar(ev(a.b, env)), env);
    case 'fn':
      return call(a.name, a.args, env);
  }
}

const OP_NAMES: Record<string, string> = {
  '+': 'ADD',
  '-': 'MINUS',
  '*': 'MULTIPLY',
  '/': 'DIVIDE',
  '^': 'POW',
};

function toNumber(v: Scalar, env: EvalEnv, fn: string, param: number): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  const n = env.textToNumber(v);
  if (n !== null) return n;
  return new FormulaError(
    'VALUE',
    `Function ${fn} parameter ${param} expects number values. But '${v}' is a text and cannot be coerced to a number.`,
  );
}

function toText(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(Number(v.toPrecision(15)));
  return v instanceof FormulaError ? v.text : v;
}

function compare(x: Scalar, y: Scalar): number {
  const rank = (v: Scalar): number =>
    typeof v === 'number' || v === null ? 0 : typeof v === 'string' ? 1 : 2;
  const xv = x === null ? (typeof y === 'string' ? '' : typeof y === 'boolean' ? false : 0) : x;
  const yv = y === null ? (typeof x === 'string' ? '' : typeof x === 'boolean' ? false : 0) : y;
  const rx = rank(xv);
  const ry = rank(yv);
  if (rx !== ry) return rx - ry;
  if (typeof xv === 'string' && typeof yv === 'string') {
    const a = xv.toLowerCase();
    const b = yv.toLowerCase();
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const a = Number(xv);
  const b = Number(yv);
  return a < b ? -1 : a > b ? 1 : 0;
}

function binary(op: string, x: Scalar, y: Scalar, env: EvalEnv): Scalar {
  if (x instanceof FormulaError) return x;
  if (y instanceof FormulaError) return y;
  if (op === '&') return toText(x) + toText(y);
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    const c = compare(x, y);
    switch (op) {
      case '=':
        return c === 0;
      case '<>':
        return c !== 0;
      case '<':
        return c < 0;
      case '>':
        return c > 0;
      case '<=':
        return c <= 0;
      default:
        return c >= 0;
    }
  }
  const name = OP_NAMES[op] ?? op;
  const a = toNumber(x, env, name, 1);
  if (a instanceof FormulaError) return a;
  const b = toNumber(y, env, name, 2);
  if (b instanceof FormulaError) return b;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0
        ? new FormulaError('DIVIDE_BY_ZERO', 'Function DIVIDE parameter 2 cannot be zero.')
        : a / b;
    default: {
      const r = a ** b;
      return Number.isFinite(r) ? r : new FormulaError('NUM', 'Function POW result is not a number.');
    }
  }
}

function call(name: string, args: Ast[], env: EvalEnv): Val {
  if (!SUPPORTED.has(name)) return new FormulaError('NAME', `Unknown function: '${name}'.`);
  if (name === 'IF') {
    if (args.length < 2 || args.length > 3) return wrongArgs('IF', args.length, '2 to 3');
    const c = toScalar(ev(args[0]!, env));
    if (c instanceof FormulaError) return c;
    const n = typeof c === 'string' ? (c === '' ? 0 : env.textToNumber(c)) : c;
    if (typeof c === 'string' && n === null) {
      return new FormulaError(
        'VALUE',
        `Function IF parameter 1 expects boolean values. But '${c}' is a text and cannot be coerced to a boolean.`,
      );
    }
    const truthy = Boolean(n);
    if (truthy) return ev(args[1]!, env);
    return args[2] ? ev(args[2], env) : false;
  }
  if (args.length === 0 && name !== 'COUNT' && name !== 'COUNTA') return wrongArgs(name, 0, 'at least 1');
  const nums: number[] = [];
  let counta = 0;
  for (const [i, arg] of args.entries()) {
    const v = ev(arg, env);
    if (v !== null && typeof v === 'object' && 'grid' in v) {
      for (const row of v.grid) {
        for (const cell of row) {
          if (cell === null) continue;
          counta++;
          if (typeof cell === 'number') nums.push(cell);
          else if (cell instanceof FormulaError && name !== 'COUNT' && name !== 'COUNTA') return cell;
        }
      }
    } else {
      if (v === null) continue;
      counta++;
      if (name === 'COUNT') {
        if (typeof v === 'number' || (typeof v === 'string' && env.textToNumber(v) !== null)) nums.push(0);
        continue;
      }
      if (name === 'COUNTA') continue;
      const n = toNumber(v, env, name, i + 1);
      if (n instanceof FormulaError) return n;
      nums.push(n);
    }
  }
  switch (name) {
    case 'SUM':
      return nums.reduce((s, n) => s + n, 0);
    case 'COUNT':
      return nums.length;
    case 'COUNTA':
      return counta;
    case 'AVERAGE':
      return nums.length === 0
        ? new FormulaError('DIVIDE_BY_ZERO', 'Evaluation of function AVERAGE caused a divide by zero error.')
        : nums.reduce((s, n) => s + n, 0) / nums.length;
    case 'MIN':
      return nums.length === 0 ? 0 : Math.min(...nums);
    default:
      return nums.length === 0 ? 0 : Math.max(...nums);
  }
}

function wrongArgs(name: string, got: number, want: string): FormulaError {
  return new FormulaError(
    'N_A',
    `Wrong number of arguments to ${name}. Expected ${want} arguments, but got ${got} arguments.`,
  );
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

/** Formula evaluation: a small set of operators and functions over values the spreadsheet supplies. */
import { FormulaError } from './formula-syntax.js';
import type { Ast, Compiled, RefSpec, Scalar } from './formula-syntax.js';

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

/** Drive's files.list `q` language: a parser and an evaluator for the terms the emulator supports. */
import type { FileRecord } from '../types.js';
import { invalidArgument, notImplemented } from '../contract/errors.js';
import { roleOf } from './access.js';
import type { Lookup } from './access.js';

type Value = { kind: 'string'; value: string } | { kind: 'bool'; value: boolean };
type Op = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains';

/** A parsed query. */
export type QueryNode =
  | { kind: 'and' | 'or'; left: QueryNode; right: QueryNode }
  | { kind: 'not'; operand: QueryNode }
  | { kind: 'cmp'; field: string; op: Op; value: Value }
  | { kind: 'in'; value: string; field: string };

type Token = { t: 'str'; v: string } | { t: 'word'; v: string } | { t: 'op'; v: string } | { t: '(' | ')' };

const bad = () => invalidArgument('drive', 'Invalid Value', 'q');

function tokenize(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i] ?? '';
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === "'" || c === '"') {
      let v = '';
      i += 1;
      for (;;) {
        const d = q[i];
        if (d === undefined) throw bad();
        if (d === '\\') {
          v += q[i + 1] ?? '';
          i += 2;
        } else if (d === c) {
          i += 1;
          break;
        } else {
          v += d;
          i += 1;
        }
      }
      out.push({ t: 'str', v });
    } else if (c === '(' || c === ')') {
      out.push({ t: c });
      i += 1;
    } else if ('=!<>'.includes(c)) {
      const two = q.slice(i, i + 2);
      const op = ['!=', '<=', '>='].includes(two) ? two : c;
      if (op === '!') throw bad();
      out.push({ t: 'op', v: op });
      i += op.length;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(q.slice(i));
      if (!m) throw bad();
      out.push({ t: 'word', v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

/** Parses a `q` string; throws Drive's 400 "Invalid Value" when malformed. */
export function parseQuery(q: string): QueryNode {
  const tokens = tokenize(q);
  let pos = 0;
  const peekWord = (w: string) => {
    const t = tokens[pos];
    return t?.t === 'word' && t.v.toLowerCase() === w;
  };
  const parseValue = (): Value => {
    const t = tokens[pos++];
    if (t?.t === 'str') return { kind: 'string', value: t.v };
    if (t?.t === 'word' && (t.v === 'true' || t.v === 'false'))
      return { kind: 'bool', value: t.v === 'true' };
    throw bad();
  };
  const parsePrimary = (): QueryNode => {
    const t = tokens[pos];
    if (!t) throw bad();
    if (t.t === '(') {
      pos += 1;
      const inner = parseOr();
      if (tokens[pos]?.t !== ')') throw bad();
      pos += 1;
      return inner;
    }
    if (peekWord('not')) {
      pos += 1;
      return { kind: 'not', operand: parsePrimary() };
    }
    if (t.t === 'str') {
      pos += 1;
      if (!peekWord('in')) throw bad();
      pos += 1;
      const field = tokens[pos++];
      if (field?.t !== 'word') throw bad();
      return { kind: 'in', value: t.v, field: field.v };
    }
    if (t.t !== 'word') throw bad();
    pos += 1;
    const opTok = tokens[pos++];
    let op: Op;
    if (opTok?.t === 'op') op = opTok.v as Op;
    else if (opTok?.t === 'word' && opTok.v === 'contains') op = 'contains';
    else if (opTok?.t === 'word' && opTok.v === 'has')
      throw notImplemented(`files.list q operator "has" (${t.v})`);
    else throw bad();
    return { kind: 'cmp', field: t.v, op, value: parseValue() };
  };
  const parseAnd = (): QueryNode => {
    let left = parsePrimary();
    while (peekWord('and')) {
      pos += 1;
      left = { kind: 'and', left, right: parsePrimary() };
    }
    return left;
  };
  function parseOr(): QueryNode {
    let left = parseAnd();
    while (peekWord('or')) {
      pos += 1;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  }
  const node = parseOr();
  if (pos !== tokens.length) throw bad();
  check(node);
  return node;
}

const TEXT_FIELDS = new Set(['name', 'mimeType']);
const TIME_FIELDS = new Set(['modifiedTime', 'createdTime']);
const BOOL_FIELDS = new Set(['trashed', 'starred', 'sharedWithMe']);
const IN_FIELDS = new Set(['parents', 'owners', 'writers', 'readers']);
const UNSUPPORTED = new Set([
  'fullText',
  'viewedByMeTime',
  'properties',
  'appProperties',
  'visibility',
  'shortcutDetails.targetId',
  'hidden',
  'memberCount',
  'organizerCount',
]);

function check(node: QueryNode): void {
  switch (node.kind) {
    case 'and':
    case 'or':
      check(node.left);
      check(node.right);
      return;
    case 'not':
      check(node.operand);
      return;
    case 'in':
      if (UNSUPPORTED.has(node.field)) throw notImplemented(`files.list q term "in ${node.field}"`);
      if (!IN_FIELDS.has(node.field)) throw bad();
      return;
    case 'cmp': {
      const { field, op, value } = node;
      if (UNSUPPORTED.has(field)) throw notImplemented(`files.list q field "${field}"`);
      if (TEXT_FIELDS.has(field)) {
        if (value.kind !== 'string' || !['=', '!=', 'contains'].includes(op)) throw bad();
      } else if (TIME_FIELDS.has(field)) {
        if (value.kind !== 'string' || op === 'contains' || Number.isNaN(Date.parse(value.value)))
          throw bad();
      } else if (BOOL_FIELDS.has(field)) {
        if (value.kind !== 'bool' || !['=', '!='].includes(op)) throw bad();
      } else {
        throw bad();
      }
    }
  }
}

function namePrefixMatch(name: string, needle: string): boolean {
  const hay = name.toLowerCase();
  const want = needle.toLowerCase();
  for (let i = 0; i < hay.length; i += 1) {
    const prev = i === 0 ? ' ' : (hay[i - 1] ?? ' ');
    if (!/[\p{L}\p{N}]/u.test(prev) && hay.startsWith(want, i)) return true;
  }
  return want === '';
}

function compare(a: number, op: Op, b: number): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      return false;
  }
}

/** Context for evaluating a query: the caller and a resolver for the `root` alias. */
export interface QueryScope {
  caller: string;
  rootId: string;
  lookup: Lookup;
}

/** Whether `file` satisfies the query. */
export function matchesQuery(node: QueryNode, file: FileRecord, scope: QueryScope): boolean {
  switch (node.kind) {
    case 'and':
      return matchesQuery(node.left, file, scope) && matchesQuery(node.right, file, scope);
    case 'or':
      return matchesQuery(node.left, file, scope) || matchesQuery(node.right, file, scope);
    case 'not':
      return !matchesQuery(node.operand, file, scope);
    case 'in': {
      const v = node.value.toLowerCase();
      if (node.field === 'parents')
        return file.parents.includes(node.value === 'root' ? scope.rootId : node.value);
      if (node.field === 'owners') return file.ownerEmail === v;
      const role = roleOf(file, v, scope.lookup);
      if (node.field === 'writers') return role === 'writer' || role === 'owner';
      return role !== undefined;
    }
    case 'cmp': {
      const { field, op, value } = node;
      if (field === 'name' || field === 'mimeType') {
        const actual = field === 'name' ? file.name : file.mimeType;
        const want = String(value.value);
        if (op === 'contains')
          return field === 'name' ? namePrefixMatch(actual, want) : actual.includes(want);
        return op === '=' ? actual === want : actual !== want;
      }
      if (field === 'modifiedTime' || field === 'createdTime') {
        return compare(Date.parse(file[field]), op, Date.parse(String(value.value)));
      }
      const actual =
        field === 'trashed' ? file.trashed : field === 'starred' ? false : file.ownerEmail !== scope.caller;
      return op === '=' ? actual === value.value : actual !== value.value;
    }
  }
}

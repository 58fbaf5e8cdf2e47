/** Shapes responses: only fields the response schema defines, int64 as strings, proto3 defaults left out (Sheets), then the `fields` mask. */
import type { LoadedApi, SchemaSpec } from './discovery.js';
import { deref } from './discovery.js';
import { invalidArgument } from './errors.js';
import { camel } from './names.js';
import { hasExplicitPresence } from './presence.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a filtered value is its field's proto3 default: an empty list, 0, false, "", "0" (int64), *_UNSPECIFIED. */
function isProtoDefault(schema: SchemaSpec, value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  switch (schema.type) {
    case 'boolean':
      return value === false;
    case 'integer':
    case 'number':
      return value === 0;
    case 'string':
      if (schema.enum) return value === schema.enum[0] && /_UNSPECIFIED$/.test(String(value));
      return value === '' || ((schema.format === 'int64' || schema.format === 'uint64') && value === '0');
    default:
      return false; // messages are sent when set, even empty ("foregroundColor": {}); `any` values as they are
  }
}

function filter(api: LoadedApi, node: SchemaSpec, value: unknown, omitDefaults: boolean): unknown {
  if (value === undefined || value === null) return undefined;
  const schema = deref(api, node);
  if (schema.type === 'any' || (schema.type === undefined && node.$ref === undefined)) return value;
  if (schema.type === 'array') {
    if (!Array.isArray(value)) return undefined;
    const item = schema.items ?? { type: 'any' };
    if (item.type === 'any') return value;
    return value.map((v) => (v === null ? null : filter(api, item, v, omitDefaults)));
  }
  if (schema.type === 'object') {
    if (!isPlainObject(value)) return undefined;
    const out: Record<string, unknown> = {};
    if (schema.properties) {
      for (const [key, spec] of Object.entries(schema.properties)) {
        const v = filter(api, spec, value[key], omitDefaults);
        if (v === undefined) continue;
        if (omitDefaults && isProtoDefault(deref(api, spec), v) && !hasExplicitPresence(node.$ref, key))
          continue;
        out[key] = v;
      }
    } else {
      const spec = schema.additionalProperties ?? { type: 'any' as const };
      for (const [key, v] of Object.entries(value)) {
        const f = filter(api, spec, v, omitDefaults);
        if (f !== undefined) out[key] = f;
      }
    }
    return out;
  }
  if (
    schema.type === 'string' &&
    (schema.format === 'int64' || schema.format === 'uint64') &&
    typeof value === 'number'
  ) {
    return String(value);
  }
  return value;
}

/**
 * Drops every field the schema does not define (recursively) and writes int64 numbers as strings. Sheets
 * replies are proto3 JSON: a field at its default value is left out unless the proto tracks its presence
 * (contract/presence.ts). Drive v3 keeps them (`"trashed": false`, `"files": []` come back as asked).
 */
export function filterResponse(api: LoadedApi, schemaId: string, value: unknown): unknown {
  return filter(api, { $ref: schemaId }, value, api.name === 'sheets');
}

/** A parsed `fields` mask: true selects a whole subtree. */
export type Mask = Map<string, Mask | true>;

function merge(into: Mask, name: string, sub: Mask | true): void {
  const existing = into.get(name);
  if (existing === true || sub === true) into.set(name, true);
  else if (existing === undefined) into.set(name, sub);
  else for (const [k, v] of sub) merge(existing, k, v);
}

/** Parses Google's partial-response syntax: `a,b/c,d(e,f),*`. Returns undefined when malformed. */
export function parseMask(text: string): Mask | undefined {
  let pos = 0;
  const parseList = (): Mask | undefined => {
    const mask: Mask = new Map();
    for (;;) {
      const names: string[] = [];
      for (;;) {
        const m = /^\s*([A-Za-z0-9_$*]+)\s*/.exec(text.slice(pos));
        if (!m?.[1]) return undefined;
        names.push(m[1]);
        pos += m[0].length;
        if (text[pos] === '/' || text[pos] === '.') pos += 1;
        else break;
      }
      let leaf: Mask | true = true;
      if (text[pos] === '(') {
        pos += 1;
        const inner = parseList();
        if (!inner || text[pos] !== ')') return undefined;
        pos += 1;
        leaf = inner;
      }
      let node: Mask | true = leaf;
      for (let i = names.length - 1; i > 0; i -= 1) node = new Map([[names[i] ?? '', node]]);
      merge(mask, names[0] ?? '', node);
      while (text[pos] === ' ') pos += 1;
      if (text[pos] !== ',') return mask;
      pos += 1;
    }
  };
  const mask = parseList();
  return mask && pos === text.length ? mask : undefined;
}

function checkMask(api: LoadedApi, node: SchemaSpec, mask: Mask | true): string | undefined {
  if (mask === true) return undefined;
  let schema = deref(api, node);
  while (schema.type === 'array') schema = deref(api, schema.items ?? { type: 'any' });
  if (schema.type !== 'object' || !schema.properties) return undefined;
  for (const [name, sub] of mask) {
    if (name === '*') continue;
    const spec = schema.properties[name] ?? schema.properties[camel(name)];
    if (!spec) return name;
    const bad = checkMask(api, spec, sub);
    if (bad) return `${name}/${bad}`;
  }
  return undefined;
}

function apply(value: unknown, mask: Mask | true): unknown {
  if (mask === true) return value;
  if (Array.isArray(value)) return value.map((v) => apply(v, mask));
  if (!isPlainObject(value)) return value;
  if (mask.has('*')) {
    const out: Record<string, unknown> = { ...value };
    for (const [name, sub] of mask) if (name !== '*' && name in value) out[name] = apply(value[name], sub);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [name, sub] of mask) {
    const key: string = name in value ? name : camel(name);
    if (key in value) out[key] = apply(value[key], sub);
  }
  return out;
}

/** Parses and checks a `fields` mask against a response schema; throws Google's 400 when it is bad. */
export function compileMask(api: LoadedApi, schemaId: string, text: string): Mask {
  const mask = parseMask(text);
  const bad = mask ? checkMask(api, { $ref: schemaId }, mask) : text;
  if (!mask || bad !== undefined) {
    throw api.name === 'drive'
      ? invalidArgument('drive', `Invalid field selection ${bad ?? text}`, 'fields')
      : invalidArgument('sheets', 'Request contains an invalid argument.');
  }
  return mask;
}

/** Applies a compiled mask to a response body. */
export function applyMask(value: unknown, mask: Mask): unknown {
  return apply(value, mask);
}

/** Validates a JSON request body against a discovery schema, with Google's messages, and normalises it. */
import type { LoadedApi, SchemaSpec } from './discovery.js';
import { deref } from './discovery.js';
import { badRequest, invalidArgument } from './errors.js';
import type { FieldViolation } from './errors.js';
import { camel, enumTypeName, protoPackage, snake } from './names.js';
import { oneofOf } from './presence.js';

const enumOwners = new WeakMap<LoadedApi, Map<string, number>>();

/** How many schemas declare an enum with exactly these values (a shared enum is a top-level proto type). */
function enumUseCount(api: LoadedApi, values: readonly string[]): number {
  let counts = enumOwners.get(api);
  if (!counts) {
    counts = new Map();
    const visit = (node: SchemaSpec, owner: string, seen: Set<string>): void => {
      if (node.enum) {
        const key = node.enum.join('|');
        const ownerKey = `${key}#${owner}`;
        if (!seen.has(ownerKey)) {
          seen.add(ownerKey);
          counts!.set(key, (counts!.get(key) ?? 0) + 1);
        }
      }
      for (const child of Object.values(node.properties ?? {})) visit(child, owner, seen);
      if (node.items) visit(node.items, owner, seen);
      if (node.additionalProperties) visit(node.additionalProperties, owner, seen);
    };
    const seen = new Set<string>();
    for (const [id, schema] of Object.entries(api.doc.schemas)) visit(schema, id, seen);
    enumOwners.set(api, counts);
  }
  return counts.get(values.join('|')) ?? 0;
}

interface Walk {
  api: LoadedApi;
  errors: FieldViolation[];
}

function at(path: string): string {
  return path === '' ? '' : ` at '${path}'`;
}

function join(path: string, field: string): string {
  return path === '' ? snake(field) : `${path}.${snake(field)}`;
}

function invalid(w: Walk, path: string, type: string, value: unknown): undefined {
  w.errors.push({
    field: path,
    description: `Invalid value at '${path}' (${type}), ${JSON.stringify(value)}`,
  });
  return undefined;
}

function scalarTag(node: SchemaSpec): string {
  switch (node.type) {
    case 'boolean':
      return 'TYPE_BOOL';
    case 'integer':
      return node.format === 'uint32' ? 'TYPE_UINT32' : 'TYPE_INT32';
    case 'number':
      return node.format === 'float' ? 'TYPE_FLOAT' : 'TYPE_DOUBLE';
    default:
      if (node.format === 'int64') return 'TYPE_INT64';
      if (node.format === 'uint64') return 'TYPE_UINT64';
      if (node.format === 'google-datetime' || node.format === 'date-time') {
        return 'type.googleapis.com/google.protobuf.Timestamp';
      }
      if (node.format === 'google-duration') return 'type.googleapis.com/google.protobuf.Duration';
      return 'TYPE_STRING';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates one value; returns its normalised form (undefined drops it). */
function walk(w: Walk, node: SchemaSpec, value: unknown, path: string, owner: string | undefined): unknown {
  if (value === null) return undefined;
  if (node.$ref !== undefined) {
    const target = deref(w.api, node);
    if (!isPlainObject(value)) {
      return invalid(w, path, `type.googleapis.com/${protoPackage[w.api.name]}.${node.$ref}`, value);
    }
    return walkObject(w, target, value, path, node.$ref);
  }
  switch (node.type) {
    case 'any':
      return value;
    case 'object': {
      if (!isPlainObject(value)) return invalid(w, path, 'type.googleapis.com/google.protobuf.Struct', value);
      return walkObject(w, node, value, path, owner);
    }
    case 'array': {
      if (!Array.isArray(value)) {
        const item = node.items ?? { type: 'any' };
        // a list of lists is `repeated ListValue`, and a list of `any` is itself a ListValue
        const tag = item.$ref
          ? `type.googleapis.com/${protoPackage[w.api.name]}.${item.$ref}`
          : item.type === 'array' || item.type === 'any'
            ? 'type.googleapis.com/google.protobuf.ListValue'
            : scalarTag(item);
        return invalid(w, path, tag, value);
      }
      const item = node.items ?? { type: 'any' };
      // Cell values (lists of `any`) are most of a big payload: nothing to check inside them.
      if (item.type === 'any') return value;
      return value.map((element, i) => {
        if (Array.isArray(element) && item.type !== 'array' && item.type !== 'any') {
          return invalid(w, `${path}[${i}]`, scalarTag(item), element);
        }
        return walk(w, item, element, `${path}[${i}]`, owner);
      });
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : invalid(w, path, 'TYPE_BOOL', value);
    case 'integer': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n)) return invalid(w, path, scalarTag(node), value);
      if (node.format === 'uint32' && n < 0) return invalid(w, path, scalarTag(node), value);
      if (Math.abs(n) > 0xffffffff) return invalid(w, path, scalarTag(node), value);
      return n;
    }
    case 'number': {
      if (typeof value === 'number') return value;
      if (typeof value === 'string' && ['NaN', 'Infinity', '-Infinity'].includes(value)) return Number(value);
      if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
        return Number(value);
      return invalid(w, path, scalarTag(node), value);
    }
    default:
      return walkString(w, node, value, path, owner);
  }
}

function walkString(
  w: Walk,
  node: SchemaSpec,
  value: unknown,
  path: string,
  owner: string | undefined,
): unknown {
  if (node.enum) {
    const shared = enumUseCount(w.api, node.enum) > 1;
    const field =
      path
        .replace(/\[\d+\]$/, '')
        .split('.')
        .pop() ?? '';
    const type = enumTypeName(protoPackage[w.api.name], camel(field), node.enum, owner, shared);
    if (typeof value === 'number' && Number.isInteger(value) && node.enum[value] !== undefined)
      return node.enum[value];
    if (typeof value !== 'string' || !node.enum.includes(value)) {
      return invalid(w, path, `type.googleapis.com/${type}`, value);
    }
    return value;
  }
  if (node.format === 'int64' || node.format === 'uint64') {
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return value;
    return invalid(w, path, scalarTag(node), value);
  }
  if (typeof value !== 'string') return invalid(w, path, scalarTag(node), value);
  if ((node.format === 'google-datetime' || node.format === 'date-time') && Number.isNaN(Date.parse(value))) {
    return invalid(w, path, scalarTag(node), value);
  }
  return value;
}

function walkObject(
  w: Walk,
  node: SchemaSpec,
  value: Record<string, unknown>,
  path: string,
  owner: string | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const props = node.properties;
  const oneofsSet = new Map<string, string>();
  for (const [rawKey, child] of Object.entries(value)) {
    if (!props) {
      const valueSchema = node.additionalProperties ?? { type: 'any' as const };
      const v = walk(w, valueSchema, child, `${path}[${JSON.stringify(rawKey)}]`, owner);
      if (v !== undefined) out[rawKey] = v;
      continue;
    }
    const key = props[rawKey] ? rawKey : camel(rawKey);
    const spec = props[key];
    if (!spec) {
      w.errors.push({
        field: path,
        description: `Invalid JSON payload received. Unknown name ${JSON.stringify(rawKey)}${at(path)}: Cannot find field.`,
      });
      continue;
    }
    if (Array.isArray(child) && spec.type !== 'array' && spec.type !== 'any') {
      w.errors.push({
        field: path,
        description:
          `Invalid JSON payload received. Unknown name ${JSON.stringify(rawKey)}${at(path)}: ` +
          'Proto field is not repeating, cannot start list.',
      });
      continue;
    }
    const oneof = child === null ? undefined : oneofOf(owner, key);
    if (oneof && oneofsSet.has(oneof.name)) {
      w.errors.push({
        field: path,
        description:
          `Invalid value at '${path}' (oneof), oneof field '${snake(oneof.name)}' is already set. ` +
          `Cannot set '${snake(key)}'`,
      });
      continue;
    }
    if (oneof) oneofsSet.set(oneof.name, key);
    const v = walk(w, spec, child, join(path, key), owner);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * Validates `body` against schema `schemaId` of `api`. Throws one 400 listing every problem (Google joins
 * them with newlines); returns the body with snake_case keys turned lowerCamel and nulls dropped.
 * `bodyField` is the request field the body binds to (`data` for values.update), which starts every path.
 */
export function validateBody(
  api: LoadedApi,
  schemaId: string,
  body: unknown,
  bodyField = '',
): Record<string, unknown> {
  if (!isPlainObject(body))
    throw invalidArgument(api.name, 'Invalid JSON payload received. Root element must be a message.');
  const w: Walk = { api, errors: [] };
  const out = walk(w, { $ref: schemaId }, body, bodyField, undefined);
  if (w.errors.length > 0) throw badRequest(api.name, w.errors);
  return out as Record<string, unknown>;
}

/** Validates query parameters against a discovery method, as Google's front end does. */
import type { LoadedApi, MethodSpec, ParamSpec } from './discovery.js';
import { badRequest, invalidArgument } from './errors.js';
import { enumTypeName, protoPackage, snake } from './names.js';

/** Validated query parameters: repeated ones as arrays, the others as their last value. */
export type Query = Record<string, string | string[]>;

function typeTag(spec: ParamSpec): string {
  if (spec.type === 'boolean') return 'TYPE_BOOL';
  if (spec.type === 'integer') return spec.format === 'uint32' ? 'TYPE_UINT32' : 'TYPE_INT32';
  if (spec.type === 'number') return spec.format === 'float' ? 'TYPE_FLOAT' : 'TYPE_DOUBLE';
  if (spec.format === 'int64') return 'TYPE_INT64';
  return 'TYPE_STRING';
}

function badValue(api: LoadedApi, name: string, spec: ParamSpec, value: string) {
  const type = spec.enum
    ? `type.googleapis.com/${enumTypeName(protoPackage[api.name], name, spec.enum, undefined, true)}`
    : typeTag(spec);
  return invalidArgument(
    api.name,
    `Invalid value at '${snake(name)}' (${type}), ${JSON.stringify(value)}`,
    name,
  );
}

/** Google's front end reads a boolean parameter case-insensitively (`True`, `FALSE`); it is passed on lowercased. */
function normalise(spec: ParamSpec, value: string): string {
  return spec.type === 'boolean' && /^(true|false)$/i.test(value) ? value.toLowerCase() : value;
}

function checkValue(api: LoadedApi, name: string, spec: ParamSpec, value: string): void {
  if (spec.type === 'boolean' && value !== 'true' && value !== 'false')
    throw badValue(api, name, spec, value);
  if (spec.type === 'integer' && !/^-?\d+$/.test(value)) throw badValue(api, name, spec, value);
  if (spec.type === 'number' && (value.trim() === '' || Number.isNaN(Number(value)))) {
    throw badValue(api, name, spec, value);
  }
  if (spec.enum && !spec.enum.includes(value)) throw badValue(api, name, spec, value);
}

/**
 * Checks every query parameter: unknown names, types, enums and required ones. `pathParams` are the
 * method's path parameters (already taken from the URL). Returns the parameters the method sees.
 */
export function validateQuery(api: LoadedApi, method: MethodSpec, search: URLSearchParams): Query {
  const out: Query = {};
  const params = method.parameters ?? {};
  for (const name of new Set(search.keys())) {
    const methodSpec = params[name];
    const spec = methodSpec && methodSpec.location === 'query' ? methodSpec : api.doc.parameters[name];
    if (!spec) {
      const description =
        `Invalid JSON payload received. Unknown name "${name}": Cannot bind query parameter. ` +
        `Field '${name}' could not be found in request message.`;
      throw badRequest(api.name, [{ field: name, description }]);
    }
    const values = search.getAll(name).map((value) => normalise(spec, value));
    for (const value of values) checkValue(api, name, spec, value);
    out[name] = spec.repeated ? values : (values[values.length - 1] ?? '');
  }
  for (const [name, spec] of Object.entries(params)) {
    if (spec.location === 'query' && spec.required && !(name in out)) {
      throw invalidArgument(api.name, `Required parameter: ${name}`, name);
    }
  }
  return out;
}

/** Request field masks ("title,gridProperties.rowCount", "*") applied the way batchUpdate requests apply them. */
import { badRequest } from '../errors.js';

/** Splits a field mask into dotted paths; refuses an empty mask with Google's message. */
export function maskPaths(fields: string | null | undefined): string[] {
  const paths = (fields ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (paths.length === 0)
    throw badRequest("At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)");
  return paths;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Copies the masked fields of `source` onto a copy of `target` (a masked field absent from source is cleared).
 * `allowed` lists the top-level fields that may be named; `root` is the implied root the mask must not repeat.
 */
export function applyMask<T extends object>(
  target: T,
  source: object | null | undefined,
  fields: string | null | undefined,
  allowed: readonly string[],
  root: string,
): T {
  const out = structuredClone(target) as Obj;
  const src = (source ?? {}) as Obj;
  for (const path of maskPaths(fields)) {
    if (path === '*') {
      for (const k of allowed) {
        if (k in src && src[k] !== undefined) out[k] = structuredClone(src[k]);
        else delete out[k];
      }
      continue;
    }
    const parts = path.split('.');
    if (parts[0] === root && !allowed.includes(root)) {
      throw badRequest(
        `Invalid field mask: '${path}'. The root '${root}' is implied and should not be specified.`,
      );
    }
    if (!allowed.includes(parts[0]!))
      throw badRequest(`Invalid field mask: '${path}' is not a field of ${root}.`);
    let t: Obj = out;
    let s: unknown = src;
    for (let i = 0; i < parts.length - 1; i++) {
      const k = parts[i]!;
      if (!isObj(t[k])) t[k] = {};
      t = t[k] as Obj;
      s = isObj(s) ? s[k] : undefined;
    }
    const last = parts[parts.length - 1]!;
    const v = isObj(s) ? s[last] : undefined;
    if (v === undefined || v === null) delete t[last];
    else t[last] = structuredClone(v);
  }
  return out as T;
}

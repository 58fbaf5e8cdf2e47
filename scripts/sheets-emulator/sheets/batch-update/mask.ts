/** Request field masks ("title,gridProperties.rowCount", "*") applied the way batchUpdate requests apply them. */
import { badRequest } from '../errors.js';

/**
 * Splits a field mask into dotted paths; refuses an empty mask with Google's message. Sheets also takes the
 * grouped form of partial responses, `userEnteredFormat(backgroundColor,textFormat.bold)`, meaning
 * `userEnteredFormat.backgroundColor,userEnteredFormat.textFormat.bold`; groups nest. `/` separates names
 * as `.` does (`gridProperties/rowCount`), as in a `fields=` query mask.
 */
export function maskPaths(fields: string | null | undefined): string[] {
  const text = fields ?? '';
  const paths = expand(text, 0, text.length)
    .map((p) => p.replace(/\s*\/\s*/g, '.'))
    .filter((p) => p.length > 0);
  if (paths.length === 0)
    throw badRequest("At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)");
  return paths;
}

/** The paths of `text[from, to)`: comma-separated items, each a path or `prefix(items)`. */
function expand(text: string, from: number, to: number): string[] {
  const paths: string[] = [];
  let start = from;
  let depth = 0;
  let open = -1;
  const item = (end: number) => {
    if (open < 0) return [text.slice(start, end).trim()];
    const prefix = text.slice(start, open).trim();
    const tail = text.slice(text.lastIndexOf(')', end - 1) + 1, end).trim();
    if (!prefix || tail) throw invalidMask(text);
    const inner = expand(text, open + 1, text.lastIndexOf(')', end - 1));
    if (inner.some((p) => p.length === 0)) throw invalidMask(text);
    return inner.map((p) => `${prefix}.${p}`);
  };
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '(') {
      if (depth === 0) open = i;
      depth += 1;
    } else if (ch === ')') {
      depth -= 1;
      if (depth < 0) throw invalidMask(text);
    } else if (ch === ',' && depth === 0) {
      paths.push(...item(i));
      start = i + 1;
      open = -1;
    }
  }
  if (depth !== 0) throw invalidMask(text);
  paths.push(...item(to));
  return paths;
}

function invalidMask(fields: string) {
  return badRequest(`Invalid field mask: '${fields}'.`);
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

// The template registry: finds a shipped template by `id@version`, checking it against the format on first load.
import { templateSchema } from './template-format.js';
import type { Template, TemplateDeclaration } from './template-format.js';
import { cchcTuyenTruyen } from './templates/cchc-tuyen-truyen.js';
import { tienDoNhiemVu } from './templates/tien-do-nhiem-vu.js';

/** Every template this build ships; a new version is a new entry, old versions stay for old directives. */
export const SHIPPED_TEMPLATES: readonly TemplateDeclaration[] = [cchcTuyenTruyen, tienDoNhiemVu];

/** A template reference that names no known template, or a declaration that breaks the format. */
export class TemplateError extends Error {
  /** 'not-found' for an unknown reference, 'invalid' for a declaration that fails the format. */
  readonly kind: 'not-found' | 'invalid';

  constructor(kind: 'not-found' | 'invalid', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TemplateError';
    this.kind = kind;
  }
}

/** What `listTemplates` tells about each template. */
export interface TemplateSummary {
  ref: string;
  id: string;
  version: number;
  title: string;
  shape: Template['shape'];
}

/** Loads and lists templates from a fixed set of declarations. */
export interface TemplateRegistry {
  /** The template for `id@version`, or the newest version of `id` when no version is given. */
  load(ref: string): Template;
  /** Every template, sorted by id then version. */
  list(): TemplateSummary[];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Parses and checks one declaration; throws a TemplateError naming the offending fields. */
export function parseTemplate(declaration: unknown): Template {
  const result = templateSchema.safeParse(declaration);
  if (!result.success) {
    const id = (declaration as { id?: unknown } | null)?.id;
    const details = result.error.issues
      .map((i) => `${i.path.join('.') || '(template)'}: ${i.message}`)
      .join('; ');
    throw new TemplateError('invalid', `template ${String(id)} is invalid: ${details}`, {
      cause: result.error,
    });
  }
  return deepFreeze(result.data);
}

/** Splits `id@version` (or a bare `id`) into its parts; throws a TemplateError when malformed. */
export function parseTemplateRef(ref: string): { id: string; version: number | undefined } {
  const match = /^([a-z][a-z0-9-]*)(?:@([1-9]\d{0,5}))?$/.exec(ref);
  if (!match?.[1])
    throw new TemplateError('not-found', `malformed template reference ${JSON.stringify(ref)}`);
  return { id: match[1], version: match[2] === undefined ? undefined : Number(match[2]) };
}

/** Builds a registry over the given declarations; each is checked the first time it is loaded or listed. */
export function createTemplateRegistry(declarations: readonly TemplateDeclaration[]): TemplateRegistry {
  const loaded = new Map<string, Template>();
  const refOf = (d: TemplateDeclaration): string => `${d.id}@${d.version}`;
  const refs = declarations.map(refOf);
  if (new Set(refs).size !== refs.length)
    throw new TemplateError('invalid', 'two declarations share an id@version');

  const loadExact = (ref: string): Template => {
    const cached = loaded.get(ref);
    if (cached) return cached;
    const declaration = declarations.find((d) => refOf(d) === ref);
    if (!declaration) throw new TemplateError('not-found', `no template ${ref}`);
    const template = parseTemplate(declaration);
    loaded.set(ref, template);
    return template;
  };

  return {
    load(ref) {
      const { id, version } = parseTemplateRef(ref);
      if (version !== undefined) return loadExact(`${id}@${version}`);
      const newest = declarations.filter((d) => d.id === id).sort((a, b) => b.version - a.version)[0];
      if (!newest) throw new TemplateError('not-found', `no template ${id}`);
      return loadExact(refOf(newest));
    },
    list() {
      return [...declarations]
        .sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version)
        .map((d) => {
          const t = loadExact(refOf(d));
          return { ref: t.ref, id: t.id, version: t.version, title: t.title, shape: t.shape };
        });
    },
  };
}

const shipped = createTemplateRegistry(SHIPPED_TEMPLATES);

/** The shipped template for `id@version` (or the newest version of a bare `id`). */
export function loadTemplate(ref: string): Template {
  return shipped.load(ref);
}

/** Every shipped template, sorted by id then version. */
export function listTemplates(): TemplateSummary[] {
  return shipped.list();
}

/** Loads Google's discovery documents (the emulator's contract) and indexes their methods. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One parameter of a discovery method (or a standard parameter). */
export interface ParamSpec {
  type: 'string' | 'integer' | 'boolean' | 'number';
  location: 'query' | 'path';
  required?: boolean;
  repeated?: boolean;
  enum?: string[];
  format?: string;
  default?: string;
  minimum?: string;
  maximum?: string;
}

/** A JSON schema node as discovery writes it. */
export interface SchemaSpec {
  id?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'any';
  $ref?: string;
  properties?: Record<string, SchemaSpec>;
  items?: SchemaSpec;
  additionalProperties?: SchemaSpec;
  enum?: string[];
  format?: string;
  readOnly?: boolean;
}

/** One discovery method. */
export interface MethodSpec {
  id: string;
  httpMethod: string;
  path: string;
  flatPath?: string;
  parameters?: Record<string, ParamSpec>;
  parameterOrder?: string[];
  request?: { $ref: string };
  response?: { $ref: string };
  supportsMediaUpload?: boolean;
  /** The OAuth scopes any one of which lets a token call the method. */
  scopes?: string[];
}

interface DiscoveryResource {
  methods?: Record<string, MethodSpec>;
  resources?: Record<string, DiscoveryResource>;
}

/** The parts of a discovery document the emulator reads. */
export interface DiscoveryDoc {
  name: string;
  version: string;
  revision: string;
  servicePath: string;
  parameters: Record<string, ParamSpec>;
  schemas: Record<string, SchemaSpec>;
  resources: Record<string, DiscoveryResource>;
}

/** A loaded API: its document and its methods by id. */
export interface LoadedApi {
  /** 'sheets' or 'drive'. */
  name: 'sheets' | 'drive';
  doc: DiscoveryDoc;
  methods: Map<string, MethodSpec>;
}

/** Both contracts. */
export interface Contracts {
  sheets: LoadedApi;
  drive: LoadedApi;
}

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root (scripts/sheets-emulator/contract → three levels up). */
const repoRoot = resolve(here, '..', '..', '..');

/** Where the discovery documents live: $THEODOI_REFERENCE_DIR, else `<repo>/../shared/reference`. */
export function referenceDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.THEODOI_REFERENCE_DIR;
  return override && override.length > 0 ? resolve(override) : resolve(repoRoot, '..', 'shared', 'reference');
}

function readDoc(dir: string, file: string): DiscoveryDoc {
  const path = join(dir, file);
  if (!existsSync(path)) {
    throw new Error(
      `Sheets emulator: discovery document ${path} is missing. Put shared/reference beside the repository ` +
        `or set THEODOI_REFERENCE_DIR to the folder holding sheets-v4-discovery.json and drive-v3-discovery.json.`,
    );
  }
  return JSON.parse(readFileSync(path, 'utf8')) as DiscoveryDoc;
}

function indexMethods(resources: Record<string, DiscoveryResource>, into: Map<string, MethodSpec>): void {
  for (const resource of Object.values(resources)) {
    for (const method of Object.values(resource.methods ?? {})) into.set(method.id, method);
    indexMethods(resource.resources ?? {}, into);
  }
}

let cached: { dir: string; contracts: Contracts } | undefined;

/** Loads (once per directory) and indexes both discovery documents. */
export function loadContracts(dir: string = referenceDir()): Contracts {
  if (cached?.dir === dir) return cached.contracts;
  const load = (name: 'sheets' | 'drive', file: string): LoadedApi => {
    const doc = readDoc(dir, file);
    const methods = new Map<string, MethodSpec>();
    indexMethods(doc.resources, methods);
    return { name, doc, methods };
  };
  const contracts = {
    sheets: load('sheets', 'sheets-v4-discovery.json'),
    drive: load('drive', 'drive-v3-discovery.json'),
  };
  cached = { dir, contracts };
  return contracts;
}

/** Resolves a `$ref` (or returns the node itself). */
export function deref(api: LoadedApi, node: SchemaSpec): SchemaSpec {
  if (node.$ref === undefined) return node;
  const target = api.doc.schemas[node.$ref];
  if (!target) throw new Error(`discovery ${api.name}: unknown schema ${node.$ref}`);
  return target;
}

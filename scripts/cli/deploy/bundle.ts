/**
 * Builds the folder uploaded to Cloud Functions from the `functions/` package alone: its esbuild bundle (which
 * inlines the @theodoi packages it uses), a production package.json, and a lock holding exactly the npm packages
 * the bundle's dependencies need.
 */
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** The deployable package's folder, relative to the repository root. */
export const FUNCTIONS_DIR = 'functions';

/** What a bundle holds. */
export interface BundleReport {
  outDir: string;
  /** Paths relative to outDir, sorted. */
  files: string[];
  bytes: number;
  /** The npm packages the lock pins (direct and transitive). */
  lockedPackages: number;
}

/** Where the bundle comes from and goes. */
export interface BundleOptions {
  /** The repository root (package-lock.json, and the functions package below it). */
  root: string;
  outDir: string;
}

interface PackageJson {
  name: string;
  version: string;
  type?: string;
  main?: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
}

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  [key: string]: unknown;
}

interface Lockfile {
  name?: string;
  version?: string;
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
  [key: string]: unknown;
}

/** Source maps never ship. */
const isShipped = (path: string) => !/\.map$/.test(path);

/** Runs the functions package's build (esbuild); throws if it fails. */
export function runBuild(root: string): void {
  const result = spawnSync('npm', ['run', 'build', '-w', '@theodoi/functions'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status ?? result.signal})`);
}

/** Builds `outDir` from the functions package's `dist`; checks every import resolves inside it or to a dependency. */
export function buildBundle(o: BundleOptions): BundleReport {
  const functionsDir = join(o.root, FUNCTIONS_DIR);
  const distDir = join(functionsDir, 'dist');
  if (!existsSync(distDir)) throw new Error(`${distDir} is missing: run npm run build first`);
  const pkg = JSON.parse(readFileSync(join(functionsDir, 'package.json'), 'utf8')) as PackageJson;
  const lock = JSON.parse(readFileSync(join(o.root, 'package-lock.json'), 'utf8')) as Lockfile;
  rmSync(o.outDir, { recursive: true, force: true });
  mkdirSync(o.outDir, { recursive: true });
  cpSync(distDir, join(o.outDir, 'dist'), { recursive: true, filter: (src) => isShipped(src) });
  const production = productionPackage(pkg);
  const productionLockfile = productionLock(lock, production, FUNCTIONS_DIR);
  writeFileSync(join(o.outDir, 'package.json'), `${JSON.stringify(production, null, 2)}\n`);
  writeFileSync(join(o.outDir, 'package-lock.json'), `${JSON.stringify(productionLockfile, null, 2)}\n`);
  writeFileSync(join(o.outDir, '.gcloudignore'), 'node_modules/\n');
  const main = join(o.outDir, production.main ?? 'index.js');
  if (!existsSync(main))
    throw new Error(`The bundle has no ${relative(o.outDir, main)} (package.json "main")`);
  checkImports(o.outDir, new Set(Object.keys(production.dependencies ?? {})));
  const files = listFiles(o.outDir);
  const bytes = files.reduce((n, f) => n + statSync(join(o.outDir, f)).size, 0);
  return {
    outDir: o.outDir,
    files,
    bytes,
    lockedPackages: Object.keys(productionLockfile.packages).length - 1,
  };
}

/**
 * package.json as deployed: name, version, module type, the bundle's entry, engines and the npm dependencies; the
 * @theodoi workspace packages are inlined by the bundle and left out.
 */
export function productionPackage(pkg: PackageJson): PackageJson {
  const dependencies = Object.fromEntries(
    Object.entries(pkg.dependencies ?? {}).filter(([name]) => !name.startsWith('@theodoi/')),
  );
  return {
    name: pkg.name,
    version: pkg.version,
    ...(pkg.type ? { type: pkg.type } : {}),
    main: 'dist/index.js',
    ...(pkg.engines ? { engines: pkg.engines } : {}),
    dependencies,
  };
}

/**
 * The workspace lock cut down to what `production`'s dependencies reach, resolved as npm does (nearest
 * node_modules first, from the workspace folder `from` up to the root), with `production` as its root package.
 */
export function productionLock(lock: Lockfile, production: PackageJson, from = ''): Lockfile {
  const kept = new Map<string, LockEntry>();
  const locate = (name: string, requester: string): string | undefined => {
    for (let at = requester; ; at = parentOf(at)) {
      const path = `${at ? `${at}/` : ''}node_modules/${name}`;
      if (lock.packages[path]) return path;
      if (at === '') return undefined;
    }
  };
  const visit = (name: string, requester: string, optional: boolean) => {
    const path = locate(name, requester);
    if (!path) {
      if (optional) return;
      throw new Error(`package-lock.json has no ${name} for ${requester || 'the root'}: run npm install`);
    }
    if (kept.has(path)) return;
    const entry = lock.packages[path]!;
    kept.set(path, entry);
    for (const dep of Object.keys(entry.dependencies ?? {})) visit(dep, path, false);
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) visit(dep, path, true);
    for (const dep of Object.keys(entry.peerDependencies ?? {})) visit(dep, path, true);
  };
  for (const dep of Object.keys(production.dependencies ?? {})) visit(dep, from, false);

  const packages: Record<string, LockEntry> = {
    '': { name: production.name, version: production.version, dependencies: production.dependencies },
  };
  for (const [path, entry] of [...kept].sort(([a], [b]) => a.localeCompare(b))) {
    // A package nested under the workspace folder sits at the bundle's root once deployed.
    const deployed = from && path.startsWith(`${from}/`) ? path.slice(from.length + 1) : path;
    if (packages[deployed]) throw new Error(`${deployed} is locked twice: run npm dedupe`);
    const { dev: _dev, devOptional, ...rest } = entry;
    packages[deployed] = devOptional ? { ...rest, optional: true } : rest;
  }
  return {
    name: production.name,
    version: production.version,
    lockfileVersion: lock.lockfileVersion,
    requires: true,
    packages,
  };
}

/** `node_modules/a/node_modules/b` → `node_modules/a`; `functions` → ''. */
function parentOf(path: string): string {
  const at = path.lastIndexOf('/node_modules/');
  return at === -1 ? '' : path.slice(0, at);
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\1/g;

/** Throws when a bundled module imports a file outside the bundle, or a package that is not a production dependency. */
export function checkImports(outDir: string, dependencies: ReadonlySet<string>): void {
  const problems: string[] = [];
  const root = resolve(outDir);
  for (const file of listFiles(outDir).filter((f) => f.endsWith('.js'))) {
    const source = readFileSync(join(outDir, file), 'utf8');
    for (const [, , specifier = ''] of source.matchAll(IMPORT)) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(join(root, file)), specifier);
        if (!target.startsWith(root + sep) || !existsSync(target))
          problems.push(`${file} imports ${specifier}`);
      } else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
        const name = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : specifier.split('/')[0];
        if (!name || !dependencies.has(name))
          problems.push(`${file} imports ${specifier} (not a production dependency)`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`The bundle would not run:\n  ${problems.join('\n  ')}`);
}

/** Every file under `dir`, relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** A size in KiB or MiB, for the report. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : `${(bytes / 1024).toFixed(0)} KiB`;
}

/** Builds the folder uploaded to Cloud Functions: the compiled functions and templates, production package.json and lock. */
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

/** The compiled folders the functions need at run time (they import nothing from scripts/). */
export const BUNDLED_DIRS = ['functions', 'sheets-schema'] as const;

/** What a bundle holds. */
export interface BundleReport {
  outDir: string;
  /** Paths relative to outDir, sorted. */
  files: string[];
  bytes: number;
}

/** Where the bundle comes from and goes. */
export interface BundleOptions {
  /** The repository root (package.json, package-lock.json). */
  root: string;
  /** The `npm run build` output; default `<root>/dist`. */
  distDir?: string;
  outDir: string;
}

interface PackageJson {
  name: string;
  version: string;
  type?: string;
  main?: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

interface LockEntry {
  dev?: boolean;
  [key: string]: unknown;
}

interface Lockfile {
  name?: string;
  version?: string;
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
  [key: string]: unknown;
}

/** Test files and source maps never ship. */
const isShipped = (path: string) =>
  !/\.(test|spec)\.[cm]?js$|\.map$/.test(path) && !/(^|[/\\])__tests__[/\\]/.test(path);

/** Runs `npm run build` in `root`; throws if it fails. */
export function runBuild(root: string): void {
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status ?? result.signal})`);
}

/** Builds `outDir` from the compiled output; checks every import resolves inside it or to a production dependency. */
export function buildBundle(o: BundleOptions): BundleReport {
  const distDir = o.distDir ?? join(o.root, 'dist');
  const pkg = JSON.parse(readFileSync(join(o.root, 'package.json'), 'utf8')) as PackageJson;
  const lock = JSON.parse(readFileSync(join(o.root, 'package-lock.json'), 'utf8')) as Lockfile;
  rmSync(o.outDir, { recursive: true, force: true });
  mkdirSync(o.outDir, { recursive: true });
  for (const dir of BUNDLED_DIRS) {
    const from = join(distDir, dir);
    if (!existsSync(from)) throw new Error(`${from} is missing: run npm run build first`);
    cpSync(from, join(o.outDir, 'dist', dir), { recursive: true, filter: (src) => isShipped(src) });
  }
  const production = productionPackage(pkg);
  writeFileSync(join(o.outDir, 'package.json'), `${JSON.stringify(production, null, 2)}\n`);
  writeFileSync(
    join(o.outDir, 'package-lock.json'),
    `${JSON.stringify(productionLock(lock, production), null, 2)}\n`,
  );
  writeFileSync(join(o.outDir, '.gcloudignore'), 'node_modules/\n');
  const main = join(o.outDir, production.main ?? 'index.js');
  if (!existsSync(main))
    throw new Error(`The bundle has no ${relative(o.outDir, main)} (package.json "main")`);
  checkImports(o.outDir, new Set(Object.keys(production.dependencies ?? {})));
  const files = listFiles(o.outDir);
  const bytes = files.reduce((n, f) => n + statSync(join(o.outDir, f)).size, 0);
  return { outDir: o.outDir, files, bytes };
}

/** package.json as deployed: name, version, module type, entry, engines and production dependencies; no scripts. */
export function productionPackage(pkg: PackageJson): PackageJson {
  return {
    name: pkg.name,
    version: pkg.version,
    ...(pkg.type ? { type: pkg.type } : {}),
    ...(pkg.main ? { main: pkg.main } : {}),
    ...(pkg.engines ? { engines: pkg.engines } : {}),
    dependencies: { ...pkg.dependencies },
  };
}

/** The lockfile without dev-only packages and with the production package.json as its root, as npm ci expects. */
export function productionLock(lock: Lockfile, production: PackageJson): Lockfile {
  const packages = Object.fromEntries(
    Object.entries(lock.packages)
      .filter(([path, entry]) => path === '' || entry.dev !== true)
      .map(([path, entry]) => {
        if (path !== '') return [path, entry];
        const { devDependencies: _dev, bin: _bin, ...rest } = entry;
        return [path, { ...rest, dependencies: production.dependencies }];
      }),
  );
  return { ...lock, packages };
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

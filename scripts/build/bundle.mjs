// Bundles one workspace package's entry with esbuild: its own code and the @theodoi/* packages it imports are
// inlined (they are TypeScript sources); its npm dependencies stay imports. Importing an npm package that is not a
// dependency of the package fails the build, so package.json lists exactly what the bundle imports.
// Usage, from the package's folder: node <repo>/scripts/build/bundle.mjs <entry.ts> <outdir>
import { builtinModules, createRequire } from 'node:module';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const [entry, outdir] = process.argv.slice(2);
if (!entry || !outdir) {
  console.error('usage: node bundle.mjs <entry.ts> <outdir>');
  process.exit(2);
}
const readPackage = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const pkg = readPackage(process.cwd());

/** npm dependencies of `p` and of the @theodoi/* packages it depends on, whose code the bundle inlines. */
function npmDependencies(p, seen = new Set()) {
  const names = new Set();
  for (const name of Object.keys(p.dependencies ?? {})) {
    if (!name.startsWith('@theodoi/')) names.add(name);
    else if (!seen.has(name)) {
      seen.add(name);
      const dir = dirname(createRequire(join(process.cwd(), 'package.json')).resolve(`${name}/package.json`));
      for (const n of npmDependencies(readPackage(dir), seen)) names.add(n);
    }
  }
  return names;
}
const dependencies = npmDependencies(pkg);
const builtins = new Set(builtinModules);

/** The package name of a bare specifier: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
const packageOf = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

const dependenciesOnly = {
  name: 'dependencies-only',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || builtins.has(args.path)) return { external: true };
      const name = packageOf(args.path);
      if (name.startsWith('@theodoi/')) return undefined;
      if (dependencies.has(name)) return { external: true };
      return {
        errors: [
          {
            text: `${args.path} is imported but ${name} is not a dependency of ${pkg.name} or of the @theodoi packages it uses`,
          },
        ],
      };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [entry],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [dependenciesOnly],
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});

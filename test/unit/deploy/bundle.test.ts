// The uploaded bundle: compiled functions and templates, production dependencies only, no tests, every import inside.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, type BundleReport } from '../../../scripts/deploy/bundle.js';

const root = resolve(import.meta.dirname, '../../..');
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('buildBundle on this repository', () => {
  const work = mkdtempSync(join(tmpdir(), 'bundle-'));
  let report: BundleReport;

  beforeAll(() => {
    // Compile what the functions need (as `npm run build` does for them) into a scratch dist.
    const tsconfig = join(work, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify({
        extends: join(root, 'tsconfig.json'),
        compilerOptions: {
          rootDir: root,
          outDir: join(work, 'dist'),
          typeRoots: [join(root, 'node_modules/@types')],
        },
        include: [join(root, 'functions/src'), join(root, 'sheets-schema')],
      }),
    );
    spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', tsconfig], {
      stdio: 'ignore',
    });
    report = buildBundle({ root, distDir: join(work, 'dist'), outDir: join(work, 'out') });
  }, 120_000);

  it('holds the entry point, the templates, package.json and lock, and reports its size', () => {
    expect(report.files).toContain('dist/functions/src/index.js');
    expect(report.files).toContain('dist/sheets-schema/registry.js');
    expect(report.files).toEqual(expect.arrayContaining(['package.json', 'package-lock.json']));
    expect(report.bytes).toBeGreaterThan(100_000);
    console.log(`bundle: ${report.files.length} files, ${report.bytes} bytes`);
  });

  it('contains no test files, no source maps and nothing of scripts/', () => {
    expect(
      report.files.filter((f) => /\.(test|spec)\.|(^|\/)test\/|\.map$|^dist\/scripts\//.test(f)),
    ).toEqual([]);
  });

  it('ships a package.json with production dependencies only and no scripts', () => {
    const pkg = JSON.parse(readFileSync(join(report.outDir, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(pkg).not.toHaveProperty('devDependencies');
    expect(pkg).not.toHaveProperty('scripts');
    expect(pkg.dependencies).toEqual(rootPkg.dependencies);
    expect(pkg).toMatchObject({ name: 'theodoi', type: 'module', main: 'dist/functions/src/index.js' });
  });

  it('ships a lock without dev-only packages', () => {
    const lock = JSON.parse(readFileSync(join(report.outDir, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; devDependencies?: unknown }>;
    };
    expect(Object.values(lock.packages).filter((p) => p.dev)).toEqual([]);
    expect(lock.packages['']).not.toHaveProperty('devDependencies');
    for (const dev of ['vitest', 'eslint', 'typescript', 'tsx', 'prettier'])
      expect(lock.packages).not.toHaveProperty(`node_modules/${dev}`);
    expect(lock.packages).toHaveProperty('node_modules/firebase-admin');
  });
});

describe('buildBundle on a made-up repository', () => {
  const make = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'fake-repo-'));
    const all: Record<string, string> = {
      'package.json': JSON.stringify({
        name: 'theodoi',
        version: '1.0.0',
        type: 'module',
        main: 'dist/functions/src/index.js',
        scripts: { prepare: 'npm run build' },
        dependencies: { zod: '4.0.0' },
        devDependencies: { vitest: '4.0.0' },
      }),
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: {
          '': { name: 'theodoi', dependencies: { zod: '4.0.0' }, devDependencies: { vitest: '4.0.0' } },
          'node_modules/zod': { version: '4.0.0' },
          'node_modules/vitest': { version: '4.0.0', dev: true },
        },
      }),
      'dist/sheets-schema/registry.js': 'export const x = 1;\n',
      ...files,
    };
    for (const [path, text] of Object.entries(all)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };

  it('leaves test files out', () => {
    const dir = make({
      'dist/functions/src/index.js': "import { z } from 'zod';\nimport '../../sheets-schema/registry.js';\n",
      'dist/functions/src/index.test.js': "import 'vitest';\n",
    });
    const report = buildBundle({ root: dir, outDir: join(dir, 'out') });
    expect(report.files).not.toContain('dist/functions/src/index.test.js');
    expect(report.files).toContain('dist/functions/src/index.js');
  });

  it('refuses a function that imports scripts/ or a dev dependency', () => {
    const dir = make({
      'dist/functions/src/index.js':
        "import { a } from '../../scripts/cli/x.js';\nconst v = await import('vitest');\nimport 'node:fs';\n",
    });
    expect(() => buildBundle({ root: dir, outDir: join(dir, 'out') })).toThrow(
      /index\.js imports \.\.\/\.\.\/scripts\/cli\/x\.js[\s\S]*imports vitest \(not a production dependency\)/,
    );
  });
});

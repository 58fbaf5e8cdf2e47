// The uploaded bundle: the functions package's esbuild output, its npm dependencies only, every import inside.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, productionLock, type BundleReport } from '@theodoi/cli/deploy/bundle';

const root = resolve(import.meta.dirname, '../../../..');
const functionsPkg = JSON.parse(readFileSync(join(root, 'functions/package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

describe('buildBundle on this repository', () => {
  const work = mkdtempSync(join(tmpdir(), 'bundle-'));
  let report: BundleReport;

  beforeAll(() => {
    const built = spawnSync('npm', ['run', 'build', '-w', '@theodoi/functions'], {
      cwd: root,
      stdio: 'pipe',
    });
    expect(built.status, built.stderr.toString()).toBe(0);
    report = buildBundle({ root, outDir: join(work, 'out') });
  }, 120_000);

  it('holds the entry point, its chunks, package.json and lock, and reports its size', () => {
    expect(report.files).toContain('dist/index.js');
    expect(report.files.some((f) => f.startsWith('dist/chunks/'))).toBe(true);
    expect(report.files).toEqual(expect.arrayContaining(['package.json', 'package-lock.json']));
    expect(report.bytes).toBeGreaterThan(100_000);
    console.log(
      `bundle: ${report.files.length} files, ${report.bytes} bytes, ${report.lockedPackages} packages`,
    );
  });

  it('contains no test files, no source maps and no TypeScript source', () => {
    expect(report.files.filter((f) => /\.(test|spec)\.|(^|\/)test\/|\.map$|\.ts$/.test(f))).toEqual([]);
  });

  it('inlines the templates package (no @theodoi import is left)', () => {
    const code = report.files
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(report.outDir, f), 'utf8'))
      .join('\n');
    expect(code).not.toMatch(/from\s*["']@theodoi\//);
    expect(code).toContain('cchc-tuyen-truyen');
  });

  it("ships a package.json with the functions' npm dependencies only and no scripts", () => {
    const pkg = JSON.parse(readFileSync(join(report.outDir, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(pkg).not.toHaveProperty('devDependencies');
    expect(pkg).not.toHaveProperty('scripts');
    const npmDeps = Object.fromEntries(
      Object.entries(functionsPkg.dependencies).filter(([name]) => !name.startsWith('@theodoi/')),
    );
    expect(pkg.dependencies).toEqual(npmDeps);
    expect(pkg).toMatchObject({ type: 'module', main: 'dist/index.js' });
  });

  it('ships a lock of what those dependencies reach: no dev tools, nothing only the CLI uses', () => {
    const lock = JSON.parse(readFileSync(join(report.outDir, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; devDependencies?: unknown }>;
    };
    expect(Object.values(lock.packages).filter((p) => p.dev)).toEqual([]);
    expect(lock.packages['']).not.toHaveProperty('devDependencies');
    for (const absent of [
      'vitest',
      'eslint',
      'typescript',
      'tsx',
      'prettier',
      'docx',
      'exceljs',
      'mammoth',
      'commander',
      'yaml',
    ])
      expect(lock.packages).not.toHaveProperty(`node_modules/${absent}`);
    expect(lock.packages).toHaveProperty('node_modules/firebase-admin');
    expect(lock.packages).toHaveProperty('node_modules/google-auth-library');
  });
});

describe('buildBundle on a made-up repository', () => {
  const make = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'fake-repo-'));
    const all: Record<string, string> = {
      'functions/package.json': JSON.stringify({
        name: '@theodoi/functions',
        version: '1.0.0',
        type: 'module',
        scripts: { build: 'esbuild' },
        dependencies: { zod: '4.0.0', '@theodoi/sheets-schema': '1.0.0' },
      }),
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: {
          '': { name: 'theodoi', workspaces: ['functions'], devDependencies: { vitest: '4.0.0' } },
          functions: { name: '@theodoi/functions', dependencies: { zod: '4.0.0' } },
          'node_modules/zod': { version: '4.0.0', dependencies: { tiny: '1' } },
          'node_modules/tiny': { version: '1.0.0' },
          'node_modules/vitest': { version: '4.0.0', dev: true },
        },
      }),
      ...files,
    };
    for (const [path, text] of Object.entries(all)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };

  it('leaves source maps out and locks zod and what zod needs, not the dev tools', () => {
    const dir = make({
      'functions/dist/index.js': "import { z } from 'zod';\nimport './chunks/a.js';\n",
      'functions/dist/chunks/a.js': 'export const a = 1;\n',
      'functions/dist/index.js.map': '{}',
    });
    const report = buildBundle({ root: dir, outDir: join(dir, 'out') });
    expect(report.files).toEqual([
      '.gcloudignore',
      'dist/chunks/a.js',
      'dist/index.js',
      'package-lock.json',
      'package.json',
    ]);
    const lock = JSON.parse(readFileSync(join(dir, 'out/package-lock.json'), 'utf8')) as { packages: object };
    expect(Object.keys(lock.packages)).toEqual(['', 'node_modules/tiny', 'node_modules/zod']);
  });

  it('refuses a function that imports outside the bundle or a package that is not a dependency', () => {
    const dir = make({
      'functions/dist/index.js':
        "import { a } from '../../scripts/cli/x.js';\nconst v = await import('vitest');\nimport 'node:fs';\n",
    });
    expect(() => buildBundle({ root: dir, outDir: join(dir, 'out') })).toThrow(
      /index\.js imports \.\.\/\.\.\/scripts\/cli\/x\.js[\s\S]*imports vitest \(not a production dependency\)/,
    );
  });
});

describe('productionLock', () => {
  it('takes the copy nested under the workspace first, and moves it to the root', () => {
    const lock = productionLock(
      {
        lockfileVersion: 3,
        packages: {
          '': {},
          'functions/node_modules/zod': { version: '3.0.0' },
          'node_modules/zod': { version: '4.0.0' },
        },
      },
      { name: 'f', version: '1', dependencies: { zod: '3.0.0' } },
      'functions',
    );
    expect(lock.packages['node_modules/zod']).toEqual({ version: '3.0.0' });
  });
});

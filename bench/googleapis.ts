/**
 * The monolithic `googleapis` package, for comparison only: it is not a dependency of theodoi. A pinned version
 * is installed on demand into bench/.cache (gitignored), once; without network the row is reported as not measured.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The last googleapis on googleapis-common 8 (as @googleapis/sheets 14 and @googleapis/drive 22) for Node 18+. */
export const GOOGLEAPIS_VERSION = '171.4.0';

const CACHE = fileURLToPath(new URL('.cache/', import.meta.url));
const PACKAGE_DIR = `${CACHE}node_modules/googleapis`;

/** The installed package's directory, or why it could not be had. */
export type Googleapis = { dir: string; installed: boolean } | { error: string };

/** Returns the cached googleapis@GOOGLEAPIS_VERSION, installing it with npm first when it is missing. */
export async function ensureGoogleapis(log: (line: string) => void): Promise<Googleapis> {
  if (cachedVersion() === GOOGLEAPIS_VERSION) return { dir: PACKAGE_DIR, installed: false };
  mkdirSync(CACHE, { recursive: true });
  log(`Installing googleapis@${GOOGLEAPIS_VERSION} into bench/.cache for the cold-start comparison…`);
  try {
    await promisify(execFile)(
      'npm',
      [
        'install',
        '--no-save',
        '--no-package-lock',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--fetch-retries=1',
        '--fetch-timeout=30000',
        '--prefix',
        CACHE,
        `googleapis@${GOOGLEAPIS_VERSION}`,
      ],
      { timeout: 180_000 },
    );
  } catch (error) {
    // npm's first lines say what failed ("code ECONNREFUSED", "network request to … failed"); the rest is advice.
    const detail = ((error as { stderr?: string }).stderr ?? (error as Error).message)
      .split('\n')
      .map((line) => line.replace(/^npm error /, '').trim())
      .filter(Boolean)
      .slice(0, 2)
      .join('; ');
    return { error: `npm install googleapis@${GOOGLEAPIS_VERSION} failed (no network?): ${detail}` };
  }
  if (cachedVersion() !== GOOGLEAPIS_VERSION)
    return { error: 'npm install left no googleapis in bench/.cache' };
  return { dir: PACKAGE_DIR, installed: true };
}

function cachedVersion(): string | undefined {
  const manifest = `${PACKAGE_DIR}/package.json`;
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
}

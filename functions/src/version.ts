/** theodoi's own version, read once from the package.json above this module (works from src/ and dist/). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The version in theodoi's package.json, or "unknown" if it cannot be found. */
export function packageVersion(): string {
  cached ??= findVersion(dirname(fileURLToPath(import.meta.url)));
  return cached;
}

function findVersion(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'theodoi' && pkg.version) return pkg.version;
    } catch {
      // No package.json here: keep walking up.
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}

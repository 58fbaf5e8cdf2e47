/** Finds the repository's root folder from wherever this code runs (sources, or a bundle under a package's dist/). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest folder above `from` whose package.json declares workspaces. */
export function repositoryRoot(from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object))
      return dir;
    if (dirname(dir) === dir)
      throw new Error(`No repository root (package.json with workspaces) above ${from}`);
  }
}

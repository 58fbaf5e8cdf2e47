/** PNG screenshots of the emulator's HTML view with a headless Chromium, when one is installed. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/**
 * The Chromium to use: CHROMIUM_PATH when set, else the first of Debian's and Google's names found on PATH;
 * undefined when none is installed (`apt-get install chromium` adds one).
 */
export function findChromium(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of BROWSERS) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Renders `url` into the PNG `file` at `width` × `height` CSS pixels, with a throwaway profile and no network chatter. */
export async function screenshot(
  chromium: string,
  url: string,
  file: string,
  size: { width: number; height: number } = { width: 1400, height: 1000 },
): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'theodoi-chromium-'));
  try {
    await run(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--hide-scrollbars',
        `--user-data-dir=${profile}`,
        `--window-size=${size.width},${size.height}`,
        '--virtual-time-budget=3000',
        `--screenshot=${file}`,
        url,
      ],
      { timeout: 60_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

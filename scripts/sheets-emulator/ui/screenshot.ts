/** PNG screenshots of the emulator's HTML view with a headless Chromium, when one is installed. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { PAGE_SIZE_ATTRIBUTES } from './view.js';

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

/** The flags of every headless run: a throwaway profile, no network chatter, no scrollbars. */
function headlessFlags(profile: string, width: number, height: number): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--hide-scrollbars',
    `--user-data-dir=${profile}`,
    `--window-size=${width},${height}`,
    '--virtual-time-budget=3000',
  ];
}

async function withProfile<T>(work: (profile: string) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'theodoi-chromium-'));
  try {
    return await work(profile);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The full size in CSS pixels of a one-tab view (`?tab=`) laid out in a window `width` pixels wide, as the page
 * records it (ui/view.ts: PAGE_SIZE_ATTRIBUTES); undefined for a page that does not record it.
 */
export async function pageSize(
  chromium: string,
  url: string,
  width: number,
): Promise<{ width: number; height: number } | undefined> {
  const { stdout } = await withProfile((profile) =>
    run(chromium, [...headlessFlags(profile, width, 800), '--dump-dom', url], {
      timeout: 60_000,
      maxBuffer: 256 * 1024 * 1024,
    }),
  );
  const html = /<html[^>]*>/.exec(stdout)?.[0] ?? '';
  const read = (name: string) => Number(new RegExp(`\\s${name}="(\\d+)"`).exec(html)?.[1] ?? Number.NaN);
  const size = { width: read(PAGE_SIZE_ATTRIBUTES.width), height: read(PAGE_SIZE_ATTRIBUTES.height) };
  return Number.isFinite(size.width) && Number.isFinite(size.height) ? size : undefined;
}

/**
 * Renders `url` into the PNG `file`, `width` × `height` CSS pixels; without a height, the whole page of a one-tab
 * view (measured first with pageSize): as tall as the tab, and wider than `width` when the tab is, so a long or
 * wide tab is never cut.
 */
export async function screenshot(
  chromium: string,
  url: string,
  file: string,
  size: { width: number; height?: number } = { width: 1400, height: 1000 },
): Promise<void> {
  let { width } = size;
  let height = size.height;
  if (height === undefined) {
    let page = await pageSize(chromium, url, width);
    // A tab wider than the window: lay it out again at its own width, where its rows may wrap less.
    if (page && page.width > width) page = await pageSize(chromium, url, page.width);
    width = Math.max(width, page?.width ?? width);
    height = page?.height ?? 1000;
  }
  await withProfile((profile) =>
    run(chromium, [...headlessFlags(profile, width, height), `--screenshot=${file}`, url], {
      timeout: 60_000,
    }),
  );
}

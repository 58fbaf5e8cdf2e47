// Where the demo and the screenshot test find a browser: CHROMIUM_PATH first, else Debian's or Google's name on
// PATH; nothing (so the demo says it skipped the PNG) when there is none.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '@theodoi/sheets-emulator/ui/screenshot';

function fakeBin(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bin-'));
  writeFileSync(join(dir, name), '#!/bin/sh\n');
  chmodSync(join(dir, name), 0o755);
  return dir;
}

describe('findChromium', () => {
  it('takes CHROMIUM_PATH when it exists, and nothing when it does not', () => {
    const dir = fakeBin('my-chrome');
    expect(findChromium({ CHROMIUM_PATH: join(dir, 'my-chrome'), PATH: '' })).toBe(join(dir, 'my-chrome'));
    expect(findChromium({ CHROMIUM_PATH: join(dir, 'missing'), PATH: dir })).toBeUndefined();
  });

  it("prefers Debian's chromium over Google's names on PATH", () => {
    const google = fakeBin('google-chrome');
    const debian = fakeBin('chromium');
    expect(findChromium({ PATH: [google, debian].join(delimiter) })).toBe(join(debian, 'chromium'));
    expect(findChromium({ PATH: google })).toBe(join(google, 'google-chrome'));
    expect(findChromium({ PATH: mkdtempSync(join(tmpdir(), 'empty-')) })).toBeUndefined();
  });
});

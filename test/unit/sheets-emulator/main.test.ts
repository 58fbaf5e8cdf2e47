// The runnable entry: prints SHEETS_EMULATOR_URL, honours --data-dir and the environment, stops on SIGTERM, and runs
// Apps Script under tsx (whose compiled functions call esbuild's __name helper, absent from the script sandbox).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientsFor } from '@theodoi/test-kit/clients';
import { createScript, runScript } from '../../support/apps-script.js';

function run(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sheets-emulator/main.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /SHEETS_EMULATOR_URL=(\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited ${String(code)} before printing its URL`)));
  });
  url.catch(() => undefined); // a test that expects a failed start never awaits the URL
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, url, exited };
}

describe('tsx scripts/sheets-emulator/main.ts', () => {
  it('serves on the printed URL with quotas from the environment and saves to --data-dir', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sheets-emulator-cli-'));
    try {
      const { child, url, exited } = run(['--port', '0', '--data-dir', dataDir], {
        SHEETS_EMULATOR_QUOTAS: 'google',
      });
      const base = await url;
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // A person's token: strict by default, the emulator refuses the service account a file of its own.
      const minted = (await (await fetch(`${base}/__emulator/token?email=can.bo@gmail.com`)).json()) as {
        token: string;
      };
      const c = clientsFor({ url: base, mintToken: () => minted.token });
      await c.drive.files.create({
        requestBody: { name: 'CLI', mimeType: 'application/vnd.google-apps.spreadsheet' },
      });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(readdirSync(dataDir)).toEqual(['state.json']);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('listens on SHEETS_EMULATOR_PORT when no --port is given', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const { child, url, exited } = run([], { SHEETS_EMULATOR_PORT: String(port) });
    expect(await url).toBe(`http://127.0.0.1:${port}`);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('runs Apps Script under tsx, as npm run demo and the bench do, with the latency model from the environment', async () => {
    const { child, url, exited } = run(['--port', '0'], {
      SHEETS_EMULATOR_LATENCY: 'google',
      SHEETS_EMULATOR_LATENCY_SCALE: '0.1',
    });
    const base = await url;
    const owner = 'dieu.phoi.thapmuoi@gmail.com';
    const script = await createScript(
      { url: base },
      { owner, source: 'function hello() { return [1, 2].map(function twice(n) { return n * 2; }); }' },
    );
    const run1 = await runScript({ url: base }, script.scriptId, 'hello', owner);
    expect(run1).toMatchObject({ status: 'completed', result: [2, 4] });
    // Apps Script's start-up, at a tenth of Google's (median 300 ms), is in the execution's time.
    expect(run1.durationMs).toBeGreaterThan(5);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses a bad port with a clear message', async () => {
    const { exited, child } = run(['--port', 'abc'], {});
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    expect(await exited).toBe(1);
    expect(err).toContain('--port: not a port number: abc');
  });
});

// The emulator with its latency model: answers wait the drawn delay (writes longer than reads, big reads longer than
// small ones, the token endpoint too) and say exactly what they say without it; quotas and faults still apply; a
// seeded model waits the same times again; and without the option nothing waits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer, StartOptions } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import { failure } from '../../support/google-error.js';
import { constantLatency } from '../../support/latency.js';
import { createSpreadsheet } from '../../support/sheets-harness.js';

const READ_MS = 250;
const WRITE_MS = 400;

async function emulator(options: StartOptions = {}): Promise<EmulatorServer> {
  return start({ accounts: 'lenient', notifications: { batchMs: 0 }, ...options });
}

/** Runs `call` and resolves with its answer and how long it took, in ms. */
async function timed<T>(call: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await call();
  return { value, ms: performance.now() - started };
}

/** The same few calls on any emulator: create, write a block, read it back. */
async function scenario(server: EmulatorServer) {
  const { sheets } = clientsFor(server, undefined, { retry: false });
  const spreadsheetId = await createSpreadsheet(sheets, { sheets: [{ properties: { title: 'Quý I' } }] });
  const write = await timed(() =>
    sheets.spreadsheets.values.update({
      spreadsheetId,
      range: "'Quý I'!A1",
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['Mỹ Hòa', '1500000', '=B1*2']] },
    }),
  );
  const read = await timed(() =>
    sheets.spreadsheets.values.get({ spreadsheetId, range: "'Quý I'!A1:C1", valueRenderOption: 'FORMULA' }),
  );
  return { spreadsheetId, write, read };
}

describe('latency: off (the default)', () => {
  let server: EmulatorServer;
  beforeAll(async () => {
    server = await emulator();
  });
  afterAll(() => server.stop());

  it('waits for nothing and draws no delay', async () => {
    const { write, read } = await scenario(server);
    expect(server.latency.enabled).toBe(false);
    expect(server.latency.drawn()).toEqual([]);
    expect(write.ms).toBeLessThan(READ_MS);
    expect(read.ms).toBeLessThan(READ_MS);
  });
});

describe('latency: a model', () => {
  let server: EmulatorServer;
  let plain: EmulatorServer;
  beforeAll(async () => {
    server = await emulator({
      latency: constantLatency({
        'sheets.read': { ms: READ_MS, msPerKiB: 2 },
        'sheets.write': WRITE_MS,
        'oauth.token': 300,
      }),
      quotas: { readPerUser: 3, readPerProject: 300, writePerUser: 60, writePerProject: 300 },
    });
    plain = await emulator();
  });
  afterAll(async () => {
    await server.stop();
    await plain.stop();
  });

  it('delays each answer by its group’s delay and answers exactly as without it', async () => {
    server.resetCounters();
    const slow = await scenario(server);
    const fast = await scenario(plain);
    expect(slow.write.ms).toBeGreaterThanOrEqual(WRITE_MS - 5);
    expect(slow.read.ms).toBeGreaterThanOrEqual(READ_MS - 5);
    expect(slow.write.value.data).toEqual({ ...fast.write.value.data, spreadsheetId: slow.spreadsheetId });
    expect(slow.read.value.data).toEqual(fast.read.value.data);
    expect(slow.read.value.data.values).toEqual([['Mỹ Hòa', 1500000, '=B1*2']]);
    const groups = server.latency.drawn().map((d) => d.group);
    expect(groups).toEqual(['sheets.create', 'sheets.write', 'sheets.read']);
  });

  it('makes a big read slower than a small one by its cost per KiB of answer', async () => {
    server.resetCounters();
    const { sheets } = clientsFor(server, undefined, { retry: false });
    const spreadsheetId = await createSpreadsheet(sheets);
    const rows = Array.from({ length: 1000 }, (_, i) =>
      Array.from({ length: 10 }, (_, c) => `Đơn vị ${i}-${c}`),
    );
    await sheets.spreadsheets.values.update({
      spreadsheetId,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: { values: rows },
    });
    server.resetCounters();
    const small = await timed(() => sheets.spreadsheets.values.get({ spreadsheetId, range: 'Sheet1!A1' }));
    const big = await timed(() =>
      sheets.spreadsheets.values.get({ spreadsheetId, range: 'Sheet1!A1:J1000' }),
    );
    const answerKiB = Buffer.byteLength(JSON.stringify(big.value.data)) / 1024;
    const [, bigDraw] = server.latency.drawn().slice(-2);
    expect(bigDraw!.ms).toBeCloseTo(READ_MS + 2 * answerKiB, 0);
    expect(big.ms - small.ms).toBeGreaterThan(2 * answerKiB * 0.9);
  });

  it('still enforces the quotas (the 429 waits too) and still injects faults', async () => {
    server.resetCounters();
    const user = clientsFor(server, 'can.bo.myhoa@gmail.com', { retry: false });
    const { sheets } = clientsFor(server, undefined, { retry: false });
    const spreadsheetId = await createSpreadsheet(sheets);
    const read = () => user.sheets.spreadsheets.values.get({ spreadsheetId, range: 'Sheet1!A1' });
    // Not shared with the user: 403s, each still one of the user's 3 reads.
    await failure(read());
    await failure(read());
    await failure(read());
    const limited = await timed(() => failure(read()));
    expect(limited.value.status).toBe(429);
    expect(limited.ms).toBeGreaterThanOrEqual(READ_MS - 5);

    server.addFault({ status: 503, methods: ['sheets.spreadsheets.values.get'], count: 1 });
    const faulted = await timed(() =>
      failure(sheets.spreadsheets.values.get({ spreadsheetId, range: 'A1' })),
    );
    expect(faulted.value.status).toBe(503);
    expect(faulted.ms).toBeGreaterThanOrEqual(READ_MS - 5);
  });

  it('delays the OAuth token endpoint', async () => {
    const answer = await timed(() =>
      fetch(`${server.url}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=refresh_token&refresh_token=nope&client_id=x&client_secret=y',
      }),
    );
    expect(answer.value.status).toBe(401); // an unknown client, answered after the delay
    expect(answer.ms).toBeGreaterThanOrEqual(295);
  });
});

describe('latency: a seeded model', () => {
  it('waits the same delays again for the same calls', async () => {
    const runs: number[][] = [];
    for (let i = 0; i < 2; i++) {
      const server = await emulator({ latency: { seed: 42, scale: 0.05 } });
      try {
        await scenario(server);
        await scenario(server);
        runs.push(server.latency.drawn().map((d) => d.ms));
      } finally {
        await server.stop();
      }
    }
    expect(runs[0]).toHaveLength(6);
    expect(runs[1]).toEqual(runs[0]);
  });
});

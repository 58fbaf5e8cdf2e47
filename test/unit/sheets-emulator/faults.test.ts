// Fault injection through /__emulator/faults, as the googleapis client experiences it (including its retries).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import { fakeSheets } from '../../support/fake-sheets.js';
import { failure, header } from '../../support/google-error.js';

let server: EmulatorServer;
let spreadsheetId: string;

async function postFault(rule: unknown): Promise<Response> {
  return fetch(`${server.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify(rule) });
}

beforeAll(async () => {
  server = await start({ accounts: 'lenient', sheets: fakeSheets });
  const { drive } = clientsFor(server);
  const created = await drive.files.create({
    requestBody: { name: 'Lỗi', mimeType: 'application/vnd.google-apps.spreadsheet' },
  });
  spreadsheetId = created.data.id ?? '';
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  await fetch(`${server.url}/__emulator/faults`, { method: 'DELETE' });
  await fetch(`${server.url}/__emulator/reset`, { method: 'POST' });
});

describe('an injected 429 on a Sheets read', () => {
  it('carries Google’s quota body and Retry-After', async () => {
    expect(
      (await postFault({ status: 429, count: 1, methods: ['sheets.spreadsheets.get'], retryAfterSeconds: 7 }))
        .status,
    ).toBe(200);
    const { sheets } = clientsFor(server, undefined, { retry: false });
    const seen = await failure(sheets.spreadsheets.get({ spreadsheetId }));
    expect(seen.status).toBe(429);
    expect(seen.message).toBe(
      "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service " +
        "'sheets.googleapis.com' for consumer 'project_number:1234567890'.",
    );
    expect(seen.data).toMatchObject({
      error: {
        code: 429,
        status: 'RESOURCE_EXHAUSTED',
        errors: [{ domain: 'global', reason: 'rateLimitExceeded' }],
      },
    });
    expect(header(seen, 'retry-after')).toBe('7');
    expect((await sheets.spreadsheets.get({ spreadsheetId })).status).toBe(200);
  });

  it('is retried by the client on GET: two failures, then success, three requests counted', async () => {
    await postFault({ status: 429, count: 2, methods: ['sheets.spreadsheets.get'] });
    const { sheets } = clientsFor(server);
    const res = await sheets.spreadsheets.get({ spreadsheetId });
    expect(res.status).toBe(200);
    const counters = (await (await fetch(`${server.url}/__emulator/counters`)).json()) as {
      methods: Record<string, number>;
      errors: Record<string, number>;
    };
    expect(counters.methods['sheets.spreadsheets.get']).toBe(3);
    expect(counters.errors['sheets.spreadsheets.get']).toBe(2);
  });
});

describe('an injected 5xx on a write', () => {
  it('is not retried by the client on POST', async () => {
    await postFault({ status: 503, methods: ['sheets.spreadsheets.batchUpdate'] });
    const { sheets } = clientsFor(server);
    const seen = await failure(
      sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests: [] } }),
    );
    expect(seen.status).toBe(503);
    expect(seen.data).toEqual({
      error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' },
    });
    expect(server.counters().methods['sheets.spreadsheets.batchUpdate']).toBe(1);
  });

  it('500 with a method prefix hits Drive methods only', async () => {
    await postFault({ status: 500, methods: ['drive.*'], count: 1 });
    const { sheets, drive } = clientsFor(server, undefined, { retry: false });
    expect((await sheets.spreadsheets.get({ spreadsheetId })).status).toBe(200);
    const seen = await failure(drive.files.get({ fileId: spreadsheetId }));
    expect([seen.status, seen.message]).toEqual([500, 'Internal error encountered.']);
  });
});

describe('rates, latency and the rule list', () => {
  it('rate 0 never fires; rate 1 always does', async () => {
    const { drive } = clientsFor(server, undefined, { retry: false });
    await postFault({ status: 500, rate: 0 });
    expect((await drive.files.list({})).status).toBe(200);
    await fetch(`${server.url}/__emulator/faults`, { method: 'DELETE' });
    await postFault({ status: 500, rate: 1, methods: ['drive.files.list'] });
    expect((await failure(drive.files.list({}))).status).toBe(500);
    expect((await failure(drive.files.list({}))).status).toBe(500);
  });

  it('adds latency without failing', async () => {
    await postFault({ latencyMs: 150, methods: ['drive.files.get'], count: 1 });
    const { drive } = clientsFor(server);
    const t0 = performance.now();
    await drive.files.get({ fileId: spreadsheetId });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('lists active rules with their remaining count, and refuses malformed ones', async () => {
    await postFault([{ status: 503, count: 2, methods: ['drive.files.list'] }]);
    const listed = (await (await fetch(`${server.url}/__emulator/faults`)).json()) as { faults: unknown[] };
    expect(listed.faults).toEqual([{ status: 503, count: 2, methods: ['drive.files.list'] }]);
    expect((await postFault({ status: 418 })).status).toBe(400);
    expect((await postFault({ status: 500, rate: 2 })).status).toBe(400);
    expect((await postFault({ colour: 'red' })).status).toBe(400);
  });
});

describe('an injected 403 sharingRateLimitExceeded on permissions.create', () => {
  it('carries the body of Drive’s handle-errors guide, naming the file, and shares nothing', async () => {
    expect(
      (
        await postFault({
          status: 403,
          reason: 'sharingRateLimitExceeded',
          count: 1,
          methods: ['drive.permissions.create'],
        })
      ).status,
    ).toBe(200);
    const { drive } = clientsFor(server, undefined, { retry: false });
    const share = () =>
      drive.permissions.create({
        fileId: spreadsheetId,
        sendNotificationEmail: false,
        requestBody: { type: 'user', role: 'writer', emailAddress: 'can.bo@gmail.com' },
      });
    const seen = await failure(share());
    expect(seen.status).toBe(403);
    expect(seen.data).toEqual({
      error: {
        code: 403,
        message: 'Rate Limit Exceeded',
        errors: [
          {
            message:
              'Rate limit exceeded. User message: "These item(s) could not be shared because a rate limit was exceeded: Lỗi',
            domain: 'global',
            reason: 'sharingRateLimitExceeded',
          },
        ],
      },
    });
    const listed = await drive.permissions.list({
      fileId: spreadsheetId,
      fields: 'permissions(emailAddress)',
    });
    expect(listed.data.permissions?.map((p) => p.emailAddress)).not.toContain('can.bo@gmail.com');
    expect((await share()).status).toBe(200);
  });

  it('refuses a 403 without its reason, and a reason with another status', async () => {
    expect((await postFault({ status: 403 })).status).toBe(400);
    expect((await postFault({ status: 500, reason: 'sharingRateLimitExceeded' })).status).toBe(400);
    expect((await postFault({ status: 403, reason: 'dailyLimitExceeded' })).status).toBe(400);
  });
});

// The deadline check through its entry points, served by the Functions Framework on the machine's clock (late
// 2026: every period of the 2024 directive is overdue): Cloud Scheduler's HTTP call, the Pub/Sub CloudEvent, and
// `theodoi check` on the command line; e-mail through a real SMTP server.
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadlineRun } from '@theodoi/functions/usecases/run-deadline-check';
import { getDirective } from '@theodoi/functions/store/directives';
import { functionTestServer } from '@theodoi/test-kit/function-server';
import { startWorld, type World } from '@theodoi/test-kit/world';
import { jsonBody, OVERSIZED_BODY, send } from '../../../support/json-answer.js';
import { startSmtp, type TestSmtp } from '../../../support/smtp.js';

const run = promisify(execFile);
const NAME = 'deadlines-entry';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe('checkDeadlines entry points', () => {
  let world: World;
  let smtp: TestSmtp;
  const http = functionTestServer('checkDeadlines');
  const events = functionTestServer('checkDeadlinesEvent');
  let httpUrl = '';
  let eventUrl = '';
  const saved = { ...process.env };

  beforeAll(async () => {
    world = await startWorld(NAME);
    smtp = await startSmtp();
    process.env.GOOGLE_CLOUD_PROJECT = `theodoi-it-${NAME}`;
    process.env.SHEETS_EMULATOR_URL = world.emulator.url;
    process.env.THEODOI_GOOGLE_GRANT = world.env.THEODOI_GOOGLE_GRANT;
    process.env.THEODOI_SMTP_URL = smtp.url;
    process.env.THEODOI_MAIL_FROM = 'Phòng Nội vụ <no-reply@thapmuoi.example.vn>';
    httpUrl = await listen(http);
    eventUrl = await listen(events);
  });
  afterAll(async () => {
    process.env = saved;
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await new Promise<void>((resolve) => events.close(() => resolve()));
    await smtp?.stop();
    await world?.close();
  });

  it('refuses anything but a POST with {} or {mail}, in JSON', async () => {
    expect(jsonBody(await send(httpUrl, { method: 'GET' }), 405)).toMatchObject({
      code: 'method-not-allowed',
    });
    const json = { 'content-type': 'application/json' };
    expect(
      jsonBody(await send(httpUrl, { headers: json, body: JSON.stringify({ directiveId: 'x' }) }), 400),
    ).toEqual({
      error: 'expected {mail?: boolean}',
      code: 'invalid-body',
    });
    expect(jsonBody(await send(httpUrl, { headers: json, body: '{"mail": ' }), 400)).toMatchObject({
      code: 'malformed-json',
    });
    expect(
      jsonBody(await send(httpUrl, { headers: json, body: JSON.stringify({ x: 'x'.repeat(5000) }) }), 413),
    ).toMatchObject({
      code: 'too-large',
    });
    expect(jsonBody(await send(httpUrl, { headers: json, body: OVERSIZED_BODY }), 413)).toMatchObject({
      code: 'too-large',
    });
  });

  it('refuses anything but a POSTed CloudEvent or Pub/Sub push on the event function, in JSON', async () => {
    const ce = {
      'content-type': 'application/json',
      'ce-id': 'pubsub-message-0',
      'ce-specversion': '1.0',
      'ce-source': '//pubsub.googleapis.com/projects/theodoi/topics/check-deadlines',
      'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished',
    };
    expect(jsonBody(await send(eventUrl, { method: 'GET', headers: ce }), 405)).toMatchObject({
      code: 'method-not-allowed',
    });
    expect(jsonBody(await send(eventUrl, { headers: ce, body: OVERSIZED_BODY }), 413)).toMatchObject({
      code: 'too-large',
    });
    expect(jsonBody(await send(eventUrl, { headers: ce, body: '{"message": ' }), 400)).toMatchObject({
      code: 'malformed-json',
    });
    const notAnEvent = { headers: { 'content-type': 'application/json' }, body: '{"hello": "world"}' };
    expect(jsonBody(await send(eventUrl, notAnEvent), 400)).toEqual({
      error: 'expected a CloudEvent or a Pub/Sub push',
      code: 'not-an-event',
    });
  });

  it("Cloud Scheduler's call opens the missing tabs in one write, flags every unit and mails each unit once", async () => {
    world.emulator.resetCounters();
    const res = await fetch(httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as DeadlineRun;
    expect(body.check.failed).toEqual([]);
    expect(body.check.directives).toMatchObject([
      {
        openedTabs: ['2024-Q2', '2024-Q3', '2024-Q4'],
        periods: {
          '2024-Q1': { 'qua-han': 25 },
          '2024-Q4': { 'qua-han': 25 },
        },
        flags: { raised: 100 },
        calls: { sheetsReads: 1, sheetsWrites: 1 },
        // 100 flags, 3 tabs + their periods' record, the note that the Tổng hợp chart now exists, and the version
        // theodoi's write left (decision 011).
        firestoreWrites: 100 + 4 + 1 + 1,
      },
    ]);
    // Then the organisation's dashboard, created on this first run: Drive makes it in the coordinator's folder (the
    // coordinator owns it: nothing to share), one write shapes and fills it.
    expect(body.dashboards).toMatchObject({
      failed: [],
      built: [
        {
          organisationId: world.spec.organisation,
          created: true,
          unchanged: false,
          directives: 1,
          calls: { sheetsReads: 0, sheetsWrites: 1, driveCalls: 1 },
        },
      ],
    });
    expect(world.emulator.counters().methods).toEqual({
      'sheets.spreadsheets.values.batchGetByDataFilter': 1,
      'sheets.spreadsheets.batchUpdate': 2,
      'drive.files.create': 1,
      'drive.files.get': 2, // the directive's version before and after the check's write (decision 011)
    });
    expect(Object.keys((await getDirective(world.db, world.spec.id))!.tabs).sort()).toEqual([
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
    ]);
    expect(body.check.reminders).toHaveLength(100);
    expect(body.mail).toMatchObject({ unchanged: [], noAddress: [], failed: [], firestoreWrites: 25 });
    expect(body.mail?.sent).toHaveLength(25);
    expect(smtp.received).toHaveLength(25);
    const mail = smtp.received.find((m) => m.to.includes('vp@thapmuoi.example.vn'))!;
    expect(mail.subject).toBe('[Nhắc việc] Văn phòng HĐND và UBND huyện: 4 báo cáo cần hoàn thành');
    expect(mail.text).toContain('Kỳ báo cáo: Quý IV/2024; hạn báo cáo: 17/12/2024 (thứ Ba).');
    expect(mail.text).toMatch(/Tình hình: Quá hạn chưa báo cáo \(quá hạn \d+ ngày làm việc\)\./);
    expect(mail.text).toContain('Mọi vướng mắc xin liên hệ: đ/c Chuyên viên Phòng Nội vụ, 0277 3821 101.');
  });

  it('the Pub/Sub CloudEvent runs the same check; nothing changed, so nothing is written or mailed again', async () => {
    world.emulator.resetCounters();
    const res = await fetch(eventUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'ce-id': 'pubsub-message-1',
        'ce-specversion': '1.0',
        'ce-source': '//pubsub.googleapis.com/projects/theodoi/topics/check-deadlines',
        'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished',
      },
      body: JSON.stringify({
        message: { data: Buffer.from('{}').toString('base64'), messageId: '1' },
        subscription: 'projects/theodoi/subscriptions/check-deadlines',
      }),
    });
    expect(res.ok).toBe(true);
    // The dashboard's content is what was written an instant ago, so it is not rewritten either.
    expect(world.emulator.counters().methods).toEqual({
      'sheets.spreadsheets.values.batchGetByDataFilter': 1,
    });
    expect(smtp.received).toHaveLength(25);
    const flags = await world.db.collection(`directives/${world.spec.id}/flags`).get();
    expect(flags.size).toBe(100);
  });

  it('`theodoi check --no-mail` prints the Nhắc việc list in Vietnamese', async () => {
    const { stdout } = await run('npx', ['tsx', 'scripts/cli/main.ts', 'check', '--no-mail'], {
      env: { ...process.env },
    });
    expect(stdout).toMatch(/^NHẮC VIỆC — tình hình báo cáo lúc \d\d:\d\d \d\d\/\d\d\/\d{4}\n/);
    expect(stdout).toContain(
      '\nCông văn (chưa có số) ngày 05/02/2024 — V/v triển khai Quyết định ban hành Kế hoạch thông tin',
    );
    expect(stdout).toContain('\n  Quý I/2024, hạn báo cáo 18/03/2024 (thứ Hai):\n');
    expect(stdout).toMatch(
      /\n {4}• Phòng Nội vụ: Quá hạn chưa báo cáo \(quá hạn \d+ ngày làm việc\) — liên hệ: đ\/c Đầu mối Phòng Nội vụ, 0277 3821 108, nv@thapmuoi\.example\.vn\n/,
    );
    expect(stdout.match(/ {4}• /g)).toHaveLength(100);
    expect(stdout).toContain(
      'Đã kiểm tra 1 công văn: 0 cờ mới, 0 cờ được gỡ, 0 ô "Tình hình báo cáo" được ghi, 0 trang kỳ báo cáo mới được mở ' +
        '(1 lượt đọc, 0 lượt ghi Sheets; 0 lượt ghi Firestore).',
    );
    // The first call created the dashboard; nothing it shows changed since.
    expect(stdout).toMatch(
      /\nBảng theo dõi không có gì thay đổi, không cần ghi lại: https:\/\/docs\.google\.com\/spreadsheets\/d\/\S+\/edit\n/,
    );
    expect(smtp.received).toHaveLength(25);
  }, 60_000);

  it("answers 429 with the run when Google's quota stays exhausted, on both entry points, so they retry", async () => {
    const read = 'sheets.spreadsheets.values.batchGetByDataFilter';
    world.emulator.addFault({ status: 429, count: 10, methods: [read], retryAfterSeconds: 0 });
    try {
      const json = { 'content-type': 'application/json' };
      const viaHttp = jsonBody(
        await send(httpUrl, { headers: json, body: '{"mail": false}' }),
        429,
      ) as unknown as DeadlineRun;
      expect(viaHttp.check.failed).toMatchObject([{ directiveId: world.spec.id, code: 'quota' }]);
      const ce = {
        ...json,
        'ce-id': 'pubsub-message-2',
        'ce-specversion': '1.0',
        'ce-source': '//pubsub.googleapis.com/projects/theodoi/topics/check-deadlines',
        'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished',
      };
      const viaEvent = jsonBody(
        await send(eventUrl, { headers: ce, body: '{}' }),
        429,
      ) as unknown as DeadlineRun;
      expect(viaEvent.check.failed).toMatchObject([{ directiveId: world.spec.id, code: 'quota' }]);
    } finally {
      world.emulator.clearFaults();
    }
  });
});

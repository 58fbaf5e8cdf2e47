// A new coordinator's directive of tasks through the command line, end to end on the strict emulators: a công văn
// TEXT with three tasks (two due by their own day, one monthly) → `theodoi directive import` → `directive create
// --from-draft` (no JSON written by hand) → the spreadsheet's task rows read back; then officers update progress
// as the Sheets UI would (the emulator's edit path, as each officer), `theodoi sync` and `theodoi check` → the
// status cells, Tổng hợp and the dashboard show done on time, done late and overdue. The CLI runs on the machine's
// clock: every deadline of the công văn (November 2026) is past.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { startLocalEmulators, type LocalEmulators } from '@theodoi/test-kit/emulators/local';
import { clientsFor } from '@theodoi/test-kit/clients';
import { followInBrowser, queueConsent } from '@theodoi/test-kit/login';
import { startCliLogin, writeDesktopClientFile } from '../../support/cli-login.js';
import { googleAccountsOf, thapMuoi } from '@theodoi/test-kit/world';

const run = promisify(execFile);
const PROJECT = 'theodoi-it-cli-tasks';
const COORDINATOR = thapMuoi.coordinator.email;
const CONG_VAN = 'test/fixtures/coordinator/congvan-nhiem-vu-cds-2026.txt';
const DIRECTIVE = '2468-ubnd-vhtt-2026';

describe('a công văn of tasks: import → create --from-draft → officers update → sync, check, dashboard', () => {
  let emulators: LocalEmulators;
  let sheets: EmulatorServer;
  let home: string;
  let spreadsheetId = '';
  const env = () => ({
    ...process.env,
    GOOGLE_CLOUD_PROJECT: PROJECT,
    SHEETS_EMULATOR_URL: sheets.url,
    XDG_CONFIG_HOME: join(home, 'config'),
    THEODOI_GOOGLE_GRANT: '',
  });
  const theodoi = (...args: string[]) => run('npx', ['tsx', 'scripts/cli/main.ts', ...args], { env: env() });
  // Read back as the coordinator, who owns the spreadsheets.
  const values = async (id: string, range: string) =>
    ((await clientsFor(sheets, COORDINATOR).sheets.spreadsheets.values.get({ spreadsheetId: id, range })).data
      .values ?? []) as string[][];
  const uiEdit = async (email: string, range: string, row: string[]) => {
    const res = await fetch(`${sheets.url}/__emulator/spreadsheets/${spreadsheetId}/ui-edit`, {
      method: 'POST',
      body: JSON.stringify({ email, range, values: [row] }),
    });
    return res.status;
  };

  beforeAll(async () => {
    emulators = await startLocalEmulators({ notifyBatchMs: 0, googleAccounts: googleAccountsOf(thapMuoi) });
    sheets = emulators.sheets;
    home = await mkdtemp(join(tmpdir(), 'theodoi-cli-tasks-'));
    const clientFile = await writeDesktopClientFile(home);
    await theodoi('units', 'import', 'examples/thap-muoi-2024/organisation.json');
    await queueConsent(sheets.url, COORDINATOR);
    const login = startCliLogin(env(), clientFile);
    const url = await login.url;
    await followInBrowser(url);
    expect(await login.exited).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await emulators?.stop();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('reads the công văn and provisions one row per task and unit, with leads, co-operating units and deadlines', async () => {
    const draft = join(home, 'draft.json');
    await theodoi('directive', 'import', CONG_VAN, '-o', draft);
    expect(JSON.parse(await readFile(draft, 'utf8'))).toMatchObject({ tasks: [{}, {}, {}] });
    const created = await theodoi('directive', 'create', '--from-draft', draft, '--yes');
    expect(created.stdout).toMatch(/^Đã tạo bảng tính "2468\/UBND-VHTT – triển khai nhiệm vụ chuyển đổi số/);
    const files = (await (await fetch(`${sheets.url}/__emulator/files`)).json()) as {
      files: { id: string; mimeType: string }[];
    };
    spreadsheetId = files.files.find((f) => f.mimeType === 'application/vnd.google-apps.spreadsheet')!.id;
    const rows = await values(spreadsheetId, "'Nhiệm vụ'!A5:F8");
    expect(rows).toEqual([
      [
        '1',
        expect.stringMatching(/^Giao Phòng Văn hóa và Thông tin chủ trì/),
        'VHTT',
        'Phòng Văn hóa và Thông tin',
        'Chủ trì',
        '20/11/2026 (thứ Sáu)',
      ],
      [
        '1',
        expect.stringMatching(/dịch vụ công trực tuyến/),
        'NV',
        'Phòng Nội vụ',
        'Phối hợp',
        '20/11/2026 (thứ Sáu)',
      ],
      [
        '2',
        expect.stringMatching(/^Giao Phòng Tư pháp chủ trì/),
        'TP',
        'Phòng Tư pháp',
        'Chủ trì',
        '27/11/2026 (thứ Sáu)',
      ],
      [
        '2',
        expect.stringMatching(/số hóa hồ sơ hộ tịch/),
        'VP',
        'Văn phòng HĐND và UBND huyện',
        'Phối hợp',
        '27/11/2026 (thứ Sáu)',
      ],
    ]);
    // The monthly task has its row in each month's tab, due on that month's deadline (Decree 09/2019 cut-off).
    expect(await values(spreadsheetId, "'Tháng 11/2026'!C5:F")).toEqual([
      ['NV', 'Phòng Nội vụ', 'Chủ trì', '17/11/2026 (thứ Ba)'],
    ]);
  }, 120_000);

  it('shows done on time, done late and overdue in the rows, Tổng hợp and the dashboard after officers update', async () => {
    // Typed as each officer in the Sheets UI; an officer cannot type in another unit's row.
    expect(
      await uiEdit('vhtt@thapmuoi.example.vn', "'Nhiệm vụ'!G5:J5", [
        'Hoàn thành',
        'Đã cập nhật 124 dịch vụ',
        '19/11/2026',
        'https://dvc.example.vn/ds.pdf',
      ]),
    ).toBe(200);
    expect(
      await uiEdit('tp@thapmuoi.example.vn', "'Nhiệm vụ'!G7:J7", [
        'Hoàn thành',
        'Đã số hóa 3.200 hồ sơ',
        '01/12/2026',
        'https://hotich.example.vn/bc.pdf',
      ]),
    ).toBe(200);
    expect(await uiEdit('nv@thapmuoi.example.vn', "'Nhiệm vụ'!G5", ['Chưa thực hiện'])).toBe(400);
    const synced = await theodoi('sync', DIRECTIVE, '--period', 'once');
    expect(synced.stdout).toContain('(1 lượt đọc, 1 lượt ghi Sheets;');
    await theodoi('check', '--no-mail');
    const status = (await values(spreadsheetId, "'Nhiệm vụ'!C5:M8")).map((r) => [r[0], r[9], r[10]]);
    expect(status).toEqual([
      ['VHTT', 'Hoàn thành đúng hạn', '✔ Đã tiếp nhận'],
      ['NV', expect.stringMatching(/^Quá hạn \(quá hạn \d+ ngày làm việc\)$/), '⏳ Chưa báo cáo'],
      ['TP', 'Hoàn thành trễ hạn (trễ 2 ngày làm việc)', '✔ Đã tiếp nhận'],
      ['VP', expect.stringMatching(/^Quá hạn/), '⏳ Chưa báo cáo'],
    ]);
    const summary = (await values(spreadsheetId, "'Tổng hợp'!A1:H40")).map((r) => r.join(' | '));
    expect(summary[3]).toMatch(/^Hoàn thành 2\/\d lượt nhiệm vụ \(đúng hạn 1, trễ hạn 1\)/);
    expect(summary).toContainEqual(expect.stringMatching(/^Phòng Nội vụ — nhiệm vụ 1 \(.*\): Quá hạn/));
    expect(summary).toContainEqual(
      expect.stringMatching(/^Văn phòng HĐND và UBND huyện — nhiệm vụ 2 \(.*\): Quá hạn/),
    );

    const dashboard = await theodoi('dashboard', 'huyen-thap-muoi');
    const id = /\/d\/([^/\s]+)/.exec(dashboard.stdout)![1]!;
    const line = (await values(id, "'Văn bản'!A1:L20")).find((r) => r[1] === '2468/UBND-VHTT')!;
    // Đã báo cáo (rows completed) 2 of the rows shown, 1 late, 1+ overdue.
    expect(line[6]).toMatch(/^2\/\d$/);
    expect(line[7]).toBe('1');
    expect(Number(line[9])).toBeGreaterThanOrEqual(2);
  }, 180_000);

  it('writes the report .docx with a tasks section: each task, its lead, deadline and each unit’s status', async () => {
    const out = join(home, 'reports');
    await theodoi('report', DIRECTIVE, '--period', 'once', '--out', out);
    const { value } = await mammoth.extractRawText({
      buffer: await readFile(join(out, `${DIRECTIVE}-bao-cao.docx`)),
    });
    const text = value.replace(/\n+/g, '\n');
    expect(text).toContain('TÌNH HÌNH THỰC HIỆN TỪNG NHIỆM VỤ');
    expect(text).toMatch(/Hoàn thành 2\/\d lượt nhiệm vụ \(đúng hạn 1, trễ hạn 1\)/);
    expect(text).toContain('Phòng Văn hóa và Thông tin (Chủ trì): Hoàn thành đúng hạn');
    expect(text).toContain('Phòng Tư pháp (Chủ trì): Hoàn thành trễ hạn (trễ 2 ngày làm việc)');
    expect(text).toMatch(/Phòng Nội vụ \(Phối hợp\): Quá hạn \(quá hạn \d+ ngày làm việc\)/);
    expect(text).toContain('20/11/2026 (thứ Sáu)');
  }, 120_000);
});

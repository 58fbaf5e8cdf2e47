// The coordinator's command line, end to end on the strict emulators (Google's account model): log in with a gmail
// through the loopback flow of `theodoi auth login`, load the units, register the directive (a spreadsheet owned by
// the coordinator, shared with every unit with Drive's notification, two units whose addresses are no Google account
// reported), share again once they became Google accounts, sync; then a revoked grant, and the logout. Before the
// directive, `units check` names the addresses that are no Google account.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import {
  startLocalEmulators,
  THEODOI_DESKTOP_CLIENT,
  type LocalEmulators,
} from '@theodoi/test-kit/emulators/local';
import { startCliLogin, writeDesktopClientFile } from '../../support/cli-login.js';
import { followInBrowser, queueConsent } from '@theodoi/test-kit/login';
import { googleAccountsOf, hasGoogleAccount, thapMuoi } from '@theodoi/test-kit/world';

const run = promisify(execFile);
const PROJECT = 'theodoi-it-cli-flow';
const COORDINATOR = thapMuoi.coordinator.email;
const DIRECTIVE = 'thap-muoi-cchc-2024';

interface EmulatorFile {
  id: string;
  mimeType: string;
  owner: string;
  permissions: { emailAddress?: string; role: string }[];
}
interface Email {
  to: string;
  from: string;
  fileId: string;
  kind: 'share' | 'invitation';
  message?: string;
}

describe('theodoi auth login → units import → directive create → directive share → sync', () => {
  let emulators: LocalEmulators;
  let sheets: EmulatorServer;
  let home: string;
  const env = () => ({
    ...process.env,
    GOOGLE_CLOUD_PROJECT: PROJECT,
    SHEETS_EMULATOR_URL: sheets.url,
    XDG_CONFIG_HOME: join(home, 'config'),
    THEODOI_GOOGLE_GRANT: '',
  });
  const theodoi = (...args: string[]) => run('npx', ['tsx', 'scripts/cli/main.ts', ...args], { env: env() });
  const failing = (...args: string[]) =>
    theodoi(...args).then(
      () => {
        throw new Error(`theodoi ${args.join(' ')} succeeded`);
      },
      (e: { stderr: string; code: number }) => e,
    );
  const admin = async <T>(path: string): Promise<T> =>
    (await (await fetch(`${sheets.url}${path}`)).json()) as T;
  const files = async () => (await admin<{ files: EmulatorFile[] }>('/__emulator/files')).files;
  const emails = async () => (await admin<{ emails: Email[] }>('/__emulator/emails')).emails;
  const grantFile = () => join(home, 'config', 'theodoi', `${PROJECT}.emulator.json`);
  let spreadsheetId = '';

  beforeAll(async () => {
    emulators = await startLocalEmulators({ notifyBatchMs: 0, googleAccounts: googleAccountsOf(thapMuoi) });
    sheets = emulators.sheets;
    home = await mkdtemp(join(tmpdir(), 'theodoi-cli-'));
    // The file Google Cloud Console downloads for the project's "Desktop app" OAuth client.
    await writeDesktopClientFile(home);
  });
  afterAll(async () => {
    await emulators?.stop();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('refuses to create a directive before anyone logged in, naming `theodoi auth login`', async () => {
    await theodoi('units', 'import', 'examples/thap-muoi-2024/organisation.json');
    const refused = await failing(
      'directive',
      'create',
      '--file',
      'examples/thap-muoi-2024/directive-cchc-2024.json',
    );
    expect(refused.stderr).toContain(
      'Lỗi: Chưa đăng nhập tài khoản Google cho theodoi: chạy "theodoi auth login',
    );
    expect(refused.stderr).toContain('Với bộ giả lập trên máy');
  }, 60_000);

  it('logs the coordinator in through the loopback flow and keeps the grant readable by its owner only', async () => {
    await queueConsent(sheets.url, COORDINATOR);
    const login = startCliLogin(env(), join(home, 'client_secret.json'));
    const url = await login.url;
    expect(url.startsWith(`${sheets.url}/o/oauth2/v2/auth?`)).toBe(true);
    const params = new URL(url).searchParams;
    expect(params.get('scope')).toBe(
      'https://www.googleapis.com/auth/drive.file openid https://www.googleapis.com/auth/userinfo.email',
    );
    expect([params.get('access_type'), params.get('prompt'), params.get('code_challenge_method')]).toEqual([
      'offline',
      'consent',
      'S256',
    ]);
    expect(params.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    // The browser follows Google's redirect to the command's listener, which answers in Vietnamese.
    expect(await followInBrowser(url)).toContain('Đã đăng nhập. Có thể đóng cửa sổ này');
    expect(await login.exited).toBe(0);
    expect(login.stderr()).toBe('');
    expect(login.stdout()).toContain(`Đã đăng nhập tài khoản Google ${COORDINATOR}.`);
    expect((await stat(grantFile())).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(grantFile(), 'utf8'))).toMatchObject({
      type: 'authorized_user',
      client_id: THEODOI_DESKTOP_CLIENT.clientId,
      refresh_token: expect.stringMatching(/^1\/\//) as string,
      email: COORDINATOR,
    });
  }, 60_000);

  it('says which account theodoi acts as, with which scopes, and that the grant works', async () => {
    const { stdout } = await theodoi('auth', 'status');
    expect(stdout).toContain(`Tài khoản Google theodoi dùng: ${COORDINATOR}`);
    expect(stdout).toContain(
      'Phạm vi quyền: https://www.googleapis.com/auth/drive.file, openid, https://www.googleapis.com/auth/userinfo.email',
    );
    expect(stdout).toMatch(/Quyền truy cập còn dùng được \(mã truy cập hiện tại có hiệu lực đến \d\d:\d\d /);
  }, 60_000);

  it('lists, with `units check`, the addresses that cannot get in before any directive needs them', async () => {
    const { stdout } = await theodoi('units', 'check');
    const out = thapMuoi.units.filter((u) => !hasGoogleAccount(u.editors[0]!));
    for (const unit of out)
      expect(stdout).toContain(
        `${unit.shortName ?? unit.name}\t${unit.editors[0]}\tchưa phải tài khoản Google — tạo tài khoản Google cho ` +
          'địa chỉ này, hoặc cho biết một địa chỉ khác',
      );
    // The account theodoi acts as owns the spreadsheets: nothing to ask about it.
    expect(stdout).not.toContain(COORDINATOR);
    expect(stdout).toContain('Phòng Nội vụ\tnv@thapmuoi.example.vn\tlà tài khoản Google\n');
    expect(stdout).toMatch(/: \d+ địa chỉ, 2 địa chỉ chưa phải tài khoản Google hoặc chưa kiểm tra được/);
  }, 60_000);

  it("creates the spreadsheet in the coordinator's Drive, shares it with notifications and names who cannot get in", async () => {
    const created = await theodoi(
      'directive',
      'create',
      '--file',
      'examples/thap-muoi-2024/directive-cchc-2024.json',
    );
    expect(created.stdout).toMatch(/^Đã tạo bảng tính "Công văn \(chưa có số\) – triển khai Quyết định/);
    expect(created.stdout).toMatch(/\(1 lệnh gọi Sheets, \d+ lệnh gọi Drive để tạo tệp và chia sẻ quyền\.\)/);
    const out = thapMuoi.units.filter((u) => !hasGoogleAccount(u.editors[0]!));
    expect(out.map((u) => u.code)).toEqual(['YT', '30073']);
    expect(created.stdout).toContain('2 địa chỉ chưa vào được bảng tính:');
    for (const unit of out)
      expect(created.stdout).toContain(
        `  • ${unit.shortName ?? unit.name} — ${unit.editors[0]}: Chưa phải tài khoản Google (đã gửi thư mời); ` +
          'việc cần làm: tạo tài khoản Google cho địa chỉ này, hoặc cho biết một địa chỉ khác.',
      );
    expect(created.stdout).toContain(`chạy "theodoi directive share ${DIRECTIVE}" để chia sẻ lại.`);

    const all = await files();
    const sheet = all.find((f) => f.mimeType === 'application/vnd.google-apps.spreadsheet')!;
    spreadsheetId = sheet.id;
    expect(sheet.owner).toBe(COORDINATOR);
    expect(all.filter((f) => f.owner.endsWith('.iam.gserviceaccount.com'))).toHaveLength(0);
    const sent = (await emails()).filter((e) => e.fileId === spreadsheetId);
    expect(sent).toHaveLength(thapMuoi.units.length);
    expect(sent.every((e) => e.from === COORDINATOR)).toBe(true);
    expect(sent.filter((e) => e.kind === 'invitation').map((e) => e.to)).toEqual(
      out.map((u) => u.editors[0]),
    );
    const toHealth = sent.find((e) => e.to === 'yt@thapmuoi.example.vn')!;
    expect(toHealth.message).toMatch(
      /^Kính gửi Phòng Y tế: theodoi chia sẻ với đơn vị bảng tính theo dõi thực hiện Công văn \(chưa có số\) về việc triển khai Quyết định .* Địa chỉ này chưa là tài khoản Google: để mở được bảng tính, cần tạo tài khoản Google với chính địa chỉ này/,
    );
    const toCommune = sent.find((e) => e.to === 'ubnd.myhoa@thapmuoi.example.vn')!;
    expect(toCommune).toMatchObject({ kind: 'share' });
    expect(toCommune.message).toMatch(/^Kính gửi UBND xã Mỹ Hòa: theodoi chia sẻ với đơn vị bảng tính/);
    expect(toCommune.message).not.toContain('chưa là tài khoản Google');
  }, 120_000);

  it('gets those units in with `directive share` once their addresses became Google accounts', async () => {
    for (const address of ['yt@thapmuoi.example.vn', 'ubnd.thanhmy@thapmuoi.example.vn']) {
      const res = await fetch(`${sheets.url}/__emulator/accounts`, {
        method: 'POST',
        body: JSON.stringify({ email: address, kind: 'consumer' }),
      });
      expect(res.status).toBe(200);
    }
    const shared = await theodoi('directive', 'share', DIRECTIVE);
    expect(shared.stdout).toContain(`Công văn ${DIRECTIVE}: chia sẻ thêm 2 địa chỉ`);
    expect(shared.stdout).toContain(`Đã chia sẻ bảng tính với cả ${thapMuoi.units.length} địa chỉ.`);
    const writers = (await files()).find((f) => f.id === spreadsheetId)!.permissions;
    expect(writers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ emailAddress: 'yt@thapmuoi.example.vn', role: 'writer' }),
        expect.objectContaining({ emailAddress: 'ubnd.thanhmy@thapmuoi.example.vn', role: 'writer' }),
      ]),
    );
    const again = (await emails()).filter(
      (e) => e.fileId === spreadsheetId && e.to === 'yt@thapmuoi.example.vn',
    );
    expect(again.map((e) => e.kind)).toEqual(['invitation', 'share']);
    expect((await files()).filter((f) => f.owner.endsWith('.iam.gserviceaccount.com'))).toHaveLength(0);
  }, 60_000);

  it('syncs the directive, and refuses to register it twice', async () => {
    // The first sync writes the statuses and the Tổng hợp tab in one batchUpdate; Firestore: the snapshot and
    // the note that the summary's chart now exists.
    const synced = await theodoi('sync', DIRECTIVE, '--period', '2024-Q1');
    expect(synced.stdout).toContain('Quý I/2024: 0 đã tiếp nhận, 0 có lỗi, 0 chưa đủ, 25 chưa báo cáo');
    expect(synced.stdout).toContain('(1 lượt đọc, 1 lượt ghi Sheets; 2 lượt ghi Firestore;');
    const again = await failing(
      'directive',
      'create',
      '--file',
      'examples/thap-muoi-2024/directive-cchc-2024.json',
    );
    expect(again.stderr).toContain(`Lỗi: Công văn "${DIRECTIVE}" đã được đăng ký trước đó.`);
    const made = (await files()).filter((f) => f.mimeType === 'application/vnd.google-apps.spreadsheet');
    expect(made.map((f) => f.id)).toEqual([spreadsheetId]);
  }, 60_000);

  it('answers a revoked grant in Vietnamese with the command that mends it, then logs out', async () => {
    const stored = JSON.parse(await readFile(grantFile(), 'utf8')) as { refresh_token: string };
    const revoked = await fetch(`${sheets.url}/revoke?token=${encodeURIComponent(stored.refresh_token)}`, {
      method: 'POST',
    });
    expect(revoked.status).toBe(200);
    for (const args of [
      ['auth', 'status'],
      ['sync', DIRECTIVE],
    ]) {
      const refused = await failing(...args);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        'đã bị thu hồi hoặc hết hạn. Đăng nhập lại bằng lệnh "theodoi auth login"',
      );
    }
    const out = await theodoi('auth', 'logout');
    expect(out.stdout).toContain(`Đã xoá quyền truy cập của ${COORDINATOR} khỏi máy này`);
    expect(JSON.parse(await readFile(grantFile(), 'utf8'))).toEqual({
      type: 'authorized_user',
      client_id: THEODOI_DESKTOP_CLIENT.clientId,
      client_secret: THEODOI_DESKTOP_CLIENT.clientSecret,
      project_id: THEODOI_DESKTOP_CLIENT.projectId,
    });
    const status = await failing('auth', 'status');
    expect(status.stderr).toContain('Chưa đăng nhập tài khoản Google cho theodoi');
  }, 60_000);
});

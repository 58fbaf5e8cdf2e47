// The coordinator's command line, end to end on the emulators: load units, register the directive, sync it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type EmulatorServer } from '@theodoi/sheets-emulator/server';

const run = promisify(execFile);

describe('theodoi units import → directive create → sync', () => {
  let sheets: EmulatorServer;
  const theodoi = (...args: string[]) =>
    run('npx', ['tsx', 'scripts/cli/main.ts', ...args], {
      env: { ...process.env, GOOGLE_CLOUD_PROJECT: 'theodoi-it-cli-flow', SHEETS_EMULATOR_URL: sheets.url },
    });
  beforeAll(async () => {
    // Lenient until the identity redesign (#17) lands
    sheets = await start({ accounts: 'lenient', notifications: { batchMs: 0 } });
  });
  afterAll(async () => sheets?.stop());

  it('provisions the Tháp Mười directive and reports each step in Vietnamese', async () => {
    await theodoi('units', 'import', 'examples/thap-muoi-2024/organisation.json');
    const created = await theodoi(
      'directive',
      'create',
      '--file',
      'examples/thap-muoi-2024/directive-cchc-2024.json',
    );
    expect(created.stdout).toMatch(/^Đã tạo bảng tính "Công văn \(chưa có số\) – triển khai Quyết định/);
    expect(created.stdout).toContain('(2 lệnh gọi Sheets, 25 lệnh gọi Drive để chia sẻ quyền.)');

    // The first sync writes the statuses and the Tổng hợp tab in one batchUpdate; Firestore: the snapshot and
    // the note that the summary's chart now exists.
    const synced = await theodoi('sync', 'thap-muoi-cchc-2024', '--period', '2024-Q1');
    expect(synced.stdout).toContain('Quý I/2024: 0 đã tiếp nhận, 0 có lỗi, 0 chưa đủ, 25 chưa báo cáo');
    expect(synced.stdout).toContain('(1 lượt đọc, 1 lượt ghi Sheets; 2 lượt ghi Firestore;');

    const again = await theodoi(
      'directive',
      'create',
      '--file',
      'examples/thap-muoi-2024/directive-cchc-2024.json',
    ).catch((e: { stderr: string }) => e);
    expect(again.stderr).toContain('Lỗi: Công văn "thap-muoi-cchc-2024" đã được đăng ký trước đó.');
  }, 60_000);
});

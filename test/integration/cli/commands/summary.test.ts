// `theodoi summary` end to end on the emulators: the coordinator gets the Tổng hợp tab and the draft paragraph.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantVariable } from '@theodoi/functions/config';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { startLocalEmulators, type LocalEmulators } from '@theodoi/test-kit/emulators/local';
import { loginThroughEmulator } from '@theodoi/test-kit/login';
import { googleAccountsOf, thapMuoi } from '@theodoi/test-kit/world';

const run = promisify(execFile);

describe('theodoi summary', () => {
  let emulators: LocalEmulators;
  let sheets: EmulatorServer;
  let grant = '';
  const theodoi = (...args: string[]) =>
    run('npx', ['tsx', 'scripts/cli/main.ts', ...args], {
      env: {
        ...process.env,
        GOOGLE_CLOUD_PROJECT: 'theodoi-it-cli-summary',
        SHEETS_EMULATOR_URL: sheets.url,
        THEODOI_GOOGLE_GRANT: grant,
      },
    });
  beforeAll(async () => {
    emulators = await startLocalEmulators({ notifyBatchMs: 0, googleAccounts: googleAccountsOf(thapMuoi) });
    sheets = emulators.sheets;
    grant = grantVariable(await loginThroughEmulator(sheets.url, thapMuoi.coordinator.email));
  });
  afterAll(async () => emulators?.stop());

  it('rewrites the Tổng hợp tab and prints the paragraph; an unknown period is refused in Vietnamese', async () => {
    await theodoi('units', 'import', 'examples/thap-muoi-2024/organisation.json');
    await theodoi('directive', 'create', '--file', 'examples/thap-muoi-2024/directive-cchc-2024.json');
    sheets.resetCounters();
    const out = await theodoi('summary', 'thap-muoi-cchc-2024', '--period', '2024-Q1');
    const [first, blank, paragraph] = out.stdout.trimEnd().split('\n');
    expect(first).toBe(
      'Đã cập nhật trang Tổng hợp: TỔNG HỢP TÌNH HÌNH THỰC HIỆN CÔNG VĂN (CHƯA CÓ SỐ) — QUÝ I/2024 ' +
        '(1 lượt đọc, 1 lượt ghi Sheets).',
    );
    expect(blank).toBe('');
    // The real clock is long past the 2024 deadline and nobody has reported.
    expect(paragraph).toMatch(
      /^Tính đến \d\d giờ \d\d ngày \d{1,2}\/\d{1,2}\/\d{4}, chưa có đơn vị nào trong số 25 đơn vị báo cáo \(đã quá hạn\)\.$/,
    );
    // And Drive's version before and after the write: nobody else wrote, so the sweep will not read it (decision 011).
    expect(sheets.counters().methods).toEqual({
      'sheets.spreadsheets.get': 1,
      'sheets.spreadsheets.batchUpdate': 1,
      'drive.files.get': 2,
    });

    const refused = await theodoi('summary', 'thap-muoi-cchc-2024', '--period', '2030-Q1').catch(
      (e: { stderr: string }) => e,
    );
    expect(refused.stderr).toContain('Lỗi: Công văn không có kỳ báo cáo 2030-Q1.');
  }, 60_000);
});

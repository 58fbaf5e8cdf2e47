// `theodoi report` and `theodoi dashboard` end to end on the emulators: files written where asked, and the
// dashboard created once, then rewritten in one Sheets write.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantVariable } from '@theodoi/functions/config';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { startLocalEmulators, type LocalEmulators } from '@theodoi/test-kit/emulators/local';
import { loginThroughEmulator } from '@theodoi/test-kit/login';
import { googleAccountsOf, thapMuoi } from '@theodoi/test-kit/world';

const run = promisify(execFile);

describe('theodoi report and theodoi dashboard', () => {
  let emulators: LocalEmulators;
  let sheets: EmulatorServer;
  let grant = '';
  let out: string;
  const theodoi = (...args: string[]) =>
    run('npx', ['tsx', 'scripts/cli/main.ts', ...args], {
      env: {
        ...process.env,
        GOOGLE_CLOUD_PROJECT: 'theodoi-it-cli-report',
        SHEETS_EMULATOR_URL: sheets.url,
        THEODOI_GOOGLE_GRANT: grant,
      },
    });
  beforeAll(async () => {
    emulators = await startLocalEmulators({ notifyBatchMs: 0, googleAccounts: googleAccountsOf(thapMuoi) });
    sheets = emulators.sheets;
    grant = grantVariable(await loginThroughEmulator(sheets.url, thapMuoi.coordinator.email));
    out = await mkdtemp(join(tmpdir(), 'theodoi-report-'));
    await theodoi('units', 'import', 'examples/thap-muoi-2024/organisation.json');
    await theodoi('directive', 'create', '--file', 'examples/thap-muoi-2024/directive-cchc-2024.json');
  }, 60_000);
  afterAll(async () => {
    await emulators?.stop();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('writes the .docx and the .xlsx into --out, with no Sheets call', async () => {
    sheets.resetCounters();
    const { stdout } = await theodoi('report', 'thap-muoi-cchc-2024', '--period', '2024-Q1', '--out', out);
    const docx = join(out, 'thap-muoi-cchc-2024-2024-Q1-bao-cao.docx');
    const xlsx = join(out, 'thap-muoi-cchc-2024-2024-Q1-tong-hop.xlsx');
    expect(stdout.trim()).toBe(`Đã ghi dự thảo báo cáo: ${docx}\nĐã ghi bảng tổng hợp: ${xlsx}`);
    expect((await readdir(out)).sort()).toEqual([
      'thap-muoi-cchc-2024-2024-Q1-bao-cao.docx',
      'thap-muoi-cchc-2024-2024-Q1-tong-hop.xlsx',
    ]);
    const text = (await mammoth.extractRawText({ buffer: await readFile(docx) })).value;
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Số:        /BC-NV');
    expect(text).toContain('- Số đơn vị chưa báo cáo: 25 đơn vị (quá hạn: 25 đơn vị);');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await readFile(xlsx)).buffer);
    expect(book.getWorksheet('Tổng hợp')?.getCell('A1').value).toBe(
      'TỔNG HỢP TÌNH HÌNH THỰC HIỆN CÔNG VĂN (CHƯA CÓ SỐ) — QUÝ I/2024',
    );
    expect(sheets.counters().total).toBe(0);

    const refused = await theodoi('report', 'khong-co', '--out', out).catch((e: { stderr: string }) => e);
    expect(refused.stderr).toContain('Lỗi: Không có công văn "khong-co" trong hệ thống.');
  }, 60_000);

  it('creates the dashboard once, then rewrites it in one write', async () => {
    sheets.resetCounters();
    const created = await theodoi('dashboard', 'huyen-thap-muoi');
    expect(created.stdout).toMatch(
      /^Đã tạo bảng theo dõi \(1 văn bản\): \S+ \(0 lượt đọc, 1 lượt ghi Sheets\)\.$/m,
    );
    // Drive makes it in the coordinator's folder; its one write shapes and fills it.
    expect(sheets.counters().methods).toEqual({
      'drive.files.create': 1,
      'sheets.spreadsheets.batchUpdate': 1,
    });
    sheets.resetCounters();
    const again = await theodoi('dashboard', 'huyen-thap-muoi');
    expect(again.stdout).toMatch(
      /^Đã cập nhật bảng theo dõi \(1 văn bản\): \S+ \(0 lượt đọc, 1 lượt ghi Sheets\)\.$/m,
    );
    expect(sheets.counters().methods).toEqual({ 'sheets.spreadsheets.batchUpdate': 1 });
  }, 60_000);
});

// `theodoi evaluate` end to end on the Firestore emulator: the test year stored as theodoi stores it, evaluated for
// 2024 by the command, both files written where asked and read back (exceljs, mammoth) with the figures computed by
// hand; a malformed range is refused in Vietnamese.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@theodoi/functions/config';
import { openFirestore } from '@theodoi/functions/store/firestore';
import { storeTestYear } from '../../../support/evaluation-store.js';

const run = promisify(execFile);
const PROJECT = 'theodoi-it-cli-evaluate';

describe('theodoi evaluate', () => {
  let out: string;
  const theodoi = (...args: string[]) =>
    run('npx', ['tsx', 'scripts/cli/main.ts', ...args], {
      env: { ...process.env, GOOGLE_CLOUD_PROJECT: PROJECT },
    });
  beforeAll(async () => {
    const db = await openFirestore(loadConfig({ ...process.env, GOOGLE_CLOUD_PROJECT: PROJECT }));
    await storeTestYear(db, 'huyen-thu');
    out = await mkdtemp(join(tmpdir(), 'theodoi-evaluate-'));
  }, 60_000);
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('writes the .xlsx and the annex of 2024 for the only organisation, with the figures of the test year', async () => {
    const { stdout } = await theodoi('evaluate', '--year', '2024', '--out', out);
    const xlsx = join(out, 'huyen-thu-2024-danh-gia-don-vi.xlsx');
    const docx = join(out, 'huyen-thu-2024-phu-luc.docx');
    expect(stdout.trim().split('\n')).toEqual([
      'Đánh giá 5 đơn vị của Ủy ban nhân dân huyện Thử năm 2024: 5 đơn vị có báo cáo, nhiệm vụ đến hạn, từ 3 văn bản.',
      `Đã ghi bảng đánh giá đơn vị: ${xlsx}`,
      `Đã ghi phụ lục kèm báo cáo: ${docx}`,
    ]);
    expect((await readdir(out)).sort()).toEqual([
      'huyen-thu-2024-danh-gia-don-vi.xlsx',
      'huyen-thu-2024-phu-luc.docx',
    ]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await readFile(xlsx)).buffer);
    const sheet = book.getWorksheet('Đánh giá đơn vị')!;
    const units = new Map<string, unknown[]>();
    sheet.eachRow((row) => {
      const name = row.getCell(2).value;
      if (typeof name === 'string')
        units.set(
          name,
          [3, 4, 5, 6, 16, 17, 18].map((c) => row.getCell(c).value),
        );
    });
    // Reports due, on time, late, working days late; score, grade, rank.
    expect(units.get('Phòng Nội vụ')).toEqual([5, 3, 2, 3, 90, 'Xuất sắc', 2]);
    expect(units.get('Phòng Tư pháp')).toEqual([5, 2, 2, 5, 55, 'Trung bình', 4]);
    expect(units.get('UBND xã Một')).toEqual([5, 3, 0, 0, 30, 'Yếu', 5]);
    expect(units.get('UBND xã Hai')).toEqual([2, 1, 1, 2, 75, 'Khá', 3]);
    expect(units.get('UBND xã Ba')).toEqual([4, 4, 0, 0, 100, 'Xuất sắc', 1]);
    expect(units.get('Tổng cộng')?.slice(0, 4)).toEqual([21, 13, 5, 10]);

    const text = (await mammoth.extractRawText({ buffer: await readFile(docx) })).value;
    expect(text).toContain('KẾT QUẢ THỰC HIỆN CHẾ ĐỘ BÁO CÁO VÀ NHIỆM VỤ ĐƯỢC GIAO NĂM 2024');
    expect(text).toContain(
      '(Kèm theo Báo cáo số        /BC-NV ngày      tháng      năm         của Phòng Nội vụ)',
    );
    expect(text).toContain('(Sáp nhập vào UBND xã Ba từ ngày 01/07/2024)');
  }, 60_000);

  it('evaluates a quarter, and refuses a malformed range in Vietnamese', async () => {
    const { stdout } = await theodoi('evaluate', '--quarter', '2024-Q1', '--org', 'huyen-thu', '--out', out);
    expect(stdout).toContain('Đánh giá 5 đơn vị của Ủy ban nhân dân huyện Thử quý I năm 2024');
    expect(await readdir(out)).toContain('huyen-thu-2024-Q1-phu-luc.docx');
    const refused = await theodoi('evaluate', '--quarter', '2024-Q5').catch((e: { stderr: string }) => e);
    expect(refused.stderr).toContain(
      'Lỗi: "2024-Q5" không phải quý hợp lệ — ví dụ --quarter 2024-Q1 (Q1 đến Q4).',
    );
  }, 60_000);
});

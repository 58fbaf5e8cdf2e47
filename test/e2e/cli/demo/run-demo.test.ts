// `npm run demo`'s scenario in CI mode: the seed's quarter and the directive of tasks played beside it end with the
// figures the scenario was written to produce.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { runDemo, type DemoResult } from '@theodoi/cli/demo/run-demo';
import { findChromium } from '@theodoi/sheets-emulator/ui/screenshot';
import { clientsFor } from '@theodoi/test-kit/clients';
import { thapMuoi } from '@theodoi/test-kit/world';

/** A range's values as the coordinator, the spreadsheets' owner, reads them. */
async function values(result: DemoResult, spreadsheetId: string, range: string): Promise<string[][]> {
  const { sheets } = clientsFor(result.emulators.sheets, thapMuoi.coordinator.email);
  return ((await sheets.spreadsheets.values.get({ spreadsheetId, range })).data.values ?? []) as string[][];
}

/** How many rows a tab has and their heights in pixels, as the emulator holds them (read as the coordinator, its owner). */
async function tabRowHeights(result: DemoResult, spreadsheetId: string, title: string) {
  const { sheets } = clientsFor(result.emulators.sheets, thapMuoi.coordinator.email);
  const res = await sheets.spreadsheets.get({
    spreadsheetId,
    ranges: [`'${title}'`],
    fields: 'sheets.data.rowMetadata.pixelSize',
  });
  const rows = res.data.sheets?.[0]?.data?.[0]?.rowMetadata ?? [];
  return { count: rows.length, pixels: rows.reduce((n, r) => n + (r.pixelSize ?? 0), 0) };
}

describe('the Tháp Mười demo quarter, with a directive of tasks beside it', () => {
  it('ends with 20 units on time, 2 late, 3 overdue and no errors left, and the task rows on time, late and overdue', async () => {
    const lines: string[] = [];
    const result = await runDemo((line) => lines.push(line), mkdtempSync(join(tmpdir(), 'demo-')));
    try {
      expect(result.statuses['dung-han']).toHaveLength(20);
      expect(result.statuses['tre-han'].sort()).toEqual(['30070', 'LDTBXH']);
      expect(result.statuses['qua-han'].sort()).toEqual(['30061', '30073', 'YT']);
      expect(result.statuses['co-loi']).toEqual([]);
      // Every edit went through the UI path: the coordinator's standalone script called sheetEvent with its ID token,
      // which answered 202 at once; Pub/Sub carried the request to syncDirectiveEvent.
      expect(result.triggers.path).toBe(
        'standalone-script → sheetEvent (ID token) → Pub/Sub → syncDirectiveEvent',
      );
      expect(lines).toContain(
        'Đường đi của mỗi lần nhập: giao diện Sheets → tập lệnh độc lập của điều phối viên → sheetEvent (ID token, trả lời 202) → Pub/Sub → syncDirectiveEvent → trạng thái trên dòng.',
      );
      expect(result.triggers.editExecutions).toBe(result.edits);
      expect(result.triggers.acknowledgementMs.p95).toBeLessThan(300);
      expect(result.feedbackMs.p95).toBeGreaterThan(0);
      expect(result.feedbackMs.p95).toBeLessThan(2000);
      // The coordinator's trigger runtime, as the emulator measured it, is printed against Google's 90 minutes.
      expect(result.triggers.runtimeUsedMs).toBeGreaterThan(0);
      expect(result.triggers.runtimeLimitMs).toBe(90 * 60_000);
      expect(lines.some((l) => l.startsWith('Thời gian chạy kích hoạt của điều phối viên đã dùng:'))).toBe(
        true,
      );
      // …and extrapolated to a province's busy day from the demo's mean edit trigger: 6,000 edits × the mean.
      const province = Math.round((6000 * result.triggers.meanExecutionMs) / 60_000);
      expect(lines).toContain(
        `Ước tính cho một tỉnh vào ngày bận (6.000 lần sửa, mỗi lần như trung bình ở trên): ${province} phút/ngày, trên hạn mức 90 phút/ngày (tài khoản gmail) hoặc 6 giờ/ngày (Google Workspace).`,
      );
      // The files for people: the report draft, its summary workbook, the spreadsheet, the dashboard, the PNG.
      const named = (suffix: string) => result.files.find((f) => f.endsWith(suffix))!;
      const docx = await mammoth.extractRawText({ path: named('thap-muoi-cchc-2024-2024-Q1-bao-cao.docx') });
      expect(docx.value).toContain('BÁO CÁO');
      expect(docx.value).toContain('22/25');
      const dashboard = new ExcelJS.Workbook();
      await dashboard.xlsx.readFile(named('bang-theo-doi-van-ban.xlsx'));
      expect(dashboard.worksheets.map((w) => w.name)).toEqual([
        'Văn bản',
        'Đơn vị × văn bản',
        'Đánh giá đơn vị',
        'Sổ theo dõi văn bản',
      ]);
      // The coordinator's register comes with its header, ready to paste a công văn into.
      expect(dashboard.getWorksheet('Sổ theo dõi văn bản')!.getCell('A1').value).toBe(
        'Nội dung công văn (dán vào đây)',
      );
      expect(dashboard.getWorksheet('Văn bản')!.getRow(5).getCell(7).value).toBe('22/25');
      // The directive of tasks has its line: 4 of its 5 rows completed, 1 late, 1 overdue.
      const taskLine = dashboard.getWorksheet('Văn bản')!.getRow(6);
      expect([2, 7, 8, 10].map((c) => taskLine.getCell(c).value)).toEqual(['512/UBND-VHTT', '4/5', 1, 1]);
      expect(dashboard.getWorksheet('Đánh giá đơn vị')!.getCell('A1').value).toBe(
        'ĐÁNH GIÁ ĐƠN VỊ — NĂM 2024',
      );
      if (findChromium()) {
        // The whole Tổng hợp tab, down to its draft paragraph: at least as tall as all its rows.
        const png = readFileSync(result.screenshot!);
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(png.length).toBeGreaterThan(100_000);
        const rows = await tabRowHeights(result, result.spreadsheetId, 'Tổng hợp');
        expect(rows.count).toBeGreaterThan(45);
        expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(rows.pixels);
        const evaluation = readFileSync(result.evaluationScreenshot!);
        const evaluationRows = await tabRowHeights(result, result.dashboardSpreadsheetId, 'Đánh giá đơn vị');
        expect(evaluation.readUInt32BE(20)).toBeGreaterThanOrEqual(evaluationRows.pixels);
      } else {
        expect(result.screenshot).toBeUndefined();
        expect(result.evaluationScreenshot).toBeUndefined();
      }
      // The directive's workbook as leadership downloads it reads back with its tabs.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(named('bang-tinh-cong-van.xlsx'));
      // Excel forbids '/' in sheet names; Q2's tab was opened by the check of 15/03, when its window began.
      expect(workbook.worksheets.map((w) => w.name)).toEqual([
        'Hướng dẫn',
        'Quý I_2024',
        'Quý II_2024',
        'Tổng hợp',
      ]);
      expect(lines).toContain(
        'Tính đến 08 giờ 00 ngày 22/3/2024: 22/25 đơn vị đã báo cáo, trong đó 20 đúng hạn, 2 trễ hạn; ' +
          '3 đơn vị quá hạn chưa báo cáo (Phòng Y tế, UBND xã Đốc Binh Kiều, UBND xã Thanh Mỹ).',
      );
      expect(lines.filter((l) => l.includes('✖ Có lỗi (1)'))).toHaveLength(3);
      // The morning checks flagged the three overdue units, and the Tổng hợp tab's paragraph says the same.
      expect(result.flaggedOnLastMorning).toBe(3);
      expect(result.paragraph).toMatch(
        /^Tính đến 08 giờ 00 ngày 22\/3\/2024, có 22\/25 đơn vị đã báo cáo \(đạt 88%\), trong đó 20 đơn vị đúng hạn, 2 đơn vị trễ hạn; còn 3 đơn vị chưa báo cáo/,
      );
      // Every officer edit is followed by one sync, and every morning by one check: one read and at most
      // one write each (plus the provisioning write, the final summary's write and the dashboard's).
      const runs = result.edits + result.checks;
      // The check reads both spreadsheets each morning.
      const reads =
        (result.sheetsCalls['sheets.spreadsheets.getByDataFilter'] ?? 0) +
        (result.sheetsCalls['sheets.spreadsheets.values.batchGetByDataFilter'] ?? 0);
      expect(reads).toBe(runs + result.checks);
      expect(result.sheetsCalls['sheets.spreadsheets.batchUpdate']).toBeLessThanOrEqual(
        runs + result.checks + 5,
      );
      await expectTaskDirectivePlayed(result, lines);
    } finally {
      await result.stop();
    }
  }, 120_000);
});

/**
 * The công văn of tasks beside the seed: nv1 done on time by its lead and its co-operating unit, nv2's lead done
 * after the check had flagged it (late), nv3 left in progress past its day (overdue and flagged).
 */
async function expectTaskDirectivePlayed(result: DemoResult, lines: string[]) {
  expect(lines).toContain(
    'Đã đọc công văn số 512/UBND-VHTT "V/v triển khai nhiệm vụ chuyển đổi số quý I năm 2024" (theodoi directive import, rồi directive create --from-draft): 3 nhiệm vụ, mỗi nhiệm vụ có đơn vị chủ trì, đơn vị phối hợp và hạn riêng → 5 dòng nhiệm vụ.',
  );
  // The officers' updates went through the same trigger path, each line saying what the row shows.
  expect(lines).toContainEqual(
    expect.stringMatching(
      /^ {2}19\/03 16:10 {2}Phòng Tư pháp — nhiệm vụ 2: hoàn thành sau hạn → Hoàn thành trễ hạn \(trễ 2 ngày làm việc\) · ✔ Đã tiếp nhận \(\d+ ms\)$/,
    ),
  );
  // The morning check flagged nv2's lead on 18/03 and nv3 from 19/03.
  expect(lines).toContain(
    '  18/03 07:30  Kiểm tra hạn công văn nhiệm vụ: dòng quá hạn được gắn cờ nhắc việc — Phòng Tư pháp — nhiệm vụ 2 (Quá hạn (quá hạn 1 ngày làm việc)).',
  );
  expect(lines).toContain(
    '  20/03 07:30  Kiểm tra hạn công văn nhiệm vụ: dòng quá hạn được gắn cờ nhắc việc — Phòng Nội vụ — nhiệm vụ 3 (Quá hạn (quá hạn 2 ngày làm việc)).',
  );
  expect(result.tasks.rows).toEqual([
    { unitCode: 'VHTT', taskId: 'nv1', status: 'hoan-thanh-dung-han' },
    { unitCode: 'NV', taskId: 'nv1', status: 'hoan-thanh-dung-han' },
    { unitCode: 'TP', taskId: 'nv2', status: 'hoan-thanh-tre-han' },
    { unitCode: 'VP', taskId: 'nv2', status: 'hoan-thanh-dung-han' },
    { unitCode: 'NV', taskId: 'nv3', status: 'qua-han' },
  ]);
  // The rows as officers see them: code, "Tình trạng nhiệm vụ" and "Kiểm tra".
  const rows = (await values(result, result.tasks.spreadsheetId, "'Nhiệm vụ'!C5:M9")).map((r) => [
    r[0],
    r[9],
    r[10],
  ]);
  expect(rows).toEqual([
    ['VHTT', 'Hoàn thành đúng hạn', '✔ Đã tiếp nhận'],
    ['NV', 'Hoàn thành đúng hạn', '✔ Đã tiếp nhận'],
    ['TP', 'Hoàn thành trễ hạn (trễ 2 ngày làm việc)', '✔ Đã tiếp nhận'],
    ['VP', 'Hoàn thành đúng hạn', '✔ Đã tiếp nhận'],
    ['NV', 'Quá hạn (quá hạn 4 ngày làm việc)', '✔ Đã tiếp nhận'],
  ]);
  const summary = (await values(result, result.tasks.spreadsheetId, "'Tổng hợp'!A1:H40")).map((r) =>
    r.join(' | '),
  );
  expect(summary[3]).toMatch(/^Hoàn thành 4\/5 lượt nhiệm vụ \(đúng hạn 3, trễ hạn 1\)/);
  expect(summary).toContainEqual(expect.stringMatching(/^Phòng Nội vụ — nhiệm vụ 3 \(.*\): Quá hạn/));
  expect(lines).toContain(
    'Dự thảo nội dung báo cáo (tab Tổng hợp):\n' +
      '  "Tính đến 08 giờ 00 ngày 22/3/2024, 3 nhiệm vụ được giao cho các đơn vị (5 lượt đơn vị chủ trì, phối hợp): 4 lượt đã hoàn thành (3 đúng hạn, 1 trễ hạn), 0 lượt đang thực hiện; 1 lượt quá hạn chưa hoàn thành (Phòng Nội vụ)."',
  );
  // Its report draft with the tasks annex, and the PNG of its Tổng hợp.
  const docx = result.files.find((f) => f.endsWith('512-ubnd-vhtt-2024-bao-cao.docx'))!;
  const text = (await mammoth.extractRawText({ path: docx })).value.replace(/\n+/g, '\n');
  expect(text).toContain('TÌNH HÌNH THỰC HIỆN TỪNG NHIỆM VỤ');
  expect(text).toContain('Phòng Tư pháp (Chủ trì): Hoàn thành trễ hạn (trễ 2 ngày làm việc)');
  expect(text).toContain('Phòng Nội vụ (Chủ trì): Quá hạn (quá hạn 4 ngày làm việc)');
  expect(result.files.some((f) => f.endsWith('bang-tinh-cong-van-nhiem-vu.xlsx'))).toBe(true);
  if (findChromium()) {
    const png = readFileSync(result.tasks.screenshot!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const tab = await tabRowHeights(result, result.tasks.spreadsheetId, 'Tổng hợp');
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(tab.pixels);
  } else {
    expect(result.tasks.screenshot).toBeUndefined();
  }
}

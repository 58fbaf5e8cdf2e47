// The report files from what officers typed on the emulators: the .docx and the .xlsx carry the same units,
// statuses and totals as the test computes from the rows it typed, and making them costs no Sheets call.
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFiles, type ReportFiles } from '@theodoi/cli/reports/report-files';
import { xlsxPositions } from '@theodoi/cli/reports/xlsx-summary';
import { startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';
import { cchcRowWith } from '../../../fixtures/cchc-rows.js';

const TAB = "'Quý I/2024'";
/** Conferences and participants each unit reports (columns E and F); the rest of the row is valid. */
const reports: Record<string, [number, number]> = { NV: [3, 1_200], '30052': [5, 940], VP: [2, 35] };
const row = ([hoiNghi, thamDu]: [number, number]) => cchcRowWith(hoiNghi, thamDu);
const vi = (n: number) => n.toLocaleString('vi-VN');
const sum = (i: 0 | 1) => Object.values(reports).reduce((n, r) => n + r[i], 0);

describe('the report files of a directive', () => {
  let world: World;
  let files: ReportFiles;
  let lines: string[];
  let calls: number;

  beforeAll(async () => {
    world = await startWorld('report-files', '2024-03-11T02:00:00Z');
    const codes = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!A5:A`,
    });
    const rowOf = new Map((codes.data.values ?? []).map(([code], i) => [String(code), 5 + i]));
    for (const [code, figures] of Object.entries(reports)) {
      const editor = thapMuoi.units.find((u) => u.code === code)!.editors[0]!;
      await world.officer(editor).spreadsheets.values.update({
        spreadsheetId: world.directive.spreadsheetId,
        range: `${TAB}!C${rowOf.get(code)}`,
        valueInputOption: 'USER_ENTERED',
        requestBody: { values: [row(figures)] },
      });
    }
    await world.sync();
    world.clock.set('2024-03-20T02:00:00Z');
    world.emulator.resetCounters();
    files = await reportFiles(world.deps, { directiveId: world.spec.id, periodKey: '2024-Q1' });
    calls = world.emulator.counters().total;
    const text = await mammoth.extractRawText({ buffer: files.docx.data });
    lines = text.value
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  });
  afterAll(async () => world?.close());

  it('reads Firestore only', () => {
    expect(calls).toBe(0);
    expect(files.docx.name).toBe(`${world.spec.id}-2024-Q1-bao-cao.docx`);
    expect(files.xlsx.name).toBe(`${world.spec.id}-2024-Q1-tong-hop.xlsx`);
  });

  it('writes the .docx under the coordinator unit with the organisation above it', () => {
    expect(lines.slice(0, 2)).toEqual(['UBND HUYỆN THÁP MƯỜI', 'PHÒNG NỘI VỤ']);
    expect(lines).toContain('Số:        /BC-NV');
    expect(lines).toContain('Tháp Mười, ngày      tháng 3 năm 2024');
    expect(lines).toContain('BÁO CÁO');
    expect(lines).toContain(
      `Tình hình thực hiện Công văn số …… ngày 05/02/2024 của Ủy ban nhân dân huyện Tháp Mười về việc ${world.spec.subject}`,
    );
    expect(lines).toContain(
      `- Số đơn vị đã báo cáo: 3/25 đơn vị (đạt 12%), trong đó đúng hạn: 3 đơn vị, trễ hạn: 0 đơn vị;`,
    );
    for (const unit of thapMuoi.units) expect(lines).toContain(unit.name);
    const totals = lines.lastIndexOf('Tổng cộng');
    expect(lines.slice(totals + 1, totals + 3)).toEqual([vi(sum(0)), vi(sum(1))]);
  });

  it('writes the .xlsx with the same totals as numbers', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(files.xlsx.data).buffer);
    const sheet = book.getWorksheet('Tổng hợp')!;
    const pos = xlsxPositions(files.model);
    expect(sheet.getCell(pos.totalsRow, 6).value).toBe(sum(0));
    expect(sheet.getCell(pos.totalsRow, 7).value).toBe(sum(1));
    expect(sheet.getCell(pos.kpiHeader + 1, 2).value).toBe(3);
  });
});

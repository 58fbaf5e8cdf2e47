// The Tổng hợp tab on the emulators: officers report (on time, late, wrong, not at all, one with an IMPORTXML
// text), buildSummary rewrites the tab in one write, and what leadership reads back matches what this test
// computes on its own from the rows it typed.
import { getDirective } from '@theodoi/functions/store/directives';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTemplate } from '@theodoi/sheets-schema/registry';
import { cchcTuyenTruyen } from '@theodoi/sheets-schema/templates/cchc-tuyen-truyen';
import { SUMMARY_SHEET_ID } from '@theodoi/functions/sheets/layout/new-spreadsheet';
import { SUMMARY_CHART_ID } from '@theodoi/functions/sheets/layout/summary-tab';
import { buildSummary, type BuildSummaryResult } from '@theodoi/functions/usecases/build-summary';
import { startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';

const TAB = "'Quý I/2024'";
const SUMMARY = "'Tổng hợp'";
const INJECTION = '=IMPORTXML("http://x","//a")';

/** The figures a unit reports; the rest of the row is filled so that it is valid. */
interface Figures {
  hoiNghi: number;
  thamDu: number;
  tinBai: number;
  mxh: number;
  kinhPhi: number;
  nguoi: string;
}

/** Columns C…W as an officer types them (vi_VN: "1.500.000" is one and a half million). */
function row(f: Figures): string[] {
  return [
    '1',
    'Kế hoạch số 15/KH-UBND ngày 20/02/2024',
    String(f.hoiNghi),
    String(f.thamDu),
    String(f.tinBai),
    '2',
    '3',
    String(f.mxh),
    '100',
    '0',
    '',
    '0',
    '',
    f.kinhPhi.toLocaleString('vi-VN'),
    'Tuyên truyền kịp thời',
    '',
    '',
    '',
    '',
    f.nguoi,
    '0277 3838 288',
  ];
}

const reports: Record<string, Figures> = {
  '30052': { hoiNghi: 5, thamDu: 200, tinBai: 4, mxh: 10, kinhPhi: 1_500_000, nguoi: 'Nguyễn Văn An' },
  NV: { hoiNghi: 3, thamDu: 120, tinBai: 6, mxh: 2, kinhPhi: 0, nguoi: 'Trần Thị Bình' },
  // Typed with a leading apostrophe: text, which the text column accepts and stores as typed.
  '30049': { hoiNghi: 2, thamDu: 1_840, tinBai: 1, mxh: 7, kinhPhi: 250_000, nguoi: `'${INJECTION}` },
  // Valid on time, then broken: its accepted figures stay in the summary.
  VP: { hoiNghi: 4, thamDu: 90, tinBai: 12, mxh: 0, kinhPhi: 3_000_000, nguoi: 'Lê Văn Cường' },
  // Reports after the deadline.
  '30061': { hoiNghi: 1, thamDu: 35, tinBai: 2, mxh: 5, kinhPhi: 500_000, nguoi: 'Phạm Thị Dung' },
};
const ON_TIME = ['30052', 'NV', '30049'];
const LATE = ['30061'];
const BROKEN_AFTER_ACCEPTED = 'VP';
const NEVER_VALID = 'TP';
const REPORTED = [...ON_TIME, BROKEN_AFTER_ACCEPTED, ...LATE];

const editorOf = (code: string) => thapMuoi.units.find((u) => u.code === code)!.editors[0]!;
const nameOf = (code: string) => thapMuoi.units.find((u) => u.code === code)!.name;
const sum = (pick: (f: Figures) => number) => REPORTED.reduce((n, code) => n + pick(reports[code]!), 0);
const vi = (n: number) => n.toLocaleString('vi-VN');

// With the kept figures of the cchc template, plus the officer's name: a text column, to show typed text.
const template = parseTemplate({
  ...cchcTuyenTruyen,
  keyFigures: [...(cchcTuyenTruyen.keyFigures ?? []), 'nguoi_bao_cao'],
});

describe('the Tổng hợp tab', () => {
  let world: World;
  let result: BuildSummaryResult;
  let grid: string[][];
  let calls: Record<string, number>;
  let protectionBefore: unknown;
  const rowOf = new Map<string, number>();

  const type = (code: string, values: string[], from = 'C') =>
    world.officer(editorOf(code)).spreadsheets.values.update({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!${from}${rowOf.get(code)}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [values] },
    });
  const readSummary = async (valueRenderOption = 'FORMATTED_VALUE') =>
    ((
      await world.clients.sheets.spreadsheets.values.get({
        spreadsheetId: world.directive.spreadsheetId,
        range: `${SUMMARY}!A1:Z200`,
        valueRenderOption,
      })
    ).data.values ?? []) as string[][];
  const summaryTab = async () => {
    const res = await world.clients.sheets.spreadsheets.get({
      spreadsheetId: world.directive.spreadsheetId,
      ranges: [SUMMARY],
      includeGridData: true,
    });
    return res.data.sheets!.find((s) => s.properties?.sheetId === SUMMARY_SHEET_ID)!;
  };
  const rowStarting = (rows: string[][], column: number, text: string) =>
    rows.findIndex((r) => r[column] === text);
  const summarise = () =>
    buildSummary(
      { ...world.deps, loadTemplate: () => template },
      { directiveId: world.spec.id, periodKey: '2024-Q1' },
    );

  beforeAll(async () => {
    // Monday 11/03/2024, 09:00 in Vietnam; Quý I/2024 is due Monday 18/03/2024.
    world = await startWorld('summary', '2024-03-11T02:00:00Z');
    const codes = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!A5:A`,
    });
    (codes.data.values ?? []).forEach(([code], i) => rowOf.set(String(code), 5 + i));
    for (const code of [...ON_TIME, BROKEN_AFTER_ACCEPTED]) await type(code, row(reports[code]!));
    await type(NEVER_VALID, row({ ...reports.NV!, nguoi: 'Võ Văn Em' }));
    await type(NEVER_VALID, ['5 buổi'], 'E');
    await world.sync();
    // Tuesday 12/03: the Văn phòng breaks its accepted row.
    world.clock.set('2024-03-12T02:00:00Z');
    await type(BROKEN_AFTER_ACCEPTED, ['nhiều'], 'E');
    await world.sync();
    // Wednesday 20/03, two working days after the deadline: Đốc Binh Kiều reports, late.
    world.clock.set('2024-03-20T02:00:00Z');
    for (const code of LATE) await type(code, row(reports[code]!));
    await world.sync();
    world.clock.set('2024-03-20T08:30:00Z');
    protectionBefore = (await summaryTab()).protectedRanges;
    world.emulator.resetCounters();
    result = await summarise();
    calls = { ...world.emulator.counters().methods };
    grid = await readSummary();
  });
  afterAll(async () => world?.close());

  it('costs one read (the charts to replace) and exactly one write', () => {
    // And Drive's version before and after the write, so the sweep knows the write for theodoi's (decision 011).
    expect(calls).toEqual({
      'sheets.spreadsheets.get': 1,
      'sheets.spreadsheets.batchUpdate': 1,
      'drive.files.get': 2,
    });
    expect(result.calls).toEqual({ sheetsReads: 1, sheetsWrites: 1, driveReads: 2 });
  });

  it('shows the header and the KPIs the test counts from the rows it typed', () => {
    const total = thapMuoi.units.length;
    const reported = REPORTED.length;
    const withErrors = 2;
    expect(grid[0]?.[0]).toBe(
      'TỔNG HỢP TÌNH HÌNH THỰC HIỆN CÔNG VĂN (CHƯA CÓ SỐ) NGÀY 05/02/2024 — QUÝ I/2024',
    );
    expect(grid[2]?.[0]).toBe('Kỳ báo cáo: Quý I/2024. Hạn báo cáo: 18/03/2024 (thứ Hai).');
    expect(grid[3]?.[0]).toBe('Cập nhật lúc 15:30 ngày 20/03/2024');
    expect(grid[4]?.[0]).toBe(
      `Đã báo cáo ${reported}/${total} (20%)    Đúng hạn 4    Trễ hạn 1    ` +
        `Chưa báo cáo ${total - reported} (quá hạn ${total - reported})    Có lỗi cần sửa ${withErrors}`,
    );
    expect(result.model.kpis).toMatchObject({
      total,
      reported,
      onTime: 4,
      late: 1,
      notReported: total - reported,
      overdue: total - reported,
      withErrors,
    });
    // The status block the chart draws: a partition of the units.
    const header = rowStarting(grid, 1, 'Tình hình báo cáo');
    const block = Object.fromEntries(
      grid.slice(header + 1, header + 8).map((r): [string, string] => [r[1] ?? '', r[2] ?? '']),
    );
    expect(block).toEqual({
      'Chưa đến hạn': '0',
      'Sắp đến hạn': '0',
      'Đã báo cáo đúng hạn': '3',
      'Báo cáo trễ hạn': '1',
      'Quá hạn chưa báo cáo': String(total - reported - 1),
      'Có lỗi cần sửa': '2',
      'Tổng số đơn vị': String(total),
    });
  });

  it('lists every unit with its status, report date and last accepted figures, Vietnamese-formatted', () => {
    const header = rowStarting(grid, 0, 'STT');
    expect(grid[header]).toEqual([
      'STT',
      'Nhóm đơn vị',
      'Đơn vị',
      'Tình hình báo cáo',
      'Ngày báo cáo',
      ...template.keyFigures.map((k) => template.columns.find((c) => c.key === k)!.header),
    ]);
    // Two khối, each closed by its subtotal line.
    const units = grid
      .slice(header + 1, header + 1 + thapMuoi.units.length + 2)
      .filter((r) => !r[0]?.startsWith('Cộng: '));
    expect(units.map((r) => r[2])).toEqual(thapMuoi.units.map((u) => u.name));
    const byName = new Map(units.map((r) => [r[2], r]));
    const line = (code: string) => byName.get(nameOf(code))!;
    expect(line('30052')).toEqual([
      String(thapMuoi.units.findIndex((u) => u.code === '30052') + 1),
      'UBND các xã, thị trấn',
      'UBND xã Mỹ Hòa',
      'Đã báo cáo đúng hạn',
      '11/03/2024',
      '5',
      '200',
      '4',
      '10',
      '1.500.000',
      'Nguyễn Văn An',
    ]);
    expect(line('30061').slice(3, 7)).toEqual([
      'Báo cáo trễ hạn (trễ 2 ngày làm việc)',
      '20/03/2024',
      '1',
      '35',
    ]);
    expect(line('30049').slice(5, 7)).toEqual(['2', '1.840']);
    // Broken after being accepted: the status says so, the figures are the accepted ones.
    expect(line(BROKEN_AFTER_ACCEPTED).slice(3, 10)).toEqual([
      'Có lỗi cần sửa (1 lỗi)',
      '11/03/2024',
      '4',
      '90',
      '12',
      '0',
      '3.000.000',
    ]);
    expect(line(NEVER_VALID).slice(3)).toEqual(['Có lỗi cần sửa (1 lỗi, quá hạn 2 ngày làm việc)']);
    expect(line('30073').slice(3)).toEqual(['Quá hạn chưa báo cáo (quá hạn 2 ngày làm việc)']);
  });

  it('subtotals each khối under its units: how many reported, and each figure by its rule', () => {
    const header = rowStarting(grid, 0, 'STT');
    const khoi = (group: string) => thapMuoi.units.filter((u) => u.group === group).map((u) => u.code);
    const banNganh = khoi('ban-nganh');
    const xa = khoi('xa-thi-tran');
    const subtotal = (name: string) => grid[rowStarting(grid, 0, `Cộng: ${name}`)]!;
    // Each subtotal closes its khối's units: 12 ban, ngành, then 13 xã, thị trấn.
    expect(rowStarting(grid, 0, 'Cộng: Các ban, ngành thuộc UBND huyện')).toBe(header + 1 + banNganh.length);
    expect(rowStarting(grid, 0, 'Cộng: UBND các xã, thị trấn')).toBe(
      header + 2 + banNganh.length + xa.length,
    );
    const inKhoi = (codes: string[]) => REPORTED.filter((c) => codes.includes(c));
    const sumOf = (codes: string[], pick: (f: Figures) => number) =>
      inKhoi(codes).reduce((n, code) => n + pick(reports[code]!), 0);
    for (const [name, codes] of [
      ['Các ban, ngành thuộc UBND huyện', banNganh],
      ['UBND các xã, thị trấn', xa],
    ] as const) {
      expect(subtotal(name).slice(3)).toEqual([
        `Đã báo cáo ${inKhoi(codes).length}/${codes.length}`,
        '',
        vi(sumOf(codes, (f) => f.hoiNghi)),
        vi(sumOf(codes, (f) => f.thamDu)),
        vi(sumOf(codes, (f) => f.tinBai)),
        vi(sumOf(codes, (f) => f.mxh)),
        vi(sumOf(codes, (f) => f.kinhPhi)),
      ]);
    }
    expect(subtotal('Các ban, ngành thuộc UBND huyện').slice(3, 6)).toEqual(['Đã báo cáo 2/12', '', '7']);
    expect(subtotal('UBND các xã, thị trấn').slice(3, 7)).toEqual(['Đã báo cáo 3/13', '', '8', '2.075']);
  });

  it('totals each key figure by its rule over the accepted figures', () => {
    const totals = grid[rowStarting(grid, 0, 'Tổng cộng')]!;
    expect(totals.slice(5)).toEqual([
      vi(sum((f) => f.hoiNghi)),
      vi(sum((f) => f.thamDu)),
      vi(sum((f) => f.tinBai)),
      vi(sum((f) => f.mxh)),
      vi(sum((f) => f.kinhPhi)),
    ]);
    expect(totals.slice(5, 7)).toEqual(['15', '2.285']);
  });

  it('names the units to chase, most overdue first, with their contact', () => {
    const heading = rowStarting(grid, 0, `ĐƠN VỊ CẦN ĐÔN ĐỐC (${25 - REPORTED.length + 1})`);
    expect(heading).toBeGreaterThan(0);
    const chase = grid.slice(heading + 2, heading + 2 + 25 - REPORTED.length + 1);
    const vp = chase.find((r) => r[2] === nameOf(BROKEN_AFTER_ACCEPTED))!;
    expect(vp.slice(3)).toEqual([
      'Có lỗi cần sửa (1 lỗi)',
      'Đầu mối Văn phòng HĐND và UBND',
      '0277 3821 101',
    ]);
    const overdue = chase.filter((r) => r[3] === 'Quá hạn chưa báo cáo (quá hạn 2 ngày làm việc)');
    expect(overdue).toHaveLength(25 - REPORTED.length - 1);
    expect(chase.indexOf(vp)).toBeGreaterThan(chase.indexOf(overdue.at(-1)!));
  });

  it('drafts the paragraph from the same figures', () => {
    const missing = thapMuoi.units.filter((u) => !REPORTED.includes(u.code)).map((u) => u.name);
    const expected =
      `Tính đến 15 giờ 30 ngày 20/3/2024, có 5/25 đơn vị đã báo cáo (đạt 20%), trong đó 4 đơn vị đúng hạn, ` +
      `1 đơn vị trễ hạn; còn 20 đơn vị chưa báo cáo (đã quá hạn), gồm: ${missing.join(', ')}. ` +
      `Có 2 đơn vị cần sửa lỗi trong số liệu báo cáo: ${nameOf(BROKEN_AFTER_ACCEPTED)}, ${nameOf(NEVER_VALID)}. ` +
      `Các đơn vị đã tổ chức ${vi(sum((f) => f.hoiNghi))} hội nghị, cuộc họp có nội dung cải cách hành chính; ` +
      `thu hút ${vi(sum((f) => f.thamDu))} lượt người tham dự hội nghị, cuộc họp; ` +
      `đăng ${vi(sum((f) => f.tinBai))} tin, bài trên trang thông tin điện tử, báo chí; ` +
      `đăng ${vi(sum((f) => f.mxh))} bài trên mạng xã hội; sử dụng ${vi(sum((f) => f.kinhPhi))} đồng kinh phí.`;
    expect(result.model.paragraph).toBe(expected);
    const heading = rowStarting(grid, 0, 'DỰ THẢO NỘI DUNG BÁO CÁO');
    expect(grid[heading + 1]?.[0]).toBe(expected);
    expect(grid.length).toBe(heading + 2);
  });

  it('writes what officers typed as plain text, never as a formula', async () => {
    const header = rowStarting(grid, 0, 'STT');
    const r = grid.findIndex((line) => line[2] === nameOf('30049'));
    const column = grid[header]!.indexOf('Cán bộ báo cáo');
    expect(grid[r]?.[column]).toBe(INJECTION);
    const formulas = await readSummary('FORMULA');
    expect(formulas[r]?.[column]).toBe(INJECTION);
    const tab = await summaryTab();
    const cell = tab.data![0]!.rowData![r]!.values![column]!;
    expect(cell.userEnteredValue).toEqual({ stringValue: INJECTION });
    expect(cell.effectiveValue).toEqual({ stringValue: INJECTION });
    // No cell of the tab holds a formula.
    const anyFormula = tab.data![0]!.rowData!.some((rd) =>
      (rd.values ?? []).some((v) => v.userEnteredValue?.formulaValue !== undefined),
    );
    expect(anyFormula).toBe(false);
  });

  it('draws one chart of units by status, keeps the tab locked as provisioned, and freezes the header', async () => {
    const tab = await summaryTab();
    expect(tab.charts?.map((c) => c.chartId)).toEqual([SUMMARY_CHART_ID]);
    expect(tab.charts?.[0]?.spec?.basicChart?.chartType).toBe('COLUMN');
    expect(tab.charts?.[0]?.spec?.basicChart?.domains?.[0]?.domain?.sourceRange?.sources).toEqual([
      {
        sheetId: SUMMARY_SHEET_ID,
        startRowIndex: 7,
        endRowIndex: 13,
        startColumnIndex: 1,
        endColumnIndex: 2,
      },
    ]);
    // The provisioning's protection, untouched: the whole tab, the account theodoi acts as only.
    expect(protectionBefore).toMatchObject([
      { range: { sheetId: SUMMARY_SHEET_ID }, editors: { users: [world.deps.actingAccount] } },
    ]);
    expect(tab.protectedRanges).toEqual(protectionBefore);
    expect(tab.properties?.gridProperties?.frozenRowCount).toBe(4);
    const merges = tab.merges ?? [];
    expect(merges).toContainEqual({
      sheetId: SUMMARY_SHEET_ID,
      startRowIndex: 0,
      endRowIndex: 1,
      startColumnIndex: 0,
      endColumnIndex: 5 + template.keyFigures.length,
    });
  });

  it('rewrites the tab in place on the next run: one chart, one protection, no stale rows', async () => {
    for (const code of ['TP']) await type(code, ['5'], 'E');
    world.clock.set('2024-03-21T01:00:00Z');
    await world.sync();
    world.emulator.resetCounters();
    const again = await summarise();
    // Right after a sync, nobody else wrote: Drive's version before and after, and the one after is recorded.
    expect(world.emulator.counters().methods).toEqual({
      'sheets.spreadsheets.get': 1,
      'sheets.spreadsheets.batchUpdate': 1,
      'drive.files.get': 2,
    });
    expect((await getDirective(world.db, world.spec.id))?.seenVersion).toBe(
      (await world.clients.drive.files.get({ fileId: world.directive.spreadsheetId, fields: 'version' })).data
        .version,
    );
    expect(again.model.kpis).toMatchObject({ reported: 6, late: 2, withErrors: 1 });
    const tab = await summaryTab();
    expect(tab.charts?.map((c) => c.chartId)).toEqual([SUMMARY_CHART_ID]);
    expect(tab.protectedRanges).toEqual(protectionBefore);
    const rows = await readSummary();
    const heading = rowStarting(rows, 0, 'DỰ THẢO NỘI DUNG BÁO CÁO');
    expect(rows[heading + 1]?.[0]).toBe(again.model.paragraph);
    expect(rows.length).toBe(heading + 2);
    expect(rows[3]?.[0]).toBe('Cập nhật lúc 08:00 ngày 21/03/2024');
    expect(rowStarting(rows, 0, `ĐƠN VỊ CẦN ĐÔN ĐỐC (${25 - 6 + 1})`)).toBeGreaterThan(0);
  });
});

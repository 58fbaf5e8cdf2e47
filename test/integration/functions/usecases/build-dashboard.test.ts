// The cross-directive dashboard on the emulators: three directives of one organisation in different states; the
// "Văn bản" rows, the addresses that cannot open the spreadsheets yet and the units × directives matrix match what
// this test counts from the rows it typed and the accounts the world has, units in the organisation file's order,
// directives named by number and date (never theodoi's ids); the "Đánh giá đơn vị" tab is built in the same write;
// the first run creates the spreadsheet with Drive in theodoi's folder and shapes it in its one write, every later
// run costs exactly one Sheets write and never creates another, and a scheduled rebuild with nothing new costs none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DASHBOARD_DIRECTIVES_SHEET_ID,
  DASHBOARD_MATRIX_SHEET_ID,
} from '@theodoi/functions/sheets/layout/dashboard';
import { EVALUATION_CHART_ID, EVALUATION_SHEET_ID } from '@theodoi/functions/sheets/layout/evaluation-layout';
import { getOrganisation, importOrganisation } from '@theodoi/functions/store/units';
import { buildDashboard, type BuildDashboardResult } from '@theodoi/functions/usecases/build-dashboard';
import { syncDirective } from '@theodoi/functions/usecases/sync-directive';
import { hasGoogleAccount, startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';
import { cchcRowWith } from '../../../fixtures/cchc-rows.js';

const TAB = "'Quý I/2024'";
const ORG = 'org-dashboard';
const A = 'cchc-dashboard';
const B = 'cchc-dashboard-b';
// C: every unit reported Quý I on time, so the dashboard follows the period due now (Quý II, not yet due).
const C = 'cchc-dashboard-c';

/** Columns C…W of a valid row of the cchc template. */
const validRow = (n: number) => cchcRowWith(n, n * 40);

// Directive A: two units on time, one typed something wrong, the others never reported.
const A_ON_TIME = ['NV', '30052'];
const A_WRONG = 'TP';
// Directive B: one unit on time, one late (after the deadline); Đốc Binh Kiều is between runs.
const B_ON_TIME = ['VP'];
const B_LATE = ['30061'];
const B_BETWEEN_RUNS = '30070';

const editorOf = (code: string) => thapMuoi.units.find((u) => u.code === code)!.editors[0]!;
const nameOf = (code: string) => thapMuoi.units.find((u) => u.code === code)!.name;

describe('the dashboard "Theo dõi thực hiện văn bản chỉ đạo"', () => {
  let world: World;
  let first: BuildDashboardResult;
  let firstCalls: Record<string, number>;
  let second: BuildDashboardResult;
  let secondCalls: Record<string, number>;
  let directivesGrid: string[][];
  let matrixGrid: string[][];
  const spreadsheetOf = new Map<string, string>();
  const rowOf = new Map<string, number>();

  const type = (directiveId: string, code: string, values: string[], from = 'C') =>
    world.officer(editorOf(code)).spreadsheets.values.update({
      spreadsheetId: spreadsheetOf.get(directiveId)!,
      range: `${TAB}!${from}${rowOf.get(code)}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [values] },
    });
  const sync = (directiveId: string) => syncDirective(world.deps, { directiveId, trigger: 'test' });
  const read = async (spreadsheetId: string, range: string) =>
    ((
      await world.clients.sheets.spreadsheets.values.get({
        spreadsheetId,
        range,
        valueRenderOption: 'FORMATTED_VALUE',
      })
    ).data.values ?? []) as string[][];
  const dashboard = () => buildDashboard(world.deps, { organisationId: ORG });

  beforeAll(async () => {
    // Monday 11/03/2024, 09:00 in Vietnam; Quý I/2024 is due Monday 18/03/2024.
    world = await startWorld('dashboard', '2024-03-11T02:00:00Z');
    // A is a draft without its number yet; B and C were numbered when issued.
    const b = await world.addDirective({
      ...world.spec,
      id: B,
      number: '125/UBND-VP',
      date: '2024-02-20',
      subject: 'tăng cường công tác phòng cháy, chữa cháy',
    });
    const c = await world.addDirective({ ...world.spec, id: C, number: '130/UBND-NV', date: '2024-02-26' });
    spreadsheetOf.set(A, world.directive.spreadsheetId);
    spreadsheetOf.set(B, b.spreadsheetId);
    spreadsheetOf.set(C, c.spreadsheetId);
    const codes = await read(world.directive.spreadsheetId, `${TAB}!A5:A`);
    codes.forEach(([code], i) => rowOf.set(String(code), 5 + i));
    // theodoi's own account fills every row of C at once (the rows follow the recipients' order in every copy).
    await world.clients.sheets.spreadsheets.values.update({
      spreadsheetId: c.spreadsheetId,
      range: `${TAB}!C5`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: codes.map(() => validRow(1)) },
    });
    await sync(C);
    for (const code of A_ON_TIME) await type(A, code, validRow(3));
    await type(A, A_WRONG, validRow(2));
    await type(A, A_WRONG, ['5 buổi'], 'E');
    for (const code of B_ON_TIME) await type(B, code, validRow(1));
    await sync(A);
    await sync(B);
    // Wednesday 20/03, two working days after the deadline.
    world.clock.set('2024-03-20T02:00:00Z');
    for (const code of B_LATE) await type(B, code, validRow(4));
    await sync(B);
    world.clock.set('2024-03-20T08:30:00Z');

    world.emulator.resetCounters();
    first = await dashboard();
    firstCalls = { ...world.emulator.counters().methods };
    directivesGrid = await read(first.spreadsheetId, "'Văn bản'!A1:L20");
    matrixGrid = await read(first.spreadsheetId, "'Đơn vị × văn bản'!A1:F40");

    // Between runs a unit of B reports; the next run shows it, for one write.
    await type(B, B_BETWEEN_RUNS, validRow(2));
    await sync(B);
    world.emulator.resetCounters();
    second = await dashboard();
    secondCalls = { ...world.emulator.counters().methods };
  });
  afterAll(async () => world?.close());

  it("creates the spreadsheet on the first run in the coordinator's folder and shapes it in its one write", async () => {
    expect(first.created).toBe(true);
    // The coordinator owns it: nothing to share.
    expect(firstCalls).toEqual({ 'drive.files.create': 1, 'sheets.spreadsheets.batchUpdate': 1 });
    expect(first.calls).toEqual({ sheetsReads: 0, sheetsWrites: 1, driveCalls: 1 });
    const file = await world.clients.drive.files.get({
      fileId: first.spreadsheetId,
      fields: 'owners(emailAddress),parents',
    });
    expect(file.data.owners).toEqual([{ emailAddress: thapMuoi.coordinator.email }]);
    const org = await getOrganisation(world.db, ORG);
    expect(org?.dashboardSpreadsheetId).toBe(first.spreadsheetId);
    const meta = await world.clients.sheets.spreadsheets.get({ spreadsheetId: first.spreadsheetId });
    expect(meta.data.properties?.title).toBe(
      'Theo dõi thực hiện văn bản chỉ đạo — Ủy ban nhân dân huyện Tháp Mười',
    );
    expect(meta.data.properties?.locale).toBe('vi_VN');
    expect(meta.data.properties?.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(meta.data.sheets?.map((s) => [s.properties?.sheetId, s.properties?.title])).toEqual([
      [DASHBOARD_DIRECTIVES_SHEET_ID, 'Văn bản'],
      [DASHBOARD_MATRIX_SHEET_ID, 'Đơn vị × văn bản'],
      [EVALUATION_SHEET_ID, 'Đánh giá đơn vị'],
    ]);
  });

  it('has one row per open directive with the counts the test makes from what it typed', () => {
    const total = thapMuoi.units.length;
    expect(directivesGrid[0]?.[0]).toBe(
      'THEO DÕI THỰC HIỆN VĂN BẢN CHỈ ĐẠO — ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI',
    );
    expect(directivesGrid[1]?.[0]).toBe('Cập nhật lúc 15:30 ngày 20/03/2024; 3 văn bản đang theo dõi.');
    expect(directivesGrid[3]).toEqual([
      'STT',
      'Số, ký hiệu',
      'Ngày ban hành',
      'Trích yếu',
      'Kỳ báo cáo',
      'Hạn báo cáo',
      'Đã báo cáo',
      'Trễ hạn',
      'Chưa báo cáo',
      'Quá hạn',
      'Có lỗi',
      'Bảng tính',
    ]);
    const subject = world.spec.subject;
    // A: NV and Mỹ Hòa on time; TP never valid (with errors, overdue); everyone else overdue.
    const aReported = A_ON_TIME.length;
    expect(directivesGrid[4]).toEqual([
      '1',
      '(chưa có số)',
      '05/02/2024',
      subject,
      'Quý I/2024',
      '18/03/2024',
      `${aReported}/${total}`,
      '0',
      String(total - aReported),
      String(total - aReported),
      '1',
      'Mở bảng tính',
    ]);
    // B: VP on time, Đốc Binh Kiều late; no errors.
    const bReported = B_ON_TIME.length + B_LATE.length;
    expect(directivesGrid[5]).toEqual([
      '2',
      '125/UBND-VP',
      '20/02/2024',
      'tăng cường công tác phòng cháy, chữa cháy',
      'Quý I/2024',
      '18/03/2024',
      `${bReported}/${total}`,
      '1',
      String(total - bReported),
      String(total - bReported),
      '0',
      'Mở bảng tính',
    ]);
    // C: Quý I is complete, so the line follows Quý II (due Tuesday 18/06/2024), not yet reported by anyone.
    expect(directivesGrid[6]).toEqual([
      '3',
      '130/UBND-NV',
      '26/02/2024',
      subject,
      'Quý II/2024',
      '18/06/2024',
      `0/${total}`,
      '0',
      String(total),
      '0',
      '0',
      'Mở bảng tính',
    ]);
    expect(directivesGrid).toHaveLength(12);
  });

  it('lists, under the directives, the units whose address is not a Google account yet and what to do', () => {
    expect(directivesGrid.slice(7, 10)).toEqual([
      [],
      ['ĐƠN VỊ CHƯA VÀO ĐƯỢC BẢNG TÍNH'],
      ['STT', 'Đơn vị', 'Địa chỉ thư điện tử', 'Tình trạng', 'Văn bản', 'Việc cần làm'],
    ]);
    const out = thapMuoi.units.filter((u) => !hasGoogleAccount(u.editors[0]!));
    expect(directivesGrid.slice(10)).toEqual(
      out.map((u, i) => [
        String(i + 1),
        u.shortName ?? u.name,
        u.editors[0],
        'Chưa phải tài khoản Google (đã gửi thư mời)',
        // Each directive named as people name it: number and date, never theodoi's id.
        '(chưa có số) ngày 05/02/2024; 125/UBND-VP ngày 20/02/2024; 130/UBND-NV ngày 26/02/2024',
        'tạo tài khoản Google cho địa chỉ này, hoặc cho biết một địa chỉ khác',
      ]),
    );
    expect(out).toHaveLength(2);
  });

  it('links each row to its spreadsheet as a text link, never a formula', async () => {
    const res = await world.clients.sheets.spreadsheets.get({
      spreadsheetId: first.spreadsheetId,
      ranges: ["'Văn bản'!L5:L6"],
      includeGridData: true,
    });
    const cells = res.data.sheets?.[0]?.data?.[0]?.rowData?.map((r) => r.values?.[0]);
    expect(cells?.map((c) => c?.userEnteredValue)).toEqual([
      { stringValue: 'Mở bảng tính' },
      { stringValue: 'Mở bảng tính' },
    ]);
    expect(cells?.map((c) => c?.userEnteredFormat?.textFormat?.link?.uri)).toEqual([
      world.directive.spreadsheetUrl,
      first.model.directives[1]?.spreadsheetUrl,
    ]);
  });

  it('has a units × directives matrix of short statuses, directives named by number and date', () => {
    expect(matrixGrid[3]).toEqual([
      'STT',
      'Nhóm đơn vị',
      'Đơn vị',
      '(chưa có số) ngày 05/02/2024\nQuý I/2024',
      '125/UBND-VP ngày 20/02/2024\nQuý I/2024',
      '130/UBND-NV ngày 26/02/2024\nQuý II/2024',
    ]);
    const rows = matrixGrid.slice(4);
    // The organisation's order, as its file lists the units: Văn phòng HĐND-UBND first, never sorted by code.
    expect(rows.map((r) => r[2])).toEqual(thapMuoi.units.map((u) => u.name));
    expect(rows[0]?.slice(0, 3)).toEqual([
      '1',
      'Các ban, ngành thuộc UBND huyện',
      'Văn phòng HĐND và UBND huyện',
    ]);
    const byName = new Map(rows.map((r) => [r[2], r.slice(3)]));
    const expected = (code: string): [string, string, string] => [
      A_ON_TIME.includes(code) ? 'Đúng hạn' : code === A_WRONG ? 'Có lỗi' : 'Quá hạn',
      B_ON_TIME.includes(code) ? 'Đúng hạn' : B_LATE.includes(code) ? 'Trễ hạn' : 'Quá hạn',
      'Chưa đến hạn',
    ];
    for (const unit of thapMuoi.units) expect(byName.get(unit.name), unit.code).toEqual(expected(unit.code));
  });

  it('rewrites everything in exactly one Sheets write on later runs, in the same spreadsheet', async () => {
    expect(second.created).toBe(false);
    expect(second.spreadsheetId).toBe(first.spreadsheetId);
    expect(secondCalls).toEqual({ 'sheets.spreadsheets.batchUpdate': 1 });
    expect(second.calls).toEqual({ sheetsReads: 0, sheetsWrites: 1, driveCalls: 0 });
    const grid = await read(second.spreadsheetId, "'Văn bản'!A5:L6");
    expect(grid[1]?.[6]).toBe(`3/${thapMuoi.units.length}`);
    expect(grid[1]?.[7]).toBe('2');
    const matrix = await read(second.spreadsheetId, "'Đơn vị × văn bản'!A5:F40");
    expect(matrix.find((r) => r[2] === nameOf(B_BETWEEN_RUNS))?.slice(3)).toEqual([
      'Quá hạn',
      'Trễ hạn',
      'Chưa đến hạn',
    ]);
  });

  it('shows leadership no internal id of theodoi, in any cell or note of any tab', async () => {
    const res = await world.clients.sheets.spreadsheets.get({
      spreadsheetId: second.spreadsheetId,
      includeGridData: true,
      fields: 'sheets.data.rowData.values(formattedValue,note)',
    });
    const shown = JSON.stringify(res.data);
    expect(shown).toContain('125/UBND-VP');
    expect(shown).toContain('V/v tăng cường công tác phòng cháy, chữa cháy');
    for (const id of [A, B, C, ORG]) expect(shown).not.toContain(id);
  });

  it('builds the "Đánh giá đơn vị" tab of the year to date in the same write, khối by khối in the file’s order', async () => {
    expect(second.evaluation.range.label).toBe('năm 2024');
    const tab = await read(second.spreadsheetId, "'Đánh giá đơn vị'!A1:Z120");
    expect(tab[0]?.[0]).toBe('ĐÁNH GIÁ ĐƠN VỊ — NĂM 2024');
    expect(tab[2]?.[0]).toMatch(/^Cập nhật lúc 15:30 ngày 20\/03\/2024/);
    const heading = tab.findIndex((r) => r[0] === 'I. Các ban, ngành thuộc UBND huyện');
    const banNganh = thapMuoi.units.filter((u) => u.group === 'ban-nganh');
    expect(tab.slice(heading + 1, heading + 1 + banNganh.length).map((r) => r[1])).toEqual(
      banNganh.map((u) => u.name),
    );
    // Quý I of A, B and C was due on 18/03: each unit owed three reports; Văn phòng sent B's and C's on time.
    const vp = second.evaluation.groups[0]!.rows[0]!;
    expect(vp).toMatchObject({ unitCode: 'VP', tally: { reportsDue: 3, reportsOnTime: 2 } });
    const org = await getOrganisation(world.db, ORG);
    expect(org?.dashboardEvaluationChart).toBe(true);
    const charts = await world.clients.sheets.spreadsheets.get({
      spreadsheetId: second.spreadsheetId,
      fields: 'sheets(properties.sheetId,charts.chartId)',
    });
    expect(charts.data.sheets?.find((t) => t.properties?.sheetId === EVALUATION_SHEET_ID)?.charts).toEqual([
      { chartId: EVALUATION_CHART_ID },
    ]);
  });

  it('costs no Sheets call on a scheduled rebuild an hour later when nothing but the time changed', async () => {
    world.clock.advance(60 * 60_000);
    world.emulator.resetCounters();
    const again = await buildDashboard(world.deps, { organisationId: ORG, skipUnchanged: true });
    expect(again).toMatchObject({
      unchanged: true,
      calls: { sheetsReads: 0, sheetsWrites: 0, driveCalls: 0 },
    });
    expect(world.emulator.counters().methods).toEqual({});
    // An officer's report changes both the matrix and the evaluation: the next scheduled rebuild writes once.
    await type(A, 'VP', validRow(5));
    await sync(A);
    world.emulator.resetCounters();
    const changed = await buildDashboard(world.deps, { organisationId: ORG, skipUnchanged: true });
    expect(changed).toMatchObject({ unchanged: false, calls: { sheetsReads: 0, sheetsWrites: 1 } });
    expect(world.emulator.counters().methods).toEqual({ 'sheets.spreadsheets.batchUpdate': 1 });
    expect(changed.evaluation.groups[0]!.rows[0]).toMatchObject({
      unitCode: 'VP',
      tally: { reportsLate: 1 },
    });
  });

  it('redraws the evaluation chart removed by hand: the failed write, one read, the rewrite', async () => {
    await world.clients.sheets.spreadsheets.batchUpdate({
      spreadsheetId: first.spreadsheetId,
      requestBody: { requests: [{ deleteEmbeddedObject: { objectId: EVALUATION_CHART_ID } }] },
    });
    world.emulator.resetCounters();
    const repaired = await dashboard();
    expect(world.emulator.counters().methods).toEqual({
      'sheets.spreadsheets.batchUpdate': 2,
      'sheets.spreadsheets.get': 1,
    });
    expect(repaired.calls).toEqual({ sheetsReads: 1, sheetsWrites: 2, driveCalls: 0 });
    const charts = await world.clients.sheets.spreadsheets.get({
      spreadsheetId: first.spreadsheetId,
      fields: 'sheets(properties.sheetId,charts.chartId)',
    });
    expect(
      charts.data.sheets?.find((t) => t.properties?.sheetId === EVALUATION_SHEET_ID)?.charts,
    ).toHaveLength(1);
  });

  it('keeps its spreadsheet when the organisation file is imported again', async () => {
    await importOrganisation(world.db, { ...thapMuoi, id: ORG }, world.clock.now());
    world.emulator.resetCounters();
    const third = await dashboard();
    expect(third.spreadsheetId).toBe(first.spreadsheetId);
    expect(world.emulator.counters().methods).toEqual({ 'sheets.spreadsheets.batchUpdate': 1 });
  });
  it('puts back a tab deleted by hand: the failed write, one read, and the rewrite with the tab added', async () => {
    await world.clients.sheets.spreadsheets.batchUpdate({
      spreadsheetId: first.spreadsheetId,
      requestBody: { requests: [{ deleteSheet: { sheetId: DASHBOARD_MATRIX_SHEET_ID } }] },
    });
    world.emulator.resetCounters();
    const repaired = await dashboard();
    expect(world.emulator.counters().methods).toEqual({
      'sheets.spreadsheets.batchUpdate': 2,
      'sheets.spreadsheets.get': 1,
    });
    expect(world.emulator.counters().errors).toEqual({ 'sheets.spreadsheets.batchUpdate': 1 });
    expect(repaired.calls).toEqual({ sheetsReads: 1, sheetsWrites: 2, driveCalls: 0 });
    const matrix = await read(first.spreadsheetId, "'Đơn vị × văn bản'!A5:F40");
    expect(matrix).toHaveLength(thapMuoi.units.length);
  });
});

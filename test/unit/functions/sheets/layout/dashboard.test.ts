// The dashboard's rewrite, purely: both tabs cleared and rewritten in one list of requests, values only (a subject
// that looks like a formula stays a string), "—" outside a directive's recipients, a directive without a period, the
// addresses that cannot open their spreadsheets yet; and its shape, turned out of Drive's new spreadsheet.
import { describe, expect, it } from 'vitest';
import {
  DASHBOARD_DIRECTIVES_SHEET_ID,
  DASHBOARD_MATRIX_SHEET_ID,
  dashboardRequests,
  dashboardShapeRequests,
  directiveRows,
  matrixRows,
  type DashboardModel,
} from '@theodoi/functions/sheets/layout/dashboard';
import { EVALUATION_SHEET_ID } from '@theodoi/functions/sheets/layout/evaluation-layout';
import { SUMMARY_STATUS_COLOURS } from '@theodoi/functions/sheets/layout/summary-tab';

const model: DashboardModel = {
  organisationName: 'Ủy ban nhân dân huyện Tháp Mười',
  generatedAt: new Date('2024-03-20T01:00:00Z'),
  units: [
    { code: 'NV', name: 'Phòng Nội vụ', groupName: 'Các ban, ngành thuộc UBND huyện' },
    { code: '30052', name: 'UBND xã Mỹ Hòa', groupName: 'UBND các xã, thị trấn' },
  ],
  directives: [
    {
      id: 'cchc-2024',
      number: '06/UBND-NV',
      date: '2024-02-05',
      subject: '=IMPORTXML("http://x","//a")',
      spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
      period: { key: '2024-Q1', label: 'Quý I/2024', deadline: '2024-03-18' },
      kpis: {
        total: 1,
        reported: 0,
        reportedShare: 0,
        onTime: 0,
        late: 0,
        notReported: 1,
        overdue: 1,
        notYetDue: 0,
        withErrors: 0,
        byStatus: {
          'chua-den-han': 0,
          'sap-den-han': 0,
          'dung-han': 0,
          'tre-han': 0,
          'qua-han': 1,
          'co-loi': 0,
        },
      },
      statuses: new Map([['30052', 'qua-han' as const]]),
      recipients: new Set(['30052']),
    },
    {
      id: 'pccc-2024',
      number: null,
      date: '2024-03-01',
      subject: 'phòng cháy, chữa cháy',
      spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/def/edit',
      period: null,
      kpis: null,
      statuses: new Map(),
      recipients: new Set(['NV', '30052']),
    },
  ],
  accessIssues: [],
};

const values = (cells: { userEnteredValue?: unknown }[] | undefined) =>
  (cells ?? []).map((c) => {
    const v = c.userEnteredValue as { stringValue?: string; numberValue?: number } | undefined;
    return v?.stringValue ?? v?.numberValue ?? null;
  });

describe('the dashboard layout', () => {
  it('turns the new spreadsheet (one tab, id 0) into a vi_VN dashboard with its three tabs at fixed ids', () => {
    expect(dashboardShapeRequests('UBND huyện Tháp Mười')).toEqual([
      {
        updateSpreadsheetProperties: {
          properties: {
            title: 'Theo dõi thực hiện văn bản chỉ đạo — UBND huyện Tháp Mười',
            locale: 'vi_VN',
            timeZone: 'Asia/Ho_Chi_Minh',
          },
          fields: 'title,locale,timeZone',
        },
      },
      {
        updateSheetProperties: {
          properties: { sheetId: DASHBOARD_DIRECTIVES_SHEET_ID, title: 'Văn bản', index: 0 },
          fields: 'title,index',
        },
      },
      {
        addSheet: { properties: { sheetId: DASHBOARD_MATRIX_SHEET_ID, title: 'Đơn vị × văn bản', index: 1 } },
      },
      { addSheet: { properties: { sheetId: EVALUATION_SHEET_ID, title: 'Đánh giá đơn vị', index: 2 } } },
    ]);
  });

  it('adds back only the tabs a damaged dashboard lacks', () => {
    const repair = dashboardShapeRequests('X', new Set([DASHBOARD_MATRIX_SHEET_ID]));
    expect(repair.map((r) => Object.keys(r)[0])).toEqual([
      'updateSpreadsheetProperties',
      'addSheet',
      'updateSheetProperties',
      'addSheet',
    ]);
  });

  it('lists, under the directives, the addresses that cannot open a spreadsheet yet and what to do', () => {
    const rows = directiveRows({
      ...model,
      accessIssues: [
        {
          units: 'Phòng Y tế',
          address: 'yt@thapmuoi.example.vn',
          status: 'needs-google-account',
          directives: ['06/UBND-NV', '(chưa có số) pccc-2024'],
        },
      ],
    });
    expect(values(rows[7])).toEqual(['ĐƠN VỊ CHƯA VÀO ĐƯỢC BẢNG TÍNH']);
    expect(values(rows[8])).toEqual([
      'STT',
      'Đơn vị',
      'Địa chỉ thư điện tử',
      'Tình trạng',
      'Văn bản',
      'Việc cần làm',
    ]);
    expect(values(rows[9])).toEqual([
      1,
      'Phòng Y tế',
      'yt@thapmuoi.example.vn',
      'Chưa phải tài khoản Google (đã gửi thư mời)',
      '06/UBND-NV; (chưa có số) pccc-2024',
      'tạo tài khoản Google cho địa chỉ này, hoặc cho biết một địa chỉ khác',
    ]);
    expect(values(directiveRows(model)[8])).toEqual([
      'Tất cả địa chỉ của các đơn vị đã được chia sẻ bảng tính.',
    ]);
  });

  it('writes one row per directive, in Vietnam time, values only', () => {
    const rows = directiveRows(model);
    expect(values(rows[1])).toEqual(['Cập nhật lúc 08:00 ngày 20/03/2024; 2 văn bản đang theo dõi.']);
    // Dates are serials (05/02/2024, 18/03/2024), the subject a string even when it looks like a formula.
    expect(values(rows[3])?.slice(1, 4)).toEqual(['Số, ký hiệu', 'Ngày ban hành', 'Trích yếu']);
    expect(values(rows[4])).toEqual([
      1,
      '06/UBND-NV',
      45327,
      '=IMPORTXML("http://x","//a")',
      'Quý I/2024',
      45369,
      '0/1',
      0,
      1,
      1,
      0,
      'Mở bảng tính',
    ]);
    expect(values(rows[5])).toEqual([
      2,
      '(chưa có số)',
      45352,
      'phòng cháy, chữa cháy',
      'Chưa đến kỳ báo cáo',
      null,
      '',
      null,
      null,
      null,
      null,
      'Mở bảng tính',
    ]);
    expect(rows[4]?.[2]?.userEnteredFormat?.numberFormat).toEqual({ type: 'DATE', pattern: 'dd/MM/yyyy' });
    expect(rows[5]?.[11]?.userEnteredFormat?.textFormat?.link?.uri).toBe(
      'https://docs.google.com/spreadsheets/d/def/edit',
    );
  });

  it('says on its line when theodoi can no longer open a spreadsheet, keeping the link', () => {
    const lost = { ...model, directives: [{ ...model.directives[1]!, accessLost: true }] };
    const cell = directiveRows(lost)[4]?.[11];
    expect(values([cell!])).toEqual([
      'Không mở được bảng tính — cần chia sẻ lại cho tài khoản Google mà theodoi dùng',
    ]);
    expect(cell?.userEnteredFormat?.textFormat?.link?.uri).toBe(
      'https://docs.google.com/spreadsheets/d/def/edit',
    );
    expect(cell?.userEnteredFormat?.backgroundColor).toBeDefined();
  });

  it('names each directive by its number and date, its subject in the header’s note, never by theodoi’s id', () => {
    const rows = matrixRows(model);
    expect(values(rows[3])).toEqual([
      'STT',
      'Nhóm đơn vị',
      'Đơn vị',
      '06/UBND-NV ngày 05/02/2024\nQuý I/2024',
      '(chưa có số) ngày 01/03/2024',
    ]);
    expect(rows[3]?.slice(3).map((c) => c.note)).toEqual([
      'V/v =IMPORTXML("http://x","//a")',
      'V/v phòng cháy, chữa cháy',
    ]);
    const written = JSON.stringify(dashboardRequests(model));
    for (const d of model.directives) expect(written).not.toContain(d.id);
  });

  it('marks units outside a directive with "—" and colours the statuses', () => {
    const rows = matrixRows(model);
    expect(values(rows[4])).toEqual([1, 'Các ban, ngành thuộc UBND huyện', 'Phòng Nội vụ', '—', null]);
    expect(values(rows[5])).toEqual([2, 'UBND các xã, thị trấn', 'UBND xã Mỹ Hòa', 'Quá hạn', null]);
    expect(rows[5]?.[3]?.userEnteredFormat?.backgroundColor).toEqual(SUMMARY_STATUS_COLOURS['qua-han']);
  });

  it('clears and rewrites both tabs in one list of requests, never with a formula', () => {
    const requests = dashboardRequests(model);
    const cleared = requests.flatMap((r) => (r.updateCells?.range ? [r.updateCells.range.sheetId] : []));
    expect(cleared).toEqual([DASHBOARD_DIRECTIVES_SHEET_ID, DASHBOARD_MATRIX_SHEET_ID]);
    expect(JSON.stringify(requests)).not.toContain('formulaValue');
    const frozen = requests.flatMap((r) =>
      r.updateSheetProperties ? [r.updateSheetProperties.properties?.gridProperties] : [],
    );
    expect(frozen).toMatchObject([
      { frozenRowCount: 4, frozenColumnCount: 0, columnCount: 12 },
      { frozenRowCount: 4, frozenColumnCount: 3, columnCount: 5 },
    ]);
  });
});

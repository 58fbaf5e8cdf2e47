// The official report draft: built from a summary model, packed to .docx, read back with mammoth — the Decree 30
// heading, the blank number, the title, the figures, the unit names and the table's totals are all there.
import { Packer } from 'docx';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSummaryModel } from '@theodoi/functions/domain/summary/index';
import { officialReportDocument, REPORT_FONT } from '@theodoi/cli/reports/docx-report';
import { defaultReportContext, placeDateLine, shortBodyName } from '@theodoi/cli/reports/report-context';
import { broken, input, units, valid } from '../../../support/summary-fixtures.js';

const NV = { hoi_nghi: 3, tham_du: 1_200, ty_le: 0.5, trang_thai: 'Đang thực hiện', kinh_phi: 1_500_000 };
const TP = {
  hoi_nghi: 2,
  tham_du: 940,
  ty_le: 1,
  trang_thai: 'Hoàn thành',
  nguoi: '=IMPORTXML("http://x","//a")',
};
const TAN_KIEU = { hoi_nghi: 1, tham_du: 35, kinh_phi: 250_000 };

// Wednesday 20/03/2024, 09:00 in Vietnam: the deadline (18/03) has passed; Mỹ Hòa never reported.
const model = buildSummaryModel(
  input('2024-03-20T02:00:00Z', {
    NV: valid('2024-03-11T02:00:00Z', NV),
    TP: broken(1, { at: '2024-03-11T03:00:00Z', values: TP }),
    '30049': valid('2024-03-20T01:00:00Z', TAN_KIEU),
  }),
);
const organisation = {
  name: 'Ủy ban nhân dân huyện Tháp Mười',
  parent: 'Ủy ban nhân dân tỉnh Đồng Tháp',
  place: 'Tháp Mười',
  coordinator: { unitCode: 'NV' },
};
const directive = {
  number: '06/UBND-NV',
  date: '2024-02-05',
  issuer: 'Ủy ban nhân dân huyện Tháp Mười',
  subject: 'báo cáo kết quả thông tin, tuyên truyền cải cách hành chính quý I năm 2024',
};
const context = defaultReportContext(organisation, units[0], directive, new Date('2024-03-20T02:00:00Z'));

describe('the official report draft (.docx)', () => {
  let lines: string[];
  let xml: string;

  beforeAll(async () => {
    const buffer = await Packer.toBuffer(officialReportDocument(model, context));
    const { value } = await mammoth.extractRawText({ buffer });
    lines = value
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const { default: JSZip } = await import('jszip');
    xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
  });

  it('opens with the issuer under its superior beside Quốc hiệu and Tiêu ngữ, a blank number and the date line', () => {
    expect(lines.slice(0, 8)).toEqual([
      'UBND HUYỆN THÁP MƯỜI',
      'PHÒNG NỘI VỤ',
      '──────',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '─────────────',
      'Số:        /BC-NV',
      'Tháp Mười, ngày      tháng 3 năm 2024',
    ]);
  });

  it('has the title "BÁO CÁO" and the subject naming the directive', () => {
    expect(lines[8]).toBe('BÁO CÁO');
    expect(lines[9]).toBe(
      'Tình hình thực hiện Công văn số 06/UBND-NV ngày 05/02/2024 của Ủy ban nhân dân huyện Tháp Mười ' +
        'về việc báo cáo kết quả thông tin, tuyên truyền cải cách hành chính quý I năm 2024',
    );
  });

  it('carries the summary paragraph and the KPI figures', () => {
    expect(lines).toContain(model.paragraph);
    expect(lines).toContain('- Tổng số đơn vị được giao báo cáo: 4 đơn vị;');
    expect(lines).toContain(
      '- Số đơn vị đã báo cáo: 3/4 đơn vị (đạt 75%), trong đó đúng hạn: 2 đơn vị, trễ hạn: 1 đơn vị;',
    );
    expect(lines).toContain('- Số đơn vị chưa báo cáo: 1 đơn vị (quá hạn: 1 đơn vị);');
    expect(lines).toContain('- Số đơn vị có số liệu cần sửa lỗi: 1 đơn vị.');
  });

  it('has the per-unit table with every unit, its status, its figures in Vietnamese and the totals row', () => {
    const header = lines.indexOf('STT');
    expect(lines.slice(header, header + 5)).toEqual([
      'STT',
      'Đơn vị',
      'Tình hình báo cáo',
      'Ngày báo cáo',
      'Số hội nghị',
    ]);
    for (const unit of units) expect(lines).toContain(unit.name);
    const nv = lines.indexOf('Phòng Nội vụ');
    expect(lines.slice(nv, nv + 6)).toEqual([
      'Phòng Nội vụ',
      'Đã báo cáo đúng hạn',
      '11/03/2024',
      '3',
      '1.200',
      '50%',
    ]);
    // The officer's formula-looking text is printed as text.
    expect(lines).toContain('=IMPORTXML("http://x","//a")');
    const totals = lines.lastIndexOf('Tổng cộng');
    expect(totals).toBeGreaterThan(nv);
    // 3 + 2 + 1 conferences; 1.200 + 940 + 35 participants; average 75%; 2 units with a status; no model
    // named (an empty cell); 1.750.000 đồng; the two columns without a total are empty.
    expect(lines.slice(totals + 1, totals + 7)).toEqual([
      '6',
      '2.175',
      '75%',
      '2',
      '1.750.000 đồng',
      'III. CÁC ĐƠN VỊ CẦN ĐÔN ĐỐC',
    ]);
  });

  it('ends with the units to chase, "Nơi nhận" and the signer placeholder', () => {
    expect(lines).toContain('III. CÁC ĐƠN VỊ CẦN ĐÔN ĐỐC');
    expect(lines).toContain(
      '- UBND xã Mỹ Hòa: Quá hạn chưa báo cáo (quá hạn 2 ngày làm việc), liên hệ: 0277 3835 255;',
    );
    expect(lines).toContain('- Phòng Tư pháp: Có lỗi cần sửa (1 lỗi).');
    expect(lines.slice(-6)).toEqual([
      'Trên đây là báo cáo tình hình thực hiện Công văn số 06/UBND-NV ngày 05/02/2024 của UBND huyện Tháp Mười./.',
      'Nơi nhận:',
      '- UBND huyện Tháp Mười (b/c);',
      '- Lưu: VT, NV.',
      'TRƯỞNG PHÒNG',
      '……………………………',
    ]);
  });

  it('is set in Times New Roman, 14 pt body, on A4 with Decree 30 margins', () => {
    expect(xml).toContain(`w:ascii="${REPORT_FONT}"`);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  });
});

describe('the report context', () => {
  it('writes months 1 and 2 with a leading zero, others without', () => {
    expect(placeDateLine('Tháp Mười', new Date('2024-02-05T03:00:00Z'))).toBe(
      'Tháp Mười, ngày      tháng 02 năm 2024',
    );
    expect(placeDateLine('Tháp Mười', new Date('2024-12-31T18:00:00Z'))).toBe(
      'Tháp Mười, ngày      tháng 01 năm 2025',
    );
  });

  it('shortens "Ủy ban nhân dân" and falls back to the organisation when the coordinator unit is unknown', () => {
    expect(shortBodyName('Ủy ban nhân dân xã Mỹ Hòa')).toBe('UBND xã Mỹ Hòa');
    expect(shortBodyName('Sở Nội vụ')).toBe('Sở Nội vụ');
    const ctx = defaultReportContext(organisation, undefined, directive, new Date('2024-03-20T02:00:00Z'));
    expect(ctx.issuer).toMatchObject({
      parent: 'Ủy ban nhân dân tỉnh Đồng Tháp',
      name: 'Ủy ban nhân dân huyện Tháp Mười',
      symbol: 'BC-NV',
      signerTitle: 'THỦ TRƯỞNG ĐƠN VỊ',
    });
  });
});
